package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/jobstack/jobstack/extract"
	"github.com/jobstack/jobstack/internal/testfiles"
	"github.com/jobstack/jobstack/report"
)

var update = flag.Bool("update", false, "rewrite golden files in testdata")

const sample = "../../testdata/postings"

// analyzeInto runs `jobstack analyze` into a fresh folder and returns it.
func analyzeInto(t *testing.T, args ...string) (string, string) {
	t.Helper()
	out := filepath.Join(t.TempDir(), "out")
	var stdout, stderr bytes.Buffer
	all := append([]string{"analyze", "--progress", "never", "-o", out}, args...)
	if code := run(context.Background(), all, &stdout, &stderr); code != 0 {
		t.Fatalf("jobstack %s: exit %d\n%s", strings.Join(all, " "), code, stderr.String())
	}
	return out, stderr.String()
}

type manifest struct {
	Version          string         `json:"version"`
	TaxonomyVersion  string         `json:"taxonomy_version"`
	Inputs           int            `json:"inputs"`
	Postings         int            `json:"postings"`
	Duplicates       int            `json:"duplicates"`
	Rejected         int            `json:"rejected"`
	RejectedByReason map[string]int `json:"rejected_by_reason"`
	SkillRows        int            `json:"skill_rows"`
	RulesVersion     string         `json:"rules_version"`
	Maturity         map[string]int `json:"maturity"`
	Options          struct {
		Rules    []string `json:"rules"`
		Taxonomy []string `json:"taxonomy"`
	} `json:"options"`
}

func readManifest(t *testing.T, dir string) manifest {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, fileManifest))
	if err != nil {
		t.Fatal(err)
	}
	var m manifest
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	if m.Inputs != m.Postings+m.Duplicates+m.Rejected {
		t.Errorf("manifest: inputs %d != postings %d + duplicates %d + rejected %d", m.Inputs, m.Postings, m.Duplicates, m.Rejected)
	}
	sum := 0
	for _, n := range m.RejectedByReason {
		sum += n
	}
	if sum != m.Rejected {
		t.Errorf("manifest: rejected_by_reason adds up to %d, rejected is %d", sum, m.Rejected)
	}
	return m
}

func TestAnalyzeSample(t *testing.T) {
	out, stderr := analyzeInto(t, sample)
	for _, f := range []string{filePostings, fileSkills, fileReport, fileManifest, fileRejects, fileTerms} {
		if _, err := os.Stat(filepath.Join(out, f)); err != nil {
			t.Errorf("output %s: %v", f, err)
		}
	}
	m := readManifest(t, out)
	if m.Inputs != 47 {
		t.Errorf("inputs = %d, want the 47 sample postings", m.Inputs)
	}
	if m.Rejected != 0 {
		t.Errorf("sample postings rejected: %d (%v)", m.Rejected, m.RejectedByReason)
	}
	if !strings.Contains(stderr, fmt.Sprintf("%d postings → ", m.Postings)) || !strings.Contains(stderr, "MB/s") {
		t.Errorf("summary line missing or wrong: %q", stderr)
	}

	pq := filepath.Join(out, filePostings)
	sk := filepath.Join(out, fileSkills)
	res := duckdb(t,
		fmt.Sprintf("DESCRIBE SELECT * FROM '%s'", pq),
		fmt.Sprintf("DESCRIBE SELECT * FROM '%s'", sk),
		fmt.Sprintf("SELECT count(*), count(DISTINCT posting_id) FROM '%s'", pq),
		fmt.Sprintf("SELECT count(*) FROM '%s'", sk),
		fmt.Sprintf("SELECT count(*) FROM '%s' s ANTI JOIN '%s' p USING (posting_id)", sk, pq),
		fmt.Sprintf("SELECT maturity, count(*) FROM '%s' GROUP BY ALL ORDER BY ALL", pq),
		fmt.Sprintf("SELECT count(*) FILTER (WHERE years_min = 0), count(*) FILTER (WHERE years_min IS NULL) FROM '%s'", pq),
		fmt.Sprintf("SELECT count(*) FROM '%s' p WHERE len(p.skills) <> (SELECT count(*) FROM '%s' s WHERE s.posting_id = p.posting_id AND s.kind = 'technology')", pq, sk),
		fmt.Sprintf("SELECT count(*) FILTER (WHERE requirement_evidence = '' OR requirement_evidence = evidence), count(*) FILTER (WHERE requirement_evidence <> evidence) FROM '%s'", sk),
	)
	wantPostings := map[string]string{
		"posting_id": "VARCHAR", "source": "VARCHAR", "title": "VARCHAR", "company": "VARCHAR", "language": "VARCHAR",
		"maturity": "VARCHAR", "maturity_confidence": "DOUBLE", "maturity_evidence": "VARCHAR[]", "role": "VARCHAR",
		"seniority": "VARCHAR", "years_min": "INTEGER", "degree_min": "VARCHAR", "skills": "VARCHAR[]",
		"required_skills": "VARCHAR[]", "preferred_skills": "VARCHAR[]", "duplicate_count": "INTEGER", "duplicate_sources": "VARCHAR[]",
		"site_tags": "VARCHAR[]",
	}
	checkSchema(t, filePostings, res[0], wantPostings)
	checkSchema(t, fileSkills, res[1], map[string]string{
		"posting_id": "VARCHAR", "skill": "VARCHAR", "kind": "VARCHAR", "category": "VARCHAR",
		"requirement": "VARCHAR", "mentions": "INTEGER", "evidence": "VARCHAR", "requirement_evidence": "VARCHAR",
	})
	if rows, ids := num(res[2].Rows[0][0]), num(res[2].Rows[0][1]); int(rows) != m.Postings || ids != rows {
		t.Errorf("postings.parquet has %v rows and %v distinct ids; manifest says %d postings", rows, ids, m.Postings)
	}
	if n := num(res[3].Rows[0][0]); int(n) != m.SkillRows || n == 0 {
		t.Errorf("skills.parquet has %v rows; manifest says %d", n, m.SkillRows)
	}
	if n := num(res[4].Rows[0][0]); n != 0 {
		t.Errorf("%v skill rows do not join to a posting", n)
	}
	classes := map[string]bool{}
	for _, r := range res[5].Rows {
		classes[fmt.Sprint(r[0])] = true
	}
	for _, c := range []string{"early_service", "cloud_startup", "data_platform", "undetermined"} {
		if !classes[c] {
			t.Errorf("no sample posting was labelled %s (got %v)", c, res[5].Rows)
		}
	}
	// 신입 postings ask for 0 years: zero is a value, not a missing one.
	if zero, null := num(res[6].Rows[0][0]), num(res[6].Rows[0][1]); zero < 5 || null > 5 {
		t.Errorf("years_min: %v postings with 0 and %v with null; the sample has ten 신입/new-grad postings and three that state no years", zero, null)
	}
	if n := num(res[7].Rows[0][0]); n != 0 {
		t.Errorf("%v postings list skills that skills.parquet does not have", n)
	}
	// requirement_evidence is null where the first mention set the
	// requirement, and another line where a later one raised it: in the
	// sample some skills are named under duties first and required
	// further down.
	if same, later := num(res[8].Rows[0][0]), num(res[8].Rows[0][1]); same != 0 || later == 0 {
		t.Errorf("requirement_evidence: %v rows empty or equal to evidence, %v set by a later mention; want 0 and some", same, later)
	}
}

func checkSchema(t *testing.T, file string, res duckResult, want map[string]string) {
	t.Helper()
	got := map[string]string{}
	for _, r := range res.Rows {
		got[fmt.Sprint(r[0])] = fmt.Sprint(r[1])
	}
	for col, typ := range want {
		if got[col] != typ {
			t.Errorf("%s: column %s has type %q, want %q", file, col, got[col], typ)
		}
	}
}

// TestDeterministic runs the sample with one worker and with eight, and
// with the inputs named in another order: the outputs are the same bytes.
func TestDeterministic(t *testing.T) {
	a, _ := analyzeInto(t, "-j", "1", sample)
	b, _ := analyzeInto(t, "-j", "8", sample)
	files, _ := filepath.Glob(filepath.Join(sample, "*"))
	sort.Sort(sort.Reverse(sort.StringSlice(files)))
	c, _ := analyzeInto(t, append([]string{"-j", "3"}, files...)...)
	for _, f := range []string{filePostings, fileSkills, fileReport, fileRejects, fileTerms} {
		fa, _ := os.ReadFile(filepath.Join(a, f))
		fb, _ := os.ReadFile(filepath.Join(b, f))
		if !bytes.Equal(fa, fb) {
			t.Errorf("%s differs between -j 1 and -j 8", f)
		}
		if f == filePostings || f == fileSkills || f == fileRejects {
			continue // sources differ: the folder is named one way, the files another
		}
		fc, _ := os.ReadFile(filepath.Join(c, f))
		if f == fileReport {
			fa = bytes.ReplaceAll(fa, []byte("../../testdata/postings/"), nil)
			fc = bytes.ReplaceAll(fc, []byte("../../testdata/postings/"), nil)
		}
		if !bytes.Equal(fa, fc) {
			t.Errorf("%s differs when the inputs are named in reverse order", f)
		}
	}
}

// TestBatchesInOrder runs 700 records, many windows of batches, with one,
// three and eight workers, and some of them rejected or duplicates: every
// input is counted once and the outputs are the same bytes.
func TestBatchesInOrder(t *testing.T) {
	words := strings.Fields("Kafka Spark Airflow Python SQL AWS EMR 데이터 파이프라인 구축 운영 대용량 처리 경험 우대 " +
		"Kubernetes Docker BigQuery dbt Tableau 분석 대시보드 설계 개발 협업 서비스 백엔드 Django MySQL PostgreSQL " +
		"Redshift Snowflake Flink Hadoop Hive 모델 배포 MLOps 실시간 스트리밍 배치 품질 모니터링 거버넌스")
	in := t.TempDir()
	var b bytes.Buffer
	for i := range 700 {
		switch {
		case i%97 == 0:
			b.WriteString("{broken\n")
		case i%50 == 0:
			rec, _ := json.Marshal(map[string]string{"title": "Data Engineer", "description": goodKorean})
			b.Write(rec)
			b.WriteByte('\n')
		default:
			// Words drawn at random make each posting its own, not a
			// near duplicate of the others.
			rng := rand.New(rand.NewPCG(uint64(i), 7))
			var d strings.Builder
			fmt.Fprintf(&d, "자격요건\n- 경력 %d년 이상\n", i%9+1)
			for range 80 {
				d.WriteString(words[rng.IntN(len(words))])
				d.WriteByte(' ')
			}
			rec, _ := json.Marshal(map[string]string{"title": fmt.Sprintf("Data Engineer %d", i), "description": d.String()})
			b.Write(rec)
			b.WriteByte('\n')
		}
	}
	write(t, filepath.Join(in, "many.jsonl"), b.Bytes())
	var first map[string][]byte
	for _, j := range []string{"1", "3", "8"} {
		out, _ := analyzeInto(t, "-j", j, in)
		var m manifest
		mb, _ := os.ReadFile(filepath.Join(out, fileManifest))
		if err := json.Unmarshal(mb, &m); err != nil {
			t.Fatal(err)
		}
		// 8 broken lines, 13 copies of one posting (12 duplicates).
		if m.Inputs != 700 || m.Rejected != 8 || m.Duplicates != 12 || m.Postings != 680 {
			t.Errorf("-j %s: inputs %d, postings %d, duplicates %d, rejected %d; want 700, 680, 12, 8", j, m.Inputs, m.Postings, m.Duplicates, m.Rejected)
		}
		got := map[string][]byte{}
		for _, f := range []string{filePostings, fileSkills, fileReport, fileRejects, fileTerms} {
			got[f], _ = os.ReadFile(filepath.Join(out, f))
		}
		if first == nil {
			first = got
			continue
		}
		for f, data := range got {
			if !bytes.Equal(data, first[f]) {
				t.Errorf("%s differs between -j 1 and -j %s", f, j)
			}
		}
	}
}

// TestProducerBatches: a task goes out at once when the workers have
// nothing queued, and otherwise waits for a full batch.
func TestProducerBatches(t *testing.T) {
	tasks := make(chan []task, 2)
	p := &producer{ctx: context.Background(), tasks: tasks, slots: make(chan struct{}, 100)}
	emit := func(n int) {
		for range n {
			if err := p.emit(task{}); err != nil {
				t.Fatal(err)
			}
		}
	}
	var seq int64
	sizes := func() []int {
		var s []int
		for len(tasks) > 0 {
			b := <-tasks
			for _, t := range b {
				if t.seq != seq {
					panic(fmt.Sprintf("task %d where %d was next", t.seq, seq))
				}
				seq++
			}
			s = append(s, len(b))
		}
		return s
	}
	emit(1) // idle workers: at once
	emit(taskBatch + 3)
	if got, want := sizes(), []int{1, taskBatch}; !slices.Equal(got, want) {
		t.Errorf("batches %v, want %v", got, want)
	}
	emit(1) // the queue is empty again: the three held and this one go
	if got, want := sizes(), []int{4}; !slices.Equal(got, want) {
		t.Errorf("batches %v, want %v", got, want)
	}
	emit(1)
	emit(2)
	if err := p.flush(); err != nil {
		t.Fatal(err)
	}
	if got, want := sizes(), []int{1, 2}; !slices.Equal(got, want) {
		t.Errorf("batches %v, want %v", got, want)
	}
	if n := 1 + taskBatch + 3 + 1 + 1 + 2; len(p.slots) != n || seq != int64(n) {
		t.Errorf("%d slots taken and %d tasks handed out, want %d", len(p.slots), seq, n)
	}
}

// TestGoldenReport compares report.md for the sample with the reviewed
// golden copy; run `make golden` to rewrite it, then read the diff.
func TestGoldenReport(t *testing.T) {
	out, _ := analyzeInto(t, sample)
	got, err := os.ReadFile(filepath.Join(out, fileReport))
	if err != nil {
		t.Fatal(err)
	}
	golden := "../../testdata/cmd/report.golden.md"
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run make golden)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("report.md differs from %s; run make golden and review the diff", golden)
	}
}

// The summary line gives short runs in milliseconds and long ones in
// seconds, with thousands separators.
func TestSummaryLine(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		s    summary
		want string
	}{
		{summary{Postings: 47, ElapsedSeconds: 0.0474, PostingsPerSec: 991.6, MBPerSec: 2.41}, "47 postings → out/ (0 rejected, 0 duplicates) in 47 ms, 991 inputs/s, 2.4 MB/s"},
		{summary{Postings: 1, Rejected: 2, ElapsedSeconds: 0.9996, PostingsPerSec: 3, MBPerSec: 0.01}, "1 posting → out/ (2 rejected, 0 duplicates) in 1.0s, 3 inputs/s, 0.0 MB/s"},
		{summary{Postings: 12345, Duplicates: 1200, ElapsedSeconds: 4.26, PostingsPerSec: 3179.2, MBPerSec: 11.04}, "12,345 postings → out/ (0 rejected, 1,200 duplicates) in 4.3s, 3,179 inputs/s, 11.0 MB/s"},
	} {
		if got := tt.s.line("out/"); got != tt.want {
			t.Errorf("line = %q\n want %q", got, tt.want)
		}
	}
}

// --rules and --taxonomy may be given more than once: the files lay over
// the embedded ones in the order given, and the manifest lists them in
// that order.
func TestAnalyzeLayeredFiles(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write := func(name, text string) string { return testfiles.Write(t, dir, name, text) }
	// strict's min_score leaves every posting undetermined, loose's lets
	// any evidence decide: whichever comes last wins.
	strict, loose := write("strict.yaml", "version: strict\nmin_score: 1000\n"), write("loose.yaml", "version: loose\nmin_score: 0.01\n")
	ta := write("ta.yaml", "version: ta\nentries:\n  - {id: quokkadb, name: QuokkaDB, kind: technology, category: database}\n")
	tb := write("tb.yaml", "version: tb\nremove: [quokkadb]\n")
	read := func(args ...string) manifest {
		out, _ := analyzeInto(t, append(args, sample)...)
		return readManifest(t, out)
	}
	last := read("--rules", strict, "--rules", loose, "--taxonomy", ta, "--taxonomy", tb)
	if !slices.Equal(last.Options.Rules, []string{strict, loose}) || !slices.Equal(last.Options.Taxonomy, []string{ta, tb}) {
		t.Errorf("manifest options: rules %q, taxonomy %q; want them in the order given", last.Options.Rules, last.Options.Taxonomy)
	}
	if !strings.HasSuffix(last.RulesVersion, "+strict+loose") || !strings.HasSuffix(last.TaxonomyVersion, "+ta+tb") {
		t.Errorf("rules_version %q, taxonomy_version %q", last.RulesVersion, last.TaxonomyVersion)
	}
	first := read("--rules", loose, "--rules", strict)
	if n := first.Maturity["undetermined"]; n != 47 {
		t.Errorf("loose then strict: %d of 47 postings undetermined, want all: %v", n, first.Maturity)
	}
	if n := last.Maturity["undetermined"]; n >= 47 {
		t.Errorf("strict then loose: %d of 47 postings undetermined, want fewer: %v", n, last.Maturity)
	}
	if none := read(); none.Options.Rules == nil || len(none.Options.Rules) != 0 || none.Options.Taxonomy == nil {
		t.Errorf("no files: options %+v, want empty lists", none.Options)
	}
}

// The report lists the files that lost the most records, by the file
// each record came from, and leaves out files with one reject.
func TestRejectFiles(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"a/rows.csv#12":              "a/rows.csv",
		"jobs.zip/2026/wanted.csv#3": "jobs.zip/2026/wanted.csv",
		"page.html":                  "page.html",
		"odd#name.html":              "odd#name.html",
		"x.jsonl#":                   "x.jsonl#",
		"pages.jsonl#3.12":           "pages.jsonl",
		"v#1.2.3.html":               "v#1.2.3.html",
	} {
		if got := extract.SourceFile(in); got != want {
			t.Errorf("SourceFile(%q) = %q, want %q", in, got, want)
		}
	}
	files := map[string]int{"b.csv": 7, "a.csv": 7, "page.html": 1, "c.jsonl": 40, "d.csv": 2}
	got := topRejectFiles(files, 3)
	want := []report.KV{{Key: "c.jsonl", N: 40}, {Key: "a.csv", N: 7}, {Key: "b.csv", N: 7}}
	if !slices.Equal(got, want) {
		t.Errorf("topRejectFiles = %v, want %v", got, want)
	}
	if got := topRejectFiles(map[string]int{"page.html": 1}, 3); len(got) != 0 {
		t.Errorf("one reject per file: %v, want none", got)
	}
}

// TestRejectExample checks the report's example of a reject: the first
// line of its detail, where a newline in the file's name is not the end
// of that line.
func TestRejectExample(t *testing.T) {
	t.Parallel()
	tests := []struct{ source, detail, want string }{
		{"p.txt", "p.txt: panic: boom\ngoroutine 7 [running]:\n", "p.txt: panic: boom"},
		{"new\nline.txt", "new\nline.txt: file is empty", "new\nline.txt: file is empty"},
		{"new\nline.txt", "new\nline.txt: panic: boom\ngoroutine 7", "new\nline.txt: panic: boom"},
		{"a.txt", "other wording\nsecond line", "other wording"},
	}
	for _, tt := range tests {
		if got := rejectExample(tt.source, tt.detail); got != tt.want {
			t.Errorf("rejectExample(%q, %q) = %q, want %q", tt.source, tt.detail, got, tt.want)
		}
	}
}

// TestStdinFormats checks that standard input is read as what it holds:
// a CSV export piped in gzip-compressed is its rows, not a bad_json
// reject per line.
func TestStdinFormats(t *testing.T) {
	t.Parallel()
	csvText := "title,company,description\n" +
		"\"Data Engineer\",ABC,\"Python과 Airflow로 데이터 파이프라인을 구축합니다. 경력 3년 이상, Spark 우대.\"\n" +
		"\"BI Analyst\",DEF,\"SQL and Tableau dashboards for the sales team, 2+ years of experience with Looker.\"\n"
	var gz bytes.Buffer
	w := gzip.NewWriter(&gz)
	w.Write([]byte(csvText))
	w.Close()
	for name, in := range map[string][]byte{"csv": []byte(csvText), "gzip csv": gz.Bytes()} {
		out := filepath.Join(t.TempDir(), "out")
		var stdout, stderr bytes.Buffer
		if code := runWith(context.Background(), []string{"analyze", "--progress", "never", "-o", out, "-"}, bytes.NewReader(in), &stdout, &stderr); code != 0 {
			t.Fatalf("%s: exit %d\n%s", name, code, stderr.String())
		}
		if m := readManifest(t, out); m.Inputs != 2 || m.Postings != 2 {
			t.Errorf("%s: inputs %d, postings %d (rejected %v), want 2 and 2", name, m.Inputs, m.Postings, m.RejectedByReason)
		}
	}
}

// TestStdinPagesAndArchives: a page piped in (curl's output) is one HTML
// posting named stdin, a zip archive is read entry by entry as
// stdin/NAME, and an XML feed is one unsupported_type reject, not a
// no_header or bad_json reject per line.
func TestStdinPagesAndArchives(t *testing.T) {
	t.Parallel()
	page := "\ufeff\n  <!DOCTYPE html><html><head><title>Data Engineer</title></head><body><h1>Data Engineer</h1>" +
		"<p>Python, SQL and Airflow: 3+ years building batch pipelines on AWS for our analytics team.</p></body></html>"
	csvText := "title,company,description\nBI Analyst,DEF,\"SQL and Tableau dashboards for the sales team, 2+ years of experience with Looker.\"\n"
	archive := zipped(t, []zipEntry{{name: "pages/de.html", data: []byte(page)}, {name: "jobs.csv", data: []byte(csvText)}})
	feed := `<?xml version="1.0"?><rss><channel><item><title>DE</title><description>Python</description></item></channel></rss>`
	for _, tt := range []struct {
		name    string
		in      []byte
		sources string // postings' sources, sorted, or the reject
	}{
		{"page", []byte(page), "stdin"},
		{"archive", archive, "stdin/jobs.csv#1 stdin/pages/de.html"},
		{"feed", []byte(feed), "unsupported_type"},
	} {
		out := filepath.Join(t.TempDir(), "out")
		var stdout, stderr bytes.Buffer
		if code := runWith(context.Background(), []string{"analyze", "--progress", "never", "-o", out, "-"}, bytes.NewReader(tt.in), &stdout, &stderr); code != 0 {
			t.Fatalf("%s: exit %d\n%s", tt.name, code, stderr.String())
		}
		m := readManifest(t, out)
		if tt.sources == "unsupported_type" {
			if m.Inputs != 1 || m.RejectedByReason["unsupported_type"] != 1 {
				t.Errorf("%s: inputs %d, rejected %v, want one unsupported_type", tt.name, m.Inputs, m.RejectedByReason)
			}
			continue
		}
		res := duckdb(t, "SELECT string_agg(source, ' ' ORDER BY source) FROM '"+filepath.Join(out, filePostings)+"'")
		if got := fmt.Sprint(res[0].Rows[0][0]); got != tt.sources || m.Rejected != 0 {
			t.Errorf("%s: postings %q (rejected %v), want %q", tt.name, got, m.RejectedByReason, tt.sources)
		}
	}
}
