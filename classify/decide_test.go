package classify

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/jobstack/jobstack/extract"
)

// Decide with the rules' own weights is Classify's decision; with other
// weights it is the decision of a classifier built with them. The weights
// and factors here keep every signal's points exact in hundredths, so the
// two agree exactly.
func TestDecideAsReweightedRules(t *testing.T) {
	t.Parallel()
	const rules = `version: t
min_score: 1.6
data_roles: [data_engineer]
large_firm: [big]
roles:
  - {role: data_engineer, title: [data engineer]}
  - {role: software_engineer, title: [backend engineer]}
signals:
  - {id: alpha, class: early_service, weight: 1.5, max: 2, phrases: [alpha, alpha2]}
  - {id: beta, class: cloud_startup, weight: 1.25, at_large_firm: data_platform, phrases: [beta]}
  - {id: gamma, class: undetermined, blocks: early_service, phrases: [gamma]}
  - {id: delta, class: data_platform, weight: 2, phrases: [delta]}
  - {id: big, class: data_platform, weight: 0.5, phrases: [bigco]}
  - {id: veto, class: undetermined, phrases: [vetoed]}
  - {id: with_beta, class: cloud_startup, weight: 0.25, requires: [beta], phrases: [more]}
`
	parsed, err := ParseRules("r.yaml", strings.NewReader(rules))
	c := newClassifier(t, parsed, err)
	texts := []string{
		"alpha", "alpha alpha2", "alpha beta", "beta more", "alpha gamma beta", "alpha gamma",
		"delta alpha", "delta beta", "beta bigco", "beta bigco alpha", "alpha vetoed", "more", "",
		"alpha alpha2 delta beta more",
	}
	factors := []map[string]float64{
		nil,
		{"alpha": 2},
		{"beta": 2, "with_beta": 4},
		{"delta": 0.5, "alpha": 0.5},
		{"big": 4, "beta": 0.5},
	}
	for _, title := range []string{"Data Engineer", "Backend Engineer"} {
		for _, text := range texts {
			p := posting(title, "Responsibilities\n- "+text)
			res := c.Classify(p, nil)
			for _, fs := range factors {
				for _, minScore := range []float64{1.6, 1, 2.5} {
					var factor []float64
					weights := map[string]float64{}
					if fs != nil {
						factor = make([]float64, len(parsed.Signals))
						for i, s := range parsed.Signals {
							factor[i] = 1
							if f, ok := fs[s.ID]; ok {
								factor[i] = f
								weights[s.ID] = s.Weight * f
							}
						}
					}
					want := newClassifier(t, parsed.WithWeights(weights, minScore), nil).Classify(p, nil).Maturity
					if got := c.Decide(&res, factor, minScore); got != want {
						t.Errorf("%s %q, factors %v, min_score %v: Decide %s, a classifier with those weights %s", title, text, fs, minScore, got, want)
					}
					if fs == nil && minScore == parsed.MinScore && want != res.Maturity {
						t.Errorf("%s %q: the same rules decide %s and %s", title, text, want, res.Maturity)
					}
				}
			}
		}
	}
	// WithWeights leaves the rules it copies alone.
	if parsed.Signals[0].Weight != 1.5 || parsed.MinScore != 1.6 {
		t.Errorf("WithWeights changed its rules: alpha %v, min_score %v", parsed.Signals[0].Weight, parsed.MinScore)
	}
}

// With the built-in rules and no change, Decide is Classify's maturity on
// every posting under testdata/postings.
func TestDecideBuiltinRules(t *testing.T) {
	t.Parallel()
	c := defaultClassifier(t)
	tax, err := extract.Default()
	if err != nil {
		t.Fatal(err)
	}
	m := extract.NewMatcher(tax)
	rd := extract.NewReader(extract.Config{})
	files, _ := filepath.Glob("../testdata/postings/*")
	if len(files) < 20 {
		t.Fatalf("%d files in testdata/postings, want 20 or more", len(files))
	}
	classes := map[string]int{}
	for _, f := range files {
		data, err := extract.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		p, err := rd.Parse(extract.Input{Source: f, Format: extract.FormatOf(f), Data: data})
		if err != nil {
			continue // testdata holds bad inputs too
		}
		res := c.Classify(p, m.Match(p))
		classes[res.Maturity]++
		if got := c.Decide(&res, nil, c.Rules().MinScore); got != res.Maturity {
			t.Errorf("%s: Decide %s, Classify %s\n%s", f, got, res.Maturity, strings.Join(res.Evidence, "\n"))
		}
	}
	if len(classes) < 4 {
		t.Errorf("testdata/postings covers %v, want all four maturity classes", classes)
	}
}
