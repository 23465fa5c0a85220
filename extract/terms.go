package extract

import (
	"sort"
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
		mac imac macbook ipad iphone google youtube facebook ibm paypal nvidia`)

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
func (m *Matcher) UnknownTerms(p *Posting) []string {
	_, terms := m.match(p, false, true, nil)
	return terms
}

func (m *Matcher) unknownTerms(p *Posting, covered []hit) []string {
	text := p.Text
	ci := 0
	seen := map[string]bool{}
	var out []string
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
		if i > 0 && (isAlnum(text[i-1]) || text[i-1] == '.' || text[i-1] == '-' || text[i-1] == '/') && !glueAt(text, i) {
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
		if commonWords[low] || seen[low] {
			continue
		}
		seen[low] = true
		out = append(out, tok)
	}
	sort.Strings(out)
	return out
}

// glueAt reports whether a word that opens a sentence starts at i glued
// to the word before it, where a scrape dropped a line break: in
// "skillsExperience" and "etc.The" the two words are two tokens, neither a
// product's name.
func glueAt(text string, i int) bool {
	return i > 0 && (isLetterASCII(text[i-1]) || text[i-1] == '.') && gluedAfter(text, i)
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
