package classify

import (
	"cmp"
	"fmt"
	"math"
	"math/bits"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/jobstack/jobstack/extract"
	"github.com/jobstack/jobstack/internal/aho"
	"github.com/jobstack/jobstack/internal/hangul"
)

// Result is the labels of one posting, each with the evidence for it.
type Result struct {
	Maturity           string
	Confidence         float64            // 0..1, from the score margin
	Evidence           []string           // the signals that decided the maturity, strongest first
	Scores             map[string]float64 // points per class, for explain
	Role               string
	RoleEvidence       []string
	Seniority          string
	SeniorityEvidence  []string
	DEFocus            string // analytics, platform or mixed for data engineers (seed 001); empty otherwise
	DEFocusEvidence    []string
	UndeterminedReason string  // not_data_role, little_evidence or a veto's reason (client_work) when Maturity is undetermined
	Fired              []Fired // every maturity signal that fired: vetoes, then the others in the order decided
}

// Fired is a maturity signal that fired for a posting.
type Fired struct {
	Signal string  // the signal's id
	Class  string  // the class its points went to, after a small- or large-firm move; undetermined for a veto
	Points float64 // 0 for a veto and for points not counted
}

// Classifier labels postings. It is built once from rules and is safe for
// concurrent use; Classify cannot fail.
type Classifier struct {
	rules     *Rules
	dataRoles map[string]bool
	signalIdx map[string]int
	order     []int // signals without conditions first, then those with
	phrases   []string
	phraseID  map[string]int
	isMask    []bool   // by phrase id: a mask (rules.Masks), not a phrase to find
	own       *ownWalk // the classifier's own automaton, for Classify
	secWeight [extract.SectionRequirements + 1]float64
	// The signals that name a skill id or a category, by index in
	// rules.Signals.
	bySkill, byCategory map[string][]int
	off                 []bool    // by index in rules.Signals: never fires (Without); nil for none
	scale               []float64 // by index in rules.Signals: a factor on the weight (Reweighted); nil for none
	// jobTitles are, by index in rules.Roles, the rule's title words
	// that name a job rather than a field (see jobIn).
	jobTitles [][]string
}

// Reweighted returns a classifier that labels as c does, except that the
// signal with this id counts factor times its weight: how a label set
// would move with a signal's weight changed (jobstack eval --ablate).
// Unlike Without, the signal still fires, so the signals that require it
// or must miss it are decided as before.
func (c *Classifier) Reweighted(id string, factor float64) (*Classifier, error) {
	i, ok := c.signalIdx[id]
	if !ok {
		return nil, fmt.Errorf("classify: no signal %q", id)
	}
	w := *c
	w.scale = make([]float64, len(c.rules.Signals))
	for j := range w.scale {
		w.scale[j] = 1
	}
	if c.scale != nil {
		copy(w.scale, c.scale)
	}
	w.scale[i] *= factor
	return &w, nil
}

// Without returns a classifier that labels as c does, except that the
// signals with these ids never fire, so neither do the signals that
// require them, and those that must miss them may: how much a signal
// decides on labelled postings (jobstack eval --ablate).
func (c *Classifier) Without(ids ...string) (*Classifier, error) {
	w := *c
	w.off = make([]bool, len(c.rules.Signals))
	if c.off != nil {
		copy(w.off, c.off)
	}
	for _, id := range ids {
		i, ok := c.signalIdx[id]
		if !ok {
			return nil, fmt.Errorf("classify: no signal %q", id)
		}
		w.off[i] = true
	}
	return &w, nil
}

// found holds where each rule phrase first occurs in a posting's text.
type found []int32

// at returns the byte offset of phrase's first whole-word occurrence, or -1.
func (c *Classifier) at(f found, phrase string) int {
	if i, ok := c.phraseID[phrase]; ok {
		return int(f[i])
	}
	return -1
}

// scan finds the first occurrence of every rule phrase in low in one pass,
// and a second pass, without the occurrences a mask overlaps, when the
// text has one.
func (c *Classifier) scan(low string) found {
	ac := c.own.automaton(c.phrases)
	return c.scanWith(low, func(fn func(start, end, pattern int) bool) { ac.Walk(low, fn) })
}

// ownWalk is the automaton over every rule phrase, built on the first
// Classify. A run finds the phrases in the matcher's walk (ClassifyHits)
// and never builds it; explain and eval do. Reweighted and Without share
// it with the classifier they copy.
type ownWalk struct {
	once sync.Once
	ac   *aho.Automaton
}

func (w *ownWalk) automaton(phrases []string) *aho.Automaton {
	w.once.Do(func() { w.ac = aho.Build(phrases, false) })
	return w.ac
}

// scanHits is scan over occurrences another walk found.
func (c *Classifier) scanHits(low string, hits []PhraseHit) found {
	return c.scanWith(low, func(fn func(start, end, pattern int) bool) {
		for _, h := range hits {
			if !fn(int(h.Start), int(h.End), int(h.ID)) {
				return
			}
		}
	})
}

// scanWith is scan with the rule phrases' occurrences in low from each,
// which reports them as an aho walk does: by end, the longer first.
func (c *Classifier) scanWith(low string, each func(func(start, end, pattern int) bool)) found {
	var masks []span
	f := c.walk(low, each, nil, &masks)
	if len(masks) > 0 {
		f = c.walk(low, each, masks, nil)
	}
	return f
}

type span struct{ start, end int }

// walk finds, among the occurrences each reports, the first of every
// rule phrase in low that overlaps none of masks, and adds the masks it
// finds to seen.
func (c *Classifier) walk(low string, each func(func(start, end, pattern int) bool), masks []span, seen *[]span) found {
	f := make(found, len(c.phrases))
	for i := range f {
		f[i] = -1
	}
	each(func(start, end, pattern int) bool {
		mask := c.isMask[pattern]
		if !mask && f[pattern] >= 0 {
			return true
		}
		if ph := c.phrases[pattern]; asciiWordy(ph) && !wordBounded(low, start, end) {
			return true
		}
		if mask {
			if seen != nil {
				*seen = append(*seen, span{start, end})
			}
			return true
		}
		for _, m := range masks {
			if start < m.end && m.start < end {
				return true
			}
		}
		f[pattern] = int32(start)
		return true
	})
	return f
}

// New compiles rules into a classifier.
func New(rules *Rules) (*Classifier, error) {
	if rules == nil {
		return nil, fmt.Errorf("classify: no rules")
	}
	rules.applyDefaults()
	c := &Classifier{rules: rules, dataRoles: map[string]bool{}, signalIdx: map[string]int{},
		bySkill: map[string][]int{}, byCategory: map[string][]int{}}
	for _, r := range rules.DataRoles {
		c.dataRoles[r] = true
	}
	for _, rr := range rules.Roles {
		c.jobTitles = append(c.jobTitles, slices.DeleteFunc(slices.Clone(rr.Title), func(w string) bool {
			return !slices.ContainsFunc(jobNouns, func(n string) bool { return strings.Contains(w, n) })
		}))
	}
	for i, s := range rules.Signals {
		c.signalIdx[s.ID] = i
		s.index = i
		for _, id := range s.Skills {
			c.bySkill[id] = append(c.bySkill[id], i)
		}
		for _, cat := range s.Categories {
			c.byCategory[cat] = append(c.byCategory[cat], i)
		}
		s.companyExact, s.companyWords = map[string]bool{}, nil
		for _, co := range s.Companies {
			if name, ok := strings.CutPrefix(co, "="); ok {
				s.companyExact[companyKey(name)] = true
			} else {
				s.companyWords = append(s.companyWords, co)
			}
		}
		if len(s.companyWords) > 0 {
			s.companyAC = aho.Build(s.companyWords, false)
		}
	}
	c.order = signalOrder(rules.Signals)
	c.phraseID = map[string]int{}
	add := func(list []string) {
		for _, ph := range list {
			if _, ok := c.phraseID[ph]; !ok && ph != "" {
				c.phraseID[ph] = len(c.phrases)
				c.phrases = append(c.phrases, ph)
			}
		}
	}
	for _, s := range rules.Signals {
		add(s.Phrases)
	}
	for _, rr := range rules.Roles {
		add(rr.Duties)
	}
	add(rules.Seniority.LeadText)
	add(rules.Focus.Analytics)
	add(rules.Focus.Platform)
	c.isMask = make([]bool, len(c.phrases))
	for _, m := range rules.Masks {
		// A mask that is also a phrase stays a phrase: it would
		// otherwise hide itself.
		if _, ok := c.phraseID[m]; ok || m == "" {
			continue
		}
		c.phraseID[m] = len(c.phrases)
		c.phrases = append(c.phrases, m)
		c.isMask = append(c.isMask, true)
	}
	c.own = &ownWalk{}
	for _, s := range rules.Signals {
		s.phraseIDs = make([]int, len(s.Phrases))
		for j, ph := range s.Phrases {
			s.phraseIDs[j] = -1
			if id, ok := c.phraseID[ph]; ok {
				s.phraseIDs[j] = id
			}
		}
	}
	for k := range c.secWeight {
		c.secWeight[k] = c.lookupSectionWeight(extract.SectionKind(k))
	}
	return c, nil
}

// Rules returns the rules the classifier was built from.
func (c *Classifier) Rules() *Rules { return c.rules }

// Phrases returns the phrases the rules look for in a posting's
// lower-cased text, in the order of their ids in a PhraseHit. The slice is
// the classifier's own: callers must not change it.
func (c *Classifier) Phrases() []string { return c.phrases }

// PhraseHit is an occurrence of Phrases()[ID] at bytes [Start, End) of a
// posting's LowerText.
type PhraseHit struct{ Start, End, ID int32 }

// Classify labels a posting from its text and extracted skills.
func (c *Classifier) Classify(p *extract.Posting, skills []extract.Skill) Result {
	low := p.LowerText()
	return c.classify(p, skills, c.scan(low))
}

// ClassifyHits is Classify with every occurrence of the rule phrases
// found by another walk over the text, in the order an aho walk reports
// them (by end, the longer first): extract.Matcher.MatchPhrases with
// Phrases() finds them in the walk that finds the skills.
func (c *Classifier) ClassifyHits(p *extract.Posting, skills []extract.Skill, hits []PhraseHit) Result {
	low := p.LowerText()
	return c.classify(p, skills, c.scanHits(low, hits))
}

func (c *Classifier) classify(p *extract.Posting, skills []extract.Skill, f found) Result {
	var res Result
	title := strings.ToLower(p.Title)
	res.Role, res.RoleEvidence = c.role(p, title, f)
	res.Seniority, res.SeniorityEvidence = c.seniority(p, title, f)
	if res.Role == "data_engineer" || res.Role == "analytics_engineer" {
		res.DEFocus, res.DEFocusEvidence = c.focus(res.Role, f)
	}
	c.maturity(p, skills, f, &res)
	return res
}

type item struct {
	label  string // fixed text, or
	skill  *extract.Skill
	phrase string // with section and offset
	sec    extract.SectionKind
	off    int
	weight float64
}

// text describes an item for the evidence; it is built only for the items
// that count. It is fmt.Sprintf("%s (%s)", name, requirement) or
// fmt.Sprintf("%q in %s: %q", phrase, section, line) put together by hand:
// a posting has dozens of items.
func (it *item) text(p *extract.Posting) string {
	switch {
	case it.skill != nil:
		return it.skill.Name + " (" + it.skill.Requirement.String() + ")"
	case it.phrase != "":
		return quote(it.phrase) + " in " + it.sec.String() + ": " + quote(shortLine(p.Text, it.off))
	}
	return it.label
}

// vetoTexts is how a veto's first three items read in its evidence.
func vetoTexts(items []item, p *extract.Posting) []string {
	var out []string
	for j := range min(len(items), 3) {
		out = append(out, items[j].text(p))
	}
	return out
}

func (c *Classifier) sectionWeight(k extract.SectionKind) float64 {
	if int(k) < len(c.secWeight) {
		return c.secWeight[k]
	}
	return c.lookupSectionWeight(k)
}

func (c *Classifier) lookupSectionWeight(k extract.SectionKind) float64 {
	name := k.String()
	switch k {
	case extract.SectionCompany, extract.SectionProcess, extract.SectionBenefits:
		if w, ok := c.rules.SectionWeights[name]; ok {
			return w
		}
		name = "other"
	}
	if w, ok := c.rules.SectionWeights[name]; ok {
		return w
	}
	return 1
}

func (c *Classifier) requirementWeight(r extract.Requirement) float64 {
	return c.sectionWeight(requirementSection(r))
}

// requirementSection is the section whose weight, and whose name in a
// signal's sections, a skill of requirement level r counts with.
func requirementSection(r extract.Requirement) extract.SectionKind {
	switch r {
	case extract.RequirementRequired:
		return extract.SectionRequirements
	case extract.RequirementPreferred:
		return extract.SectionPreferred
	case extract.RequirementResponsibility:
		return extract.SectionResponsibilities
	}
	return extract.SectionOther
}

func (c *Classifier) maturity(p *extract.Posting, skills []extract.Skill, f found, res *Result) {
	scores := map[string]float64{}
	type fired struct {
		sig    *Signal
		class  string
		points float64
		items  string // what it found
		note   string // why it counts elsewhere, if it does
	}
	var all []fired
	firedIDs := map[string]bool{}
	var veto *Signal
	var vetoItems []string
	type block struct {
		sig   *Signal
		items []string
	}
	blocked := map[string]block{} // class → the first veto that blocks it
	named := c.nameSkills(skills)
	// Whether the line at an offset is cued preferred, computed once per
	// line: many phrases share a line, and an English scrape's line can
	// be its whole description.
	cues := map[int]bool{}
	preferredLine := func(off int) bool {
		start := strings.LastIndexByte(p.Text[:off], '\n') + 1
		pref, ok := cues[start]
		if !ok {
			r, has := extract.LineCue(lineOf(p.Text, off))
			pref = has && r == extract.RequirementPreferred
			cues[start] = pref
		}
		return pref
	}
	for _, i := range c.order {
		s := c.rules.Signals[i]
		if c.off != nil && c.off[i] {
			continue
		}
		if len(s.Requires) > 0 && !anyFired(firedIDs, s.Requires) {
			continue
		}
		if len(s.Absent) > 0 && anyFired(firedIDs, s.Absent) {
			continue
		}
		if len(s.Roles) > 0 && !slices.Contains(s.Roles, res.Role) {
			continue
		}
		if len(s.Languages) > 0 && !slices.Contains(s.Languages, p.Language) {
			continue
		}
		items := c.items(s, p, skills, named, f, preferredLine)
		if len(items) == 0 && !s.matchesText() {
			// A condition on other signals and the role: its evidence is
			// the condition that held.
			var why []string
			if len(s.Roles) > 0 {
				why = append(why, "role "+res.Role)
			}
			if len(s.Requires) > 0 {
				var with []string
				for _, id := range s.Requires {
					if firedIDs[id] {
						with = append(with, id)
					}
				}
				why = append(why, "with "+strings.Join(with, ", "))
			}
			if len(s.Absent) > 0 {
				why = append(why, "none of "+strings.Join(s.Absent, ", "))
			}
			items = []item{{label: strings.Join(why, "; "), weight: 1}}
		}
		if len(items) == 0 {
			continue
		}
		if len(items) > 1 { // most signals find one item
			sort.SliceStable(items, func(a, b int) bool { return items[a].weight > items[b].weight })
		}
		if len(items) > s.Max {
			items = items[:s.Max]
		}
		if s.Class == Undetermined {
			// A veto: the posting stays undetermined whatever it scores,
			// or, when it blocks a class, that class does not win.
			if s.Blocks != "" {
				if _, ok := blocked[s.Blocks]; !ok {
					blocked[s.Blocks] = block{sig: s, items: vetoTexts(items, p)}
				}
			} else if veto == nil {
				veto, vetoItems = s, vetoTexts(items, p)
			}
			firedIDs[s.ID] = true
			res.Fired = append(res.Fired, Fired{Signal: s.ID, Class: Undetermined})
			continue
		}
		points := 0.0
		labels := make([]string, len(items))
		for j, it := range items {
			points += s.Weight * it.weight
			labels[j] = it.text(p)
		}
		if c.scale != nil {
			points *= c.scale[i]
		}
		points = math.Round(points*100) / 100
		firedIDs[s.ID] = true
		scores[s.Class] += points
		all = append(all, fired{sig: s, class: s.Class, points: points, items: strings.Join(labels, ", ")})
	}
	// The same evidence means another class at a small firm on a
	// commercial cloud, or at a large organisation; all signals have
	// fired by now, so their conditions are not affected.
	move := func(to func(*Signal) string, where string) {
		for i := range all {
			f := &all[i]
			to := to(f.sig)
			if to == "" {
				continue
			}
			scores[f.class] -= f.points
			if to == "none" {
				f.points = 0
				f.note = ", not counted " + where
				continue
			}
			f.class = to
			scores[to] += f.points
			f.note = ", " + where
		}
	}
	switch {
	case c.rules.SmallFirm != "" && firedIDs[c.rules.SmallFirm]:
		move(func(s *Signal) string { return s.AtSmallFirm }, fmt.Sprintf("at a small firm on a cloud (headcount %d)", p.Headcount))
	case anyFired(firedIDs, c.rules.LargeFirm):
		move(func(s *Signal) string { return s.AtLargeFirm }, "at a large organisation")
	}
	for _, f := range all {
		res.Fired = append(res.Fired, Fired{Signal: f.sig.ID, Class: f.class, Points: f.points})
	}
	text := func(f fired) string {
		desc := f.sig.Describe
		if desc == "" {
			desc = f.sig.ID
		}
		// fmt.Sprintf("%s %+.2f: %s%s: %s", ...) by hand: every fired
		// signal of every posting has one.
		return f.class + " " + signedPoints(f.points) + ": " + desc + f.note + ": " + f.items
	}
	for k, v := range scores {
		scores[k] = math.Round(v*100) / 100
	}
	res.Scores = scores
	best, second := "", ""
	for _, cl := range Classes {
		if _, ok := blocked[cl]; ok {
			continue
		}
		switch {
		case best == "" || scores[cl] > scores[best]:
			best, second = cl, best
		case second == "" || scores[cl] > scores[second]:
			second = cl
		}
	}
	if !c.dataRoles[res.Role] {
		res.Maturity = Undetermined
		res.UndeterminedReason = "not_data_role"
		res.Confidence = 0.9
		res.Evidence = []string{fmt.Sprintf("undetermined: not a data role (%s)", res.Role)}
		if len(res.RoleEvidence) > 0 {
			res.Evidence = append(res.Evidence, "role: "+res.RoleEvidence[0])
		}
		return
	}
	if veto != nil {
		res.Maturity = Undetermined
		res.UndeterminedReason = veto.Reason
		if res.UndeterminedReason == "" {
			res.UndeterminedReason = veto.ID
		}
		res.Confidence = 0.8
		desc := veto.Describe
		if desc == "" {
			desc = veto.ID
		}
		res.Evidence = []string{fmt.Sprintf("undetermined: %s: %s", desc, strings.Join(vetoItems, ", "))}
		for _, f := range all {
			res.Evidence = append(res.Evidence, text(f))
		}
		return
	}
	// A blocked class that scored more than the best of the others is
	// what the block decided: it leads the evidence.
	var blockedBy []string
	var blockReason string
	for _, cl := range Classes {
		if b, ok := blocked[cl]; ok && scores[cl] >= c.rules.MinScore && scores[cl] > scores[best] {
			blockedBy = append(blockedBy, fmt.Sprintf("not %s: %s: %s", cl, cmp.Or(b.sig.Describe, b.sig.ID), strings.Join(b.items, ", ")))
			if blockReason == "" {
				blockReason = cmp.Or(b.sig.Reason, b.sig.ID)
			}
		}
	}
	s1, s2 := scores[best], scores[second]
	if s1 < c.rules.MinScore {
		res.Maturity = Undetermined
		if blockedBy == nil {
			res.UndeterminedReason = "little_evidence"
			res.Confidence = unitRound(1 - s1/c.rules.MinScore)
			res.Evidence = []string{fmt.Sprintf("undetermined: too little evidence (best %s %.2f < %.2f)", best, s1, c.rules.MinScore)}
		} else {
			res.UndeterminedReason = blockReason
			res.Confidence = 0.8
			res.Evidence = []string{"undetermined: " + blockedBy[0]}
			res.Evidence = append(res.Evidence, blockedBy[1:]...)
		}
		for _, f := range all {
			res.Evidence = append(res.Evidence, text(f))
		}
		return
	}
	res.Maturity = best
	margin := (s1 - s2) / s1
	strength := math.Min(1, s1/(2*c.rules.MinScore))
	res.Confidence = unitRound(margin * (0.5 + 0.5*strength))
	sort.SliceStable(all, func(a, b int) bool {
		if (all[a].class == best) != (all[b].class == best) {
			return all[a].class == best
		}
		return all[a].points > all[b].points
	})
	for _, f := range all {
		res.Evidence = append(res.Evidence, text(f))
	}
	res.Evidence = append(res.Evidence, blockedBy...)
}

// signalOrder is the order signals are decided in: those without
// conditions first, then each conditional signal after the conditional
// signals it refers to, in file order otherwise. Signals in a cycle of
// conditions are decided last, in file order.
func signalOrder(signals []*Signal) []int {
	var order []int
	conditional := map[string]bool{}
	for i, s := range signals {
		if len(s.Absent) == 0 && len(s.Requires) == 0 {
			order = append(order, i)
		} else {
			conditional[s.ID] = true
		}
	}
	done := map[string]bool{}
	ready := func(s *Signal) bool {
		for _, id := range slices.Concat(s.Absent, s.Requires) {
			if conditional[id] && !done[id] && id != s.ID {
				return false
			}
		}
		return true
	}
	for len(done) < len(conditional) {
		progress := false
		for i, s := range signals {
			if conditional[s.ID] && !done[s.ID] && ready(s) {
				order = append(order, i)
				done[s.ID] = true
				progress = true
			}
		}
		if !progress {
			for i, s := range signals {
				if conditional[s.ID] && !done[s.ID] {
					order = append(order, i)
					done[s.ID] = true
				}
			}
		}
	}
	return order
}

// unitRound rounds a confidence to two decimals within [0, 1]: with
// negative weights in a rules file the runner-up can score below zero.
func unitRound(v float64) float64 { return math.Round(min(1, max(0, v))*100) / 100 }

// signedPoints is fmt's %+.2f: two decimals and always a sign.
func signedPoints(v float64) string {
	s := strconv.FormatFloat(v, 'f', 2, 64)
	if s[0] != '-' && s[0] != '+' {
		s = "+" + s
	}
	return s
}

func anyFired(fired map[string]bool, ids []string) bool {
	for _, id := range ids {
		if fired[id] {
			return true
		}
	}
	return false
}

// skillSignals says which of a posting's skills each signal names, by id
// or by category: a bit per signal and skill, set with two map lookups
// per skill, where asking each signal about each skill took two per pair.
// A signal's skills are read off its bits.
type skillSignals struct {
	words int // per signal
	bits  []uint64
}

func (c *Classifier) nameSkills(skills []extract.Skill) skillSignals {
	n := skillSignals{words: (len(skills) + 63) / 64}
	n.bits = make([]uint64, n.words*len(c.rules.Signals))
	for i := range skills {
		for _, s := range c.bySkill[skills[i].ID] {
			n.bits[s*n.words+i>>6] |= 1 << (i & 63)
		}
		for _, s := range c.byCategory[skills[i].Category] {
			n.bits[s*n.words+i>>6] |= 1 << (i & 63)
		}
	}
	return n
}

// named returns the skills signal s names, in order, appended to dst.
func (n skillSignals) named(dst []int, s int) []int {
	for w, b := range n.bits[s*n.words : (s+1)*n.words] {
		for ; b != 0; b &= b - 1 {
			dst = append(dst, w*64+bits.TrailingZeros64(b))
		}
	}
	return dst
}

// items lists what a signal finds in a posting, with the section weight of
// each.
func (c *Classifier) items(s *Signal, p *extract.Posting, skills []extract.Skill, named skillSignals, f found, preferredLine func(int) bool) []item {
	var out []item
	if len(s.Skills) > 0 || len(s.Categories) > 0 {
		var perLine map[int]int
		if s.PerLine > 0 {
			perLine = map[int]int{}
		}
		var buf [64]int
		for _, i := range named.named(buf[:0], s.index) {
			sk := &skills[i]
			if len(s.Sections) > 0 && !slices.Contains(s.Sections, requirementSection(sk.Requirement).String()) {
				continue
			}
			if s.PerLine > 0 {
				// One bracketed list of services is one piece of
				// evidence, not five.
				if perLine[sk.Line] >= s.PerLine {
					continue
				}
				perLine[sk.Line]++
			}
			out = append(out, item{skill: sk, weight: c.requirementWeight(sk.Requirement)})
		}
	}
	for j, ph := range s.Phrases {
		off := -1
		if id := s.phraseIDs[j]; id >= 0 {
			off = int(f[id])
		}
		if off < 0 {
			continue
		}
		sec := p.SectionAt(off)
		if len(s.Sections) > 0 {
			if !slices.Contains(s.Sections, sec.String()) {
				continue
			}
		} else if sec == extract.SectionBenefits || sec == extract.SectionProcess {
			continue
		}
		w := c.sectionWeight(sec)
		if preferredLine(off) {
			w = math.Min(w, c.sectionWeight(extract.SectionPreferred))
		}
		out = append(out, item{phrase: ph, sec: sec, off: off, weight: w})
	}
	if len(s.Companies) > 0 && p.Company != "" {
		lc := strings.ToLower(p.Company)
		hit := s.companyExact[companyKey(lc)]
		if !hit && s.companyAC != nil {
			// Whole words for Latin names: "intel" is not in "Intelletec",
			// "ubs" not in "HubSpot". Korean names start a word but may
			// run on: 네이버 in 네이버파이낸셜 and 토스 in "비바리퍼블리카(토스)",
			// not 라인 (LINE) in 코어라인소프트 or 하이브 (HYBE) in 태그하이브.
			s.companyAC.Walk(lc, func(start, end, pattern int) bool {
				if asciiWordy(s.companyWords[pattern]) {
					hit = wordBounded(lc, start, end)
				} else {
					hit = wordStart(lc, start)
				}
				return !hit
			})
		}
		if hit {
			out = append(out, item{label: fmt.Sprintf("company %q", p.Company), weight: 1})
		}
	}
	if len(s.Industries) > 0 && p.Industry != "" && hasWords(p.Industry, s.Industries) {
		out = append(out, item{label: fmt.Sprintf("industry %q", p.Industry), weight: 1})
	}
	if len(s.Titles) > 0 && p.Title != "" && hasWords(p.Title, s.Titles) {
		out = append(out, item{label: fmt.Sprintf("title %q", p.Title), weight: 1})
	}
	if s.Headcount != nil && p.Headcount > 0 {
		if (s.Headcount.Min == 0 || p.Headcount >= s.Headcount.Min) && (s.Headcount.Max == 0 || p.Headcount <= s.Headcount.Max) {
			out = append(out, item{label: fmt.Sprintf("headcount %d", p.Headcount), weight: 1})
		}
	}
	return out
}

// hasWords says whether a field (an industry, a title) holds one of the
// lower-case words or phrases, found as the rules' phrases are (Latin
// ones as whole words). LinkedIn's scrapes join the words of several industries with
// commas ("Staffing,Recruiting,Management,Consulting"), so commas count as
// spaces.
func hasWords(field string, words []string) bool {
	lc := strings.ToLower(strings.ReplaceAll(field, ",", " "))
	return slices.ContainsFunc(words, func(w string) bool { return phraseIndex(lc, w) >= 0 })
}

// legalForms end company names: "Acme, Inc.", "Acme Co., Ltd.".
var legalForms = []string{"inc.", "inc", "llc", "l.l.c.", "ltd.", "ltd", "corp.", "corp", "corporation", "co.", "company", "plc", "n.a."}

// companyKey is a lower-case company name without its legal form, for
// "=name" entries that must be the whole name: "Target Corporation" and
// "Target" are both "target"; "Target Marketing Group" is not.
func companyKey(lc string) string {
	k := strings.TrimSpace(lc)
	for {
		prev := k
		for _, suf := range legalForms {
			if rest, ok := strings.CutSuffix(k, suf); ok && (rest == "" || rest[len(rest)-1] == ' ' || rest[len(rest)-1] == ',') {
				k = strings.TrimRight(rest, " ,")
			}
		}
		if k == prev || k == "" {
			return k
		}
	}
}

// phraseIndex finds a phrase; a phrase of ASCII letters must stand as whole
// words ("sla" not in "translate"). A phrase that starts with "^" counts
// only at the start of the text: "^manager" is the head of "Manager,
// Revenue Accounting", not the "Product Manager" of another title.
func phraseIndex(low, ph string) int {
	if rest, ok := strings.CutPrefix(ph, "^"); ok {
		s := strings.TrimLeft(low, " ")
		if strings.HasPrefix(s, rest) && (!asciiWordy(rest) || wordBounded(s, 0, len(rest))) {
			return len(low) - len(s)
		}
		return -1
	}
	from := 0
	for {
		i := strings.Index(low[from:], ph)
		if i < 0 {
			return -1
		}
		i += from
		if !asciiWordy(ph) || wordBounded(low, i, i+len(ph)) {
			return i
		}
		from = i + 1
	}
}

func asciiWordy(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

func wordBounded(s string, i, j int) bool {
	isW := func(c byte) bool { return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' }
	if i > 0 && isW(s[i-1]) && isW(s[i]) {
		return false
	}
	if j < len(s) && isW(s[j]) && isW(s[j-1]) {
		return false
	}
	return true
}

// wordStart reports whether s[i:] starts a word: no letter or digit
// stands right before it.
func wordStart(s string, i int) bool {
	if i == 0 {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return !unicode.IsLetter(r) && !unicode.IsDigit(r)
}

func lineOf(text string, off int) string {
	s := strings.LastIndexByte(text[:off], '\n') + 1
	e := strings.IndexByte(text[off:], '\n')
	if e < 0 {
		return text[s:]
	}
	return text[s : off+e]
}

func shortLine(text string, off int) string {
	l, more := hangul.PrefixText(strings.TrimSpace(lineOf(text, off)), 80)
	if more {
		return l + "…"
	}
	return l
}

// firstWord returns the first of words found in s (as a phrase; ASCII
// words whole), or "".
func firstWord(s string, words []string) string {
	for _, w := range words {
		if phraseIndex(s, w) >= 0 {
			return w
		}
	}
	return ""
}

func (c *Classifier) role(p *extract.Posting, title string, f found) (string, []string) {
	if title != "" {
		// "백엔드 개발자 (빅데이터 플랫폼)", "Backend Engineer (Data
		// Platform)": the job is the title's head, outside the brackets;
		// the bracketed data platform is the team or the product.
		if head := extract.OutsideBrackets(title); head != title {
			if w := firstWord(head, backendTitles); w != "" && !c.namesRole(head) {
				return "software_engineer", []string{fmt.Sprintf("title %q has %q outside its brackets", p.Title, w)}
			}
		}
		// A title that names two jobs is the first one's: "Data
		// Scientist / ML Engineer", "Data Engineer, Analyst". A software
		// engineer first leaves it to the whole title ("Software
		// Engineer, Machine Learning"), and so does a field that is no
		// job ("AI/ML 데이터 리서쳐", "Research Scientist - Biological
		// Safety"). The second job need not be a role of ours: "Associate
		// Data Scientist/Computer Scientist".
		if first, rest, ok := splitTitle(title); ok {
			if role, w := c.jobIn(p, first, f); role != "" && role != "software_engineer" {
				if namesJob(rest) {
					return role, []string{fmt.Sprintf("title %q names %q first", p.Title, w)}
				}
			}
		}
		if role, ev, ok := c.titleRole(p, title, f); ok {
			return role, ev
		}
		if w := firstWord(title, c.rules.NonTech); w != "" {
			return "other", []string{fmt.Sprintf("title %q has %q (not an engineering role)", p.Title, w)}
		}
	}
	// No title, or a title that names no role: read the duties.
	best, bestHits, bestN := c.dutyRole(p, f)
	if bestN >= 2 {
		return best, []string{fmt.Sprintf("duties mention %s", quoteAll(bestHits))}
	}
	if title != "" {
		return "other", []string{fmt.Sprintf("title %q names no engineering or data role", p.Title)}
	}
	return "other", []string{"no title and too few duty phrases"}
}

// titleRole reads a role from title, the lower-case title of p or a part
// of it, by the first rule whose title words it has.
func (c *Classifier) titleRole(p *extract.Posting, title string, f found) (string, []string, bool) {
	for _, rr := range c.rules.Roles {
		if w := firstWord(title, rr.Title); w != "" && firstWord(title, rr.Not) == "" {
			ev := []string{fmt.Sprintf("title %q has %q", p.Title, w)}
			if weak, ok := c.weakTitle(p, f, rr, w, title); weak && !ok {
				continue
			} else if weak {
				ev = append(ev, "and the duties are the role's")
			}
			// "Python Engineer", "Developer": a generic title whose
			// duties are plainly data work is read by its duties.
			if rr.Role == "software_engineer" && firstWord(title, specificSoftware) == "" {
				if role, hits, n := c.dutyRole(p, f); n >= 3 && role != "software_engineer" && n > c.dutyCount(p, f, "software_engineer")+1 {
					return role, append(ev, fmt.Sprintf("generic title; duties mention %s", quoteAll(hits))), true
				}
			}
			return rr.Role, ev, true
		}
	}
	return "", nil, false
}

// weakTitle reports whether w, a title word of rule rr found in title,
// is a weak one that counts only with the role's duties, and whether
// they are there. A bare "Scientist" or "Researcher" title is a wet-lab
// chemist or a UX researcher unless the duties are the role's;
// "머신러닝 사이언티스트" names its field.
func (c *Classifier) weakTitle(p *extract.Posting, f found, rr *RoleRule, w, title string) (weak, ok bool) {
	if !slices.Contains(rr.Weak, w) || c.namesField(title) {
		return false, true
	}
	return true, c.dutyCount(p, f, rr.Role) >= 2
}

// jobIn returns the role of the first rule that a part of a title names
// with a job ("data scientist", "분석가", "ML Engineer": a title word
// with one of jobNouns), and that word.
func (c *Classifier) jobIn(p *extract.Posting, part string, f found) (string, string) {
	for i, rr := range c.rules.Roles {
		if firstWord(part, rr.Not) != "" {
			continue
		}
		for _, w := range c.jobTitles[i] {
			if phraseIndex(part, w) < 0 {
				continue
			}
			if _, ok := c.weakTitle(p, f, rr, w, part); !ok {
				continue
			}
			return rr.Role, w
		}
	}
	return "", ""
}

// namesJob reports whether a part of a title names a job, with one of
// jobNouns as a word (or its plural): "Computer Scientist" does, though no
// rule reads it as a role; "Biological Safety" and "Engineering" do not.
func namesJob(part string) bool {
	return slices.ContainsFunc(jobNouns, func(n string) bool {
		return phraseIndex(part, n) >= 0 || asciiWordy(n) && phraseIndex(part, n+"s") >= 0
	})
}

// jobNouns name a job rather than a field.
var jobNouns = []string{"scientist", "engineer", "analyst", "developer", "researcher", "architect", "modeler", "modeller",
	"사이언티스트", "엔지니어", "분석가", "개발자", "연구원", "리서처", "리서쳐", "과학자", "아키텍트", "모델러"}

// splitTitle splits a title, outside its brackets, at its first separator
// of two names ("/", ",", " - ", "&", "·", "|").
func splitTitle(title string) (first, rest string, ok bool) {
	head := strings.TrimSpace(extract.OutsideBrackets(title))
	at, size := -1, 0
	for _, sep := range titleSeparators {
		if i := strings.Index(head, sep); i > 0 && (at < 0 || i < at) {
			at, size = i, len(sep)
		}
	}
	if at < 0 {
		return "", "", false
	}
	return head[:at], head[at+size:], true
}

var titleSeparators = []string{"/", ",", " - ", " – ", "&", "·", "|"}

// levelsJoined reports whether two of the level words at spans stand
// side by side with only a joiner between them: "Junior & Senior", "(Jr.,
// Sr., and Lead)".
func levelsJoined(title string, spans [][2]int) bool {
	for _, a := range spans {
		for _, b := range spans {
			if a[1] <= b[0] && slices.Contains(levelJoiners, strings.Trim(title[a[1]:b[0]], " .")) {
				return true
			}
		}
	}
	return false
}

// levelJoiners may stand between two level words of a range, with spaces
// and an abbreviation's dot around them.
var levelJoiners = []string{"&", ",", "and", ", and", "or", ", or"}

// backendTitles name a web or server developer.
var backendTitles = []string{"backend", "back-end", "백엔드", "server", "서버", "frontend", "front-end", "프론트엔드", "full stack", "fullstack", "full-stack", "풀스택"}

// namesRole reports whether s has a title word of a role other than
// software_engineer.
func (c *Classifier) namesRole(s string) bool {
	for _, rr := range c.rules.Roles {
		if rr.Role != "software_engineer" && firstWord(s, rr.Title) != "" {
			return true
		}
	}
	return false
}

// namesField reports whether a title has a role title word that is not a
// weak one ("data", "머신러닝", "AI" beside "Scientist").
func (c *Classifier) namesField(title string) bool {
	for _, rr := range c.rules.Roles {
		for _, w := range rr.Title {
			if !slices.Contains(rr.Weak, w) && phraseIndex(title, w) >= 0 {
				return true
			}
		}
	}
	return false
}

// specificSoftware are title words that make a software title specific
// (a database engineer, a robot system engineer): their duties, however
// data-heavy, do not make them a data role.
var specificSoftware = []string{"database", "db ", "dba", "backend", "back-end", "백엔드", "frontend", "프론트", "devops", "데브옵스",
	"sre", "qa", "ios", "android", "robot", "로봇", "system", "시스템", "server", "서버", "firmware", "embedded", "security", "보안", "full stack", "풀스택"}

// inDuties reports whether a phrase occurs in the text a role is read
// from: duties and requirements, or anywhere when the posting has neither.
func (c *Classifier) inDuties(p *extract.Posting, f found, phrase string) bool {
	off := c.at(f, phrase)
	if off < 0 {
		return false
	}
	if !p.HasSection(extract.SectionResponsibilities) && !p.HasSection(extract.SectionRequirements) {
		return true
	}
	// The first occurrence may sit elsewhere; look for one in the duties.
	for _, k := range []extract.SectionKind{extract.SectionResponsibilities, extract.SectionRequirements} {
		if phraseIndex(extract.LowerASCII(p.SectionText(k)), phrase) >= 0 {
			return true
		}
	}
	return false
}

// dutyRole is the role whose duty phrases the posting mentions most.
func (c *Classifier) dutyRole(p *extract.Posting, f found) (string, []string, int) {
	best, bestN := "", 0
	var bestHits []string
	for _, rr := range c.rules.Roles {
		var hits []string
		for _, w := range rr.Duties {
			if c.inDuties(p, f, w) {
				hits = append(hits, w)
			}
		}
		if len(hits) > bestN {
			best, bestN, bestHits = rr.Role, len(hits), hits
		}
	}
	return best, bestHits, bestN
}

func (c *Classifier) dutyCount(p *extract.Posting, f found, role string) int {
	n := 0
	for _, rr := range c.rules.Roles {
		if rr.Role != role {
			continue
		}
		for _, w := range rr.Duties {
			if c.inDuties(p, f, w) {
				n++
			}
		}
	}
	return n
}

func quoteAll(ss []string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = quote(s)
	}
	return strings.Join(q, ", ")
}

// quote is strconv.Quote (fmt's %q). Evidence is quoted for every fired
// signal, and its text is mostly printable ASCII and Hangul syllables,
// which Quote keeps as they are: such a string is only wrapped, without
// looking each rune up in the printable tables.
func quote(s string) string {
	for i := 0; i < len(s); {
		switch c := s[i]; {
		case c >= 0x20 && c < 0x7F && c != '"' && c != '\\':
			i++
		case hangul.SyllableAt(s, i):
			i += 3
		default:
			return strconv.Quote(s)
		}
	}
	return `"` + s + `"`
}

func (c *Classifier) seniority(p *extract.Posting, title string, f found) (string, []string) {
	sr := c.rules.Seniority
	r := p.Requirements
	if title != "" {
		junior := firstWord(title, sr.Junior)
		experienced := strings.Contains(title, "경력") && junior != "" // "신입/경력": either
		// A range of levels ("Mid / Senior", "Senior~Staff", "Junior &
		// Senior") is read at its lower bound.
		levels := []struct {
			name  string
			words []string
		}{{"junior", sr.Junior}, {"mid", sr.Mid}, {"senior", sr.Senior}, {"lead", sr.Lead}}
		var found []string // the level words, lowest level first
		var first string
		var spans [][2]int       // where each level word starts and ends
		lo, hi := len(title), -1 // where the first and the last level word start
		for _, l := range levels {
			if w := firstWord(title, l.words); w != "" {
				if first == "" {
					first = l.name
				}
				found = append(found, w)
				at := phraseIndex(title, w)
				lo, hi = min(lo, at), max(hi, at)
				spans = append(spans, [2]int{at, at + len(strings.TrimPrefix(w, "^"))})
			}
		}
		// The separator stands between them: "Senior Manager, Product
		// Data / PLM" is no range. A joiner joins two levels only when
		// it is all that stands between them ("Junior & Senior", not
		// "Senior Engineer & Tech Lead").
		if len(found) >= 2 && (strings.ContainsAny(title[lo:hi], "/~") || levelsJoined(title, spans)) {
			return first, []string{fmt.Sprintf("title %q names a range of levels (%s): the lower one", p.Title, quoteAll(found))}
		}
		switch w := firstWord(title, sr.Lead); {
		case w != "":
			return "lead", []string{fmt.Sprintf("title %q has %q", p.Title, w)}
		}
		if w := firstWord(title, sr.Senior); w != "" {
			return "senior", []string{fmt.Sprintf("title %q has %q", p.Title, w)}
		}
		if junior != "" && !experienced {
			return "junior", []string{fmt.Sprintf("title %q has %q", p.Title, junior)}
		}
		if experienced {
			return "unspecified", []string{fmt.Sprintf("title %q is open to new graduates and experienced hires", p.Title)}
		}
		if w := firstWord(title, sr.Mid); w != "" {
			return "mid", []string{fmt.Sprintf("title %q has %q", p.Title, w)}
		}
	}
	if !r.HasYears {
		return "unspecified", []string{"no title word or years of experience"}
	}
	// The level is the most years one requirement asks: "2+ years of
	// Airflow" beside "5+ years of data engineering" is a senior job.
	years := r.YearsMin
	ev := fmt.Sprintf("years_min %d from %q", r.YearsMin, r.YearsEvidence)
	if r.YearsLevel > r.YearsMin {
		years = r.YearsLevel
		ev = fmt.Sprintf("%d years, the most one requirement asks, from %q (years_min %d)", years, r.YearsLevelEvidence, r.YearsMin)
	}
	switch {
	case years <= sr.JuniorMax:
		return "junior", []string{ev}
	case years <= sr.MidMax:
		return "mid", []string{ev}
	}
	if w := c.firstFound(f, sr.LeadText); w != "" {
		return "lead", []string{ev, fmt.Sprintf("duties: %q", w)}
	}
	return "senior", []string{ev}
}

func (c *Classifier) firstFound(f found, words []string) string {
	for _, w := range words {
		if c.at(f, w) >= 0 {
			return w
		}
	}
	return ""
}

func (c *Classifier) focus(role string, f found) (string, []string) {
	var a, pl []string
	for _, w := range c.rules.Focus.Analytics {
		if c.at(f, w) >= 0 {
			a = append(a, w)
		}
	}
	for _, w := range c.rules.Focus.Platform {
		if c.at(f, w) >= 0 {
			pl = append(pl, w)
		}
	}
	if role == "analytics_engineer" {
		return "analytics", []string{"analytics engineer role"}
	}
	ev := []string{fmt.Sprintf("analytics: %s", quoteAll(a)), fmt.Sprintf("platform: %s", quoteAll(pl))}
	switch {
	case len(a) == 0 && len(pl) == 0:
		return "", nil
	case len(a) >= 2*len(pl)+1:
		return "analytics", ev
	case len(pl) >= 2*len(a)+1:
		return "platform", ev
	}
	return "mixed", ev
}
