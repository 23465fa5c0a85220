package main

import (
	"bytes"
	"context"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/jobstack/jobstack/classify"
	"github.com/jobstack/jobstack/extract"
)

func TestFitScoreLabels(t *testing.T) {
	t.Parallel()
	// a: tp 2, fn 1; b: tp 1, fp 1; c: fp 0, fn 0 but predicted once wrongly.
	s := fitScoreLabels([][2]string{{"a", "a"}, {"a", "a"}, {"a", "b"}, {"b", "b"}, {"c", "a"}})
	// F1 a = 4/(4+1+1) = 2/3, b = 2/(2+1) = 2/3, c = 0.
	if s.Correct != 3 || math.Abs(s.Accuracy-0.6) > 1e-9 || math.Abs(s.MacroF1-4.0/9) > 1e-9 || s.Seed004 != 0 {
		t.Errorf("score %+v, want 3 right, accuracy 0.6, macro F1 %.4f, no seed-004 postings", s, 4.0/9)
	}
	// Seed 004: 2 of the 3 early_service/cloud_startup postings right; the
	// undetermined ones, right or wrong, do not count.
	e, c, u := classify.EarlyService, classify.CloudStartup, classify.Undetermined
	s = fitScoreLabels([][2]string{{e, e}, {c, u}, {c, c}, {u, e}, {u, u}})
	if math.Abs(s.Seed004-2.0/3) > 1e-9 || s.Correct != 3 {
		t.Errorf("score %+v, want seed004 2/3 and 3 right", s)
	}
	for kind, want := range map[string]float64{"accuracy": s.Accuracy, "macro_f1": s.MacroF1, "seed004": s.Seed004, defaultFitObjective: s.Accuracy + s.MacroF1} {
		if got := s.objective(kind); got != want {
			t.Errorf("objective %s = %v, want %v", kind, got, want)
		}
	}
	if z := fitScoreLabels(nil); z != (FitScore{}) {
		t.Errorf("no labels: %+v", z)
	}
}

// A signal whose weight is too low to reach min_score on its own is
// raised until the postings it marks get its class; a signal that agrees
// with the gold already keeps its weight, and one that only misleads is
// lowered.
func TestFitWeights(t *testing.T) {
	t.Parallel()
	rules, err := classify.ParseRules("r.yaml", strings.NewReader(`version: t
min_score: 1.6
data_roles: [data_engineer]
roles:
  - {role: data_engineer, title: [data engineer]}
signals:
  - {id: weak, class: early_service, weight: 1, phrases: [weak]}
  - {id: strong, class: cloud_startup, weight: 2, phrases: [strong]}
  - {id: noisy, class: data_platform, weight: 1.7, phrases: [noisy]}
`))
	if err != nil {
		t.Fatal(err)
	}
	c, err := classify.New(rules)
	if err != nil {
		t.Fatal(err)
	}
	rd := extract.NewReader(extract.Config{MinText: 1})
	var cases []*fitCase
	add := func(text, gold string) {
		p, err := rd.Parse(extract.Input{Source: "t.txt", Format: extract.FormatText, Data: []byte("Data Engineer\nResponsibilities\n- " + text)})
		if err != nil {
			t.Fatal(err)
		}
		cases = append(cases, &fitCase{gold: gold, res: c.Classify(p, nil)})
	}
	for range 3 {
		add("weak", classify.EarlyService)
		add("strong", classify.CloudStartup)
		add("noisy", classify.Undetermined)
		add("nothing", classify.Undetermined)
	}
	before := fitScoreOf(c, cases, nil, rules.MinScore)
	factor, minScore := fitWeights(c, cases, defaultFitObjective)
	after := fitScoreOf(c, cases, factor, minScore)
	if before.Correct != 6 || after.Correct != len(cases) {
		t.Errorf("right before %d (want 6), after %d (want %d); factors %v, min_score %v", before.Correct, after.Correct, len(cases), factor, minScore)
	}
	if factor[0] <= 1 || factor[1] != 1 {
		t.Errorf("factors %v: want weak raised and strong kept", factor)
	}
	if 1.7*factor[2] >= minScore {
		t.Errorf("noisy still reaches min_score: weight 1.7 × %v, min_score %v", factor[2], minScore)
	}
	// Nothing to fit: the rules stay.
	factor, minScore = fitWeights(c, nil, defaultFitObjective)
	if minScore != rules.MinScore || slices.ContainsFunc(factor, func(f float64) bool { return f != 1 }) {
		t.Errorf("no cases: factors %v, min_score %v", factor, minScore)
	}
}

// A fitted weight stays inside the bound the rules check applies, on both
// sides of zero: a weight the fit writes must load again.
func TestFitFactorOK(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		weight, f float64
		want      bool
	}{
		{1, 2, true},
		{1, fitMaxFactor, true},
		{1, fitMaxFactor * 1.01, false},
		{1, 1.0 / fitMaxFactor, true},
		{1, 1.0 / fitMaxFactor / 1.01, false},
		{600, 1.4, true},
		{600, 2, false},
		{-600, 1.4, true},
		{-600, 2, false}, // -1200 is below -MaxWeight
		{-classify.MaxWeight, 1, true},
	} {
		if got := fitFactorOK(c.weight, c.f); got != c.want {
			t.Errorf("fitFactorOK(%v, %v) = %v, want %v", c.weight, c.f, got, c.want)
		}
	}
}

// loweredCloud writes a rules file that sets the built-in
// managed_cloud_data signal's weight to 0.2, too low for the sample's
// cloud_startup postings, and returns the built-in rules, the lowered
// signal and the file.
func loweredCloud(t *testing.T) (*classify.Rules, classify.Signal, string) {
	t.Helper()
	builtin, err := classify.DefaultRules()
	if err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(builtin.Signals, func(s *classify.Signal) bool { return s.ID == "managed_cloud_data" })
	low := *builtin.Signals[i]
	low.Weight = 0.2
	return builtin, low, reweightedRules(t, &low, low.Weight)
}

// eval --fit on the sample with one weight set too low by a rules file:
// the fit rights the labels it cost, writes a rules file that
// eval --rules scores as the report says, and cross-validates by source
// (the gold is one file).
func TestEvalFit(t *testing.T) {
	t.Parallel()
	gold, inputs := filepath.Join("..", "..", "testdata", "sample_gold.csv"), filepath.Join("..", "..", "testdata", "postings")
	builtin, low, lowered := loweredCloud(t)
	fitted := filepath.Join(t.TempDir(), "fitted.yaml")
	rep := evalJSON(t, "--rules", lowered, "--fit", fitted, "--gold", gold, inputs)
	f := rep.Fit
	if f == nil {
		t.Fatal("no fit in the report")
	}
	if m := rep.Labels["maturity"]; f.Current.Correct != m.Correct || f.Postings != m.N {
		t.Errorf("fit's current rules: %d of %d right, eval's maturity %d of %d", f.Current.Correct, f.Postings, m.Correct, m.N)
	}
	if f.FoldBy != "source" || f.Folds != fitFolds {
		t.Errorf("folds %d by %s, want %d by source", f.Folds, f.FoldBy, fitFolds)
	}
	if f.Fitted.Correct <= f.Current.Correct {
		t.Errorf("fitted %d right, no more than the lowered rules' %d", f.Fitted.Correct, f.Current.Correct)
	}
	// Lowered, the signal costs labels that any of the cloud signals can
	// win back: the fit raises one, and that carries to the folds.
	if len(f.Weights) == 0 || f.CrossValidated.Correct <= f.Current.Correct || !f.Generalises {
		t.Errorf("weights %+v; cross-validated %d right, the lowered rules %d, generalises %v", f.Weights, f.CrossValidated.Correct, f.Current.Correct, f.Generalises)
	}
	for _, w := range f.Weights {
		k := slices.IndexFunc(builtin.Signals, func(s *classify.Signal) bool { return s.ID == w.Signal })
		if from := builtin.Signals[k].Weight; w.Signal == low.ID && w.From != low.Weight || w.Signal != low.ID && w.From != from {
			t.Errorf("%s: from %v, the rules in use have %v", w.Signal, w.From, from)
		}
	}
	// The file is a rules file that says what the report says.
	loaded, err := classify.LoadRules(fitted)
	if err != nil {
		t.Fatalf("the fitted rules do not load: %v", err)
	}
	for _, w := range f.Weights {
		k := slices.IndexFunc(loaded.Signals, func(s *classify.Signal) bool { return s.ID == w.Signal })
		if k < 0 || loaded.Signals[k].Weight != w.To {
			t.Errorf("%s: weight in the file is not %v", w.Signal, w.To)
		}
	}
	if loaded.MinScore != f.MinScore[1] {
		t.Errorf("min_score in the file %v, report %v", loaded.MinScore, f.MinScore[1])
	}
	// Laid over the rules it was fitted from, the file labels as the fit
	// says.
	again := evalJSON(t, "--rules", lowered, "--rules", fitted, "--gold", gold, inputs).Labels["maturity"]
	if again.Correct != f.Fitted.Correct {
		t.Errorf("eval --rules %s --rules %s: %d right, the fit says %d", lowered, fitted, again.Correct, f.Fitted.Correct)
	}
	head, _ := os.ReadFile(fitted)
	for _, want := range []string{"# Maturity weights fitted by jobstack eval --fit to 47 labelled postings", "Fitted over the rules in " + lowered,
		"Cross-validated (5 folds by source)", "# Use: jobstack analyze --rules " + lowered + " --rules fitted.yaml INPUT..."} {
		if !strings.Contains(string(head), want) {
			t.Errorf("fitted file lacks %q:\n%s", want, head)
		}
	}
}

// --fit-objective seed004 fits for seed 004's two classes alone: with
// managed_cloud_data lowered, cloud_startup postings are lost, and the fit
// wins them back and says which objective it raised.
func TestEvalFitSeed004(t *testing.T) {
	t.Parallel()
	gold, inputs := filepath.Join("..", "..", "testdata", "sample_gold.csv"), filepath.Join("..", "..", "testdata", "postings")
	_, _, lowered := loweredCloud(t)
	fitted := filepath.Join(t.TempDir(), "fitted.yaml")
	f := evalJSON(t, "--rules", lowered, "--fit", fitted, "--fit-objective", "seed004", "--gold", gold, inputs).Fit
	if f == nil || f.Objective != "seed004" {
		t.Fatalf("fit %+v, want objective seed004", f)
	}
	if f.Current.Seed004 <= 0 || f.Fitted.Seed004 <= f.Current.Seed004 {
		t.Errorf("seed 004 right: %.3f with the lowered rules, %.3f fitted; want a gain", f.Current.Seed004, f.Fitted.Seed004)
	}
	head, _ := os.ReadFile(fitted)
	if !strings.Contains(string(head), "# Objective: seed 004 classes right.") {
		t.Errorf("fitted file does not name its objective:\n%s", head)
	}
}

// eval --fit refuses, with the reason, gold without maturity labels and a
// file it cannot write, the latter before it reads any posting.
func TestEvalFitErrors(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	noMaturity := filepath.Join(dir, "roles.csv")
	if err := os.WriteFile(noMaturity, []byte("source,role\nen_accountant.txt,other\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	inputs := filepath.Join("..", "..", "testdata", "postings")
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--gold", noMaturity, "--fit", filepath.Join(dir, "f.yaml")}, "eval --fit: no gold posting with a maturity label"},
		{[]string{"--gold", noMaturity, "--fit", filepath.Join(dir, "missing", "f.yaml")}, "no folder " + filepath.Join(dir, "missing")},
		{[]string{"--gold", noMaturity, "--fit", filepath.Join(dir, "f.yaml"), "--fit-objective", "f1"}, `eval --fit-objective "f1": want accuracy+macro_f1`},
		{[]string{"--gold", noMaturity, "--fit-objective", "seed004"}, "eval --fit-objective seed004: needs --fit FILE"},
	} {
		var stdout, stderr bytes.Buffer
		code := run(context.Background(), append(append([]string{"eval"}, tc.args...), inputs), &stdout, &stderr)
		if code == 0 || !strings.Contains(stderr.String(), tc.want) {
			t.Errorf("eval %v: exit %d, stderr %q, want %q", tc.args, code, stderr.String(), tc.want)
		}
	}
}
