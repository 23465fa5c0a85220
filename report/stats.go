package report

import (
	"slices"
	"sort"
	"strings"
)

// Limits on what Stats keeps, so its memory does not grow with the number
// of postings beyond a few counters per company and term.
const (
	IndexRows      = 500    // postings listed in the report's index
	maxCompanies   = 200000 // companies tracked for the companies table
	maxTerms       = 200000 // distinct unknown terms counted
	maxSalaries    = 100000 // salary values kept per currency for medians
	rejectExamples = 3
)

// Counter counts strings.
type Counter map[string]int

// Top returns the n most frequent keys, ties by name.
func (c Counter) Top(n int) []KV {
	out := make([]KV, 0, len(c))
	for k, v := range c {
		out = append(out, KV{k, v})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].N != out[j].N {
			return out[i].N > out[j].N
		}
		return out[i].Key < out[j].Key
	})
	if n > 0 && len(out) > n {
		out = out[:n]
	}
	return out
}

// PairCounter counts pairs of names. Names get small integer ids, so a
// pair is one number: a posting with k technologies adds k(k-1)/2 pairs,
// and hashing two strings per pair was most of the collector's time. The
// pairs of the first denseIDs names, which in a run are nearly all of them,
// are counted in a triangular array (2 MB): an increment at a computed
// index instead of a map update.
type PairCounter struct {
	ids    map[string]uint32
	names  []string
	dense  []int32          // pair (a, b), a < b < denseIDs, at b(b-1)/2 + a
	counts map[uint64]int32 // pairs with an id from denseIDs on, a<<32 | b
	n      int              // distinct pairs
}

const denseIDs = 1024

// NewPairCounter returns an empty counter.
func NewPairCounter() *PairCounter {
	return &PairCounter{ids: map[string]uint32{}, counts: map[uint64]int32{}}
}

// AddAll counts every pair of distinct names in names; a name twice
// makes no pair with itself.
func (c *PairCounter) AddAll(names []string) {
	if len(names) < 2 {
		return
	}
	var buf [64]uint32
	ids := buf[:0]
	for _, n := range names {
		id, ok := c.ids[n]
		if !ok {
			id = uint32(len(c.names))
			c.ids[n] = id
			c.names = append(c.names, n)
		}
		ids = append(ids, id)
	}
	if c.dense == nil {
		c.dense = make([]int32, denseIDs*(denseIDs-1)/2)
	}
	for i, x := range ids {
		for _, y := range ids[i+1:] {
			a, b := min(x, y), max(x, y)
			if a == b {
				continue
			}
			if b < denseIDs {
				k := b*(b-1)/2 + a
				if c.dense[k] == 0 {
					c.n++
				}
				c.dense[k]++
				continue
			}
			k := uint64(a)<<32 | uint64(b)
			if c.counts[k] == 0 {
				c.n++
			}
			c.counts[k]++
		}
	}
}

// Len returns the number of distinct pairs.
func (c *PairCounter) Len() int { return c.n }

// Top returns the n largest counts as "A + B" keys, A before B in lexical
// order, ordered as Counter.Top.
func (c *PairCounter) Top(n int) []KV {
	flat := make(Counter, c.n)
	key := func(a, b uint32) string {
		x, y := c.names[a], c.names[b]
		if y < x {
			x, y = y, x
		}
		return x + " + " + y
	}
	for b := uint32(1); b < denseIDs && int(b) < len(c.names); b++ {
		row := c.dense[b*(b-1)/2 : b*(b-1)/2+b]
		for a, v := range row {
			if v > 0 {
				flat[key(uint32(a), b)] = int(v)
			}
		}
	}
	for k, v := range c.counts {
		flat[key(uint32(k>>32), uint32(k))] = int(v)
	}
	return flat.Top(n)
}

// KV is a key and its count.
type KV struct {
	Key string
	N   int
}

// TechStat counts one technology across postings.
type TechStat struct {
	Postings  int // postings that mention it
	Required  int // ... in a requirements section
	Preferred int
	Duties    int     // ... at best in the duties (responsibilities)
	ByClass   Counter // postings per maturity class
}

// CompanyStat collects one company's postings.
type CompanyStat struct {
	Postings int
	Maturity Counter
	Stack    Counter // postings per technology
	// Name is the first spelling of the company's name met; names counts
	// the postings per spelling once a second spelling appears.
	Name  string
	names Counter
}

// addName counts one posting's spelling of the company's name.
func (c *CompanyStat) addName(name string) {
	switch {
	case c.Name == "":
		c.Name = name
	case c.names != nil:
		c.names[name]++
	case name != c.Name:
		c.names = Counter{c.Name: c.Postings - 1, name: 1}
	}
}

// Display is the spelling most of the company's postings use, ties by
// name.
func (c *CompanyStat) Display() string {
	if c.names == nil {
		return c.Name
	}
	return c.names.Top(1)[0].Key
}

// companyKey folds the spellings of one company's name into one key: case
// and white space, legal forms ("Inc.", ", LLC", "Corporation", "Co., Ltd.",
// "(주)", "㈜", "주식회사") and a bracketed alias at the end ("넛지헬스케어
// (캐시워크)", "Electronic Arts (EA)"). A name that is nothing but those
// keeps its own folded spelling.
func companyKey(name string) string {
	full := strings.ToLower(strings.Join(strings.Fields(name), " "))
	k := full
	for {
		was := k
		for _, form := range koreanLegalForms {
			k = strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(k, form), form))
		}
		if strings.HasSuffix(k, ")") {
			if i := strings.LastIndexByte(k, '('); i > 0 {
				k = strings.TrimSpace(k[:i])
			}
		}
		if i := strings.LastIndexByte(k, ' '); i > 0 && legalForms[strings.Trim(k[i+1:], ",.")] {
			k = k[:i]
		}
		k = strings.TrimRight(k, " ,.")
		if k == was {
			break
		}
	}
	if k == "" {
		return full
	}
	return k
}

// The legal forms companyKey folds away: Korean ones before or after the
// name, English ones as the name's last word.
var (
	koreanLegalForms = []string{"(주)", "㈜", "주식회사", "(유)", "유한회사"}
	legalForms       = map[string]bool{"inc": true, "llc": true, "l.l.c": true, "corp": true, "corporation": true, "co": true,
		"ltd": true, "limited": true, "company": true, "plc": true, "gmbh": true, "ag": true, "s.a": true, "pte": true, "lp": true, "llp": true}
)

// IndexRow is one line of the postings index.
type IndexRow struct {
	Title, Company, Maturity, Role, Source string
	Skills                                 []string
}

// Term is a tech-looking term of one posting that the taxonomy did not
// match; Listed says it stands in a list beside a known technology there.
type Term struct {
	Name   string
	Listed bool
}

// TermStat is an unmatched tech-looking term.
type TermStat struct {
	Postings int
	Listed   int    // postings where it stands in a list of technologies
	Example  string // a source where it occurs, one where it is listed if any
}

// CompareTerms orders two unknown terms of s the most often listed first,
// then by postings and by name: the order of unknown_terms.jsonl and of
// the report's new terms.
func (s *Stats) CompareTerms(a, b string) int {
	ta, tb := s.Terms[a], s.Terms[b]
	if ta.Listed != tb.Listed {
		return tb.Listed - ta.Listed
	}
	if ta.Postings != tb.Postings {
		return tb.Postings - ta.Postings
	}
	return strings.Compare(a, b)
}

// Stats aggregates a run for the report. Add is called once per unique
// posting, in output order.
type Stats struct {
	Postings       int
	Languages      Counter
	Maturity       Counter // postings per maturity class (the denominator of class shares)
	Undetermined   Counter // undetermined postings by undetermined_reason
	Roles          Counter
	Seniority      Counter
	Degrees        Counter
	Years          Counter // "0", "1", ... "10+", "unstated"
	RoleByMaturity map[string]Counter
	Tech           map[string]*TechStat
	Concepts       Counter
	Pairs          *PairCounter // co-occurring technologies
	Companies      map[string]*CompanyStat
	Terms          map[string]*TermStat
	Salaries       map[string][]float64 // yearly midpoints by currency
	SalaryPostings int
	DateMin        string
	DateMax        string
	Repaired       int
	Encodings      Counter
	NoRequirements int
	Index          []IndexRow
	DEFocus        Counter
	MaturityByLang map[string]Counter
	// CompaniesCapped says the run met more than maxCompanies companies;
	// the postings of the later ones are not in Companies.
	CompaniesCapped bool
}

// NewStats returns empty stats.
func NewStats() *Stats {
	return &Stats{
		Languages: Counter{}, Maturity: Counter{}, Undetermined: Counter{}, Roles: Counter{}, Seniority: Counter{}, Degrees: Counter{},
		Years: Counter{}, RoleByMaturity: map[string]Counter{}, Tech: map[string]*TechStat{}, Concepts: Counter{},
		Pairs: NewPairCounter(), Companies: map[string]*CompanyStat{}, Terms: map[string]*TermStat{},
		Salaries: map[string][]float64{}, Encodings: Counter{}, DEFocus: Counter{}, MaturityByLang: map[string]Counter{},
	}
}

// Add counts one unique posting, from the same row and skill rows that go
// into the Parquet files.
func (s *Stats) Add(row *PostingRow, skills []SkillRow, terms []Term) {
	s.Postings++
	s.Languages[row.Language]++
	s.Maturity[row.Maturity]++
	if row.UndeterminedReason != "" {
		s.Undetermined[row.UndeterminedReason]++
	}
	s.Roles[row.Role]++
	s.Seniority[row.Seniority]++
	s.Degrees[row.DegreeMin]++
	if row.DEFocus != "" {
		s.DEFocus[row.DEFocus]++
	}
	if s.MaturityByLang[row.Language] == nil {
		s.MaturityByLang[row.Language] = Counter{}
	}
	s.MaturityByLang[row.Language][row.Maturity]++
	switch {
	case row.YearsMin == nil:
		s.Years["unstated"]++
	case *row.YearsMin >= 10:
		s.Years["10+"]++
	default:
		s.Years[itoa(int(*row.YearsMin))]++
	}
	if s.RoleByMaturity[row.Role] == nil {
		s.RoleByMaturity[row.Role] = Counter{}
	}
	s.RoleByMaturity[row.Role][row.Maturity]++
	techs := make([]string, 0, len(skills))
	for _, sk := range skills {
		if sk.Kind != "technology" {
			s.Concepts[sk.Skill]++
			continue
		}
		t := s.Tech[sk.Skill]
		if t == nil {
			t = &TechStat{ByClass: Counter{}}
			s.Tech[sk.Skill] = t
		}
		t.Postings++
		t.ByClass[row.Maturity]++
		switch sk.Requirement {
		case "required":
			t.Required++
		case "preferred":
			t.Preferred++
		case "responsibility":
			t.Duties++
		}
		techs = append(techs, sk.Skill)
	}
	s.Pairs.AddAll(techs)
	if name := strings.TrimSpace(row.Company); name != "" {
		key := companyKey(name)
		c := s.Companies[key]
		if c == nil && len(s.Companies) < maxCompanies {
			c = &CompanyStat{Maturity: Counter{}, Stack: Counter{}}
			s.Companies[key] = c
		} else if c == nil {
			s.CompaniesCapped = true
		}
		if c != nil {
			c.Postings++
			c.addName(name)
			c.Maturity[row.Maturity]++
			for _, t := range techs {
				c.Stack[t]++
			}
		}
	}
	for _, term := range terms {
		t := s.Terms[term.Name]
		if t == nil {
			if len(s.Terms) >= maxTerms {
				continue
			}
			t = &TermStat{Example: row.Source}
			s.Terms[term.Name] = t
		}
		t.Postings++
		if term.Listed {
			if t.Listed == 0 {
				t.Example = row.Source
			}
			t.Listed++
		}
	}
	if row.SalaryMin != nil && row.SalaryCurrency != "" {
		s.SalaryPostings++
		mid := (*row.SalaryMin + *row.SalaryMax) / 2
		if v := s.Salaries[row.SalaryCurrency]; len(v) < maxSalaries {
			s.Salaries[row.SalaryCurrency] = append(v, mid)
		}
	}
	if d := isoDate(row.DatePosted); d != "" {
		if s.DateMin == "" || d < s.DateMin {
			s.DateMin = d
		}
		if d > s.DateMax {
			s.DateMax = d
		}
	}
	if row.EncodingRepaired {
		s.Repaired++
	}
	s.Encodings[row.Encoding]++
	if !row.HasRequirements {
		s.NoRequirements++
	}
	if len(s.Index) < IndexRows {
		// The first six technologies in name order.
		top := slices.Sorted(slices.Values(techs))
		if len(top) > 6 {
			top = top[:6]
		}
		s.Index = append(s.Index, IndexRow{Title: row.Title, Company: row.Company, Maturity: row.Maturity, Role: row.Role, Source: row.Source, Skills: top})
	}
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return strings.TrimLeft(string([]byte{byte('0' + n/10), byte('0' + n%10)}), "0")
}

// isoDate returns the YYYY-MM-DD prefix of an ISO date, or "".
func isoDate(s string) string {
	if len(s) < 10 {
		return ""
	}
	d := s[:10]
	for i, c := range d {
		if i == 4 || i == 7 {
			if c != '-' {
				return ""
			}
		} else if c < '0' || c > '9' {
			return ""
		}
	}
	return d
}
