package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	yaml "go.yaml.in/yaml/v4"

	"github.com/jobstack/jobstack/classify"
	"github.com/jobstack/jobstack/internal/testfiles"
)

// evalJSON runs jobstack eval --json and decodes its report.
func evalJSON(t *testing.T, args ...string) *EvalReport {
	t.Helper()
	var stdout, stderr bytes.Buffer
	if code := run(context.Background(), append([]string{"eval", "--json"}, args...), &stdout, &stderr); code != 0 {
		t.Fatalf("eval %v: exit %d\n%s", args, code, stderr.String())
	}
	var rep EvalReport
	if err := json.Unmarshal(stdout.Bytes(), &rep); err != nil {
		t.Fatalf("eval output: %v\n%s", err, stdout.String())
	}
	return &rep
}

// reweightedRules writes a rules file with signal s, as it is but for its
// weight, and returns its path.
func reweightedRules(t *testing.T, s *classify.Signal, weight float64) string {
	t.Helper()
	w := *s
	w.Weight = weight
	data, err := yaml.Marshal(map[string]any{"signals": []classify.Signal{w}})
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "rules.yaml")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestEvalScores checks eval's arithmetic on a gold file written here,
// whose right and wrong labels are known: accuracy, per-class precision
// and recall, the confusion matrix, and skills P/R/F1.
func TestEvalScores(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	page := func(name, text string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	page("a.txt", "Frontend Developer\nAcme\n\n자격요건\n- React 경력 3년 이상\n- TypeScript\n")
	page("b.txt", "Backend Developer\nAcme\n\n자격요건\n- Java 경력 5년 이상\n- Spring\n")
	gold := filepath.Join(dir, "gold.csv")
	// a: role right, years right, one skill missed (Vue), one extra (TypeScript).
	// b: role wrong on purpose (data_engineer), years wrong on purpose (3).
	if err := os.WriteFile(gold, []byte("source,role,years_min,skills\n"+
		"a.txt,software_engineer,3,React;Vue\n"+
		"b.txt,data_engineer,3,Java;Spring\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	rep := evalJSON(t, "--gold", gold, dir)
	if rep.Gold != 2 || rep.Found != 2 {
		t.Fatalf("gold %d found %d, want 2 and 2", rep.Gold, rep.Found)
	}
	role := rep.Labels["role"]
	if role == nil || role.N != 2 || role.Correct != 1 || role.Accuracy != 0.5 {
		t.Fatalf("role score = %+v, want 1 of 2", role)
	}
	if got := role.Confusion["data_engineer"]["software_engineer"]; got != 1 {
		t.Errorf("confusion data_engineer→software_engineer = %d, want 1", got)
	}
	if se := role.PerClass["software_engineer"]; se.Precision != 0.5 || se.Recall != 1 {
		t.Errorf("software_engineer P/R = %v/%v, want 0.5/1", se.Precision, se.Recall)
	}
	if years := rep.Labels["years_min"]; years == nil || years.Correct != 1 || years.N != 2 {
		t.Errorf("years_min score = %+v, want 1 of 2", years)
	}
	if _, ok := rep.Labels["maturity"]; ok {
		t.Errorf("maturity scored although the gold file has no maturity column")
	}
	s := rep.Skills
	if s.TP != 3 || s.FP != 1 || s.FN != 1 {
		t.Errorf("skills TP/FP/FN = %d/%d/%d, want 3/1/1 (errors %v)", s.TP, s.FP, s.FN, rep.SkillErrors)
	}
}

// TestEvalGoldChecked: a misspelt label, a years_min that is no number
// and a row without a source are reported with their file, line and
// column, all at once, instead of being scored as classes of their own;
// a JSONL file's years_min is read, as a number or a string.
func TestEvalGoldChecked(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write := func(name, text string) string { return testfiles.Write(t, dir, name, text) }
	write("a.txt", "Backend Developer\nAcme\n\n자격요건\n- Java 경력 5년 이상\n- Spring\n")
	cases := []struct {
		name, text string
		want       []string // lines of the error; none: eval succeeds
		not        string   // a line the error must not have
	}{
		{"bad.csv", "source,maturity,role,years_min\na.txt,early,software_engineer,5\n,undetermined,data_engr,five\n",
			[]string{"gold:", "bad.csv:2:7: maturity \"early\": want one of early_service, cloud_startup, data_platform, undetermined",
				"bad.csv:3:1: no source", "bad.csv:3:15: role \"data_engr\": want one of", "bad.csv:3:25: years_min \"five\": want a whole number"}, ""},
		{"bad.jsonl", "{\"source\":\"a.txt\",\"seniority\":\"medior\"}\n\n {\"source\":7,\"years_min\":[1]}\n",
			[]string{"gold:", "bad.jsonl:1: seniority \"medior\": want one of junior, mid, senior, lead, unspecified",
				"bad.jsonl:3: source: 7 is not a string", "bad.jsonl:3: years_min: [1] is not a number"}, "bad.jsonl:3: no source"},
		{"empty.csv", "\ufeff\n", []string{"gold:", "empty.csv: empty file"}, ""},
		{"years.jsonl", "{\"source\":\"a.txt\",\"years_min\":5}\n", nil, ""},
		{"years2.jsonl", "{\"source\":\"a.txt\",\"years_min\":\"05\"}\n", nil, ""},
	}
	for _, c := range cases {
		gold := write(c.name, c.text)
		var stdout, stderr bytes.Buffer
		code := run(context.Background(), []string{"eval", "--json", "--gold", gold, dir}, &stdout, &stderr)
		if c.want == nil {
			if code != 0 {
				t.Errorf("%s: exit %d\n%s", c.name, code, stderr.String())
				continue
			}
			var rep EvalReport
			if err := json.Unmarshal(stdout.Bytes(), &rep); err != nil {
				t.Fatal(err)
			}
			if y := rep.Labels["years_min"]; y == nil || y.N != 1 || y.Correct != 1 {
				t.Errorf("%s: years_min score %+v, want 1 of 1", c.name, y)
			}
			continue
		}
		msg := stderr.String()
		if code == 0 {
			t.Errorf("%s: accepted", c.name)
		}
		if c.not != "" && strings.Contains(msg, c.not) {
			t.Errorf("%s: error repeats itself with %q:\n%s", c.name, c.not, msg)
		}
		for _, w := range c.want {
			if w != "gold:" {
				w = dir + string(filepath.Separator) + w // the file as named on the command line
			}
			if !strings.Contains(msg, w) {
				t.Errorf("%s: error lacks %q:\n%s", c.name, w, msg)
			}
		}
	}
}

// TestEvalLabelledSets runs eval on the hand-labelled corpus sets and holds
// the labels to floors a little under today's scores, so a rule or
// extraction change that costs accuracy fails here. Skipped without
// ../shared/corpus.
func TestEvalLabelledSets(t *testing.T) {
	corpus := filepath.Join("..", "..", "..", "shared", "corpus")
	if _, err := os.Stat(corpus); err != nil {
		t.Skip("../shared/corpus not found")
	}
	t.Parallel()
	floors := []struct {
		file   string
		labels map[string]float64
	}{
		{"labels.csv", map[string]float64{"maturity": 0.88, "role": 0.90, "seniority": 0.85, "years_min": 0.89, "degree_min": 0.92}},
		{"holdout_labels.csv", map[string]float64{"maturity": 0.88, "role": 0.88, "seniority": 0.78, "years_min": 0.91, "degree_min": 0.91}},
		{"holdout_rare_labels.csv", map[string]float64{"maturity": 0.87, "role": 0.85, "seniority": 0.92, "years_min": 0.95, "degree_min": 0.97}},
		{"holdout3_labels.csv", map[string]float64{"maturity": 0.86, "role": 0.83, "seniority": 0.93, "years_min": 0.91, "degree_min": 0.86}},
		{"holdout4_labels.csv", map[string]float64{"maturity": 0.78, "role": 0.88, "seniority": 0.85, "years_min": 0.90, "degree_min": 0.90}},
		{"holdout5_labels.csv", map[string]float64{"maturity": 0.89, "role": 0.84, "seniority": 0.85, "years_min": 0.83, "degree_min": 0.88}},
		{"holdout6_labels.csv", map[string]float64{"maturity": 0.95, "role": 0.94, "seniority": 0.88, "years_min": 0.95, "degree_min": 0.86}},
		{"holdout7_labels.csv", map[string]float64{"maturity": 0.90, "role": 0.95, "seniority": 0.86, "years_min": 0.88, "degree_min": 0.96}},
		{"holdout8_labels.csv", map[string]float64{"maturity": 0.88, "role": 0.91, "seniority": 0.91, "years_min": 0.90, "degree_min": 0.85}},
		{"holdout9_labels.csv", map[string]float64{"maturity": 0.75, "role": 0.78, "seniority": 0.93, "years_min": 0.93, "degree_min": 0.86}},
		{"holdout10_labels.csv", map[string]float64{"maturity": 0.78, "role": 0.88, "seniority": 0.90, "years_min": 0.88, "degree_min": 0.85}},
		{"holdout11_labels.csv", map[string]float64{"maturity": 0.86, "role": 0.86, "seniority": 0.81, "years_min": 0.83, "degree_min": 0.95}},
		// Drawn by predicted class to audit early_service and cloud_startup
		// precision, so its maturity score is low by design.
		{"holdout12_labels.csv", map[string]float64{"maturity": 0.70, "role": 0.88, "seniority": 0.90, "years_min": 0.78, "degree_min": 0.76}},
		// A second such audit, labelled blind and never read: evaluation
		// only, so it stays out of the ablation below.
		{"holdout13_labels.csv", map[string]float64{"maturity": 0.65, "role": 0.83, "seniority": 0.71, "years_min": 0.76, "degree_min": 0.71}},
		// A third audit, of the two seed-004 classes only, drawn to be read.
		{"holdout14_labels.csv", map[string]float64{"maturity": 0.61, "role": 0.85, "seniority": 0.81, "years_min": 0.93, "degree_min": 0.80}},
		// A sample of data-role postings, two Korean to one English.
		{"holdout15_labels.csv", map[string]float64{"maturity": 0.80, "role": 0.86, "seniority": 0.88, "years_min": 0.88, "degree_min": 0.91}},
	}
	for _, f := range floors {
		rep := evalJSON(t, "--gold", filepath.Join("..", "..", "testdata", "eval", f.file), corpus)
		if rep.Found != rep.Gold {
			t.Errorf("%s: found %d of %d labelled postings: %v", f.file, rep.Found, rep.Gold, rep.Missing)
		}
		for label, floor := range f.labels {
			ls := rep.Labels[label]
			if ls == nil {
				t.Errorf("%s: no %s scores", f.file, label)
				continue
			}
			if ls.Accuracy < floor {
				t.Errorf("%s: %s accuracy %.3f, below its floor %.2f", f.file, label, ls.Accuracy, floor)
			}
		}
	}
	// The weights sit at a local optimum for the sets whose errors were
	// read (README, --ablate): taking out one signal, or halving or
	// raising its weight by half, rights at most one label net. A new
	// rule that hurts them shows here.
	args := []string{"--ablate"}
	for _, f := range floors {
		if f.file != "holdout9_labels.csv" && f.file != "holdout10_labels.csv" && f.file != "holdout11_labels.csv" && f.file != "holdout13_labels.csv" {
			args = append(args, "--gold", filepath.Join("..", "..", "testdata", "eval", f.file))
		}
	}
	for _, sc := range evalJSON(t, append(args, corpus)...).Signals {
		if net := sc.Fixed - sc.Broken; net > 1 || sc.NetHalf > 1 || sc.NetOneAndHalf > 1 {
			t.Errorf("signal %s: without it %+d labels, at half weight %+d, at 1.5× %+d: rights more than one", sc.Signal, net, sc.NetHalf, sc.NetOneAndHalf)
		}
	}
	// Precision, recall, and the share of found skills put under the right
	// kind (required, preferred, duties, other). skills_gold labels six
	// skills that a line calls preferred under a requirements heading as
	// required (SKILLS_LABELLING.md, "inline cues against the heading");
	// jobstack follows the cue.
	for file, floor := range map[string][3]float64{"skills_gold.jsonl": {0.97, 0.95, 0.91}, "skills_holdout.jsonl": {0.93, 0.89, 0.91}, "skills_holdout2.jsonl": {0.94, 0.90, 0.89}, "skills_cues.jsonl": {0.96, 0.92, 0.85}} {
		rep := evalJSON(t, "--gold", filepath.Join("..", "..", "testdata", "eval", file), corpus)
		if rep.Skills.Precision < floor[0] || rep.Skills.Recall < floor[1] {
			t.Errorf("%s: skills P/R = %.3f/%.3f, want at least %.2f/%.2f", file, rep.Skills.Precision, rep.Skills.Recall, floor[0], floor[1])
		}
		if got := rep.Attribution.Share; got < floor[2] {
			t.Errorf("%s: requirement attribution %.3f, want at least %.2f", file, got, floor[2])
		}
	}
}

// The maturity block ends with seed 004's two classes taken together:
// right ones over all postings that carry either.
func TestEvalPrintSeedClasses(t *testing.T) {
	t.Parallel()
	rep := &EvalReport{Labels: map[string]*LabelScore{"maturity": {
		N: 6, Correct: 4,
		PerClass: map[string]PRF{
			"early_service": {TP: 1, FN: 1},
			"cloud_startup": {TP: 2, FP: 1},
			"undetermined":  {TP: 1, FN: 1, FP: 1},
		},
		Confusion: map[string]map[string]int{},
	}}}
	var out bytes.Buffer
	rep.print(&out, false)
	if want := "seed 004 classes (early_service, cloud_startup): 0.750 right (3/4)"; !bytes.Contains(out.Bytes(), []byte(want)) {
		t.Errorf("eval output lacks %q:\n%s", want, out.String())
	}
}

// eval --ablate's counts agree with a whole run without the signal: a
// --rules file that replaces a signal with one that never fires changes
// the maturity labels right by fixed − broken.
func TestEvalAblate(t *testing.T) {
	t.Parallel()
	gold, inputs := filepath.Join("..", "..", "testdata", "sample_gold.csv"), filepath.Join("..", "..", "testdata", "postings")
	rep := evalJSON(t, "--ablate", "--gold", gold, inputs)
	base := rep.Labels["maturity"]
	if base == nil || len(rep.Signals) == 0 {
		t.Fatalf("no maturity scores (%v) or no signals (%d)", base, len(rep.Signals))
	}
	var deciding []SignalScore
	for _, sc := range rep.Signals {
		if sc.Fired < 1 || sc.Fired > base.N || sc.Fixed+sc.Broken > sc.Fired || sc.Agrees < 0 || sc.Agrees > 1 {
			t.Errorf("signal %s: counts out of range: %+v (n %d)", sc.Signal, sc, base.N)
		}
		if sc.Fixed+sc.Broken > 0 {
			deciding = append(deciding, sc)
		}
	}
	if len(deciding) == 0 {
		t.Fatalf("no signal decides a label of the sample: %+v", rep.Signals)
	}
	for i := 1; i < len(rep.Signals); i++ {
		a, b := rep.Signals[i-1], rep.Signals[i]
		if a.Fixed-a.Broken < b.Fixed-b.Broken {
			t.Errorf("signals not ordered by net: %s %+d before %s %+d", a.Signal, a.Fixed-a.Broken, b.Signal, b.Fixed-b.Broken)
		}
	}
	for _, sc := range deciding {
		rules := filepath.Join(t.TempDir(), "rules.yaml")
		if err := os.WriteFile(rules, []byte("signals:\n  - id: "+sc.Signal+"\n    class: "+sc.Class+
			"\n    weight: 1\n    companies: [\"=no company has this name\"]\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		without := evalJSON(t, "--rules", rules, "--gold", gold, inputs).Labels["maturity"]
		if want := base.Correct + sc.Fixed - sc.Broken; without.Correct != want {
			t.Errorf("without %s: %d right, ablation says %d (%d %+d %+d)", sc.Signal, without.Correct, want, base.Correct, sc.Fixed, -sc.Broken)
		}
	}

	// The same for a changed weight: the signal as built in, its weight
	// scaled, in a --rules file.
	builtin, err := classify.DefaultRules()
	if err != nil {
		t.Fatal(err)
	}
	reweighted := 0
	for _, sc := range rep.Signals {
		for _, f := range []struct {
			factor float64
			net    int
		}{{0.5, sc.NetHalf}, {1.5, sc.NetOneAndHalf}} {
			if f.net == 0 {
				continue
			}
			reweighted++
			i := slices.IndexFunc(builtin.Signals, func(s *classify.Signal) bool { return s.ID == sc.Signal })
			rules := reweightedRules(t, builtin.Signals[i], builtin.Signals[i].Weight*f.factor)
			got := evalJSON(t, "--rules", rules, "--gold", gold, inputs).Labels["maturity"]
			if want := base.Correct + f.net; got.Correct != want {
				t.Errorf("%s at ×%.1f weight: %d right, ablation says %d (%d %+d)", sc.Signal, f.factor, got.Correct, want, base.Correct, f.net)
			}
		}
	}
	if reweighted == 0 {
		t.Errorf("no weight change moves a label of the sample: %+v", rep.Signals)
	}
}

// Maturity accuracy per confidence band: each posting counts in the band
// its confidence falls in (a band's lower edge belongs to it, 1 to the
// last), right or wrong by its gold label, per predicted class; rejected
// postings and postings without a gold maturity count in none.
func TestEvalCalibration(t *testing.T) {
	t.Parallel()
	gold := []*goldRow{
		{Source: "a", Maturity: "cloud_startup"},
		{Source: "b", Maturity: "early_service"},
		{Source: "c", Maturity: "undetermined"},
		{Source: "d", Maturity: "data_platform"},
		{Source: "e", Maturity: "data_platform"},
		{Source: "f", Role: "data_engineer"},
		{Source: "g", Maturity: "undetermined"},
	}
	got := map[*goldRow]*evalOut{
		gold[0]: {Maturity: "cloud_startup", Confidence: 0.2},
		gold[1]: {Maturity: "cloud_startup", Confidence: 0.5},
		gold[2]: {Maturity: "undetermined", Confidence: 0.849},
		gold[3]: {Maturity: "data_platform", Confidence: 0.85},
		gold[4]: {Maturity: "data_platform", Confidence: 1},
		gold[5]: {Maturity: "cloud_startup", Role: "data_engineer", Confidence: 0.9},
		gold[6]: {Rejected: "empty", Confidence: 0.1},
	}
	rep := score(gold, got)
	type band struct {
		n, correct int
		classes    map[string][2]int
	}
	want := []band{
		{1, 1, map[string][2]int{"cloud_startup": {1, 1}}},
		{1, 0, map[string][2]int{"cloud_startup": {1, 0}}},
		{1, 1, map[string][2]int{"undetermined": {1, 1}}},
		{2, 2, map[string][2]int{"data_platform": {2, 2}}},
	}
	if len(rep.Calibration) != len(want) {
		t.Fatalf("%d bands, want %d: %+v", len(rep.Calibration), len(want), rep.Calibration)
	}
	for i, w := range want {
		b := rep.Calibration[i]
		if b.N != w.n || b.Correct != w.correct || len(b.Classes) != len(w.classes) {
			t.Errorf("band [%.2f, %.2f): n %d right %d classes %v, want %d, %d, %v", b.From, b.To, b.N, b.Correct, b.Classes, w.n, w.correct, w.classes)
			continue
		}
		for c, v := range w.classes {
			if b.Classes[c] != v {
				t.Errorf("band [%.2f, %.2f) class %s = %v, want %v", b.From, b.To, c, b.Classes[c], v)
			}
		}
	}
	var out bytes.Buffer
	rep.print(&out, false)
	for _, line := range []string{
		"[0.50, 0.70)     1  0.000  cloud_startup 0/1",
		"[0.85, 1.00]     2  1.000  data_platform 2/2",
	} {
		if !strings.Contains(out.String(), line) {
			t.Errorf("eval output lacks %q:\n%s", line, out.String())
		}
	}
}
