package main

import (
	"bytes"
	"fmt"
	"hash/fnv"
	"io"
	"maps"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"

	yaml "go.yaml.in/yaml/v4"

	"github.com/jobstack/jobstack/classify"
)

// eval --fit: the maturity signals' weights and min_score fitted to gold
// labels, by coordinate ascent on an objective (the labels' accuracy plus
// their macro F1 unless --fit-objective says otherwise), with a
// cross-validation that says whether the fitted weights label postings
// they were not fitted on any better.

// fitObjectives are the objectives --fit-objective may name, with how
// the report says them.
var fitObjectives = map[string]string{
	"accuracy+macro_f1": "accuracy + macro F1",
	"accuracy":          "accuracy",
	"macro_f1":          "macro F1",
	"seed004":           "seed 004 classes right",
}

const defaultFitObjective = "accuracy+macro_f1"

// FitReport is what eval --fit found.
type FitReport struct {
	Postings  int    `json:"postings"`  // gold postings with a maturity label, found and read
	Objective string `json:"objective"` // a key of fitObjectives
	Folds     int    `json:"folds"`
	FoldBy    string `json:"fold_by"` // "gold file" or "source"
	// Current is the rules in use; Fitted the fitted weights on the
	// postings they were fitted on; CrossValidated the fitted weights on
	// each fold's postings, fitted on the other folds.
	Current        FitScore `json:"current"`
	Fitted         FitScore `json:"fitted"`
	CrossValidated FitScore `json:"cross_validated"`
	// Generalises says the cross-validated score is above the current
	// rules' score.
	Generalises bool           `json:"generalises"`
	MinScore    [2]float64     `json:"min_score"` // from, to
	Weights     []WeightChange `json:"weights"`   // the signals whose weight changed, in rules order
	File        string         `json:"file,omitempty"`
}

// FitScore is how a set of weights labels the gold postings' maturity.
type FitScore struct {
	Correct  int     `json:"correct"`
	Accuracy float64 `json:"accuracy"`
	MacroF1  float64 `json:"macro_f1"` // over the classes in the gold or the predictions
	// Seed004 is the share of the postings whose gold is one of seed
	// 004's two classes (early_service, cloud_startup) labelled right.
	Seed004 float64 `json:"seed004"`
}

// objective is the score the search raises: one of fitObjectives.
func (s FitScore) objective(kind string) float64 {
	switch kind {
	case "accuracy":
		return s.Accuracy
	case "macro_f1":
		return s.MacroF1
	case "seed004":
		return s.Seed004
	}
	return s.Accuracy + s.MacroF1
}

// isSeed004 says whether a gold label is one of seed 004's two classes.
func isSeed004(class string) bool {
	return class == classify.EarlyService || class == classify.CloudStartup
}

// WeightChange is one signal's weight before and after the fit.
type WeightChange struct {
	Signal string  `json:"signal"`
	Class  string  `json:"class"`
	From   float64 `json:"from"`
	To     float64 `json:"to"`
}

// fitCase is a gold posting's maturity label and its classification by
// the rules in use.
type fitCase struct {
	source, gold string
	res          classify.Result
	fold         int
	out          *evalOut
}

// The search: each signal's weight is tried at these multiples of its
// current value, within fitMaxFactor of where it started, and min_score
// at these multiples; a change is kept when it raises the objective by
// more than half a posting's worth, so noise does not move weights.
var (
	fitSteps      = []float64{0.5, 0.7, 0.85, 1.2, 1.4, 2}
	fitScoreSteps = []float64{0.75, 0.875, 1.125, 1.25}
)

const (
	fitMaxFactor = 8
	fitRounds    = 5
	fitFolds     = 5 // when the gold is one file
)

// fitWeights fits factors on the signals' weights (by index in the rules)
// and a min_score to cases by coordinate ascent on the objective kind,
// from the rules' own.
func fitWeights(c *classify.Classifier, cases []*fitCase, kind string) ([]float64, float64) {
	signals := c.Rules().Signals
	factor := make([]float64, len(signals))
	for i := range factor {
		factor[i] = 1
	}
	minScore := c.Rules().MinScore
	// Only the signals with points on some case can change a label.
	var tune []int
	has := map[string]bool{}
	for _, fc := range cases {
		for _, f := range fc.res.Fired {
			if f.Points != 0 {
				has[f.Signal] = true
			}
		}
	}
	for i, s := range signals {
		if has[s.ID] && s.Class != classify.Undetermined {
			tune = append(tune, i)
		}
	}
	if len(cases) == 0 {
		return factor, minScore
	}
	// Half a posting: of the seed-004 postings when only they count.
	n := len(cases)
	if kind == "seed004" {
		n = 0
		for _, fc := range cases {
			if isSeed004(fc.gold) {
				n++
			}
		}
		if n == 0 {
			return factor, minScore
		}
	}
	margin := 0.5 / float64(n)
	best := fitScoreOf(c, cases, factor, minScore).objective(kind)
	for range fitRounds {
		changed := false
		for _, i := range tune {
			start := factor[i]
			for _, step := range fitSteps {
				f := start * step
				if !fitFactorOK(signals[i].Weight, f) {
					continue
				}
				factor[i] = f
				if o := fitScoreOf(c, cases, factor, minScore).objective(kind); o > best+margin {
					best, start, changed = o, f, true
				}
				factor[i] = start
			}
		}
		from := minScore
		for _, step := range fitScoreSteps {
			m := from * step
			if o := fitScoreOf(c, cases, factor, m).objective(kind); o > best+margin {
				best, minScore, changed = o, m, true
			}
		}
		if !changed {
			break
		}
	}
	return factor, minScore
}

// fitFactorOK says whether a signal of this weight may be scaled by f:
// within fitMaxFactor either way, and inside the rules' own bound on a
// weight, which holds for negative weights too (the rules check refuses
// a file with a weight below -MaxWeight).
func fitFactorOK(weight, f float64) bool {
	return f <= fitMaxFactor && f >= 1.0/fitMaxFactor && math.Abs(weight*f) <= classify.MaxWeight
}

// fitScoreOf scores the decisions under factor and minScore.
func fitScoreOf(c *classify.Classifier, cases []*fitCase, factor []float64, minScore float64) FitScore {
	var labels [][2]string
	for _, fc := range cases {
		labels = append(labels, [2]string{fc.gold, c.Decide(&fc.res, factor, minScore)})
	}
	return fitScoreLabels(labels)
}

// fitScoreLabels scores (gold, predicted) pairs.
func fitScoreLabels(labels [][2]string) FitScore {
	var s FitScore
	per := map[string]PRF{}
	var seed, seedRight int
	for _, l := range labels {
		if isSeed004(l[0]) {
			seed++
			if l[0] == l[1] {
				seedRight++
			}
		}
		g := per[l[0]]
		if l[0] == l[1] {
			s.Correct++
			g.TP++
			per[l[0]] = g
			continue
		}
		g.FN++
		per[l[0]] = g
		p := per[l[1]]
		p.FP++
		per[l[1]] = p
	}
	if len(labels) == 0 {
		return s
	}
	s.Accuracy = float64(s.Correct) / float64(len(labels))
	if seed > 0 {
		s.Seed004 = float64(seedRight) / float64(seed)
	}
	// In a fixed order, so that the sum, and the search's choices, are
	// the same on every run.
	for _, c := range slices.Sorted(maps.Keys(per)) {
		p := per[c]
		p.finish()
		s.MacroF1 += p.F1
	}
	s.MacroF1 /= float64(len(per))
	return s
}

// fitRun fits the weights to the gold postings on the objective kind,
// cross-validates the fit, and writes the fitted rules to path when it is
// not empty. fileOf is the gold file each row came from, for the folds.
func fitRun(eng *engine, cfg *Config, gold []*goldRow, got map[*goldRow]*evalOut, fileOf map[*goldRow]string, golds []string, path, kind string) (*FitReport, error) {
	c := eng.classifier
	var cases []*fitCase
	files := map[string]int{}
	for _, g := range gold {
		out := got[g]
		if g.Maturity == "" || out == nil || out.posting == nil {
			continue
		}
		if _, ok := files[fileOf[g]]; !ok {
			files[fileOf[g]] = len(files)
		}
		cases = append(cases, &fitCase{source: g.Source, gold: g.Maturity, res: c.Classify(out.posting, out.skills), fold: files[fileOf[g]], out: out})
	}
	if len(cases) == 0 {
		return nil, fmt.Errorf("eval --fit: no gold posting with a maturity label was found in the inputs")
	}
	if kind == "seed004" && !slices.ContainsFunc(cases, func(fc *fitCase) bool { return isSeed004(fc.gold) }) {
		return nil, fmt.Errorf("eval --fit-objective seed004: no gold posting labelled %s or %s was found in the inputs", classify.EarlyService, classify.CloudStartup)
	}
	rep := &FitReport{Postings: len(cases), Objective: kind, Folds: len(files), FoldBy: "gold file"}
	if len(files) < 2 {
		// One file: folds by a hash of the source, so that they do not
		// follow the file's order.
		rep.Folds, rep.FoldBy = fitFolds, "source"
		for _, fc := range cases {
			h := fnv.New32a()
			h.Write([]byte(fc.source))
			fc.fold = int(h.Sum32() % fitFolds)
		}
	}
	rep.Current = fitScoreOf(c, cases, nil, c.Rules().MinScore)

	// Cross-validation: fitted on all folds but one, labels of that one.
	var held [][2]string
	for k := range rep.Folds {
		var train, test []*fitCase
		for _, fc := range cases {
			if fc.fold == k {
				test = append(test, fc)
			} else {
				train = append(train, fc)
			}
		}
		if len(test) == 0 {
			continue
		}
		factor, minScore := fitWeights(c, train, kind)
		for _, fc := range test {
			held = append(held, [2]string{fc.gold, c.Decide(&fc.res, factor, minScore)})
		}
	}
	rep.CrossValidated = fitScoreLabels(held)
	rep.Generalises = rep.CrossValidated.objective(kind) > rep.Current.objective(kind)

	// The fit on all of them, rounded as a rules file would hold it and
	// scored by a classifier built from it.
	factor, minScore := fitWeights(c, cases, kind)
	rules := c.Rules()
	weights := map[string]float64{}
	var changed []*classify.Signal
	for i, s := range rules.Signals {
		if factor[i] == 1 {
			continue
		}
		w := math.Round(s.Weight*factor[i]*100) / 100
		if w == s.Weight || w <= 0 {
			continue
		}
		weights[s.ID] = w
		rep.Weights = append(rep.Weights, WeightChange{Signal: s.ID, Class: s.Class, From: s.Weight, To: w})
	}
	minScore = math.Round(minScore*100) / 100
	rep.MinScore = [2]float64{rules.MinScore, minScore}
	fitted := rules.WithWeights(weights, minScore)
	fc, err := classify.New(fitted)
	if err != nil {
		return nil, err
	}
	var in [][2]string
	for _, k := range cases {
		in = append(in, [2]string{k.gold, fc.Classify(k.out.posting, k.out.skills).Maturity})
	}
	rep.Fitted = fitScoreLabels(in)
	for _, s := range fitted.Signals {
		if _, ok := weights[s.ID]; ok {
			changed = append(changed, s)
		}
	}
	if path != "" {
		if err := writeFitted(path, rep, changed, cfg.Rules, golds); err != nil {
			return nil, fmt.Errorf("eval --fit: %w", err)
		}
		rep.File = path
	}
	return rep, nil
}

// writeFitted writes the fitted weights as a rules file to lay over the
// built-in rules (jobstack analyze --rules FILE): min_score and the
// signals whose weight changed, each whole, since a signal in a rules
// file replaces the one with its id.
func writeFitted(path string, rep *FitReport, signals []*classify.Signal, rulesFiles []string, golds []string) error {
	var b bytes.Buffer
	fmt.Fprintf(&b, "# Maturity weights fitted by jobstack eval --fit to %d labelled postings\n", rep.Postings)
	names := make([]string, len(golds))
	for i, g := range golds {
		names[i] = filepath.Base(g)
	}
	fmt.Fprintf(&b, "# (gold: %s).\n", strings.Join(names, ", "))
	use := ""
	if len(rulesFiles) > 0 {
		fmt.Fprintf(&b, "# Fitted over the rules in %s: only min_score and the signals below are here,\n# so lay this file over them.\n", strings.Join(rulesFiles, ", "))
		for _, f := range rulesFiles {
			use += "--rules " + f + " "
		}
	}
	fmt.Fprintf(&b, "# Objective: %s.\n", fitObjectives[rep.Objective])
	fmt.Fprintf(&b, "# Labels right: %d of %d with the rules it was fitted from, %d with these weights.\n", rep.Current.Correct, rep.Postings, rep.Fitted.Correct)
	fmt.Fprintf(&b, "# Cross-validated (%d folds by %s): %d right, accuracy %.3f, macro F1 %.3f and seed 004 %.3f\n# against %.3f, %.3f and %.3f:\n",
		rep.Folds, rep.FoldBy, rep.CrossValidated.Correct, rep.CrossValidated.Accuracy, rep.CrossValidated.MacroF1, rep.CrossValidated.Seed004,
		rep.Current.Accuracy, rep.Current.MacroF1, rep.Current.Seed004)
	b.WriteString("# " + rep.verdict() + ".\n")
	b.WriteString("#\n# Use: jobstack analyze " + use + "--rules " + filepath.Base(path) + " INPUT...\n")
	file := struct {
		Version  string             `yaml:"version"`
		MinScore float64            `yaml:"min_score"`
		Signals  []*classify.Signal `yaml:"signals,omitempty"`
	}{"fit", rep.MinScore[1], signals}
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(file); err != nil {
		return err
	}
	if err := enc.Close(); err != nil {
		return err
	}
	return os.WriteFile(path, b.Bytes(), 0o644)
}

// verdict says whether to use the fitted weights.
func (f *FitReport) verdict() string {
	switch {
	case len(f.Weights) == 0 && f.MinScore[0] == f.MinScore[1]:
		return "no change of weight labels these postings better: keep the rules in use"
	case f.Generalises:
		return "the fitted weights also label postings they were not fitted on better than the rules in use"
	}
	return "the fitted weights do better only on the postings they were fitted on: keep the rules in use"
}

// print writes the fit's part of eval's report.
func (f *FitReport) print(w io.Writer) {
	fmt.Fprintf(w, "\nmaturity weights fitted to %d labelled postings (objective: %s):\n", f.Postings, fitObjectives[f.Objective])
	fmt.Fprintf(w, "  %-48s %8s %8s %8s %8s\n", "", "right", "accuracy", "macro F1", "seed 004")
	row := func(name string, s FitScore) {
		fmt.Fprintf(w, "  %-48s %8d %8.3f %8.3f %8.3f\n", name, s.Correct, s.Accuracy, s.MacroF1, s.Seed004)
	}
	row("rules in use", f.Current)
	row("fitted, on the postings fitted to", f.Fitted)
	row(fmt.Sprintf("fitted, cross-validated (%d folds by %s)", f.Folds, f.FoldBy), f.CrossValidated)
	for _, c := range f.Weights {
		fmt.Fprintf(w, "  %-48s %8.2f → %.2f\n", c.Signal+" ("+c.Class+")", c.From, c.To)
	}
	if f.MinScore[0] != f.MinScore[1] {
		fmt.Fprintf(w, "  %-48s %8.2f → %.2f\n", "min_score", f.MinScore[0], f.MinScore[1])
	}
	fmt.Fprintf(w, "  %s\n", f.verdict())
	if f.File != "" {
		fmt.Fprintf(w, "  wrote %s (use it with --rules)\n", f.File)
	}
}
