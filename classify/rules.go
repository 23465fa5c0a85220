package classify

import (
	"bytes"
	_ "embed"
	"fmt"
	"io"
	"math"
	"os"
	"slices"
	"sort"
	"strings"

	yaml "go.yaml.in/yaml/v4"

	"github.com/jobstack/jobstack/extract"
	"github.com/jobstack/jobstack/internal/aho"
)

//go:embed rules.yaml
var defaultRules []byte

// DefaultRulesYAML returns the embedded rules file.
func DefaultRulesYAML() []byte { return bytes.Clone(defaultRules) }

// Maturity labels.
const (
	EarlyService = "early_service"
	CloudStartup = "cloud_startup"
	DataPlatform = "data_platform"
	Undetermined = "undetermined"
)

// Classes are the maturity labels a signal can vote for.
var Classes = []string{EarlyService, CloudStartup, DataPlatform}

// Roles, in the order PRODUCT.md lists them.
var Roles = []string{"data_engineer", "analytics_engineer", "data_analyst", "data_scientist", "ml_engineer", "mlops_engineer", "software_engineer", "other"}

// Seniorities, from seed 003.
var Seniorities = []string{"junior", "mid", "senior", "lead", "unspecified"}

// Signal is one piece of evidence for a maturity class.
type Signal struct {
	ID         string   `yaml:"id,omitempty"`
	Class      string   `yaml:"class,omitempty"`           // the class it votes for; undetermined makes it a veto
	Reason     string   `yaml:"reason,omitempty"`          // a veto's undetermined_reason (default: its id)
	Describe   string   `yaml:"describe,omitempty"`        // how evidence reads: "managed cloud data service"
	Weight     float64  `yaml:"weight,omitempty"`          // points per item found
	Max        int      `yaml:"max,omitempty"`             // at most this many items count; 0 means 1
	PerLine    int      `yaml:"per_line,omitempty"`        // at most this many skills from one line count; 0 means no limit
	Skills     []string `yaml:"skills,omitempty,flow"`     // taxonomy ids; an entry's children count too
	Categories []string `yaml:"categories,omitempty,flow"` // taxonomy categories
	Phrases    []string `yaml:"phrases,omitempty,flow"`    // lower-case phrases in the text
	Companies  []string `yaml:"companies,omitempty,flow"`  // company names, case-insensitive: whole words (Latin) or a word's start (Korean); "=name" is the whole name
	Headcount  *Range   `yaml:"headcount,omitempty"`       // company size range
	Industries []string `yaml:"industries,omitempty,flow"` // words of the company's industry field, case-insensitive, whole words
	Titles     []string `yaml:"titles,omitempty,flow"`     // words of the posting's title, case-insensitive, whole words (Latin)
	Absent     []string `yaml:"absent,omitempty,flow"`     // fires only when none of these signals fired
	Requires   []string `yaml:"requires,omitempty,flow"`   // fires only when one of these signals fired
	Sections   []string `yaml:"sections,omitempty,flow"`   // count phrases only in these sections (default all but benefits), and skills only at the matching levels (requirements: required, responsibilities, preferred, other)
	Roles      []string `yaml:"roles,omitempty,flow"`      // counts only for postings of these roles (default all)
	Languages  []string `yaml:"languages,omitempty,flow"`  // counts only for postings in these languages: ko, en, mixed (default all)
	// Blocks, on a veto, narrows it to one class: the veto keeps that
	// class from winning, and the best of the others still wins when it
	// reaches min_score.
	Blocks string `yaml:"blocks,omitempty"`
	// AtSmallFirm is where the signal's points go when the rules'
	// small_firm signal fired: another class, or "none" to count nothing.
	// Empty keeps the signal's class.
	AtSmallFirm string `yaml:"at_small_firm,omitempty"`
	// AtLargeFirm is where the signal's points go when one of the rules'
	// large_firm signals fired, as AtSmallFirm.
	AtLargeFirm string `yaml:"at_large_firm,omitempty"`

	line, col int
	// index is the signal's place in Rules.Signals, set by New;
	// companyExact holds the "=name" companies, companyWords the others.
	index        int
	companyExact map[string]bool
	companyWords []string
	companyAC    *aho.Automaton // over companyWords
	phraseIDs    []int          // Phrases' indices in the classifier's phrase list
}

// matchesText says whether the signal looks for items of its own (skills,
// categories, phrases, companies, industries, title words or a headcount). A signal without them
// is a condition on other signals and the role: it fires once, when
// those hold.
func (s *Signal) matchesText() bool {
	return len(s.Skills)+len(s.Categories)+len(s.Phrases)+len(s.Companies)+len(s.Industries)+len(s.Titles) > 0 || s.Headcount != nil
}

// Range is an inclusive integer range; a zero bound is open.
type Range struct {
	Min int `yaml:"min"`
	Max int `yaml:"max"`
}

// RoleRule recognises a role by title words, then by duty phrases.
type RoleRule struct {
	Role   string   `yaml:"role"`
	Title  []string `yaml:"title"`
	Not    []string `yaml:"not"`  // title words that veto the rule
	Weak   []string `yaml:"weak"` // title words that count only with two of the rule's duties
	Duties []string `yaml:"duties"`

	line, col int
}

// SeniorityRules read seniority from title words and years.
type SeniorityRules struct {
	Lead      []string `yaml:"lead"`
	Senior    []string `yaml:"senior"`
	Mid       []string `yaml:"mid"`
	Junior    []string `yaml:"junior"`
	LeadText  []string `yaml:"lead_text"` // duty phrases that make a lead
	JuniorMax int      `yaml:"junior_max"`
	MidMax    int      `yaml:"mid_max"`
}

// FocusRules tell an analytics data engineer from a platform one (seed 001).
type FocusRules struct {
	Analytics []string `yaml:"analytics"`
	Platform  []string `yaml:"platform"`
}

// Rules configure a Classifier.
type Rules struct {
	Version        string             `yaml:"version"`
	MinScore       float64            `yaml:"min_score"`
	SectionWeights map[string]float64 `yaml:"section_weights"`
	DataRoles      []string           `yaml:"data_roles"`
	Signals        []*Signal          `yaml:"signals"`
	Roles          []*RoleRule        `yaml:"roles"`
	NonTech        []string           `yaml:"non_tech_titles"`
	Seniority      SeniorityRules     `yaml:"seniority"`
	Focus          FocusRules         `yaml:"de_focus"`
	// SmallFirm is the id of the signal that says the company is a small
	// firm on a commercial cloud, where signals' at_small_firm apply: the
	// big-data stack that points to seed 001's large organisation is, at a
	// startup, part of the cloud data system it is still building (seed
	// 004 §2).
	SmallFirm string `yaml:"small_firm"`
	// LargeFirm lists the signals that say the company is a large
	// organisation, where signals' at_large_firm apply: the managed cloud
	// products that make seed 004 §2's startup are, at a large firm, the
	// platform its data teams run (seed 001).
	LargeFirm []string `yaml:"large_firm"`
	// Masks are phrases that hide every rule phrase they overlap: in
	// "자체 클라우드 환경" (an in-house cloud) the words "클라우드 환경" do
	// not stand for a commercial cloud. They apply to the phrases the
	// rules find in a posting's text, not to its skills.
	Masks []string `yaml:"masks"`

	file                        string
	smallFirmLine, smallFirmCol int
	largeFirmLine, largeFirmCol int
}

// DefaultRules returns the built-in rules.
func DefaultRules() (*Rules, error) {
	r, err := ParseRules("rules.yaml", bytes.NewReader(defaultRules))
	if err != nil {
		return nil, err
	}
	r.applyDefaults()
	return r, nil
}

// LoadRules reads rules files on top of the built-in rules, each over the
// result of those before it: signals and role rules with the id (or role)
// of an earlier one replace it, others are added; scalar settings replace
// the earlier ones when set. A file's signals may refer to the built-in
// signals and to those of the files before it. With no paths it is
// DefaultRules.
func LoadRules(paths ...string) (*Rules, error) {
	r, err := DefaultRules()
	if err != nil {
		return nil, err
	}
	for _, path := range paths {
		if r, err = r.extendFile(path); err != nil {
			return nil, err
		}
	}
	return r, nil
}

func (r *Rules) extendFile(path string) (*Rules, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return r.extend(path, f)
}

// extend lays the rules file read from rd over r's rules, as LoadRules
// does with a path; name is the file's name in errors.
func (r *Rules) extend(name string, rd io.Reader) (*Rules, error) {
	// The file's signals may build on the ones so far by id.
	builtin := map[string]bool{}
	for _, s := range r.Signals {
		builtin[s.ID] = true
	}
	over, err := parseRules(name, rd, builtin)
	if err != nil {
		return nil, err
	}
	out := r.merge(over)
	out.applyDefaults()
	return out, nil
}

func (r *Rules) merge(o *Rules) *Rules {
	out := *r
	if o.Version != "" {
		out.Version = r.Version + "+" + o.Version
	}
	if o.MinScore != 0 {
		out.MinScore = o.MinScore
	}
	for k, v := range o.SectionWeights {
		if out.SectionWeights == nil {
			out.SectionWeights = map[string]float64{}
		}
		out.SectionWeights[k] = v
	}
	if len(o.DataRoles) > 0 {
		out.DataRoles = o.DataRoles
	}
	out.Signals = mergeByKey(r.Signals, o.Signals, func(s *Signal) string { return s.ID })
	out.Roles = mergeByKey(r.Roles, o.Roles, func(s *RoleRule) string { return s.Role })
	if len(o.NonTech) > 0 {
		out.NonTech = append(append([]string{}, r.NonTech...), o.NonTech...)
	}
	if len(o.Masks) > 0 {
		out.Masks = append(append([]string{}, r.Masks...), o.Masks...)
	}
	// Seniority and focus words in an overlay are added to the built-in
	// ones; the year bounds replace them when set.
	add := func(base, more []string) []string {
		if len(more) == 0 {
			return base
		}
		return append(append([]string{}, base...), more...)
	}
	out.Seniority.Lead = add(r.Seniority.Lead, o.Seniority.Lead)
	out.Seniority.Senior = add(r.Seniority.Senior, o.Seniority.Senior)
	out.Seniority.Mid = add(r.Seniority.Mid, o.Seniority.Mid)
	out.Seniority.Junior = add(r.Seniority.Junior, o.Seniority.Junior)
	out.Seniority.LeadText = add(r.Seniority.LeadText, o.Seniority.LeadText)
	if o.Seniority.JuniorMax != 0 {
		out.Seniority.JuniorMax = o.Seniority.JuniorMax
	}
	if o.Seniority.MidMax != 0 {
		out.Seniority.MidMax = o.Seniority.MidMax
	}
	if o.SmallFirm != "" {
		out.SmallFirm = o.SmallFirm
	}
	if len(o.LargeFirm) > 0 {
		out.LargeFirm = o.LargeFirm
	}
	out.Focus.Analytics = add(r.Focus.Analytics, o.Focus.Analytics)
	out.Focus.Platform = add(r.Focus.Platform, o.Focus.Platform)
	return &out
}

func mergeByKey[T any](base, over []T, key func(T) string) []T {
	idx := map[string]int{}
	out := append([]T{}, base...)
	for i, v := range out {
		idx[key(v)] = i
	}
	for _, v := range over {
		if i, ok := idx[key(v)]; ok {
			out[i] = v
			continue
		}
		out = append(out, v)
	}
	return out
}

var (
	rulesKeys     = map[string]bool{"version": true, "min_score": true, "section_weights": true, "data_roles": true, "signals": true, "roles": true, "non_tech_titles": true, "seniority": true, "de_focus": true, "small_firm": true, "large_firm": true, "masks": true}
	signalKeys    = map[string]bool{"id": true, "class": true, "reason": true, "describe": true, "weight": true, "max": true, "per_line": true, "skills": true, "categories": true, "phrases": true, "companies": true, "industries": true, "titles": true, "headcount": true, "absent": true, "requires": true, "sections": true, "roles": true, "languages": true, "blocks": true, "at_small_firm": true, "at_large_firm": true}
	roleKeys      = map[string]bool{"role": true, "title": true, "not": true, "duties": true, "weak": true}
	seniorityKeys = map[string]bool{"lead": true, "senior": true, "mid": true, "junior": true, "lead_text": true, "junior_max": true, "mid_max": true}
	focusKeys     = map[string]bool{"analytics": true, "platform": true}
	rangeKeys     = map[string]bool{"min": true, "max": true}
	sectionNames  = map[string]bool{"requirements": true, "preferred": true, "responsibilities": true, "other": true, "company": true, "benefits": true, "process": true}
)

// ParseRules reads and checks a rules file. Every problem is reported as
// file:line:col, all of them at once.
func ParseRules(name string, r io.Reader) (*Rules, error) {
	return parseRules(name, r, nil)
}

// parseRules is ParseRules for a file laid over other rules: its signals
// may also refer to the signals named in outer.
func parseRules(name string, r io.Reader, outer map[string]bool) (*Rules, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", name, err)
	}
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	var problems []*extract.PosError
	bad := func(n *yaml.Node, format string, args ...any) {
		problems = append(problems, &extract.PosError{File: name, Line: n.Line, Col: n.Column, Err: fmt.Errorf(format, args...)})
	}
	if len(root.Content) == 0 || root.Content[0].Kind != yaml.MappingNode {
		return nil, &extract.ValidationError{Problems: []*extract.PosError{{File: name, Line: 1, Col: 1, Err: fmt.Errorf("expected a mapping at the top level")}}}
	}
	top := root.Content[0]
	checkKeys(top, rulesKeys, "", bad)
	rules := &Rules{file: name}
	for i := 0; i+1 < len(top.Content); i += 2 {
		k, v := top.Content[i], top.Content[i+1]
		switch k.Value {
		case "signals":
			for _, item := range v.Content {
				checkKeys(item, signalKeys, "signal", bad)
				if h := child(item, "headcount"); h != nil {
					checkKeys(h, rangeKeys, "headcount", bad)
				}
				s := &Signal{line: item.Line, col: item.Column}
				if err := item.Decode(s); err != nil {
					bad(item, "signal: %v", err)
					continue
				}
				rules.Signals = append(rules.Signals, s)
			}
		case "roles":
			for _, item := range v.Content {
				checkKeys(item, roleKeys, "role rule", bad)
				rr := &RoleRule{line: item.Line, col: item.Column}
				if err := item.Decode(rr); err != nil {
					bad(item, "role rule: %v", err)
					continue
				}
				rules.Roles = append(rules.Roles, rr)
			}
		case "seniority":
			checkKeys(v, seniorityKeys, "seniority", bad)
			if err := v.Decode(&rules.Seniority); err != nil {
				bad(v, "seniority: %v", err)
			} else if rules.Seniority.JuniorMax < 0 || rules.Seniority.MidMax < 0 {
				bad(v, "seniority: junior_max and mid_max are years: want 0 or more")
			}
		case "de_focus":
			checkKeys(v, focusKeys, "de_focus", bad)
			if err := v.Decode(&rules.Focus); err != nil {
				bad(v, "de_focus: %v", err)
			}
		case "small_firm":
			if v.Kind != yaml.ScalarNode {
				bad(v, "small_firm: want a signal id")
				break
			}
			rules.SmallFirm, rules.smallFirmLine, rules.smallFirmCol = v.Value, v.Line, v.Column
		case "large_firm":
			if err := v.Decode(&rules.LargeFirm); err != nil {
				bad(v, "large_firm: want a list of signal ids")
				break
			}
			rules.largeFirmLine, rules.largeFirmCol = v.Line, v.Column
		case "version":
			rules.Version = v.Value
		case "min_score":
			if err := v.Decode(&rules.MinScore); err != nil {
				bad(v, "min_score: %v", err)
			} else if !finite(rules.MinScore) || rules.MinScore < 0 || rules.MinScore > MaxWeight {
				bad(v, "min_score: %s: want a number above 0, at most %d", v.Value, MaxWeight)
			}
		case "section_weights":
			if err := v.Decode(&rules.SectionWeights); err != nil {
				bad(v, "section_weights: %v", err)
			}
			for j := 0; j+1 < len(v.Content); j += 2 {
				if !sectionNames[v.Content[j].Value] {
					bad(v.Content[j], "section_weights: unknown section %q", v.Content[j].Value)
				}
				if w := rules.SectionWeights[v.Content[j].Value]; !finite(w) || w < 0 || w > MaxWeight {
					bad(v.Content[j+1], "section_weights: %s: %s: want a number from 0 to %d", v.Content[j].Value, v.Content[j+1].Value, MaxWeight)
				}
			}
		case "data_roles":
			if err := v.Decode(&rules.DataRoles); err != nil {
				bad(v, "data_roles: %v", err)
				break
			}
			for _, r := range v.Content {
				if !slices.Contains(Roles, r.Value) {
					bad(r, "data_roles: unknown role %q", r.Value)
				}
			}
		case "non_tech_titles":
			if err := v.Decode(&rules.NonTech); err != nil {
				bad(v, "non_tech_titles: %v", err)
			}
		case "masks":
			if err := v.Decode(&rules.Masks); err != nil {
				bad(v, "masks: %v", err)
			}
		}
	}
	checkWords(top, bad)
	problems = append(problems, rules.check(name, outer)...)
	if len(problems) > 0 {
		sort.SliceStable(problems, func(i, j int) bool { return problems[i].Line < problems[j].Line })
		return nil, &extract.ValidationError{Problems: problems}
	}
	rules.normalise()
	return rules, nil
}

// wordKeys are the keys whose values are lists of words or phrases to
// look for. An empty one would be found everywhere, or at every offset of
// a title.
var wordKeys = map[string]bool{"phrases": true, "companies": true, "industries": true, "titles": true, "title": true, "not": true, "weak": true,
	"duties": true, "non_tech_titles": true, "masks": true, "lead": true, "senior": true, "mid": true, "junior": true, "lead_text": true,
	"analytics": true, "platform": true}

// checkWords reports the empty or blank words in the word lists under n.
func checkWords(n *yaml.Node, bad func(*yaml.Node, string, ...any)) {
	switch n.Kind {
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if wordKeys[k.Value] && v.Kind == yaml.SequenceNode {
				for _, w := range v.Content {
					if w.Kind == yaml.ScalarNode && strings.TrimSpace(w.Value) == "" {
						bad(w, "%s: empty phrase", k.Value)
					}
				}
			}
			checkWords(v, bad)
		}
	case yaml.SequenceNode:
		for _, c := range n.Content {
			checkWords(c, bad)
		}
	}
}

// MaxWeight bounds weights, section weights and min_score, so that no
// sum of points overflows to infinity: the built-in ones are below 10.
const MaxWeight = 1000

// finite reports whether v is a number: YAML reads .nan and .inf too.
func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

func child(n *yaml.Node, key string) *yaml.Node {
	if n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i+1]
		}
	}
	return nil
}

func checkKeys(n *yaml.Node, allowed map[string]bool, what string, bad func(*yaml.Node, string, ...any)) {
	if n.Kind != yaml.MappingNode {
		bad(n, "%s: expected a mapping", what)
		return
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if k := n.Content[i]; !allowed[k.Value] {
			if what == "" {
				bad(k, "unknown key %q", k.Value)
			} else {
				bad(k, "%s: unknown key %q", what, k.Value)
			}
		}
	}
}

// check validates what decoding cannot: known classes, roles and
// references between signals.
func (r *Rules) check(file string, outer map[string]bool) []*extract.PosError {
	var problems []*extract.PosError
	at := func(line, col int, format string, args ...any) {
		problems = append(problems, &extract.PosError{File: file, Line: line, Col: col, Err: fmt.Errorf(format, args...)})
	}
	ids := map[string]bool{}
	for _, s := range r.Signals {
		if s.ID == "" {
			at(s.line, s.col, "signal has no id")
		} else if ids[s.ID] {
			at(s.line, s.col, "duplicate signal id %q", s.ID)
		}
		ids[s.ID] = true
	}
	validClass := map[string]bool{EarlyService: true, CloudStartup: true, DataPlatform: true, Undetermined: true}
	for _, s := range r.Signals {
		if !validClass[s.Class] {
			at(s.line, s.col, "signal %q: class %q: want early_service, cloud_startup, data_platform or undetermined (a veto)", s.ID, s.Class)
		}
		if s.Reason != "" && s.Class != Undetermined {
			at(s.line, s.col, "signal %q: only a veto (class undetermined) has a reason", s.ID)
		}
		if s.Weight == 0 && s.Class != Undetermined {
			at(s.line, s.col, "signal %q has no weight", s.ID)
		}
		if !finite(s.Weight) || math.Abs(s.Weight) > MaxWeight {
			at(s.line, s.col, "signal %q: weight %v: want a number from -%d to %d", s.ID, s.Weight, MaxWeight, MaxWeight)
		}
		if s.Max < 0 || s.PerLine < 0 {
			at(s.line, s.col, "signal %q: max and per_line are counts: want 0 or more", s.ID)
		}
		if h := s.Headcount; h != nil && (h.Min < 0 || h.Max < 0 || h.Max != 0 && h.Min > h.Max) {
			at(s.line, s.col, "signal %q: headcount {min: %d, max: %d}: want 0 or more, min not above max (0 is open)", s.ID, h.Min, h.Max)
		}
		if !s.matchesText() && len(s.Absent) == 0 && (len(s.Requires) == 0 || len(s.Roles) == 0) {
			at(s.line, s.col, "signal %q matches nothing: give skills, categories, phrases, companies, industries, titles, headcount, absent, or requires with roles", s.ID)
		}
		for _, ref := range append(append([]string{}, s.Absent...), s.Requires...) {
			if !ids[ref] && !outer[ref] {
				at(s.line, s.col, "signal %q refers to unknown signal %q", s.ID, ref)
			}
		}
		for _, role := range s.Roles {
			if !slices.Contains(Roles, role) {
				at(s.line, s.col, "signal %q: unknown role %q", s.ID, role)
			}
		}
		for _, lang := range s.Languages {
			if lang != "ko" && lang != "en" && lang != "mixed" {
				at(s.line, s.col, "signal %q: unknown language %q: want ko, en or mixed", s.ID, lang)
			}
		}
		switch {
		case s.Blocks == "":
		case s.Class != Undetermined:
			at(s.line, s.col, "signal %q: only a veto (class undetermined) blocks a class", s.ID)
		case classIndex(s.Blocks) < 0:
			at(s.line, s.col, "signal %q: blocks %q: want early_service, cloud_startup or data_platform", s.ID, s.Blocks)
		}
		for _, sec := range s.Sections {
			if !sectionNames[sec] {
				at(s.line, s.col, "signal %q: unknown section %q", s.ID, sec)
			}
		}
		for _, move := range [...]struct{ key, to string }{{"at_small_firm", s.AtSmallFirm}, {"at_large_firm", s.AtLargeFirm}} {
			switch {
			case move.to == "":
			case s.Class == Undetermined:
				at(s.line, s.col, "signal %q: a veto has no %s", s.ID, move.key)
			case move.to != "none" && (!validClass[move.to] || move.to == Undetermined):
				at(s.line, s.col, "signal %q: %s %q: want early_service, cloud_startup, data_platform or none", s.ID, move.key, move.to)
			}
		}
	}
	if r.SmallFirm != "" && !ids[r.SmallFirm] && !outer[r.SmallFirm] {
		at(r.smallFirmLine, r.smallFirmCol, "small_firm refers to unknown signal %q", r.SmallFirm)
	}
	for _, id := range r.LargeFirm {
		if !ids[id] && !outer[id] {
			at(r.largeFirmLine, r.largeFirmCol, "large_firm refers to unknown signal %q", id)
		}
	}
	validRole := map[string]bool{}
	for _, role := range Roles {
		validRole[role] = true
	}
	for _, rr := range r.Roles {
		if !validRole[rr.Role] {
			at(rr.line, rr.col, "role rule: unknown role %q", rr.Role)
		}
	}
	return problems
}

// CheckSkills reports signals that name skills the taxonomy lacks, so a
// rules file and a taxonomy cannot drift apart silently.
func (r *Rules) CheckSkills(t *extract.Taxonomy) error {
	var problems []*extract.PosError
	for _, s := range r.Signals {
		for _, id := range s.Skills {
			if _, ok := t.Lookup(id); !ok {
				problems = append(problems, &extract.PosError{File: r.file, Line: s.line, Col: s.col, Err: fmt.Errorf("signal %q: no taxonomy entry %q", s.ID, id)})
			}
		}
	}
	if len(problems) > 0 {
		return &extract.ValidationError{Problems: problems}
	}
	return nil
}

func (r *Rules) normalise() {
	lower := func(ss []string) {
		for i := range ss {
			ss[i] = strings.ToLower(ss[i])
		}
	}
	for _, s := range r.Signals {
		lower(s.Phrases)
		lower(s.Companies)
		lower(s.Industries)
		lower(s.Titles)
		if s.Max == 0 {
			s.Max = 1
		}
	}
	for _, rr := range r.Roles {
		lower(rr.Title)
		lower(rr.Not)
		lower(rr.Weak)
		lower(rr.Duties)
	}
	lower(r.NonTech)
	lower(r.Masks)
	lower(r.Seniority.Lead)
	lower(r.Seniority.Senior)
	lower(r.Seniority.Mid)
	lower(r.Seniority.Junior)
	lower(r.Seniority.LeadText)
	lower(r.Focus.Analytics)
	lower(r.Focus.Platform)
}

// applyDefaults fills settings a rules file left out. It runs on the
// built-in rules and on the merged result, never on an overlay, so an
// overlay that does not set min_score keeps the built-in one.
func (r *Rules) applyDefaults() {
	if r.MinScore == 0 {
		r.MinScore = 2
	}
	if r.Seniority.JuniorMax == 0 {
		r.Seniority.JuniorMax = 2
	}
	if r.Seniority.MidMax == 0 {
		r.Seniority.MidMax = 4
	}
}
