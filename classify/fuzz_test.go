package classify

import (
	"bytes"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jobstack/jobstack/extract"
)

// FuzzRulesOverride lays arbitrary YAML over the built-in rules, as
// --rules does. A file is either refused with problems that name it, or
// gives a classifier whose labels on real postings are labels: a known
// class, a confidence in [0, 1] and evidence for the decision.
func FuzzRulesOverride(f *testing.F) {
	f.Add([]byte("version: mine\nmin_score: 1.6\nsignals:\n  - id: our_lakehouse_words\n    class: cloud_startup\n    describe: lakehouse vendors\n" +
		"    weight: 0.9\n    max: 1\n    phrases: [\"lakehouse\", \"레이크하우스\"]\n  - id: agency_post\n    class: undetermined\n    reason: client_work\n" +
		"    describe: an agency\n    companies: [\"recruit partners\"]\n"))
	f.Add([]byte("min_score: 0\nsignals:\n  - id: dashboards\n    class: data_platform\n    describe: x\n    weight: -2\n"))
	f.Add([]byte("signals:\n  - id: x\n    class: early_service\n    describe: x\n    weight: .nan\n    skills: [python]\n"))
	f.Add([]byte("signals:\n  - id: x\n    class: early_service\n    describe: x\n    weight: 1e308\n    max: 3\n    headcount: {min: 9, max: 1}\n"))
	f.Add([]byte("roles:\n  - role: data_engineer\n    title: [\"\"]\n"))
	f.Add([]byte("[1, 2]"))
	f.Add([]byte("signals: {a: b}\n"))
	f.Add(DefaultRulesYAML())
	base, err := DefaultRules()
	if err != nil {
		f.Fatal(err)
	}
	tax, err := extract.Default()
	if err != nil {
		f.Fatal(err)
	}
	m := extract.NewMatcher(tax)
	postings := fuzzPostings(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		rules, err := base.extend("user.yaml", bytes.NewReader(data))
		if err != nil {
			if !strings.HasPrefix(err.Error(), "user.yaml") {
				t.Fatalf("error does not name the file: %v", err)
			}
			return
		}
		if rules.CheckSkills(tax) != nil {
			return
		}
		c, err := New(rules)
		if err != nil {
			return
		}
		for _, p := range postings {
			res := c.Classify(p, m.Match(p))
			switch res.Maturity {
			case EarlyService, CloudStartup, DataPlatform, Undetermined:
			default:
				t.Fatalf("%s: maturity %q", p.Source, res.Maturity)
			}
			if !(res.Confidence >= 0 && res.Confidence <= 1) {
				t.Fatalf("%s: confidence %v", p.Source, res.Confidence)
			}
			if len(res.Evidence) == 0 || res.Role == "" || res.Seniority == "" || len(res.SeniorityEvidence) == 0 {
				t.Fatalf("%s: a label without evidence: %+v", p.Source, res)
			}
			for class, v := range res.Scores {
				if math.IsNaN(v) || math.IsInf(v, 0) {
					t.Fatalf("%s: %s scores %v", p.Source, class, v)
				}
			}
		}
	})
}

// fuzzPostings parses a few of the bundled sample's postings: Korean
// and English, each maturity class.
func fuzzPostings(tb testing.TB) []*extract.Posting {
	tb.Helper()
	rd := extract.NewReader(extract.Config{})
	var out []*extract.Posting
	for _, name := range []string{"ko_early_de_django.txt", "ko_startup_de_cloud.html", "ko_largecorp_platform_lead.html", "en_first_data_scientist_saas.md", "en_accountant.txt"} {
		path := filepath.Join("../testdata/postings", name)
		data, err := os.ReadFile(path)
		if err != nil {
			tb.Fatal(err)
		}
		p, err := rd.Parse(extract.Input{Source: path, Format: extract.FormatOf(path), Data: data})
		if err != nil {
			tb.Fatal(err)
		}
		out = append(out, p)
	}
	return out
}
