package main

import (
	"bytes"
	"cmp"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"iter"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync/atomic"

	"github.com/jobstack/jobstack/classify"
	"github.com/jobstack/jobstack/extract"
)

// goldRow is one labelled posting. Empty fields are not scored.
type goldRow struct {
	Source    string
	Maturity  string
	Role      string
	Seniority string
	YearsMin  string // "" not labelled, "-" labelled as not stated
	Degree    string
	Skills    map[string]string // canonical name → section ("" when the gold gives none)
	HasSkills bool
	Unknown   []string // gold skill names the taxonomy does not know
}

func cmdEval(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var cfg Config
	var golds files
	fs := newFlags("eval", &cfg, stderr)
	fs.Var(&golds, "gold", "labelled CSV or JSONL (repeatable): source plus any of maturity, role, seniority, years_min, degree_min, skills")
	asJSON := fs.Bool("json", false, "print the scores as JSON")
	verbose := fs.Bool("v", false, "list every wrong label and skill")
	ablate := fs.Bool("ablate", false, "take each maturity signal out in turn and count the gold labels that change")
	fit := fs.String("fit", "", "fit the maturity signals' weights and min_score to the gold labels, cross-validate the fit, and write it to this rules `FILE`")
	objective := fs.String("fit-objective", defaultFitObjective, "what --fit raises: accuracy+macro_f1, accuracy, macro_f1, or seed004 (the share of early_service and cloud_startup postings labelled right)")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: jobstack eval --gold FILE [--gold FILE] INPUT...\n\nGold sources match postings whose source ends with them (a path suffix,\nwith #N for records). CSV skills are ';'-separated names; JSONL skills are\nnames or {\"name\", \"section\"} objects.\n\nflags:\n")
		fs.PrintDefaults()
	}
	inputs, err := parseInterleaved(fs, args)
	if err != nil {
		return err
	}
	if len(golds) == 0 || len(inputs) == 0 {
		fmt.Fprintln(stderr, "jobstack eval: need --gold FILE and at least one INPUT")
		return errUsage
	}
	if _, ok := fitObjectives[*objective]; !ok {
		return fmt.Errorf("eval --fit-objective %q: want accuracy+macro_f1, accuracy, macro_f1 or seed004", *objective)
	}
	if *objective != defaultFitObjective && *fit == "" {
		return fmt.Errorf("eval --fit-objective %s: needs --fit FILE", *objective)
	}
	if *fit != "" {
		// Before the run, not after it: the fit takes a while.
		if fi, err := os.Stat(filepath.Dir(*fit)); err != nil || !fi.IsDir() {
			return fmt.Errorf("eval --fit %s: no folder %s to write it in", *fit, filepath.Dir(*fit))
		}
	}
	cfg.setInputs(inputs, stderr)
	cfg.Jobs = 1
	if cfg.MaxBytes == 0 {
		cfg.MaxBytes = 16 << 20
	}
	eng, err := newEngine(&cfg)
	if err != nil {
		return err
	}
	var gold []*goldRow
	fileOf := map[*goldRow]string{}
	for _, g := range golds {
		rows, err := readGold(g, eng.taxonomy)
		if err != nil {
			return fmt.Errorf("gold:\n%w", err)
		}
		for _, r := range rows {
			fileOf[r] = g
		}
		gold = append(gold, rows...)
	}
	got, err := evalRun(ctx, &cfg, eng, gold, *ablate || *fit != "")
	if err != nil {
		return err
	}
	rep := score(gold, got)
	if *ablate {
		if rep.Signals, err = ablateSignals(eng, gold, got); err != nil {
			return err
		}
	}
	if *fit != "" {
		if rep.Fit, err = fitRun(eng, &cfg, gold, got, fileOf, golds, *fit, *objective); err != nil {
			return err
		}
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(rep)
	}
	rep.print(stdout, *verbose)
	return nil
}

// readGold reads a gold file; skill names are resolved through the
// taxonomy's aliases, so "Apache Kafka" and "Kafka" agree. Labels are
// checked: a misspelt class would otherwise be scored as a class of its
// own. Every problem is reported at once, with its line.
func readGold(path string, tax *extract.Taxonomy) ([]*goldRow, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var rows []*goldRow
	var problems []*extract.PosError
	bad := func(line, col int, format string, args ...any) {
		problems = append(problems, &extract.PosError{File: path, Line: line, Col: col, Err: fmt.Errorf(format, args...)})
	}
	addSkill := func(g *goldRow, name, section string) {
		g.HasSkills = true
		e, ok := tax.Resolve(name)
		if !ok {
			g.Unknown = append(g.Unknown, name)
			g.Skills["?"+name] = section
			return
		}
		if e.Kind != "technology" {
			return
		}
		g.Skills[e.Name] = strongest(g.Skills[e.Name], section)
	}
	// check validates a row and adds it; pos gives the line and column
	// of a field (column 0 when unknown).
	check := func(g *goldRow, pos func(field string) (int, int)) {
		if g.Source == "" {
			line, col := pos("source")
			bad(line, col, "no source")
		}
		for _, l := range [...]struct {
			field, value string
			valid        []string
		}{
			{"maturity", g.Maturity, append(slices.Clone(classify.Classes), classify.Undetermined)},
			{"role", g.Role, classify.Roles},
			{"seniority", g.Seniority, classify.Seniorities},
			{"degree_min", g.Degree, degrees},
		} {
			if l.value != "" && !slices.Contains(l.valid, l.value) {
				line, col := pos(l.field)
				bad(line, col, "%s %q: want one of %s", l.field, l.value, strings.Join(l.valid, ", "))
			}
		}
		if y := g.YearsMin; y != "" && y != "-" {
			if n, err := strconv.Atoi(y); err != nil || n < 0 {
				line, col := pos("years_min")
				bad(line, col, "years_min %q: want a whole number of years, or empty when the posting states none", y)
			} else {
				g.YearsMin = strconv.Itoa(n)
			}
		}
		rows = append(rows, g)
	}
	if len(bytes.TrimSpace(bytes.TrimPrefix(data, []byte("\ufeff")))) == 0 {
		return nil, fmt.Errorf("%s: empty file: want a header row with a source column (CSV) or one JSON object a line", path)
	}
	switch strings.ToLower(filepath.Ext(path)) {
	case ".csv":
		r := csv.NewReader(bytes.NewReader(data))
		r.FieldsPerRecord = -1
		head, err := r.Read()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		col := map[string]int{}
		for i, h := range head {
			col[strings.TrimSpace(strings.TrimPrefix(h, "\ufeff"))] = i
		}
		if _, ok := col["source"]; !ok {
			return nil, fmt.Errorf("%s:1: no source column (the columns are %s)", path, strings.Join(head, ", "))
		}
		get := func(rec []string, k string) string {
			if i, ok := col[k]; ok && i < len(rec) {
				return strings.TrimSpace(rec[i])
			}
			return ""
		}
		for {
			rec, err := r.Read()
			if err == io.EOF {
				break
			}
			if err != nil {
				return nil, fmt.Errorf("%s: %w", path, err)
			}
			g := &goldRow{Source: get(rec, "source"), Maturity: get(rec, "maturity"), Role: get(rec, "role"),
				Seniority: get(rec, "seniority"), Degree: get(rec, "degree_min"), Skills: map[string]string{}}
			if _, ok := col["years_min"]; ok {
				g.YearsMin = get(rec, "years_min")
				if g.YearsMin == "" {
					g.YearsMin = "-"
				}
			}
			if _, ok := col["skills"]; ok {
				g.HasSkills = true
				for _, s := range strings.Split(get(rec, "skills"), ";") {
					if s = strings.TrimSpace(s); s != "" {
						addSkill(g, s, "")
					}
				}
			}
			check(g, func(field string) (int, int) {
				i, ok := col[field]
				if !ok || i >= len(rec) {
					i = 0
				}
				return r.FieldPos(i)
			})
		}
	default:
		dec := json.NewDecoder(bytes.NewReader(data))
		for {
			// The line a record starts on: past the white space after
			// the record before.
			at := int(dec.InputOffset())
			for at < len(data) && (data[at] == ' ' || data[at] == '\t' || data[at] == '\r' || data[at] == '\n') {
				at++
			}
			line := 1 + bytes.Count(data[:at], []byte("\n"))
			var rec map[string]any
			if err := dec.Decode(&rec); err == io.EOF {
				break
			} else if err != nil {
				return nil, fmt.Errorf("%s:%d: %w", path, line, err)
			}
			typeErr := false // reported: the record's other checks would only repeat it
			s := func(k string) string {
				switch v := rec[k].(type) {
				case nil:
					return ""
				case string:
					return strings.TrimSpace(v)
				default:
					bad(line, 0, "%s: %v is not a string", k, v)
					typeErr = true
					return ""
				}
			}
			g := &goldRow{Source: s("source"), Maturity: s("maturity"), Role: s("role"), Seniority: s("seniority"), Degree: s("degree_min"), Skills: map[string]string{}}
			if y, ok := rec["years_min"]; ok {
				switch v := y.(type) {
				case nil:
					g.YearsMin = "-"
				case float64:
					g.YearsMin = strconv.FormatFloat(v, 'f', -1, 64)
				case string:
					g.YearsMin = cmp.Or(strings.TrimSpace(v), "-")
				default:
					bad(line, 0, "years_min: %v is not a number", v)
				}
			}
			if list, ok := rec["skills"].([]any); ok {
				g.HasSkills = true
				for _, item := range list {
					switch x := item.(type) {
					case string:
						addSkill(g, x, "")
					case map[string]any:
						n, _ := x["name"].(string)
						sec, _ := x["section"].(string)
						addSkill(g, n, sec)
					}
				}
			}
			if !typeErr {
				check(g, func(string) (int, int) { return line, 0 })
			}
		}
	}
	if len(problems) > 0 {
		return nil, &extract.ValidationError{Problems: problems}
	}
	return rows, nil
}

// degrees are the values of degree_min: the names of extract's degrees,
// lowest first, then "unspecified".
var degrees = func() (names []string) {
	for d := extract.DegreeNone; d <= extract.DegreePhD; d++ {
		names = append(names, d.String())
	}
	return append(names, extract.DegreeUnspecified.String())
}()

var sectionRank = map[string]int{"": 0, "other": 1, "responsibility": 2, "preferred": 3, "required": 4}

func strongest(a, b string) string {
	if sectionRank[b] > sectionRank[a] {
		return b
	}
	return a
}

// evalOut is what jobstack made of one gold posting.
type evalOut struct {
	Maturity, Role, Seniority, Degree, YearsMin string
	Confidence                                  float64           // maturity_confidence
	Skills                                      map[string]string // technology → requirement
	Rejected                                    string
	// With ablation, the posting and its skills, to classify again.
	posting *extract.Posting
	skills  []extract.Skill
}

func evalRun(ctx context.Context, cfg *Config, eng *engine, gold []*goldRow, keep bool) (map[*goldRow]*evalOut, error) {
	want := func(source string) []*goldRow {
		var out []*goldRow
		for _, g := range gold {
			if source == g.Source || strings.HasSuffix(source, "/"+g.Source) {
				out = append(out, g)
			}
		}
		return out
	}
	tasks := make(chan []task, 4)
	slots := make(chan struct{}, 1<<20)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var files, bytes atomic.Int64
	var prodErr error
	go func() {
		defer close(tasks)
		p := &producer{cfg: cfg, ctx: ctx, tasks: tasks, slots: slots, files: &files, bytes: &bytes}
		if prodErr = p.run(); prodErr == nil {
			prodErr = p.flush()
		}
	}()
	got := map[*goldRow]*evalOut{}
	var parsed *extract.Posting
	if keep {
		eng.afterParse = func(p *extract.Posting) { parsed = p }
	}
	for t := range batches(tasks) {
		<-slots
		gs := want(t.in.Source)
		if len(gs) == 0 {
			continue
		}
		parsed = nil
		r := eng.process(t)
		out := &evalOut{Skills: map[string]string{}}
		if parsed != nil && r.rej == nil {
			out.posting = parsed
			out.skills, _ = eng.matcher.MatchTerms(parsed)
		}
		if r.rej != nil {
			out.Rejected = r.rej.Reason
		} else {
			row := r.row
			out.Maturity, out.Role, out.Seniority, out.Degree = row.Maturity, row.Role, row.Seniority, row.DegreeMin
			out.Confidence = row.MaturityConfidence
			out.YearsMin = "-"
			if row.YearsMin != nil {
				out.YearsMin = fmt.Sprint(*row.YearsMin)
			}
			for _, s := range r.skills {
				if s.Kind == "technology" {
					out.Skills[s.Skill] = s.Requirement
				}
			}
		}
		for _, g := range gs {
			got[g] = out
		}
	}
	if prodErr != nil {
		return nil, prodErr
	}
	return got, ctx.Err()
}

// batches yields the tasks of each batch in turn.
func batches(tasks <-chan []task) iter.Seq[task] {
	return func(yield func(task) bool) {
		for b := range tasks {
			for _, t := range b {
				if !yield(t) {
					return
				}
			}
		}
	}
}

// LabelScore is accuracy and per-class scores for one label.
type LabelScore struct {
	N         int                       `json:"n"`
	Correct   int                       `json:"correct"`
	Accuracy  float64                   `json:"accuracy"`
	PerClass  map[string]PRF            `json:"per_class"`
	Confusion map[string]map[string]int `json:"confusion"` // gold → predicted → count
	Errors    []string                  `json:"errors,omitempty"`
}

// PRF is precision, recall and F1 with their counts.
type PRF struct {
	TP, FP, FN int
	Precision  float64 `json:"precision"`
	Recall     float64 `json:"recall"`
	F1         float64 `json:"f1"`
}

func (p *PRF) finish() {
	if p.TP+p.FP > 0 {
		p.Precision = float64(p.TP) / float64(p.TP+p.FP)
	}
	if p.TP+p.FN > 0 {
		p.Recall = float64(p.TP) / float64(p.TP+p.FN)
	}
	if p.Precision+p.Recall > 0 {
		p.F1 = 2 * p.Precision * p.Recall / (p.Precision + p.Recall)
	}
}

// EvalReport is the output of jobstack eval.
type EvalReport struct {
	Gold        int                    `json:"gold"`
	Found       int                    `json:"found"`
	Missing     []string               `json:"missing,omitempty"`
	Labels      map[string]*LabelScore `json:"labels"`
	Skills      PRF                    `json:"skills"`
	Attribution struct {
		N       int     `json:"n"`
		Correct int     `json:"correct"`
		Share   float64 `json:"share"`
	} `json:"requirement_attribution"`
	// Calibration is maturity accuracy by maturity_confidence band.
	Calibration   []ConfidenceBand `json:"maturity_calibration,omitempty"`
	SkillErrors   []string         `json:"skill_errors,omitempty"`
	UnknownSkills []string         `json:"unknown_gold_skills,omitempty"`
	// Signals is what each maturity signal decides (--ablate), the
	// signals whose removal would right the most labels first.
	Signals []SignalScore `json:"signals,omitempty"`
	// Fit is the maturity weights fitted to the gold labels (--fit).
	Fit *FitReport `json:"fit,omitempty"`
}

// ConfidenceBand is how often maturity was right for the postings whose
// maturity_confidence falls in [From, To).
type ConfidenceBand struct {
	From     float64 `json:"from"`
	To       float64 `json:"to"`
	N        int     `json:"n"`
	Correct  int     `json:"correct"`
	Accuracy float64 `json:"accuracy"`
	// Classes counts, per predicted class, the postings in the band and
	// those labelled right: class → [n, correct].
	Classes map[string][2]int `json:"classes"`
}

// confidenceBands are the bands eval reports maturity accuracy in. The
// last band includes 1.
var confidenceBands = []float64{0, 0.5, 0.7, 0.85, 1}

func bandOf(c float64) int {
	for i := len(confidenceBands) - 2; i > 0; i-- {
		if c >= confidenceBands[i] {
			return i
		}
	}
	return 0
}

// SignalScore is what one maturity signal decides on the gold postings
// that have a maturity label.
type SignalScore struct {
	Signal string `json:"signal"`
	Class  string `json:"class"` // the class it votes for in the rules
	Fired  int    `json:"fired"` // gold postings it fired on
	// Agrees is the share of those whose gold maturity is the class its
	// points went to (undetermined for a veto).
	Agrees float64 `json:"agrees"`
	Fixed  int     `json:"fixed"`  // labels wrong with the signal and right without it
	Broken int     `json:"broken"` // labels right with the signal and wrong without it
	// Labels righted minus labels made wrong with the signal's weight
	// halved and with half as much again (0 for a veto, which has none).
	NetHalf       int `json:"net_at_half_weight"`
	NetOneAndHalf int `json:"net_at_1_5_weight"`
}

// ablateSignals classifies the gold postings again without each signal
// that fired on one of them. Only those postings can change: a signal
// that does not fire decides nothing.
func ablateSignals(eng *engine, gold []*goldRow, got map[*goldRow]*evalOut) ([]SignalScore, error) {
	type labelled struct {
		gold string
		out  *evalOut
	}
	bySignal := map[string][]labelled{}
	scores := map[string]*SignalScore{}
	for _, g := range gold {
		out := got[g]
		if g.Maturity == "" || out == nil || out.posting == nil {
			continue
		}
		// A signal is in Fired at most once.
		for _, f := range eng.classifier.Classify(out.posting, out.skills).Fired {
			sc := scores[f.Signal]
			if sc == nil {
				sc = &SignalScore{Signal: f.Signal}
				scores[f.Signal] = sc
			}
			if f.Class == g.Maturity {
				sc.Agrees++ // a count until the end
			}
			sc.Fired++
			bySignal[f.Signal] = append(bySignal[f.Signal], labelled{g.Maturity, out})
		}
	}
	var out []SignalScore
	for _, s := range eng.classifier.Rules().Signals {
		sc := scores[s.ID]
		if sc == nil {
			continue
		}
		sc.Class = s.Class
		without, err := eng.classifier.Without(s.ID)
		if err != nil {
			return nil, err
		}
		var half, more *classify.Classifier
		if s.Class != classify.Undetermined {
			if half, err = eng.classifier.Reweighted(s.ID, 0.5); err != nil {
				return nil, err
			}
			if more, err = eng.classifier.Reweighted(s.ID, 1.5); err != nil {
				return nil, err
			}
		}
		// change is +1 for a label c rights, -1 for one it makes wrong.
		change := func(c *classify.Classifier, l labelled) int {
			was := l.out.Maturity == l.gold
			now := c.Classify(l.out.posting, l.out.skills).Maturity == l.gold
			switch {
			case now && !was:
				return 1
			case was && !now:
				return -1
			}
			return 0
		}
		for _, l := range bySignal[s.ID] {
			switch change(without, l) {
			case 1:
				sc.Fixed++
			case -1:
				sc.Broken++
			}
			if half != nil {
				sc.NetHalf += change(half, l)
				sc.NetOneAndHalf += change(more, l)
			}
		}
		sc.Agrees /= float64(sc.Fired)
		out = append(out, *sc)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if ni, nj := out[i].Fixed-out[i].Broken, out[j].Fixed-out[j].Broken; ni != nj {
			return ni > nj
		}
		return out[i].Fired > out[j].Fired
	})
	return out, nil
}

func score(gold []*goldRow, got map[*goldRow]*evalOut) *EvalReport {
	rep := &EvalReport{Gold: len(gold), Labels: map[string]*LabelScore{}}
	label := func(name, g, p, source string) {
		if g == "" {
			return
		}
		ls := rep.Labels[name]
		if ls == nil {
			ls = &LabelScore{PerClass: map[string]PRF{}, Confusion: map[string]map[string]int{}}
			rep.Labels[name] = ls
		}
		ls.N++
		if ls.Confusion[g] == nil {
			ls.Confusion[g] = map[string]int{}
		}
		ls.Confusion[g][p]++
		pg, pp := ls.PerClass[g], ls.PerClass[p]
		if g == p {
			ls.Correct++
			pg.TP++
			ls.PerClass[g] = pg
			return
		}
		pg.FN++
		ls.PerClass[g] = pg
		pp = ls.PerClass[p]
		pp.FP++
		ls.PerClass[p] = pp
		ls.Errors = append(ls.Errors, fmt.Sprintf("%s: got %s, want %s", source, p, g))
	}
	unknown := map[string]bool{}
	for _, g := range gold {
		out, ok := got[g]
		if !ok {
			rep.Missing = append(rep.Missing, g.Source)
			continue
		}
		rep.Found++
		rejected := out.Rejected != ""
		if rejected {
			out = &evalOut{Maturity: "rejected:" + out.Rejected, Role: "rejected", Seniority: "rejected", Degree: "rejected", YearsMin: "rejected", Skills: map[string]string{}}
		}
		label("maturity", g.Maturity, out.Maturity, g.Source)
		if g.Maturity != "" && !rejected {
			if rep.Calibration == nil {
				for i := range len(confidenceBands) - 1 {
					rep.Calibration = append(rep.Calibration, ConfidenceBand{From: confidenceBands[i], To: confidenceBands[i+1], Classes: map[string][2]int{}})
				}
			}
			b := &rep.Calibration[bandOf(out.Confidence)]
			c := b.Classes[out.Maturity]
			b.N++
			c[0]++
			if g.Maturity == out.Maturity {
				b.Correct++
				c[1]++
			}
			b.Classes[out.Maturity] = c
		}
		label("role", g.Role, out.Role, g.Source)
		label("seniority", g.Seniority, out.Seniority, g.Source)
		label("degree_min", g.Degree, out.Degree, g.Source)
		label("years_min", g.YearsMin, out.YearsMin, g.Source)
		for _, u := range g.Unknown {
			unknown[u] = true
		}
		if !g.HasSkills {
			continue
		}
		for name, sec := range g.Skills {
			req, found := out.Skills[name]
			if !found {
				rep.Skills.FN++
				rep.SkillErrors = append(rep.SkillErrors, fmt.Sprintf("%s: missed %s", g.Source, strings.TrimPrefix(name, "?")))
				continue
			}
			rep.Skills.TP++
			if sec != "" {
				rep.Attribution.N++
				if sec == req {
					rep.Attribution.Correct++
				} else {
					rep.SkillErrors = append(rep.SkillErrors, fmt.Sprintf("%s: %s is %s, want %s", g.Source, name, req, sec))
				}
			}
		}
		for name := range out.Skills {
			if _, ok := g.Skills[name]; !ok {
				rep.Skills.FP++
				rep.SkillErrors = append(rep.SkillErrors, fmt.Sprintf("%s: extra %s", g.Source, name))
			}
		}
	}
	for i := range rep.Calibration {
		if b := &rep.Calibration[i]; b.N > 0 {
			b.Accuracy = float64(b.Correct) / float64(b.N)
		}
	}
	rep.Skills.finish()
	if rep.Attribution.N > 0 {
		rep.Attribution.Share = float64(rep.Attribution.Correct) / float64(rep.Attribution.N)
	}
	for _, ls := range rep.Labels {
		if ls.N > 0 {
			ls.Accuracy = float64(ls.Correct) / float64(ls.N)
		}
		for k, v := range ls.PerClass {
			v.finish()
			ls.PerClass[k] = v
		}
		sort.Strings(ls.Errors)
	}
	sort.Strings(rep.SkillErrors)
	for u := range unknown {
		rep.UnknownSkills = append(rep.UnknownSkills, u)
	}
	sort.Strings(rep.UnknownSkills)
	return rep
}

// printCalibration prints maturity accuracy per confidence band, and per
// predicted class within it: whether a user can trust a high confidence
// more than a low one.
func (rep *EvalReport) printCalibration(w io.Writer) {
	fmt.Fprintf(w, "  by maturity_confidence (right/labelled; per predicted class):\n")
	for i, b := range rep.Calibration {
		closer := ")"
		if i == len(rep.Calibration)-1 {
			closer = "]"
		}
		span := fmt.Sprintf("[%.2f, %.2f%s", b.From, b.To, closer)
		if b.N == 0 {
			fmt.Fprintf(w, "    %-13s %4d\n", span, 0)
			continue
		}
		classes := make([]string, 0, len(b.Classes))
		for c := range b.Classes {
			classes = append(classes, c)
		}
		sort.Strings(classes)
		parts := make([]string, len(classes))
		for j, c := range classes {
			parts[j] = fmt.Sprintf("%s %d/%d", c, b.Classes[c][1], b.Classes[c][0])
		}
		fmt.Fprintf(w, "    %-13s %4d  %.3f  %s\n", span, b.N, b.Accuracy, strings.Join(parts, ", "))
	}
}

func (rep *EvalReport) print(w io.Writer, verbose bool) {
	fmt.Fprintf(w, "gold postings: %d, found in inputs: %d\n", rep.Gold, rep.Found)
	if len(rep.Missing) > 0 {
		fmt.Fprintf(w, "not found: %d (first: %s)\n", len(rep.Missing), rep.Missing[0])
	}
	names := make([]string, 0, len(rep.Labels))
	for n := range rep.Labels {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		ls := rep.Labels[n]
		fmt.Fprintf(w, "\n%s: accuracy %.3f (%d/%d)\n", n, ls.Accuracy, ls.Correct, ls.N)
		classes := make([]string, 0, len(ls.PerClass))
		for c := range ls.PerClass {
			classes = append(classes, c)
		}
		sort.Strings(classes)
		fmt.Fprintf(w, "  %-22s %9s %9s %9s %5s\n", "class", "precision", "recall", "f1", "n")
		for _, c := range classes {
			p := ls.PerClass[c]
			fmt.Fprintf(w, "  %-22s %9.3f %9.3f %9.3f %5d\n", c, p.Precision, p.Recall, p.F1, p.TP+p.FN)
		}
		if n == "maturity" {
			// Seed 004's two classes together: the share of postings that
			// carry one of them and got it.
			e, c := ls.PerClass[classify.EarlyService], ls.PerClass[classify.CloudStartup]
			if carry := e.TP + e.FN + c.TP + c.FN; carry > 0 {
				fmt.Fprintf(w, "  seed 004 classes (early_service, cloud_startup): %.3f right (%d/%d)\n", float64(e.TP+c.TP)/float64(carry), e.TP+c.TP, carry)
			}
		}
		if n == "maturity" && len(rep.Calibration) > 0 {
			rep.printCalibration(w)
		}
		if n != "years_min" {
			fmt.Fprintf(w, "  confusion (rows gold, columns predicted):\n")
			fmt.Fprintf(w, "  %-22s", "")
			for _, c := range classes {
				fmt.Fprintf(w, " %6.6s", c)
			}
			fmt.Fprintln(w)
			for _, g := range classes {
				if ls.Confusion[g] == nil {
					continue
				}
				fmt.Fprintf(w, "  %-22s", g)
				for _, c := range classes {
					fmt.Fprintf(w, " %6d", ls.Confusion[g][c])
				}
				fmt.Fprintln(w)
			}
		}
		if verbose {
			for _, e := range ls.Errors {
				fmt.Fprintf(w, "  ✗ %s\n", e)
			}
		}
	}
	if len(rep.Signals) > 0 {
		fmt.Fprintf(w, "\nmaturity signals, each taken out in turn (fixed: wrong with it, right without; broken: the reverse):\n")
		fmt.Fprintf(w, "  %-24s %-14s %5s %6s %5s %6s %4s %5s %5s\n", "signal", "class", "fired", "agrees", "fixed", "broken", "net", "×0.5", "×1.5")
		for _, sc := range rep.Signals {
			fmt.Fprintf(w, "  %-24s %-14s %5d %6.2f %5d %6d %+4d %+5d %+5d\n", sc.Signal, sc.Class, sc.Fired, sc.Agrees, sc.Fixed, sc.Broken, sc.Fixed-sc.Broken, sc.NetHalf, sc.NetOneAndHalf)
		}
	}
	if rep.Fit != nil {
		rep.Fit.print(w)
	}
	s := rep.Skills
	if s.TP+s.FP+s.FN > 0 {
		fmt.Fprintf(w, "\nskills (technologies): precision %.3f recall %.3f f1 %.3f (tp %d, fp %d, fn %d)\n", s.Precision, s.Recall, s.F1, s.TP, s.FP, s.FN)
		if rep.Attribution.N > 0 {
			fmt.Fprintf(w, "requirement attribution: %.3f (%d/%d)\n", rep.Attribution.Share, rep.Attribution.Correct, rep.Attribution.N)
		}
		if len(rep.UnknownSkills) > 0 {
			fmt.Fprintf(w, "gold skills the taxonomy does not know: %s\n", strings.Join(rep.UnknownSkills, ", "))
		}
		if verbose {
			for _, e := range rep.SkillErrors {
				fmt.Fprintf(w, "  ✗ %s\n", e)
			}
		}
	}
}
