package classify

import (
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/jobstack/jobstack/extract"
)

// TestClassifyHits checks that the rule phrases a taxonomy matcher finds
// in its walk decide exactly what the classifier's own walk decides, on
// the repository's postings and on texts that need care: a mask over a
// phrase, a Latin phrase inside a longer word, capitals the matcher folds,
// and phrases that are also taxonomy spellings (빅데이터, big data), whose
// pattern the two share.
func TestClassifyHits(t *testing.T) {
	t.Parallel()
	c := defaultClassifier(t)
	tax, err := extract.Default()
	if err != nil {
		t.Fatal(err)
	}
	both := extract.NewMatcher(tax, c.Phrases()...)
	plain := extract.NewMatcher(tax)
	reader := extract.NewReader(extract.Config{MinText: 1})

	var posts []*extract.Posting
	files, err := filepath.Glob("../testdata/postings/*")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		data, err := extract.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		format := extract.FormatOf(f)
		if format != extract.FormatHTML && format != extract.FormatText {
			continue
		}
		p, err := reader.Parse(extract.Input{Source: f, Format: format, Data: data})
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		posts = append(posts, p)
	}
	if len(posts) < 20 {
		t.Fatalf("parsed %d of the repository's postings, want at least 20", len(posts))
	}
	for _, text := range []string{
		"자격요건\n- 자체 클라우드 환경에서 빅데이터 처리 경험\n- AWS 기반 데이터 레이크 운영",
		"Requirements\n- PETABYTE-scale Big Data on a Public Cloud\n- escalate issues; no large scale here\n- Airflow, EMR",
		"주요업무\n- 사내 대시보드 구축 및 백엔드 API 개발\n- 이커머스 데이터 연동\n우대사항\n- Kafka, ClickHouse",
	} {
		posts = append(posts, posting("Data Engineer", text))
	}

	var shared, masked int
	for _, p := range posts {
		var hits []PhraseHit
		skills, terms := both.MatchPhrases(p, func(start, end, id int) {
			hits = append(hits, PhraseHit{Start: int32(start), End: int32(end), ID: int32(id)})
		})
		wantSkills, wantTerms := plain.MatchTerms(p)
		if !reflect.DeepEqual(skills, wantSkills) || !reflect.DeepEqual(terms, wantTerms) {
			t.Errorf("%s: the phrases changed the skills or unknown terms found", p.Source)
		}
		got, want := c.ClassifyHits(p, skills, hits), c.Classify(p, skills)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: from the matcher's hits\n%+v\nfrom the classifier's walk\n%+v", p.Source, got, want)
		}
		low := p.LowerText()
		for _, h := range hits {
			ph := c.Phrases()[h.ID]
			if low[h.Start:h.End] != ph {
				t.Errorf("%s: hit %q at %d for phrase %q", p.Source, low[h.Start:h.End], h.Start, ph)
			}
			if _, ok := tax.Resolve(ph); ok {
				shared++
			}
			if c.isMask[h.ID] {
				masked++
			}
		}
	}
	if shared == 0 || masked == 0 {
		t.Errorf("%d hits of phrases that are taxonomy spellings, %d of masks: the texts no longer test them", shared, masked)
	}
}

// TestClassifyHitsUpperCasePhrase checks that a phrase with a capital,
// which lower-cased text never holds, is not looked for.
func TestClassifyHitsUpperCasePhrase(t *testing.T) {
	t.Parallel()
	tax, err := extract.Default()
	if err != nil {
		t.Fatal(err)
	}
	m := extract.NewMatcher(tax, "data lake", "Data Lake")
	p := posting("Data Engineer", "Requirements\n- a Data Lake on S3")
	var ids []int
	m.MatchPhrases(p, func(start, end, id int) { ids = append(ids, id) })
	if !reflect.DeepEqual(ids, []int{0}) {
		t.Errorf("phrase ids %v, want [0]: %q", ids, strings.Split(p.Text, "\n"))
	}
}

// TestClassifyFirstUseConcurrent checks the classifier's own automaton,
// built on the first Classify: a classifier and a variant made before
// that call, used at once from several goroutines, label as the
// matcher's walk does (run with -race, the test also checks the build is
// safe).
func TestClassifyFirstUseConcurrent(t *testing.T) {
	t.Parallel()
	c := defaultClassifier(t)
	w, err := c.Without(c.Rules().Signals[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	tax, err := extract.Default()
	if err != nil {
		t.Fatal(err)
	}
	m := extract.NewMatcher(tax, c.Phrases()...)
	p := posting("Data Engineer", "자격요건\n- AWS 기반 데이터 레이크와 Airflow 운영 경험\n우대사항\n- Kafka 스트리밍, 대용량 데이터 처리")
	var hits []PhraseHit
	skills, _ := m.MatchPhrases(p, func(start, end, id int) {
		hits = append(hits, PhraseHit{Start: int32(start), End: int32(end), ID: int32(id)})
	})
	if len(hits) == 0 {
		t.Fatal("no rule phrase in the posting: it no longer tests the walk")
	}
	cls := []*Classifier{c, w}
	want := []Result{c.ClassifyHits(p, skills, hits), w.ClassifyHits(p, skills, hits)}
	var wg sync.WaitGroup
	got := make([]Result, 8)
	for i := range got {
		wg.Go(func() { got[i] = cls[i%2].Classify(p, skills) })
	}
	wg.Wait()
	for i, r := range got {
		if !reflect.DeepEqual(r, want[i%2]) {
			t.Errorf("goroutine %d: Classify\n%+v\nwant, as from the matcher's walk,\n%+v", i, r, want[i%2])
		}
	}
}
