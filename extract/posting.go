package extract

import (
	"strings"

	"github.com/jobstack/jobstack/internal/hangul"
)

// SectionKind is what a part of a posting is about.
type SectionKind uint8

// Section kinds, from the weakest signal for a skill's requirement to the
// strongest. The order matters: Requirement ranks them.
const (
	SectionOther            SectionKind = iota // free text, intro, tech-stack lists
	SectionCompany                             // about us, 회사 소개
	SectionBenefits                            // 혜택 및 복지, perks
	SectionProcess                             // 채용 절차, how to apply
	SectionResponsibilities                    // 주요업무, what you'll do
	SectionPreferred                           // 우대사항, nice to have
	SectionRequirements                        // 자격요건, must have
)

var sectionNames = [...]string{
	SectionOther:            "other",
	SectionCompany:          "company",
	SectionBenefits:         "benefits",
	SectionProcess:          "process",
	SectionResponsibilities: "responsibilities",
	SectionPreferred:        "preferred",
	SectionRequirements:     "requirements",
}

func (k SectionKind) String() string {
	if int(k) < len(sectionNames) {
		return sectionNames[k]
	}
	return "other"
}

// Section is a run of lines of Posting.Text under one heading.
type Section struct {
	Kind    SectionKind
	Heading string // the heading as written; empty for text before any heading
	Start   int    // byte offset of the first line in Posting.Text
	End     int    // byte offset just past the last line
}

// Requirement is how strongly a posting asks for a skill: the strongest
// section it was seen in.
type Requirement uint8

// Requirement levels, weakest first.
const (
	RequirementOther Requirement = iota
	RequirementResponsibility
	RequirementPreferred
	RequirementRequired
)

func (r Requirement) String() string {
	switch r {
	case RequirementRequired:
		return "required"
	case RequirementPreferred:
		return "preferred"
	case RequirementResponsibility:
		return "responsibility"
	}
	return "other"
}

// RequirementOf maps a section kind to the requirement level of a skill
// mentioned in it.
func RequirementOf(k SectionKind) Requirement {
	switch k {
	case SectionRequirements:
		return RequirementRequired
	case SectionPreferred:
		return RequirementPreferred
	case SectionResponsibilities:
		return RequirementResponsibility
	}
	return RequirementOther
}

// Degree is a minimum education level.
type Degree uint8

// Degrees, lowest first; DegreeUnspecified sorts below all.
const (
	DegreeUnspecified Degree = iota
	DegreeNone               // 학력무관, no degree required, or below a bachelor's
	DegreeBachelor
	DegreeMaster
	DegreePhD
)

func (d Degree) String() string {
	switch d {
	case DegreeNone:
		return "none"
	case DegreeBachelor:
		return "bachelor"
	case DegreeMaster:
		return "master"
	case DegreePhD:
		return "phd"
	}
	return "unspecified"
}

// Salary is a pay range normalised to a year.
type Salary struct {
	Min, Max float64 // yearly amounts in Currency; zero when unknown
	Currency string  // ISO 4217 code: KRW, USD, EUR, PLN, GBP
	Period   string  // the period the text stated: year, month, week, day, hour
	Text     string  // the text it was read from
}

// Requirements are what a posting asks of a candidate.
type Requirements struct {
	YearsMin      int    // minimum years of experience; valid only when HasYears
	YearsMax      int    // maximum years when a range was stated; 0 when open
	HasYears      bool   // false when the posting states no experience
	YearsEvidence string // the text the years came from
	// YearsLevel is the most years any one requirement asks, for the
	// level of the job: "2 years of Airflow" beside "5+ years of data
	// engineering" is a senior posting whose YearsMin is 2. Valid only
	// when HasYears; YearsLevelEvidence is the text it came from.
	YearsLevel         int
	YearsLevelEvidence string
	Degree             Degree // minimum degree required (preferred degrees do not count)
	DegreeFlexible     bool   // "or equivalent experience"
	DegreeEvidence     string
	EmploymentType     string // full_time, part_time, contract, intern, temporary; empty when unknown
	Remote             string // remote, hybrid, onsite; empty when unknown
	Location           string
	Salary             Salary
}

// Posting is one job posting, read and structured.
type Posting struct {
	Source   string    // input path as given, plus "#N" for record N of a JSONL/CSV/JSON file
	Format   string    // html, text, jsonl, json, csv
	Title    string    // empty when unknown
	Company  string    // empty when unknown
	URL      string    // the posting's own URL when the input names one
	Language string    // ko, en or mixed
	Text     string    // normalised full text; one line per block, "\n" separated
	Sections []Section // in text order, covering Text
	SiteTags []string  // a job site's own tech tags, never part of Text

	DatePosted   string // as given (ISO date when the input is structured)
	ValidThrough string
	Industry     string
	Headcount    int // company size when the input states it, the lower bound of a band; 0 when unknown
	HeadcountMax int // the upper bound: Headcount for an exact count, 0 when open ("10000+") or unknown

	Encoding string // the encoding the input was decoded from
	Repaired bool   // mojibake (UTF-8 read as Windows-1252) was repaired

	Requirements Requirements

	// lines holds the requirement phrases of each line of Text, found by
	// ParseRequirements, for the matcher's cues; it is unused once Text
	// is changed.
	lines *lineWords
	// finished is the Text that finish saw; runes (counted while
	// detecting the language) and lower (for the matcher and the
	// classifier) are its rune count and LowerASCII.
	finished string
	runes    int
	lower    string
}

// LowerText is LowerASCII(p.Text), made once by Parse.
func (p *Posting) LowerText() string {
	if p.finished == p.Text {
		return p.lower
	}
	return asciiLower(p.Text)
}

// TextRunes is utf8.RuneCountInString(p.Text), counted once by Parse.
func (p *Posting) TextRunes() int {
	if p.finished == p.Text {
		return p.runes
	}
	return hangul.RuneCount(p.Text)
}

// lineWords returns the phrases of Text's lines, or nil when they were not
// found for this Text.
func (p *Posting) lineWords() *lineWords {
	if p.lines != nil && p.lines.text == p.Text {
		return p.lines
	}
	return nil
}

// SectionAt returns the kind of the section that holds byte offset off.
func (p *Posting) SectionAt(off int) SectionKind {
	for i := range p.Sections {
		s := &p.Sections[i]
		if off >= s.Start && off < s.End {
			return s.Kind
		}
	}
	return SectionOther
}

// HasSection reports whether the posting has a section of kind k with text.
func (p *Posting) HasSection(k SectionKind) bool {
	for _, s := range p.Sections {
		if s.Kind == k && strings.TrimSpace(p.Text[s.Start:s.End]) != "" {
			return true
		}
	}
	return false
}

// SectionText returns the text of all sections of kind k, joined by newlines.
func (p *Posting) SectionText(k SectionKind) string {
	// Most postings have one section of a kind: it is a slice of the
	// text, not a copy.
	n, one := 0, ""
	for _, s := range p.Sections {
		if s.Kind == k {
			n++
			one = p.Text[s.Start:s.End]
		}
	}
	if n <= 1 {
		return one
	}
	var b strings.Builder
	for _, s := range p.Sections {
		if s.Kind != k {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(p.Text[s.Start:s.End])
	}
	return b.String()
}
