package classify

import (
	"os"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/jobstack/jobstack/extract"
)

const seed004 = "../../shared/seeds/004_f9c3d66447e67fbf.txt"

// seedPostings cuts the two example postings out of seed 004: the 담당
// 업무 / 자격요건 / 우대사항 part of each "## N)" block, without the author's
// commentary that follows.
func seedPostings(t *testing.T) []string {
	t.Helper()
	data, err := os.ReadFile(seed004)
	if os.IsNotExist(err) {
		t.Skip("../shared/seeds is not here")
	}
	if err != nil {
		t.Fatal(err)
	}
	blocks := regexp.MustCompile(`(?m)^## \d\)`).Split(string(data), -1)[1:]
	if len(blocks) != 2 {
		t.Fatalf("seed 004 has %d postings, want 2", len(blocks))
	}
	var out []string
	for _, b := range blocks {
		start := strings.Index(b, "### 담당")
		end := strings.Index(b, "### 채용 공고에서 나타나는 특징")
		if start < 0 || end < start {
			t.Fatalf("seed 004 block without 담당 업무 … 채용 공고에서 나타나는 특징:\n%s", b)
		}
		out = append(out, b[start:end])
	}
	return out
}

func TestSeed004(t *testing.T) {
	postings := seedPostings(t)
	tax, err := extract.Default()
	if err != nil {
		t.Fatal(err)
	}
	m := extract.NewMatcher(tax)
	rules, err := DefaultRules()
	if err != nil {
		t.Fatal(err)
	}
	clf, err := New(rules)
	if err != nil {
		t.Fatal(err)
	}
	rd := extract.NewReader(extract.Config{})
	tests := []struct {
		maturity string
		stack    []string
		degree   extract.Degree
	}{
		// "3차원 데이터(polygon mesh, DICOM image) 처리 또는 분석경험".
		{EarlyService, []string{"DICOM", "JavaScript", "Python", "SQL"}, extract.DegreeBachelor},
		// "컴퓨터 공학 전공자 혹은 그에 준하는 전공 지식": a major, not a degree level.
		{CloudStartup, []string{"AWS", "Airflow", "Amazon EKS", "Amazon EMR", "Amazon Kinesis", "Amazon RDS", "AWS Glue", "Docker", "InfluxDB", "Kafka", "Kubernetes"}, extract.DegreeUnspecified},
	}
	for i, tt := range tests {
		p, err := rd.Parse(extract.Input{Source: "seed004#" + string(rune('1'+i)), Format: extract.FormatText, Data: []byte(postings[i])})
		if err != nil {
			t.Fatal(err)
		}
		skills := m.Match(p)
		var stack []string
		for _, s := range skills {
			if s.Kind == "technology" {
				stack = append(stack, s.Name)
			}
		}
		sort.Strings(stack)
		want := append([]string(nil), tt.stack...)
		sort.Strings(want)
		if strings.Join(stack, ", ") != strings.Join(want, ", ") {
			t.Errorf("seed 004 posting %d: stack = %v\nwant %v", i+1, stack, want)
		}
		res := clf.Classify(p, skills)
		if res.Maturity != tt.maturity {
			t.Errorf("seed 004 posting %d: maturity = %s, want %s\nscores %v\nevidence %q", i+1, res.Maturity, tt.maturity, res.Scores, res.Evidence)
		}
		if len(res.Evidence) == 0 || !strings.HasPrefix(res.Evidence[0], tt.maturity) {
			t.Errorf("seed 004 posting %d: evidence does not lead with the %s signals: %q", i+1, tt.maturity, res.Evidence)
		}
		if res.Role != "data_engineer" {
			t.Errorf("seed 004 posting %d: role = %s, want data_engineer (%q)", i+1, res.Role, res.RoleEvidence)
		}
		if p.Requirements.Degree != tt.degree {
			t.Errorf("seed 004 posting %d: degree = %v, want %v", i+1, p.Requirements.Degree, tt.degree)
		}
	}
}
