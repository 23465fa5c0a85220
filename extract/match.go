package extract

import (
	"encoding/binary"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/jobstack/jobstack/internal/aho"
	"github.com/jobstack/jobstack/internal/hangul"
)

// Skill is a technology or concept a posting mentions.
type Skill struct {
	ID          string
	Name        string
	Kind        string
	Category    string
	Parent      string
	Requirement Requirement // the strongest section it was seen in
	Mentions    int
	Evidence    string // the line where it was first found, shortened
	// LevelEvidence is the line of the mention that set Requirement,
	// shortened: Evidence itself when the first mention did.
	LevelEvidence string
	Offset        int    // character (rune) offset of the first mention in Posting.Text
	Line          int    // line (0-based) of the first mention in Posting.Text
	Via           string // how it was recognised, for explain: the form matched and any context rule
}

// form is one spelling the automaton looks for.
type form struct {
	entry     int32
	exact     string // the case-sensitive spelling; "" when case-insensitive
	ambiguous bool
	hangul    int // Hangul syllables in the form, for particle rules
	short     bool
	listOnly  bool // a spelling of the entry's in_lists
	alt       bool // also a spelling of another entry's in_lists
}

// Matcher finds taxonomy entries in text. It is built once and is safe for
// concurrent use.
type Matcher struct {
	tax      *Taxonomy
	entries  []*Entry
	ac       *aho.Automaton
	forms    [][]form // by pattern index
	patterns []string
	parent   []int32    // entry index of the parent, -1 when none
	prefixes [][]string // vendor prefixes of each entry's parent, lower case
	cues     [][]string
	anti     [][]string
	// alts are, by entry, the other readings its spellings take in a
	// list: Oracle Database's "oracle" is Oracle Cloud beside AWS.
	alts  [][]altReading
	marks sync.Pool // *[]int32 of len(entries), all zero, for aggregate
	// phraseOf is the caller's phrase id of each pattern, -1 for a
	// pattern that is only a taxonomy spelling; nil without phrases.
	phraseOf []int32
	// firmOf is 1 + the index in firmCues of each pattern that is a firm
	// cue, 0 for the others: the walk that finds the skills finds the
	// cues too.
	firmOf []int8
}

// NewMatcher compiles a taxonomy into a matcher. Phrases, if given, are
// lower-case words a caller looks for in a posting's LowerText (a
// classifier's rule phrases): the automaton finds them too, and
// MatchPhrases reports them, so one walk over the text serves both. A
// phrase with an ASCII capital cannot occur in lower-cased text and is
// not looked for.
func NewMatcher(t *Taxonomy, phrases ...string) *Matcher {
	m := &Matcher{tax: t, entries: t.Entries}
	m.marks.New = func() any { return new([]int32) }
	index := map[string]int{}
	patternOf := func(pattern string) int {
		i, ok := index[pattern]
		if !ok {
			i = len(m.patterns)
			index[pattern] = i
			m.patterns = append(m.patterns, pattern)
			m.forms = append(m.forms, nil)
		}
		return i
	}
	add := func(pattern string, f form) {
		i := patternOf(pattern)
		m.forms[i] = append(m.forms[i], f)
	}
	idx := map[string]int32{}
	for i, e := range t.Entries {
		idx[e.ID] = int32(i)
	}
	m.parent = make([]int32, len(t.Entries))
	m.prefixes = make([][]string, len(t.Entries))
	m.cues = make([][]string, len(t.Entries))
	m.anti = make([][]string, len(t.Entries))
	for i, e := range t.Entries {
		ei := int32(i)
		m.parent[i] = -1
		if p, ok := idx[e.Parent]; ok && t.Entries[p].Category == "cloud_platform" {
			// Only a platform's services count their parent by prefix:
			// "AWS Glue" is a mention of AWS, "Spark Streaming" is not a
			// second mention of Spark.
			m.parent[i] = p
			pe := t.Entries[p]
			pre := []string{strings.ToLower(pe.Name)}
			for _, a := range pe.Aliases {
				pre = append(pre, strings.ToLower(a))
			}
			for _, a := range pe.Prefixes {
				pre = append(pre, strings.ToLower(a))
			}
			m.prefixes[i] = pre
		}
		for _, c := range e.Cues {
			m.cues[i] = append(m.cues[i], strings.ToLower(c))
		}
		for _, a := range e.Anti {
			m.anti[i] = append(m.anti[i], strings.ToLower(a))
		}
		mk := func(s string, exact bool) {
			low := asciiLower(s)
			f := form{entry: ei, hangul: hangulCount(s), short: len(strings.TrimSpace(s)) <= 2}
			if exact {
				f.exact = s
				f.ambiguous = e.Ambiguous
			}
			add(low, f)
		}
		if len(e.Exact) == 0 {
			f := form{entry: ei, hangul: hangulCount(e.Name), short: len(e.Name) <= 2, ambiguous: e.Ambiguous}
			add(asciiLower(e.Name), f)
		}
		for _, a := range e.Aliases {
			mk(a, false)
		}
		for _, a := range e.Exact {
			mk(a, true)
		}
	}
	// List-only spellings come last in their patterns: a spelling that is
	// also another entry's alias is that entry's hit, with this reading
	// as its alternative.
	m.alts = make([][]altReading, len(t.Entries))
	for i, e := range t.Entries {
		for _, a := range e.InLists {
			low := asciiLower(a)
			if pi, ok := index[low]; ok {
				for k, f := range m.forms[pi] {
					if f.exact == "" && !f.listOnly {
						m.alts[f.entry] = append(m.alts[f.entry], altReading{spelling: a, entry: int32(i)})
						m.forms[pi][k].alt = true
					}
				}
			}
			add(low, form{entry: int32(i), hangul: hangulCount(a), short: len(a) <= 2, ambiguous: true, listOnly: true})
		}
	}
	firmPatterns := make([]int, len(firmCues))
	for i, fc := range firmCues {
		firmPatterns[i] = patternOf(fc.cue)
	}
	if len(phrases) > 0 {
		// A phrase that is also a taxonomy spelling shares its pattern;
		// the others are patterns without forms.
		ids := map[int]int32{}
		for id, ph := range phrases {
			if ph != "" && asciiLower(ph) == ph {
				ids[patternOf(ph)] = int32(id)
			}
		}
		m.phraseOf = make([]int32, len(m.patterns))
		for i := range m.phraseOf {
			m.phraseOf[i] = -1
		}
		for i, id := range ids {
			m.phraseOf[i] = id
		}
	}
	m.firmOf = make([]int8, len(m.patterns))
	for i, pi := range firmPatterns {
		m.firmOf[pi] = int8(i + 1)
	}
	m.ac = aho.Build(m.patterns, true)
	return m
}

// Taxonomy returns the taxonomy the matcher was built from.
func (m *Matcher) Taxonomy() *Taxonomy { return m.tax }

func hangulCount(s string) int {
	n := 0
	for _, r := range s {
		if isHangul(r) {
			n++
		}
	}
	return n
}

func isHangul(r rune) bool {
	return r >= 0xAC00 && r <= 0xD7A3 || r >= 0x1100 && r <= 0x11FF || r >= 0x3130 && r <= 0x318F
}

// LowerASCII lowers ASCII letters only, so byte offsets stay those of the
// original text and Korean, which has no case, is untouched.
func LowerASCII(s string) string { return asciiLower(s) }

// asciiLower works eight bytes at a time: Parse lowers each posting's
// whole text (Posting.LowerText) for the matcher's context rules and for
// the classifier.
func asciiLower(s string) string {
	i := 0
	for i+8 <= len(s) && capitals(load64(s, i)) == 0 {
		i += 8
	}
	for i < len(s) && (s[i] < 'A' || s[i] > 'Z') {
		i++
	}
	if i == len(s) {
		return s
	}
	b := []byte(s)
	for ; i+8 <= len(b); i += 8 {
		w := binary.LittleEndian.Uint64(b[i:])
		binary.LittleEndian.PutUint64(b[i:], w|capitals(w))
	}
	for ; i < len(b); i++ {
		if c := b[i]; c >= 'A' && c <= 'Z' {
			b[i] = c + 32
		}
	}
	// b is not written again: the string shares it rather than copying
	// a posting's text a second time.
	return unsafeString(b)
}

// capitals has 0x20 in each byte of w that is an ASCII capital letter and
// 0 in the others. Adding 0x3F to a byte's low seven bits sets its top bit
// from 'A' up, adding 0x25 from past 'Z'; neither carries into the next
// byte. Bytes with the top bit set (UTF-8 beyond ASCII) are left out.
func capitals(w uint64) uint64 {
	const top = 0x8080808080808080
	x := w &^ top
	fromA := x + 0x3F3F3F3F3F3F3F3F
	pastZ := x + 0x2525252525252525
	return (fromA &^ pastZ &^ w & top) >> 2
}

// letters has 0x20 in each byte of w that is an ASCII letter: clearing
// the case bit turns lower-case letters into capitals and no other byte
// into one.
func letters(w uint64) uint64 { return capitals(w &^ 0x2020202020202020) }

// load64 reads s[i:i+8] as a little-endian word.
func load64(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// gluedSentence reports whether a capitalised word starts at i right after
// a full stop: scrapes that drop line breaks glue "…Google Cloud.Experience
// with…" or "…environment.Python…", which is not "vue.js" or "ASP.NET".
func gluedSentence(text string, i int) bool {
	return i+1 < len(text) && text[i] >= 'A' && text[i] <= 'Z' && text[i+1] >= 'a' && text[i+1] <= 'z' &&
		i >= 2 && text[i-1] == '.' && isAlnum(text[i-2])
}

// gluedAfter reports whether a word that opens a sentence starts at i,
// glued to the term before it where a scrape dropped a line break:
// "…SQL, PythonExperience with…", "…TableauAbility to…". Only the words
// of sentenceOpeners count, so "TableauPrep" or "JavaBeans" stay whole.
func gluedAfter(text string, i int) bool {
	if i+1 >= len(text) || !isUpperASCII(text[i]) || !isLowerASCII(text[i+1]) {
		return false
	}
	j := i + 2
	for j < len(text) && isLowerASCII(text[j]) {
		j++
	}
	if j < len(text) && isAlnum(text[j]) {
		return false
	}
	return sentenceOpeners[asciiLower(text[i:j])]
}

// gluedBefore reports whether the term at start, capitalised, follows a
// glued lower-case word: "…experienceSQL", "…preferredTableau". The word
// must be at least three letters, all lower case, so a name in camel case
// ("mySQL", "iPython") is not cut; terms of one or two letters never
// count.
func gluedBefore(text string, start int, f form) bool {
	if f.short || !isUpperASCII(text[start]) {
		return false
	}
	w := start
	for w > 0 && isLowerASCII(text[w-1]) {
		w--
	}
	return start-w >= 3 && (w == 0 || !isAlnum(text[w-1]) && text[w-1] != '.' && text[w-1] != '-')
}

// sentenceOpeners are capitalised words that open a sentence or an item
// of a list, and do not end a product's name.
var sentenceOpeners = wordSet(`experience ability strong excellent knowledge demonstrated familiarity proficiency
	proficient proven working advanced minimum required preferred desired essential expert expertise understanding
	solid deep hands comfortable passion exposure fluency background bachelor bachelors master masters degree
	should will may can you we our your the this these that what why how who about as at in if for to with
	an all other additional some any one must able be are have has is it
	develop develops build create design perform performs collaborate collaborates provide provides assist assists
	identify identifies manage manages analyze analyzes partner conduct maintain maintains ensure ensures
	communicate participate participates define share drive implement prepare write use understand understands
	contribute leverage utilize review monitor evaluate establish serve gather translate coordinate document
	present produce integrate investigate improve extract generate facilitate apply join take engage
	responsible qualifications requirements responsibilities duties skills education description summary
	nice bonus plus ideally previous prior extensive basic intermediate exceptional outstanding thorough
	highly effective analytical technical professional familiar experienced self`)

func isAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
}

// particles and suffix words may follow a Korean term written without a
// space: 깃을, 자바로, 엑셀과, 스파크기반, 플랫폼팀; anything else means the
// term is part of a longer word (하이브 in 하이브리드).
var particles = []string{"을", "를", "이", "가", "은", "는", "과", "와", "에", "의", "로", "으로", "도", "만", "및", "등", "기반", "활용", "경험", "사용", "개발", "환경", "관련", "능력", "역량", "지식", "이해", "프로그래밍", "언어", "스크립트", "숙련", "능숙", "에서", "까지", "부터", "처럼", "이나", "나", "랑", "이랑", "하고", "팀", "구축", "운영", "설계", "처리", "분석", "엔지니어", "클러스터", "서버", "시스템", "플랫폼", "파이프라인", "데이터", "기술", "도구", "툴", "서비스", "인프라", "쿼리", "모델", "작업", "업무", "라이브러리", "프레임워크", "버전", "연동", "적용", "도입", "학습", "전문", "중심", "위주", "또는", "혹은", "이상", "수준", "등의", "같은", "으로의", "로의", "에의", "상", "내", "간", "화", "적"}

// hit is one accepted occurrence of a form.
type hit struct {
	start, end int
	entry      int32
	ambiguous  bool
	ok         bool
	listOnly   bool // a spelling of an entry's in_lists; see resolveInLists
	alt        bool // its spelling is also in another entry's in_lists
	via        string
}

// accentedLatin reports whether r is a letter of the Latin-1 Supplement or
// Latin Extended-A and -B blocks ("é", "ü", "ñ", "ł"): it continues an
// ASCII word as a letter does, where a Hangul particle ("Python과") or
// punctuation ends it.
func accentedLatin(r rune) bool {
	return 0xC0 <= r && r <= 0x24F && r != 0xD7 && r != 0xF7
}

// boundaryOK checks the characters around text[start:end] for a form;
// the caller checks that it is not part of an address (inURL).
func boundaryOK(text string, start, end int, f form) bool {
	pat := text[start:end]
	first, last := pat[0], pat[len(pat)-1]
	// Left side.
	// The runes next to the match are decoded only for a Korean form.
	if start > 0 {
		c := text[start-1]
		if isAlnum(first) {
			if c < utf8.RuneSelf && isAlnum(c) && !gluedBefore(text, start, f) {
				return false
			}
			if c >= utf8.RuneSelf && accentedLatin(lastRune(text[:start])) {
				return false // "sql" in "Mysqlé"
			}
			if c == '.' && start > 1 && isAlnum(text[start-2]) && !gluedSentence(text, start) {
				return false // "node.js" must not yield "js"
			}
			if f.short && (c == '&' || c == '-' || c == '.' || c == '\'') {
				return false
			}
		} else if first >= utf8.RuneSelf && isHangul(lastRune(text[:start])) && isHangul(firstRune(pat)) {
			return false // 커머스 in 루미너리커머스
		} else if first == '.' && len(pat) > 1 && 'a' <= pat[1] && pat[1] <= 'z' && c < utf8.RuneSelf && isAlnum(c) {
			return false // a domain, "snowflake.net", "Battle.net"; not ".NET"
		}
	}
	// Right side.
	if end < len(text) {
		c := text[end]
		if isAlnum(last) {
			// A plural of a longer name still names it: "PowerPoints".
			plural := f.exact == "" && c == 's' && len(pat) >= 6 && last != 's' && (end+1 == len(text) || !isAlnum(text[end+1]))
			if c < utf8.RuneSelf && isAlnum(c) && !plural && !gluedAfter(text, end) {
				return false
			}
			if c >= utf8.RuneSelf && accentedLatin(firstRune(text[end:])) {
				return false // "R" in "Résumé", "Go" in "Goûter"
			}
			if (c == '+' || c == '#') && last != '+' && last != '#' {
				return false // C vs C++ and C#
			}
			if c == '.' && end+1 < len(text) && isAlnum(text[end+1]) && !gluedSentence(text, end+1) {
				return false // "vue" in "vue.js", "asp" in "asp.net"
			}
			if f.short && (c == '&' || c == '\'' || (c == '-' && end+1 < len(text) && isAlnum(text[end+1]))) {
				return false // "R&D", "C-level"
			}
		} else if last >= utf8.RuneSelf && isHangul(lastRune(pat)) && isHangul(firstRune(text[end:])) {
			rest := text[end:]
			okParticle := false
			for _, p := range particles {
				if strings.HasPrefix(rest, p) {
					okParticle = true
					break
				}
			}
			if !okParticle {
				return false
			}
		}
	}
	// A single letter that is a list marker: "C. Responsibilities", "C)".
	if f.short && len(pat) == 1 && end < len(text) && (text[end] == '.' || text[end] == ')') {
		if start == 0 || text[start-1] == '\n' || text[start-1] == '(' {
			return false
		}
		// "… Python or R." ends a sentence: context decides.
	}
	return true
}

func firstRune(s string) rune { r, _ := utf8.DecodeRuneInString(s); return r }
func lastRune(s string) rune  { r, _ := utf8.DecodeLastRuneInString(s); return r }

// mayHoldAddress reports whether text has what inURL looks for in a
// token: without it (most postings), no match needs the token search.
func mayHoldAddress(text string) bool {
	return strings.Contains(text, "://") || strings.Contains(text, "www.") || strings.IndexByte(text, '@') >= 0
}

// inURL reports whether a match sits inside a URL or an e-mail address.
func inURL(text string, start, end int) bool {
	ts := strings.LastIndexAny(text[:start], " \n\t") + 1
	te := strings.IndexAny(text[end:], " \n\t")
	if te < 0 {
		te = len(text)
	} else {
		te += end
	}
	tok := text[ts:te]
	return strings.Contains(tok, "://") || strings.HasPrefix(tok, "www.") || strings.Contains(tok, "@") && strings.Contains(tok, ".")
}

// separators may stand between items of a technology list.
var listWords = []string{",", "/", "·", "ㆍ", "•", "|", "&", "+", "(", ")", "[", "]", "、", ";", ":", "and", "or", "및", "또는", "등", "-", "와", "과", "이나", "나", "'", "\""}

// adjacent reports whether only list separators stand between two hits.
func adjacent(between string) bool {
	s := strings.TrimSpace(between)
	if len(s) > 16 || strings.ContainsRune(s, '\n') {
		return false
	}
	for s != "" {
		s = strings.TrimSpace(s)
		matched := false
		for _, w := range listWords {
			if strings.HasPrefix(strings.ToLower(s), w) {
				s = s[len(w):]
				matched = true
				break
			}
		}
		if !matched {
			return false
		}
	}
	return true
}

// genericCues confirm any ambiguous language-like term.
var genericCues = []string{"언어", "language", "programming", "프로그래밍"}

// Match finds the taxonomy entries in a posting's text, with the
// requirement level of each from the section it sits in and any inline cue
// on its line.
func (m *Matcher) Match(p *Posting) []Skill {
	skills, _ := m.match(p, true, false, nil)
	return skills
}

// MatchTerms is Match and UnknownTerms in one pass over the text.
func (m *Matcher) MatchTerms(p *Posting) ([]Skill, []Term) {
	return m.match(p, true, true, nil)
}

// MatchPhrases is MatchTerms that also calls phrase for every occurrence
// of one of the phrases the matcher was built with, in the order an
// aho walk over p.LowerText() for the phrases alone would report them:
// by end offset, the longer first. id is the phrase's index among them.
func (m *Matcher) MatchPhrases(p *Posting, phrase func(start, end, id int)) ([]Skill, []Term) {
	return m.match(p, true, true, phrase)
}

// match finds a posting's hits once and makes its skills, its unknown
// terms or both from them.
func (m *Matcher) match(p *Posting, skills, terms bool, phrase func(start, end, id int)) (found []Skill, unknown []Term) {
	buf := hitPool.Get().(*[]hit)
	sel, used := m.hits(p, *buf, phrase)
	if terms {
		// A taxonomy spelling that was refuted or left unconfirmed
		// ("AWS re:Invent", "Go ahead") is no unknown term either.
		unknown = m.unknownTerms(p, sel)
	}
	if skills {
		found = m.aggregate(p, accepted(sel))
	}
	// Hits hold substrings of the text: clear them before the next
	// posting reuses the array.
	clear(used)
	*buf = used[:0]
	hitPool.Put(buf)
	return found, unknown
}

// hitPool keeps the candidate arrays of earlier postings: a generated
// posting has hundreds of candidates, and growing a new array for each
// was a tenth of a text posting's allocation.
var hitPool = sync.Pool{New: func() any { return new([]hit) }}

// hits returns the non-overlapping occurrences of taxonomy spellings in a
// posting's text, ok where they are accepted, in buf's array (grown if
// needed), and the part of the array it used.
func (m *Matcher) hits(p *Posting, buf []hit, phrase func(start, end, id int)) (selected, used []hit) {
	text := p.Text
	addresses := mayHoldAddress(text)
	cands := buf[:0]
	phraseOf := m.phraseOf
	if phrase == nil {
		phraseOf = nil
	}
	firmOf, forms := m.firmOf, m.forms
	var firms []firmCueAt
	m.ac.Walk(text, func(s, e, pattern int) bool {
		if phraseOf != nil {
			if id := phraseOf[pattern]; id >= 0 {
				phrase(s, e, int(id))
			}
		}
		if c := firmOf[pattern]; c != 0 {
			firms = append(firms, firmCueAt{end: e, cue: c - 1})
		}
		for _, f := range forms[pattern] {
			if f.exact != "" && text[s:e] != f.exact {
				continue
			}
			if !boundaryOK(text, s, e, f) || addresses && inURL(text, s, e) {
				continue
			}
			cands = append(cands, hit{start: s, end: e, entry: f.entry, ambiguous: f.ambiguous, ok: !f.ambiguous, listOnly: f.listOnly, alt: f.alt})
			break
		}
		return true
	})
	if len(cands) == 0 {
		return nil, cands
	}
	// Leftmost-longest: "Spark Streaming" over "Spark", "Amazon Redshift"
	// over "Redshift".
	sortByStart(cands)
	sel := cands[:0]
	last := -1
	lists := false
	for _, c := range cands {
		if c.start < last {
			continue
		}
		sel = append(sel, c)
		last = c.end
		lists = lists || c.listOnly || c.alt
	}
	m.resolveAmbiguous(p, sel, firms)
	if lists {
		m.resolveInLists(text, sel)
	}
	m.dropCompanyName(p, sel)
	return sel, cands
}

// accepted keeps the hits that are ok, in place.
func accepted(sel []hit) []hit {
	out := sel[:0]
	for _, h := range sel {
		if h.ok {
			out = append(out, h)
		}
	}
	return out
}

// dropCompanyName rejects the hits of the products the posting's company
// name names: at Snowflake Computing, "About Snowflake" and "Snowflake
// started with a clear vision" speak of the employer, and at Teradata,
// Looker or Salesforce nearly every mention is the company introducing
// itself. The company name is walked with the taxonomy, so every spelling
// of the product goes ("CUBRID" at 큐브리드, "AWS" at Amazon Web Services).
// A mention listed with other technologies still counts ("MPP databases,
// such as Snowflake, Redshift, BigQuery"), and a concept is kept
// ("Healthcare" at GE Healthcare is the industry).
func (m *Matcher) dropCompanyName(p *Posting, hits []hit) {
	if p.Company == "" {
		return
	}
	named := m.namedBy(p.Company)
	if len(named) == 0 {
		return
	}
	text := p.Text
	own := func(h *hit) bool { return slices.Contains(named, h.entry) }
	// other reports whether hits[j] is another technology listed next
	// to the text between them.
	other := func(j int, between string) bool {
		h := &hits[j]
		return h.ok && !own(h) && m.entries[h.entry].Kind == "technology" &&
			strings.TrimSpace(between) != "" && adjacent(between)
	}
	for i := range hits {
		h := &hits[i]
		if !h.ok || !own(h) {
			continue
		}
		if i > 0 && other(i-1, text[hits[i-1].end:h.start]) || i+1 < len(hits) && other(i+1, text[h.end:hits[i+1].start]) {
			continue
		}
		h.ok, h.via = false, ""
	}
}

// namedBy returns the technologies a company name spells out in three
// bytes or more: Snowflake in "Snowflake Computing", H2O in "h2o.ai",
// Teradata in "Think Big Analytics, A Teradata Company". Shorter names
// never count: "R" stands in "R&D Center" and "Charles R. Drew".
func (m *Matcher) namedBy(company string) []int32 {
	var named []int32
	m.ac.Walk(company, func(s, e, pattern int) bool {
		if e-s < 3 {
			return true
		}
		// As in hits: the first form spelled here as a whole token. A
		// spelling that names its entry only in lists does not name it
		// here: Google the company is not GCP.
		for _, f := range m.forms[pattern] {
			if f.listOnly || f.exact != "" && company[s:e] != f.exact || !boundaryOK(company, s, e, f) {
				continue
			}
			if m.entries[f.entry].Kind == "technology" {
				named = append(named, f.entry)
			}
			break
		}
		return true
	})
	return named
}

// sortByStart sorts candidates by start, the longer first at one start.
// The walk reports matches by their end, so the only ones out of order
// are the few that overlap: an insertion sort moves just those. No two
// candidates share both ends (one pattern per span), so the order is
// total and any sort gives it.
func sortByStart(cands []hit) {
	for i := 1; i < len(cands); i++ {
		c := cands[i]
		j := i
		for ; j > 0 && (c.start < cands[j-1].start || c.start == cands[j-1].start && c.end > cands[j-1].end); j-- {
			cands[j] = cands[j-1]
		}
		cands[j] = c
	}
}

// resolveAmbiguous accepts an ambiguous hit (Go, R, Glue, Excel) when a
// cue word stands near it or it sits in a list with accepted technologies,
// and rejects it when an anti phrase covers it.
func (m *Matcher) resolveAmbiguous(p *Posting, hits []hit, firmCues []firmCueAt) {
	text := p.Text
	// A posting that did not come from Parse is lowered here, once.
	var low string
	lower := func() string {
		if low == "" {
			low = p.LowerText()
		}
		return low
	}
	firms := firmLists(text, firmCues)
	any := false
	for i := range hits {
		h := &hits[i]
		// Most postings list no firms, and most hits have no word after
		// them that could start a suffix: the test inlines for those.
		mayBeFirm := len(firms) > 0 || h.end+1 < len(text) && text[h.end] == ' ' && suffixInitial[text[h.end+1]]
		if mayBeFirm && (h.ok || h.ambiguous) && firmNamed(text, firms, h) && m.entries[h.entry].Kind == "technology" {
			h.ok, h.ambiguous = false, false // settled: the firm, not its product
			continue
		}
		if !h.ambiguous {
			// An anti phrase refutes any match it covers: "star/snowflake
			// schema" is a modelling pattern, not Snowflake.
			if h.ok && len(m.anti[h.entry]) > 0 && m.refuted(lower(), h) {
				h.ok = false
			}
			continue
		}
		if h.listOnly {
			continue // only resolveInLists accepts it
		}
		any = true
		if m.refuted(lower(), h) {
			h.ambiguous = false // settled: stays rejected
			continue
		}
		if cue, ok := m.cued(lower(), h); ok {
			h.ok, h.ambiguous, h.via = true, false, "cue "+cue
		}
	}
	if !any {
		return
	}
	// List context spreads along chains: "Python, Go, R" accepts Go through
	// Python and then R through Go.
	for changed := true; changed; {
		changed = false
		for i := range hits {
			h := &hits[i]
			if !h.ambiguous || h.ok || h.listOnly {
				continue
			}
			if i > 0 && hits[i-1].ok && adjacent(text[hits[i-1].end:h.start]) ||
				i+1 < len(hits) && hits[i+1].ok && adjacent(text[h.end:hits[i+1].start]) {
				h.ok, h.via, changed = true, "list context", true
			}
		}
	}
}

// altReading is another entry a spelling names in a list of that
// entry's category.
type altReading struct {
	spelling string
	entry    int32
}

// resolveInLists reads the spellings of entries' in_lists in lists of
// the entries' category: "Google" and "Oracle" in "AWS, Azure, Oracle
// and Google" are GCP and Oracle Cloud. A list here is a run of hits with
// only separators between them (as for list context); it holds the
// reading when at least two of its other items may be of the category,
// one of them is for sure (an accepted hit of it, so that "Google,
// Amazon and Microsoft" stay firms), and no technology of another
// category stands in it ("AWS, Oracle, Hive" keeps Oracle Database).
// Concepts neither help nor break a list.
func (m *Matcher) resolveInLists(text string, hits []hit) {
	var switched []int
	var to []int32
	for i := range hits {
		if !hits[i].listOnly && !hits[i].alt {
			continue
		}
		target := m.inListReading(text, &hits[i])
		if target < 0 {
			continue
		}
		if m.listOf(text, hits, i, m.entries[target].Category) {
			switched, to = append(switched, i), append(to, target)
		}
	}
	// Decided on the hits as they were, then applied: the order of a
	// list's items does not change the outcome.
	for k, i := range switched {
		h := &hits[i]
		h.entry, h.ok, h.ambiguous = to[k], true, false
		h.via = "in a list of " + m.entries[to[k]].Category
	}
}

// inListReading returns the entry a hit would name in a list of that
// entry's category, -1 when it has no such reading or is settled
// otherwise.
func (m *Matcher) inListReading(text string, h *hit) int32 {
	if h.listOnly {
		if h.ambiguous {
			return h.entry
		}
		return -1
	}
	if !h.ok || !h.alt {
		return -1
	}
	for _, a := range m.alts[h.entry] {
		if strings.EqualFold(text[h.start:h.end], a.spelling) {
			return a.entry
		}
	}
	return -1
}

// listOf reports whether hits[i] stands in a list of the category: see
// resolveInLists.
func (m *Matcher) listOf(text string, hits []hit, i int, category string) bool {
	sure, maybe := 0, 0
	// item counts hits[j] and reports whether the list goes on past it;
	// foreign is a technology of another category in it.
	item := func(j int) (goesOn, foreign bool) {
		h := &hits[j]
		if h.ok && m.entries[h.entry].Category == category {
			sure++
			return true, false
		}
		if t := m.inListReading(text, h); t >= 0 && m.entries[t].Category == category {
			maybe++
			return true, false
		}
		if !h.ok {
			return false, false // a rejected hit ends the list
		}
		return true, m.entries[h.entry].Kind == "technology"
	}
	// Out from the hit, left and then right, while separators join the
	// items.
	for _, step := range [2]int{-1, 1} {
		for j := i + step; j >= 0 && j < len(hits); j += step {
			a, b := min(j, j-step), max(j, j-step)
			if !adjacent(text[hits[a].end:hits[b].start]) {
				break
			}
			goesOn, foreign := item(j)
			if foreign {
				return false
			}
			if !goesOn {
				break
			}
		}
	}
	return sure >= 1 && sure+maybe >= 2
}

// firmCues introduce firms that stand to the employer as investors,
// customers or partners: "customers such as Intuit, Cloudflare, GitHub",
// "investors, including Novartis, Oracle". A product named in the rest of
// the sentence is the firm. After a cue that also opens other things
// ("partnership with the data team", "clients such as marketing") the
// sentence must go on as a list, with two commas or more.
var firmCues = []struct {
	cue  string
	list bool
}{
	{"investors include", false}, {"investors including", false}, {"investors, including", false},
	{"investors such as", false}, {"investors like", false}, {"acquired by", false},
	{"customers include", true}, {"customers including", true}, {"customers such as", true}, {"customers like", true},
	{"customer base", true}, {"clients include", true}, {"clients including", true}, {"clients such as", true},
	{"clients like", true}, {"notable clients", true}, {"partners include", true}, {"partners such as", true},
	{"partnerships include", true}, {"partnership with", true}, {"partnerships with", true}, {"companies such as", true},
	{"technology partners", true},
}

// firmSuffixes follow a firm's name, after a space, in the name of its
// investment arm: "Salesforce Ventures", "Intel Capital", "JMP
// Securities".
var firmSuffixes = []string{"ventures", "capital", "investments", "securities"}

// firmCueAt is a firm cue found in a text: the index in firmCues of the
// cue that ends at byte end.
type firmCueAt struct {
	end int
	cue int8
}

// suffixInitial marks the first letters of firmSuffixes, either case.
var suffixInitial = func() (t [256]bool) {
	for _, suf := range firmSuffixes {
		t[suf[0]], t[suf[0]-'a'+'A'] = true, true
	}
	return t
}()

// firmListReach is the most bytes a firm list runs on after its cue.
const firmListReach = 300

// firmLists returns the byte ranges of a text that list firms: from the
// end of each firm cue found to the end of its sentence or list item, at
// most firmListReach bytes on; in order of their starts.
func firmLists(text string, found []firmCueAt) [][2]int {
	var spans [][2]int
	for _, f := range found {
		start := f.end
		if start < len(text) && isLetterASCII(text[start]) {
			continue // a longer word: "customers included in the pilot"
		}
		end := min(len(text), start+firmListReach)
		if j := strings.IndexAny(text[start:end], "\n;*•"); j >= 0 {
			end = start + j
		}
		end = start + sentenceEnd(text[start:end], 0, true)
		if !firmCues[f.cue].list || strings.Count(text[start:end], ",") >= 2 {
			spans = append(spans, [2]int{start, end})
		}
	}
	slices.SortFunc(spans, func(a, b [2]int) int { return a[0] - b[0] })
	return spans
}

// firmNamed reports whether a hit names a firm: it stands in a list of
// firms, or its name goes on into that of an investment arm.
func firmNamed(text string, firms [][2]int, h *hit) bool {
	// Only the lists that start at most firmListReach bytes before the
	// hit can hold it: a page of a thousand lists is not read through for
	// each hit.
	i, _ := slices.BinarySearchFunc(firms, h.start+1, func(sp [2]int, t int) int { return sp[0] - t })
	for i--; i >= 0 && firms[i][0] >= h.start-firmListReach; i-- {
		if h.end <= firms[i][1] {
			return true
		}
	}
	return h.end+1 < len(text) && text[h.end] == ' ' && followedBy(text[h.end+1:], firmSuffixes)
}

func (m *Matcher) refuted(lower string, h *hit) bool {
	for _, a := range m.anti[h.entry] {
		lo := max(0, h.start-len(a))
		hi := min(len(lower), h.end+len(a))
		win := lower[lo:hi]
		if i := strings.Index(win, a); i >= 0 && lo+i <= h.start && lo+i+len(a) >= h.end {
			return true
		}
	}
	return false
}

func (m *Matcher) cued(lower string, h *hit) (string, bool) {
	lo := max(0, h.start-32)
	hi := min(len(lower), h.end+32)
	// Stay on the hit's line.
	if i := strings.LastIndexByte(lower[lo:h.start], '\n'); i >= 0 {
		lo += i + 1
	}
	if i := strings.IndexByte(lower[h.end:hi], '\n'); i >= 0 {
		hi = h.end + i
	}
	window, after := lower[lo:hi], lower[h.end:hi]
	for _, c := range m.cues[h.entry] {
		if containsCue(window, c) {
			return c, true
		}
	}
	for _, c := range genericCues {
		if strings.HasPrefix(strings.TrimSpace(after), c) {
			return c, true
		}
	}
	return "", false
}

// containsCue reports whether window holds cue c. A cue of two letters
// or fewer must stand as a word ("r" in "R, ggplot2", not in "your").
func containsCue(window, c string) bool {
	if len(c) > 2 {
		return strings.Contains(window, c)
	}
	return lastWordFold(window, c) >= 0
}

// aggregate folds hits into one Skill per entry, adding the platform of a
// vendor-prefixed service ("AWS Glue" also counts AWS).
func (m *Matcher) aggregate(p *Posting, hits []hit) []Skill {
	if len(hits) == 0 {
		return nil
	}
	// byEntry[e] is 1 + the index in out of entry e's skill, 0 before its
	// first hit: a slice over the taxonomy costs less than a map's
	// lookup for each of a posting's hundreds of hits. The slice is
	// pooled and handed back with the hits' entries zeroed.
	marks := m.marks.Get().(*[]int32)
	if len(*marks) != len(m.entries) {
		*marks = make([]int32, len(m.entries))
	}
	byEntry := *marks
	unmark := func() {
		for _, h := range hits {
			byEntry[h.entry] = 0
			if pi := m.parent[h.entry]; pi >= 0 {
				byEntry[pi] = 0
			}
		}
	}
	defer func() {
		unmark()
		m.marks.Put(marks)
	}()
	// Size out once: counting the distinct entries first is cheaper than
	// growing it, and a Skill is 140 bytes.
	n := 0
	for _, h := range hits {
		if byEntry[h.entry] == 0 {
			byEntry[h.entry] = -1
			n++
		}
		if pi := m.parent[h.entry]; pi >= 0 && byEntry[pi] == 0 {
			byEntry[pi] = -1
			n++
		}
	}
	unmark()
	out := make([]Skill, 0, n)
	// Hits come in text order, so rune offsets and sections advance with them.
	runeAt, lineAt, byteAt := 0, 0, 0
	secIdx := 0
	sectionAt := func(off int) SectionKind {
		for secIdx < len(p.Sections) && p.Sections[secIdx].End <= off {
			secIdx++
		}
		if secIdx < len(p.Sections) && p.Sections[secIdx].Start <= off {
			return p.Sections[secIdx].Kind
		}
		return SectionOther
	}
	// Lines are looked up once: many hits share a line.
	type lineInfo struct {
		start, end      int
		pref, req, qual bool
		fwd             bool // the line holds a forward preferred cue
		// The line's asides with a cue for a term of their own, and the
		// line as a term inside aside keep (-1: outside all) reads it.
		asides          []span
		keep            int
		cueLine         string
		cuePref, cueReq bool
	}
	var cur lineInfo
	cur.start, cur.end = -1, -1
	lines, lineCursor := p.lineWords(), 0
	add := func(ei int32, start, end int, via string) {
		if i := byEntry[ei]; i > 0 && out[i-1].Requirement == RequirementRequired {
			// No later mention can raise it.
			out[i-1].Mentions++
			return
		}
		e := m.entries[ei]
		sec := sectionAt(start)
		req := RequirementOf(sec)
		if start < cur.start || start >= cur.end {
			cur.start = lineStart(p.Text, start)
			cur.end = len(p.Text)
			if i := strings.IndexByte(p.Text[start:], '\n'); i >= 0 {
				cur.end = start + i
			}
			line := p.Text[cur.start:cur.end]
			var w wordMask
			if lines != nil {
				w = lines.words(&lineCursor, cur.start, line)
			} else {
				w = reqWords.scan(line)
			}
			cur.pref, cur.req = lineCues(w, line)
			cur.fwd = w.any(maskForwardPref)
			cur.qual = req == RequirementResponsibility && qualificationLine(line)
			cur.asides, cur.keep = nil, -2
			if (cur.pref || cur.req) && strings.IndexByte(line, '(') >= 0 {
				cur.asides = cueAsides(line)
			}
		}
		line := p.Text[cur.start:cur.end]
		if cur.qual {
			// A qualification the scrape left under the duties heading:
			// "Experience with Spark", "Python 개발이 가능하신 분".
			req = RequirementRequired
		}
		// A cue inside another term's aside is not this term's. The terms
		// outside every aside, and those inside one aside, read the line
		// alike: it is blanked and scanned once for each.
		cueLine, linePref, lineReq := line, cur.pref, cur.req
		if len(cur.asides) > 0 {
			if keep := holding(cur.asides, start-cur.start); keep != cur.keep {
				cur.keep, cur.cueLine, cur.cuePref, cur.cueReq = keep, line, cur.pref, cur.req
				if b, ok := blankAsides(line, cur.asides, keep); ok {
					cur.cueLine = b
					cur.cuePref, cur.cueReq = lineCues(reqWords.scan(b), b)
				}
			}
			cueLine, linePref, lineReq = cur.cueLine, cur.cuePref, cur.cueReq
		}
		// An inline cue decides within its clause, sentence or line: "Kafka
		// 경험자 우대" is preferred even under 자격요건; "Python is required"
		// is required only in text without a heading (a heading outranks
		// the line). Only a line with both kinds of cue needs a closer look.
		cue, ok := RequirementOther, false
		long := len(line) >= longCueLine
		if linePref || lineReq {
			if c := colonCut(cueLine, start-cur.start, long); c >= 0 {
				// "Advanced Excel and PowerPoint: VBA would be a plus":
				// the plus is VBA's. On a long line cueInScope reads
				// only the clause and sentence, which now end at the
				// colon; a short line's kinds are those before it.
				cueLine = cueLine[:c]
				if !long {
					linePref, lineReq = lineCues(reqWords.scan(cueLine), cueLine)
				}
			}
		}
		switch {
		case linePref && lineReq:
			cue, ok, _ = cueInScope(cueLine, start-cur.start, long)
		case long && (linePref || lineReq):
			var whole bool
			if cue, ok, whole = cueInScope(cueLine, start-cur.start, true); whole {
				cue, ok = RequirementRequired, true
				if linePref {
					cue = RequirementPreferred
				}
			}
		case linePref:
			cue, ok = RequirementPreferred, true
		case lineReq:
			cue, ok = RequirementRequired, true
		}
		if cur.fwd && preferredAfter(cueLine, start-cur.start) {
			// "SQL, preferably in Postgres or MySQL": the cue is nearer
			// than any other the line holds.
			cue, ok = RequirementPreferred, true
		}
		if ok {
			if cue == RequirementPreferred && req >= RequirementResponsibility || sec == SectionOther {
				req = cue
			}
		}
		if i := byEntry[ei]; i > 0 {
			s := &out[i-1]
			s.Mentions++
			if req > s.Requirement {
				s.Requirement = req
				s.LevelEvidence = evidenceAround(line, start-cur.start, end-cur.start)
			}
			return
		}
		byEntry[ei] = int32(len(out) + 1)
		if via == "" {
			via = "matched " + strings.TrimSpace(p.Text[start:end])
		}
		if start >= byteAt {
			runeAt += hangul.RuneCount(p.Text[byteAt:start])
			lineAt += strings.Count(p.Text[byteAt:start], "\n")
			byteAt = start
		}
		ev := evidenceAround(line, start-cur.start, end-cur.start)
		out = append(out, Skill{
			ID: e.ID, Name: e.Name, Kind: e.Kind, Category: e.Category, Parent: e.Parent,
			Requirement: req, Mentions: 1, Evidence: ev, LevelEvidence: ev,
			Offset: runeAt, Line: lineAt, Via: via,
		})
	}
	for _, h := range hits {
		add(h.entry, h.start, h.end, h.via)
		if pi := m.parent[h.entry]; pi >= 0 {
			for _, pre := range m.prefixes[h.entry] {
				if vendorPrefixed(p.Text[h.start:h.end], pre) {
					add(pi, h.start, h.end, "vendor prefix of "+m.entries[h.entry].Name)
					break
				}
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Offset < out[j].Offset })
	return out
}

// vendorPrefixed reports whether a matched form starts with a platform's
// lower-case prefix and a space or hyphen ("AWS Glue", "aws-glue"): it is
// strings.HasPrefix(asciiLower(form), pre+" ") or with pre+"-", compared
// in place because a posting has hundreds of platform services.
func vendorPrefixed(form, pre string) bool {
	if len(form) <= len(pre) || form[len(pre)] != ' ' && form[len(pre)] != '-' {
		return false
	}
	for i := 0; i < len(pre); i++ {
		c := form[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != pre[i] {
			return false
		}
	}
	return true
}

func lineStart(text string, off int) int {
	return strings.LastIndexByte(text[:off], '\n') + 1
}

// longCueLine is the length from which a line is read as a flattened
// paragraph: a cue on it decides only its own clause, sentence or item.
const longCueLine = 300

// scopeReach bounds how far a clause or a sentence reaches on each side of
// the term it is read for. Text without a comma or a stop for that long is
// a flattened page, not a clause, and a cue that far off does not speak of
// the term; without the bound a line of a megabyte with no stop on it was
// read again for each of its thousands of terms, for minutes.
const scopeReach = 1000

// clauseAround returns the bounds of the clause of a line that holds byte
// offset off: between commas, semicolons and the stops of stopAt, at most
// scopeReach bytes from off.
func clauseAround(line string, off int, items bool) (start, end int) {
	isBoundary := func(i int) bool { return line[i] == ',' || line[i] == ';' || stopAt(line, i, items) }
	start, end = max(0, off-scopeReach), min(len(line), off+scopeReach)
	for i := off - 1; i >= start; i-- {
		if isBoundary(i) {
			start = i + 1
			break
		}
	}
	for i := off; i < end; i++ {
		if isBoundary(i) {
			end = stopEnd(line, i)
			break
		}
	}
	return start, end
}

// cueInScope returns the requirement cue for the term at byte offset off
// of a line, for a line that holds cues of both kinds ("Python 필수,
// Tableau 경험자 우대") or a long one: the cue of its clause (between
// commas, semicolons, or full stops before a space, not the dot of
// "Node.js"), else of its sentence ("Background in any of the following
// preferred: Tableau, Vertica"), else none; whole reports that the
// sentence is the line, so no scope narrower than the line was found.
// Only the clause and the sentence are scanned: a description saved as
// one line of kilobytes is not scanned again for each term on it. With
// items, the items of a bullet list that a scrape flattened into one line
// bound clauses and sentences too ("…CFA strongly preferred Advanced
// programmer in SQL…"), and a label before a colon heads the items after
// it.
func cueInScope(line string, off int, items bool) (cue Requirement, ok, whole bool) {
	if off < 0 || off > len(line) {
		return 0, false, false
	}
	start, end := clauseAround(line, off, items)
	if cue, ok := scopeCue(line[start:end]); ok {
		return cue, true, false
	}
	sStart, stoppedBefore := max(0, off-scopeReach), false
	for i := off - 1; i > sStart; i-- {
		if stopAt(line, i-1, items) {
			sStart, stoppedBefore = i, true
			break
		}
	}
	// A label before a colon heads what follows it in its sentence, ahead
	// of a cue elsewhere in the sentence: "Required: SQL, Python, R
	// Desired: Scala, Java", "Must have: SQL; Nice to have: Scala, Java".
	if cue, ok = labelCue(line, sStart, off, true); ok {
		return cue, true, false
	}
	sEnd, stoppedAfter := sentenceStop(line, off, items)
	whole = !stoppedBefore && !stoppedAfter
	if !whole {
		if cue, ok = scopeCue(line[sStart:sEnd]); ok {
			return cue, true, false
		}
	}
	if items {
		// On a flattened list the label heads the items after it:
		// "Welcome: Basic knowledge of Python; Experience with Linux".
		// A bare "Desired:" heads its own item only: the items after
		// "Required: SQL, R Desired: Scala, JavaExperience with Spark…"
		// are the list's own.
		if cue, ok = labelCue(line, max(0, start-300), start, false); ok {
			return cue, true, false
		}
	}
	return 0, false, whole
}

// colonCut returns the offset of a colon that ends the reach of a cue for
// the term at off, or -1. It is the first colon after the term in its
// sentence that opens a clause of its own: one followed by a space, whose
// first three words hold no cue, with a cue later in the sentence
// ("Advanced Excel and PowerPoint: VBA would be a plus", "SQL: Tableau 사용
// 경험 우대"). A colon followed by the cue itself ("Kafka: nice to have",
// "Spark: 우대") leaves the term under it.
func colonCut(line string, off int, items bool) int {
	end := sentenceEnd(line, off, items)
	for i := off; i+1 < end; i++ {
		if line[i] != ':' || line[i+1] != ' ' && line[i+1] != '\t' || opensList(line[:i]) {
			continue
		}
		rest := line[i+1 : end]
		if pref, req := cueKinds(firstWords(rest, 3)); pref || req {
			return -1
		}
		if pref, req := cueKinds(rest); !pref && !req || endsWithTag(rest) {
			return -1
		}
		return i
	}
	return -1
}

// sentenceEnd is where the sentence holding byte off of line ends: before
// the first stop (stopAt) from off on, or at the end of the line, at most
// scopeReach bytes from off.
func sentenceEnd(line string, off int, items bool) int {
	end, _ := sentenceStop(line, off, items)
	return end
}

// sentenceStop is sentenceEnd, and whether a stop ended the sentence.
func sentenceStop(line string, off int, items bool) (end int, stopped bool) {
	end = min(len(line), off+scopeReach)
	for i := off; i < end && i+1 < len(line); i++ {
		if stopAt(line, i, items) {
			return stopEnd(line, i), true
		}
	}
	return end, false
}

// endsWithTag reports whether s ends with a capitalised word or a
// bracket, as a line tagged "…: both DDL and DML Preferred" or "… (우대)"
// does: such a tag speaks of the whole line, colon or not.
func endsWithTag(s string) bool {
	s = strings.TrimRight(s, " \t.!-")
	if strings.HasSuffix(s, ")") {
		return true
	}
	i := strings.LastIndexAny(s, " \t") + 1
	return i < len(s) && isUpperASCII(s[i])
}

// listOpeners end the words before a colon that introduces a list rather
// than a clause: "BI tools, such as: Tableau or Looker preferred" prefers
// the tools too.
var listOpeners = []string{"following", "such as", "including", "include", "includes", "e.g.", "namely"}

// opensList reports whether before, the text up to a colon, ends with a
// list opener, brackets and spaces aside ("(one or more of the
// following):").
func opensList(before string) bool {
	before = strings.TrimRight(before, " \t)")
	for _, w := range listOpeners {
		if n := len(before) - len(w); n >= 0 && strings.EqualFold(before[n:], w) && (n == 0 || !isLetterASCII(before[n-1])) {
			return true
		}
	}
	return false
}

// firstWords returns s up to the end of its n-th word, words being runs
// of bytes other than spaces and tabs.
func firstWords(s string, n int) string {
	in := false
	for i := 0; i < len(s); i++ {
		space := s[i] == ' ' || s[i] == '\t'
		if space && in {
			if n--; n == 0 {
				return s[:i]
			}
		}
		in = !space
	}
	return s
}

// scopeCue is the cue of a clause or sentence that cueInScope found, as
// LineCue reads it, except that an "ideally" inside it prefers only what
// follows it there, as on a line of its own: in "…databases (SQL),
// ideally with BI tools (Tableau)" SQL keeps its level.
func scopeCue(s string) (Requirement, bool) {
	w := reqWords.scan(s)
	pref, req := cueMasks(w, s)
	return cueFrom(pref && lineWidePreferred(w, s), req)
}

// lineCues reports whether a line, whose phrases are w, holds a preferred
// cue and a required cue that speak of it, as aggregate reads them. The
// line, its copy with other terms' asides blanked and its part before a
// colon are read alike.
func lineCues(w wordMask, line string) (pref, req bool) {
	pref, req = cueMasks(w, line)
	if pref && !lineWidePreferred(w, line) {
		// "SQL and some scripting, ideally with Scala or Python": only
		// what follows the cue is preferred.
		pref = false
	}
	if !pref && len(line) < longCueLine && hasBareLabel(line) {
		// "Required: SQL, R. Desired: Scala": the label is the line's
		// preferred cue, and cueInScope gives it its items.
		pref = true
	}
	return pref, req
}

// lineWidePreferred reports whether the preferred cues of a line, whose
// phrases are w, speak of the whole line, as cueMasks found them to. One
// whose only cue is "ideally" does so only where "ideally" ends its
// sentence or aside: "Kafka experience, ideally.", "Google Sheets
// (ideally)". Elsewhere it prefers what follows it (preferredAfter).
func lineWidePreferred(w wordMask, line string) bool {
	if !w.any(maskIdeally) || w.any(maskLinePreferred) || w.any(maskNotRequired) {
		return true
	}
	for before := line; ; {
		at := lastWordFold(before, "ideally")
		if at < 0 {
			return false
		}
		if cueEndsSentence(before[at+len("ideally"):]) {
			return true
		}
		before = before[:at]
	}
}

// cueEndsSentence reports whether the text after a cue word holds no
// more words of its sentence or aside: only white space and punctuation
// up to the end of the line, a full stop, a semicolon or a closing
// bracket.
func cueEndsSentence(after string) bool {
	for i := 0; i < len(after); i++ {
		switch after[i] {
		case '.', ';', ')', ']':
			return true
		case ' ', '\t', ',', ':', '!', '-', '*':
		default:
			return false
		}
	}
	return true
}

// preferredAfter reports whether the term at byte offset off of a line
// follows a forward preferred cue in its own sentence: "SQL, preferably
// in Postgres, MySQL" prefers Postgres and MySQL, not SQL. The sentence
// ends at a full stop (also one glued to the next sentence), a semicolon,
// a bullet, or where a flattened list's next item starts ("…preferably
// Python Experience with SQL…"); a cue inside brackets ends at the
// closing one: "Java (preferably 17+) and Go" does not prefer Go. A cue
// more than scopeReach bytes back is not looked for.
func preferredAfter(line string, off int) bool {
	if off <= 0 || off > len(line) {
		return false
	}
	lo := max(0, off-scopeReach)
	at, n := -1, 0
	for _, w := range forwardPreferredWords {
		if i := lastWordFold(line[lo:off], w); i >= 0 && lo+i > at {
			at, n = lo+i, len(w)
		}
	}
	if at < 0 {
		return false
	}
	depth := 0
	for i := at + n; i < off; i++ {
		switch line[i] {
		case '(':
			depth++
		case ')':
			if depth == 0 || opensItem(line, i+1) {
				return false
			}
			depth--
		case ';', 0xB7, 0xA2, 0x8F, 0xAA, 0xA0: // ; and the last bytes of · • ● ▪ ■
			if line[i] == ';' || bulletEndsAt(line, i) {
				return false
			}
		case ' ':
			if stopAt(line, i, true) || opensItem(line, i+1) || andOpener(line, i) {
				return false
			}
		default:
			if stopAt(line, i, true) {
				return false
			}
			// Items glued together: "…Data ScienceKnowledge of SQL",
			// "…fine)Experience in", "…IT teams3+ years".
			if c := line[i]; (isLowerASCII(c) || c == ')') && (opensItem(line, i+1) || yearsAt(line, i+1)) {
				return false
			}
		}
	}
	return true
}

// bulletMarks are the bullet characters a flattened list keeps inside a
// line.
var bulletMarks = []string{"·", "•", "●", "▪", "■"}

// bulletEndsAt reports whether a bullet character (bulletMarks) ends at
// byte i of line.
func bulletEndsAt(line string, i int) bool {
	for _, b := range bulletMarks {
		if i+1 >= len(b) && line[i+1-len(b):i+1] == b {
			return true
		}
	}
	return false
}

// opensItem reports whether a capitalised word that opens a requirement,
// not a name, starts at j: "Experience", "Knowledge", "Strong".
func opensItem(line string, j int) bool {
	if j+1 >= len(line) || !isUpperASCII(line[j]) {
		return false
	}
	return itemOpeners[wordAt(line, j)]
}

// andOpener reports whether the space at i is followed by "and" and a
// word that opens a requirement: "…preferably Python, and familiarity
// with NumPy" ends the preferred part at "and".
func andOpener(line string, i int) bool {
	if !strings.HasPrefix(line[i+1:], "and ") {
		return false
	}
	return itemOpeners[wordAt(line, i+5)]
}

// wordAt is the word of ASCII letters at j, in lower case.
func wordAt(line string, j int) string {
	k := j
	for k < len(line) && isLetterASCII(line[k]) {
		k++
	}
	return asciiLower(line[j:k])
}

// yearsAt reports whether a count of years glued to the word before it
// starts at j: "3+" in "teams3+ years".
func yearsAt(line string, j int) bool {
	k := j
	for k < len(line) && isDigitASCII(line[k]) {
		k++
	}
	return k > j && k < len(line) && line[k] == '+'
}

// itemOpeners are the words that open an item of a requirements list.
var itemOpeners = map[string]bool{
	"experience": true, "knowledge": true, "familiarity": true, "proficiency": true, "ability": true, "strong": true,
	"excellent": true, "expert": true, "expertise": true, "understanding": true, "working": true, "demonstrated": true,
	"proven": true, "solid": true, "good": true, "bachelor": true, "master": true, "degree": true, "must": true,
	"minimum": true, "you": true, "we": true, "hands": true, "comfortable": true, "passion": true, "entry": true,
}

// lastWordFold is the start of the last whole-word occurrence of word (in
// lower case) in s, matched case-insensitively, or -1.
func lastWordFold(s, word string) int {
	for i := len(s) - len(word); i >= 0; i-- {
		if s[i]|0x20 != word[0] || !strings.EqualFold(s[i:i+len(word)], word) {
			continue
		}
		if (i == 0 || !isAlnum(s[i-1])) && (i+len(word) == len(s) || !isAlnum(s[i+len(word)])) {
			return i
		}
	}
	return -1
}

// span is a part of a line, from its start to its end, both inclusive.
type span struct{ start, end int }

// cueAsides returns the bracketed asides of a line that carry a cue for a
// term of their own: in "Java (Scala is desired as well)" the cue is
// Scala's, not Java's. An aside that is only a cue ("Java (preferred)",
// "(nice to have)", "(우대)") speaks of what comes before it and is not
// returned. An aside left open runs to the end of the line. Each span
// runs from the '(' to the ')'.
func cueAsides(line string) []span {
	var out []span
	for i := 0; i < len(line); {
		o := strings.IndexByte(line[i:], '(')
		if o < 0 {
			break
		}
		o += i
		c := len(line)
		if j := strings.IndexByte(line[o+1:], ')'); j >= 0 {
			c = o + 1 + j
		}
		i = c + 1
		aside := line[o+1 : c]
		if _, ok := LineCue(aside); ok && !onlyCue(aside) {
			out = append(out, span{o, c})
		}
	}
	return out
}

// holding returns the index of the aside that holds off, or -1.
func holding(asides []span, off int) int {
	for k, a := range asides {
		if off >= a.start && off <= a.end {
			return k
		}
	}
	return -1
}

// blankAsides returns line with every aside but keep blanked out,
// keeping offsets. ok is false when nothing was blanked.
func blankAsides(line string, asides []span, keep int) (string, bool) {
	if len(asides) == 0 || len(asides) == 1 && keep == 0 {
		return line, false
	}
	b := []byte(line)
	for k, a := range asides {
		if k == keep {
			continue
		}
		for x := a.start; x < min(a.end+1, len(b)); x++ {
			b[x] = ' '
		}
	}
	return string(b), true
}

// onlyCue reports whether every word of s is a word of a cue: "preferred",
// "a big plus", "highly desired", "preferred but not required", "우대".
func onlyCue(s string) bool {
	for w := range strings.FieldsSeq(s) {
		w = strings.Trim(w, ".,;:!-–*/")
		if w != "" && !cueVocabulary[asciiLower(w)] {
			return false
		}
	}
	return true
}

// cueVocabulary is the words a cue is written with.
var cueVocabulary = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields("is are a an the big huge major definite definitely highly strongly very would be will " +
		"but not also as well nice to have good great plus bonus preferred preferably desired desirable required must " +
		"mandatory optional ideally advantage advantageous or and 우대 우대사항 필수 가산점 있으면 좋음 좋아요 좋습니다") {
		m[w] = true
	}
	return m
}()

// qualificationLine reports whether a line of a duties section reads as
// a qualification: scrapes that lose the qualifications heading run the
// requirements on under the duties, and job sites' own layouts put
// "Experience with…" items there. It looks at how a short line opens
// ("Experience with", "Proficiency in", "5+ years", "Bachelor's") or, in
// Korean, how it ends ("…경험이 있으신 분", "…가능자"). A long line is a
// paragraph or a flattened list, which its opening does not describe.
func qualificationLine(line string) bool {
	if len(line) >= longCueLine {
		return false
	}
	s := trimBullets(line)
	end := strings.TrimRight(s, " .,!~)")
	if koreanQualification(end) {
		return true
	}
	// A cue aside after the ending: "…경험이 있으신 분 (필수)". The
	// ending is looked for first: most asides name tools.
	if o := strings.LastIndexByte(end, '('); o >= 0 && koreanQualification(strings.TrimRight(end[:o], " .,!~)")) && onlyCue(end[o+1:]) {
		return true
	}
	if s == "" {
		return false
	}
	head := s[:min(len(s), 40)]
	if openers := qualificationByFirst[s[0]|0x20]; openers != nil {
		head = asciiLower(head)
		for _, o := range openers {
			if strings.HasPrefix(head, o) {
				return true
			}
		}
	}
	// "5+ years", "3 years of", "at least 2 years": a number of years
	// in the opening words.
	if i := indexFold(head[:min(len(head), 28)], "year"); i > 0 && i < 24 && hasDigit(head[:i]) {
		return true
	}
	return false
}

// koreanQualification reports whether s ends in a Korean qualification
// ending. The endings all end in 분 or 자, so a text that does not is
// not looked at further: most duties lines end otherwise.
func koreanQualification(s string) bool {
	if !strings.HasSuffix(s, "분") && !strings.HasSuffix(s, "자") {
		return false
	}
	for _, suf := range qualificationEnds {
		if strings.HasSuffix(s, suf) {
			return true
		}
	}
	return false
}

// trimBullets drops the list marks and spaces a line opens with.
func trimBullets(line string) string {
	for line != "" {
		switch c := line[0]; {
		case c == '-' || c == '*' || c == '>' || c == ' ' || c == '\t':
			line = line[1:]
		case c < utf8.RuneSelf:
			return line
		default:
			r, n := utf8.DecodeRuneInString(line)
			if !strings.ContainsRune("•·▪◦○●■□▶►✓✔", r) {
				return line
			}
			line = line[n:]
		}
	}
	return line
}

// indexFold is strings.Index for a lower-case ASCII word, ignoring the
// case of s.
func indexFold(s, word string) int {
	for i := 0; i+len(word) <= len(s); i++ {
		if s[i]|0x20 == word[0] && strings.EqualFold(s[i:i+len(word)], word) {
			return i
		}
	}
	return -1
}

var (
	qualificationOpeners = []string{"experience with", "experience in", "experience using", "experience working", "experience of",
		"hands-on experience", "proven experience", "demonstrated experience", "prior experience", "previous experience",
		"proficiency in", "proficiency with", "proficient in", "proficient with", "knowledge of", "working knowledge",
		"strong knowledge", "solid knowledge", "familiarity with", "familiar with", "expertise in", "expertise with",
		"bachelor", "master's", "master’s", "masters", "master degree", "phd", "ph.d", "b.s.", "m.s.", "bs in", "ms in",
		"bs/ms", "bs or ms", "ms or phd", "degree in", "a degree in", "strong understanding", "solid understanding"}
	// qualificationEnds all end in 분 or 자 (see koreanQualification).
	qualificationEnds = []string{"신 분", "는 분", "한 분", "춘 분", "된 분", "인 분", "신분", "경험자", "가능자", "보유자"}
	// qualificationByFirst holds the openers by their first byte.
	qualificationByFirst = func() (t [256][]string) {
		for _, o := range qualificationOpeners {
			t[o[0]] = append(t[o[0]], o)
		}
		return t
	}()
)

// stopAt reports whether a sentence ends at line[i] (a full stop before a
// space), or with items, an item of a flattened list: at a space between
// items, at a dash that opens one, or where a list flattened without
// spaces glued one item to the next ("…is highly desiredExperience
// with…", "…Python or R.Nice to have…", "…Python or RExperience with…").
func stopAt(line string, i int, items bool) bool {
	// Every stop has a space or a capital after it. The test inlines into
	// the callers' byte loops and rules out most bytes without a call (the
	// table keeps it within the inliner's budget).
	return i+1 < len(line) && spaceOrCapital[line[i+1]] && stopBefore(line, i, items)
}

// spaceOrCapital marks the bytes that can follow a stop.
var spaceOrCapital = func() (t [256]bool) {
	t[' '] = true
	for c := 'A'; c <= 'Z'; c++ {
		t[c] = true
	}
	return t
}()

// stopBefore is stopAt for a byte with a space or a capital after it.
func stopBefore(line string, i int, items bool) bool {
	switch c := line[i]; {
	case c == '.':
		return line[i+1] == ' ' || items && gluedSentence(line, i+1) && i+3 < len(line) && isLowerASCII(line[i+3]) && !strings.HasPrefix(line[i+1:], "Net")
	case c == ' ':
		return items && itemBoundary(line, i)
	case c == '-':
		return items && dashItem(line, i)
	case isLetterASCII(c):
		return items && (isLowerASCII(c) && gluedWord(line, i) || gluedAfter(line, i+1))
	}
	return false
}

// dashItem reports whether the hyphen at i, with a space on each side,
// opens the next item of a list flattened with dashes: "…dashboard design
// - expertise in R, Python - knowledge of C++ is a plus". A dash before
// any other word is an aside ("Spark - required", "Python - 3 years").
func dashItem(line string, i int) bool {
	return i > 0 && i+2 < len(line) && line[i-1] == ' ' && line[i+1] == ' ' && itemOpeners[wordAt(line, i+2)]
}

// stopEnd is where the text before a stop at i ends: at a full stop or a
// space, before it; at a glued word, after its last letter.
func stopEnd(line string, i int) int {
	if isLetterASCII(line[i]) {
		return i + 1
	}
	return i
}

// gluedWord reports whether the lower-case word ending at line[i] runs
// into a capitalised one without a space: "desiredExperience",
// "environmentsStrong". The word must be all lower case and at least
// three letters, so names written in camel case ("PowerPoint",
// "JavaScript", "iPhone", "eCommerce") are not split.
func gluedWord(line string, i int) bool {
	if i+3 >= len(line) || !isUpperASCII(line[i+1]) || !isLowerASCII(line[i+2]) || !isLowerASCII(line[i+3]) {
		return false
	}
	w := i
	for w > 0 && isLowerASCII(line[w-1]) {
		w--
	}
	return i-w+1 >= 3 && (w == 0 || line[w-1] == ' ')
}

// labelCue returns the cue of the nearest label that ends in a colon
// between lo and off ("Nice to have:", "Welcome:", "Must:", "Desired:").
// A label without a cue ("Tools:") heads what follows it, so an earlier
// label's cue does not reach past it. A near label stands in the term's
// own sentence: it ends at a comma or another colon before it ("Required:
// SQL, R Desired:" is the label "R Desired:"), and one that only says
// "Desired" or "Optional" is a preferred one.
func labelCue(line string, lo, off int, near bool) (Requirement, bool) {
	c := strings.LastIndexByte(line[lo:off], ':')
	if c < 0 {
		return 0, false
	}
	label := labelBefore(line, c+lo, near)
	if cue, ok := LineCue(label); ok || !near {
		return cue, ok
	}
	if bareLabel(label) {
		return RequirementPreferred, true
	}
	return 0, false
}

// labelBefore is the label that ends in the colon at c: the words before
// it back to a semicolon or the end of the item before, at most 40 bytes;
// a near one ends at a comma or a colon too.
func labelBefore(line string, c int, near bool) string {
	ls := max(0, c-40)
	for i := c - 1; i > ls; i-- {
		if line[i] == ';' || near && (line[i] == ',' || line[i] == ':') || stopAt(line, i, true) {
			ls = i + 1
			break
		}
	}
	return line[ls : c+1]
}

// bareLabel reports whether a label says "Desired" or "Optional". A label
// is a heading, so such a word there is a preferred cue, as in the heading
// "Desired Skills"; in a sentence ("the desired outcome") it is none.
func bareLabel(label string) bool {
	return lastWordFold(label, "desired") >= 0 || lastWordFold(label, "optional") >= 0
}

// hasBareLabel reports whether a line holds a label that says "Desired"
// or "Optional" ("Required: SQL, R. Desired: Scala").
func hasBareLabel(line string) bool {
	for off := 0; ; {
		c := strings.IndexByte(line[off:], ':')
		if c < 0 {
			return false
		}
		if bareLabel(labelBefore(line, off+c, true)) {
			return true
		}
		off += c + 1
	}
}

// itemBoundary reports whether the space at i ends one item of a bullet
// list flattened into a line and starts the next: a lower-case word or a
// closing bracket, then a capitalised word ("…strongly preferred Advanced
// programmer…", "…(R, Python) Visualization skills…"). After a word that
// leads into a name ("with Python", "in SQL", "and Tableau") it is not.
func itemBoundary(line string, i int) bool {
	if i < 1 || i+2 >= len(line) || !isUpperASCII(line[i+1]) || !isLowerASCII(line[i+2]) {
		return false
	}
	p := line[i-1]
	if p == ')' {
		return true
	}
	if !isLowerASCII(p) {
		return false
	}
	w := i - 1
	for w > 0 && isLowerASCII(line[w-1]) {
		w--
	}
	if w > 0 && line[w-1] != ' ' {
		return false // "Node.js", "e-commerce", "CFA's"
	}
	return !leadWords[line[w:i]]
}

// leadWords lead into the name after them within one item.
var leadWords = map[string]bool{
	"with": true, "in": true, "of": true, "and": true, "or": true, "using": true, "like": true, "as": true,
	"including": true, "such": true, "to": true, "for": true, "on": true, "the": true, "a": true, "an": true,
	"from": true, "by": true, "via": true, "into": true, "at": true, "especially": true, "preferably": true,
	"ideally": true, "particularly": true, "either": true, "both": true, "about": true, "our": true, "your": true,
	"strong": true, "advanced": true, "solid": true, "excellent": true, "proficient": true, "expert": true,
	"use": true, "uses": true, "used": true, "through": true, "know": true, "learn": true, "than": true, "over": true, "versus": true,
}

// evidenceAround shortens a line to about 160 characters around the
// mention at line[at:end], walking out from it so a long line costs no
// more than a short one. The mention's own place counts, not the first
// occurrence of its text: "C" in "Java and CFamiliar with…" is not the C
// of an earlier "Collaborate".
func evidenceAround(line string, at, end int) string {
	const width = 160
	if len(line) <= width {
		return strings.TrimSpace(line)
	}
	lo, hi := at, end
	for n := 0; n < width/2 && lo > 0; n++ {
		_, size := utf8.DecodeLastRuneInString(line[:lo])
		lo -= size
	}
	for n := 0; n < width/2 && hi < len(line); n++ {
		_, size := utf8.DecodeRuneInString(line[hi:])
		hi += size
	}
	out := strings.TrimSpace(line[lo:hi])
	if lo > 0 {
		out = "…" + out
	}
	if hi < len(line) {
		out += "…"
	}
	return out
}
