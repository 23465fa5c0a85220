package extract

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// commonWords are Latin words that look like terms in Korean text or in
// capitals but are not technologies.
var commonWords = wordSet(`the and for with you our are will your this that have has from who what can not all any
		team work data skills skill experience years year knowledge ability strong good great new job role plus etc
		api apis ai ml dl it ui ux qa pm po hr ceo cto cfo coo vp ok kr us uk eu usa ko en b2b b2c saas ios mvp kpi okr
		okrs roi sql nosql rdbms etl elt cs ee bs ms ba ma phd gpa toeic toefl opic ielts mba cv llm llms nlp ci cd msa
		oop tdd ddd rest http https json xml csv html css tcp ip dns vpn ssh ssl tls os pc gpu cpu ram ssd
		we re ll ve inc ltd co corp llc gmbh pte am est pst kst utc asap faq
		remote hybrid full time part senior junior lead staff principal manager engineer developer analyst scientist
		is in on of to a an as at be by or if do so no up me my he she they them their its it's
		bi dw dm dx cx rnd r&d esg ipo m&a vc pr ir ad ads seo sem crm erp scm mes plm wms oms pos kyc aml
		e.g i.e vs fyi tbd tba n/a pdf ppt doc docx xls xlsx hwp zip
		ph.d ph.ds none null nan
		a/b ab oo xx yy zz o2o
		about benefits requirements preferred nice responsibilities qualifications when where why how
		party staging production service services product products platform system systems solution solutions
		business company customer customers user users market marketing sales design engineering research
		analysis analytics model models modeling pipeline pipelines infrastructure cloud server backend frontend
		mobile web app apps application applications tool tools framework frameworks library libraries
		process processing quality monitoring testing test tests review code coding software hardware
		teams growth global local korea seoul office onsite bonus level
		leader head director intern internship contract permanent welcome
		summary overview mission vision values culture perks salary compensation equity stock options
		health insurance vacation holiday holidays leave learning education training conference conferences
		source truth layer layers mart marts warehouse lake lakehouse metrics metric dashboard dashboards report reports
		refresh tech top early pro life family day friday maker object image network open computer insight series core
		language focus public smart challenge multi programming project query digital feature flexible performance
		task needs key must required minimum note apply physical technical offer purpose position duties location
		infra architecture stack workflow admin back back-end front-end fit game kitchen room roof tea air nursing iii
		ojt poc vip url eap tips sme fsa mis hris dna cro pmp cpa stem mit nasa nyc nyse nasdaq dod doe fda iso
		mac imac macbook ipad iphone google youtube facebook ibm paypal nvidia amazon apache microsoft others`)

func wordSet(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// UnknownTerms lists tech-looking Latin terms in a posting that the
// taxonomy did not match: CamelCase (ClickHouse), dotted names (Socket.io),
// ALLCAPS (DBT), and, in Korean text, Latin words (a Korean posting rarely
// uses an English word that is not a product). Each term is listed once.
func (m *Matcher) UnknownTerms(p *Posting) []Term {
	_, terms := m.match(p, false, true, nil)
	return terms
}

// Term is a tech-looking term the taxonomy does not know. Listed says
// that somewhere in the posting it stands in a list beside a technology
// the taxonomy knows ("Airflow, Dagster", "Spark/Flink 및 Pinot"), directly
// or through other such terms: that is where a new product's name is
// found, where an acronym of a hospital, a drug code or a trade fair
// ("UCSF", "NDC", "WWDC") is not.
type Term struct {
	Name   string
	Listed bool
}

func (m *Matcher) unknownTerms(p *Posting, covered []hit) []Term {
	text := p.Text
	ci := 0
	seen := map[string]int{} // index in out by lower-case spelling
	var out []Term
	// occs are the terms' occurrences in order, for lists of several
	// unknown terms.
	type occ struct {
		start, end, at int
		listed         bool
	}
	// Behind a pointer, the occurrences take one register in the scan's
	// loop, not three.
	occs := new([]occ)
	korean := p.Language != "en"
	addresses := mayHoldAddress(text)
	i := 0
	for i < len(text) {
		c := text[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
			// Only a letter starts a term: step over words of eight
			// bytes without one (Korean text, spaces, punctuation).
			i++
			for i+8 <= len(text) && letters(load64(text, i)) == 0 {
				i += 8
			}
			continue
		}
		if i > 0 && (isAlnum(text[i-1]) || text[i-1] == '.' || text[i-1] == '-' || text[i-1] == '/') && !glueAt(text, i) && !afterGluedStop(text, i) {
			i++
			continue
		}
		// shaped records a capital or a '.', '+' or '#': a token with
		// neither (most English words) never has a term's shape.
		j, shaped := i, false
		for j < len(text) {
			c := text[j]
			if isUpperASCII(c) {
				// A glued word opens with a capital: "dataThe".
				if j > i && glueAt(text, j) {
					break
				}
				shaped = true
			} else if !isAlnum(c) {
				if !(c == '.' || c == '-' || c == '+' || c == '#') || j+1 >= len(text) || !isAlnum(text[j+1]) {
					break
				}
				if c == '.' && !shaped && !isLowerASCII(text[j+1]) && commonWords[text[i:j]] {
					// A sentence's end glued to the next one: "etc.SQL",
					// "others.Work", "etc.2".
					break
				}
				shaped = shaped || c != '-'
			}
			j++
		}
		start, end := i, j
		if text[end-1] == '.' {
			// A token ends in a full stop only where a glued word
			// follows it: "data." of "data.The" is "data".
			end--
		}
		tok := text[start:end]
		i = j
		if !shaped {
			continue
		}
		for ci < len(covered) && covered[ci].end <= start {
			ci++
		}
		if ci < len(covered) && covered[ci].start < end {
			continue // part of a matched term
		}
		if len(tok) < 2 || len(tok) > 30 {
			continue
		}
		// The shape test first: it rejects most words without lowering them
		// or looking for an address around them.
		next, _ := utf8.DecodeRuneInString(text[end:])
		if !techLooking(tok, korean && isHangul(next) || korean && hangulNear(text, start)) {
			continue
		}
		if addresses && inURL(text, start, end) {
			continue
		}
		low := strings.ToLower(tok)
		if commonWords[low] {
			continue
		}
		k, dup := seen[low]
		if !dup {
			k = len(out)
			seen[low] = k
			out = append(out, Term{Name: tok})
		}
		// Listed: a known technology stands just before or after it.
		listed := ci > 0 && m.listedTech(covered[ci-1]) && listGap(text[covered[ci-1].end:start]) ||
			ci < len(covered) && m.listedTech(covered[ci]) && listGap(text[end:covered[ci].start])
		*occs = append(*occs, occ{start, end, k, listed})
	}
	// A term is listed too beside a listed term, either way: in
	// "QuorvexDB, WidgetFlow, Airflow" both are.
	list := *occs
	for i := 1; i < len(list); i++ {
		a, b := &list[i-1], &list[i]
		if a.listed != b.listed && listGap(text[a.end:b.start]) {
			a.listed, b.listed = true, true
		}
	}
	for i := len(list) - 2; i >= 0; i-- {
		a, b := &list[i], &list[i+1]
		if !a.listed && b.listed && listGap(text[a.end:b.start]) {
			a.listed = true
		}
	}
	for _, o := range list {
		out[o.at].Listed = out[o.at].Listed || o.listed
	}
	slices.SortFunc(out, func(a, b Term) int { return strings.Compare(a.Name, b.Name) })
	return out
}

// listedTech reports whether a hit is an accepted technology, one a list
// of products would hold.
func (m *Matcher) listedTech(h hit) bool {
	return h.ok && m.entries[h.entry].Kind == "technology"
}

// listGap reports whether the text between two names is a list's
// separator: punctuation, "and", "or", "및", "또는", or a Korean particle
// of a list ("Airflow와 Dagster"). Space alone is not: a word after a
// product's name is more often part of a longer name or a common noun
// ("Kubernetes Cluster", "Spark Batch") than the next item of a list. Nor
// is a bracket: what stands before one names what is in it ("Office
// Program (Excel, Word)", "카프카(Apache Kafka)"). It is stricter than
// adjacent, which decides whether an ambiguous name such as Go counts and
// takes brackets, colons, dashes and runs of words too.
func listGap(gap string) bool {
	if len(gap) > 16 || strings.TrimSpace(gap) == "" {
		return false
	}
	words := 0
	for gap != "" {
		if r, size := utf8.DecodeRuneInString(gap); listSeparator(r) {
			gap = gap[size:]
			continue
		}
		end := strings.IndexFunc(gap, listSeparator)
		if end < 0 {
			end = len(gap)
		}
		switch gap[:end] {
		case "and", "or", "및", "또는", "혹은", "와", "과", "나", "이나":
		default:
			return false
		}
		words++
		gap = gap[end:]
	}
	return words <= 1
}

func listSeparator(r rune) bool { return strings.ContainsRune(" \t\n,/|&+;·、", r) }

// glueAt reports whether a word that opens a sentence starts at i glued
// to the word before it, where a scrape dropped a line break: in
// "skillsExperience" and "etc.The" the two words are two tokens, neither a
// product's name.
func glueAt(text string, i int) bool {
	return i > 0 && (isLetterASCII(text[i-1]) || text[i-1] == '.') && gluedAfter(text, i)
}

// afterGluedStop reports whether the word at i follows a full stop glued
// to an everyday word: "QuorvexDB" in "etc.QuorvexDB" opens a sentence.
func afterGluedStop(text string, i int) bool {
	if i < 2 || text[i-1] != '.' || isLowerASCII(text[i]) {
		return false
	}
	k := i - 1
	for k > 0 && isLowerASCII(text[k-1]) {
		k--
	}
	return (k == 0 || !isAlnum(text[k-1]) && text[k-1] != '.') && commonWords[text[k:i-1]]
}

func hangulNear(text string, at int) bool {
	lo := max(0, at-12)
	for _, r := range text[lo:at] {
		if isHangul(r) {
			return true
		}
	}
	return false
}

// techLooking reports whether a token has the shape of a product name.
func techLooking(tok string, inKorean bool) bool {
	upper, lower, digit := 0, 0, 0
	camel, dotted := false, false
	// changes counts where the token turns between capitals, small
	// letters and digits, other bytes aside; prev is the last one's class.
	changes, prev := 0, byte(0)
	for k := 0; k < len(tok); k++ {
		c, class := tok[k], byte(0)
		switch {
		case c == '.' || c == '+' || c == '#':
			dotted = true
		case isUpperASCII(c):
			if k > 0 && isLowerASCII(tok[k-1]) {
				camel = true
			}
			upper++
			class = 'A'
		case isLowerASCII(c):
			lower++
			class = 'a'
		case isDigitASCII(c):
			digit++
			class = '0'
		}
		if class != 0 {
			if prev != 0 && class != prev {
				changes++
			}
			prev = class
		}
	}
	if upper+lower < 2 || idLike(len(tok), changes) {
		return false
	}
	switch {
	case camel, dotted && upper+lower >= 3:
		return true
	case lower == 0 && upper >= 3 && upper <= 8:
		return !commonAcronyms[tok]
	case inKorean && len(tok) >= 3 && digit == 0 && tok[0] >= 'A' && tok[0] <= 'Z':
		// A capitalised Latin word in Korean text is usually a product,
		// unless it is a heading or an everyday English word.
		if _, head := HeadingKind(tok, false); head {
			return false
		}
		return !commonWords[asciiLower(tok)]
	}
	return false
}

// idLike reports whether a token of n bytes that turns between capitals,
// small letters and digits changes times is a generated id or a base64
// string: it is long and turns at every other byte or more often
// ("RMjcuMTA5LjExNS4xNTU", a tracking token, turns at about three bytes in
// five), where a product's name turns a few times (TensorFlow, PostgreSQL,
// StreamWidget2Go).
func idLike(n, changes int) bool {
	return n >= 12 && changes*2 >= n
}

// commonAcronyms are capitals that are not technologies.
var commonAcronyms = wordSet(`PTO MAU DAU WAU KPI OKR ROI SLA SLO NDA FAQ CEO CTO CFO COO CPO CMO CSO VP HR PM PO QA UI UX
	USA USD KRW EUR GBP PLN FTE EOE EEO LGBTQ ADA GPA TOEIC TOEFL OPIC IELTS MBA PHD NLP LLM RAG ETL ELT CRM ERP SCM
	SaaS B2B B2C MVP POC PRD SDK API APIS REST HTTP JSON YAML HTML CSV PDF DAG DAGS SQL OLAP OLTP ASAP TBD ESG IPO
	AND THE FOR WITH YOU OUR ARE NEW JOB JOBS TEAM DATA AI ML DL IT`)
