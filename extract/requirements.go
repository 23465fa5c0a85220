package extract

import (
	"iter"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/jobstack/jobstack/internal/hangul"
)

var (
	// Korean experience: "경력 3년 이상", "3년 이상의 경력", "경력 3~5년", "5년차 이상", "3년↑".
	// koYearsRange and koYearsMin are matched by hand (koYearsRangeMatches,
	// koYearsMinMatches); the regexps define what those match.
	koYearsRange = regexp.MustCompile(`(\d{1,2})\s*(?:년\s*)?[~\-–〜]\s*(\d{1,2})\s*년`)
	koYearsMin   = regexp.MustCompile(`(\d{1,2})\s*년\s*(?:차\s*)?(?:이상|↑|\+|以上)`)
	koYearsLess  = regexp.MustCompile(`(\d{1,2})\s*년\s*(?:차\s*)?(?:미만|이하|以下)`)
	koYearsBare  = regexp.MustCompile(`경력\s*[:：]?\s*(\d{1,2})\s*년`)
	// English: "5+ years", "3-5 years", "at least two years", "minimum of 3 years", "3 or more years",
	// "Five plus years’".
	enYears = regexp.MustCompile(`(?i)(?:(at\s+least|minimum(?:\s+of)?|min\.?|over|more\s+than)\s+)?\(?\b(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen)\)?\s*(\+|plus\b|\s*(?:-|–|to)\s*(\d{1,2})\s*\+?)?\s*(?:or\s+more\s+)?(?:\+\s*)?years?\b`)
)

// koYearsMinMatches yields the years of koYearsMin.FindAllStringSubmatch
// (line, -1), matched by hand: the regexp's start-up dominated the cost of
// the short lines of a Korean posting. Neither it nor koYearsRangeMatches
// needs to backtrack: their optional parts and white space end where a
// fixed character that cannot be part of them begins.
func koYearsMinMatches(line string) iter.Seq[string] {
	return func(yield func(string) bool) {
		for pos := 0; pos < len(line); {
			start, d, end := -1, -1, -1
			for i := pos; i < len(line) && start < 0; i++ {
				if d = digitsAt(line, i); d > i {
					if end = koYearsMinTail(line, d); end >= 0 {
						start = i
					}
				}
			}
			if start < 0 || !yield(line[start:d]) {
				return
			}
			pos = end
		}
	}
}

// koYearsMinTail matches `\s*년\s*(?:차\s*)?(?:이상|↑|\+|以上)` at i and
// returns where the match ends, or -1.
func koYearsMinTail(s string, i int) int {
	i = skipRegexpSpace(s, i)
	if !strings.HasPrefix(s[i:], "년") {
		return -1
	}
	i = skipRegexpSpace(s, i+len("년"))
	if strings.HasPrefix(s[i:], "차") {
		i = skipRegexpSpace(s, i+len("차"))
	}
	for _, w := range [...]string{"이상", "↑", "+", "以上"} {
		if strings.HasPrefix(s[i:], w) {
			return i + len(w)
		}
	}
	return -1
}

// koYearsRangeMatches yields the two years of each match of
// koYearsRange.FindAllStringSubmatch(line, -1), matched by hand.
func koYearsRangeMatches(line string) iter.Seq[[2]string] {
	return func(yield func([2]string) bool) {
		for pos := 0; pos < len(line); {
			start, d, lo, hi, end := -1, -1, -1, -1, -1
			for i := pos; i < len(line) && start < 0; i++ {
				if d = digitsAt(line, i); d > i {
					if lo, hi, end = koYearsRangeTail(line, d); end >= 0 {
						start = i
					}
				}
			}
			if start < 0 || !yield([2]string{line[start:d], line[lo:hi]}) {
				return
			}
			pos = end
		}
	}
}

// koYearsRangeTail matches `\s*(?:년\s*)?[~\-–〜]\s*(\d{1,2})\s*년` at i
// and returns the group and where the match ends, or end -1.
func koYearsRangeTail(s string, i int) (lo, hi, end int) {
	i = skipRegexpSpace(s, i)
	if strings.HasPrefix(s[i:], "년") {
		i = skipRegexpSpace(s, i+len("년"))
	}
	switch {
	case i < len(s) && (s[i] == '~' || s[i] == '-'):
		i++
	case strings.HasPrefix(s[i:], "–") || strings.HasPrefix(s[i:], "〜"):
		i += len("–")
	default:
		return 0, 0, -1
	}
	i = skipRegexpSpace(s, i)
	lo, hi = i, digitsAt(s, i)
	if hi == lo {
		return 0, 0, -1
	}
	i = skipRegexpSpace(s, hi)
	if !strings.HasPrefix(s[i:], "년") {
		return 0, 0, -1
	}
	return lo, hi, i + len("년")
}

// digitsAt is where `\d{1,2}` greedily matched at i ends: i when s[i] is
// not an ASCII digit. A longer run of digits does not match at i, but the
// rest of either pattern cannot start with a digit, so the shorter match
// the regexp would also try fails too.
func digitsAt(s string, i int) int {
	n := 0
	for n < 2 && i+n < len(s) && '0' <= s[i+n] && s[i+n] <= '9' {
		n++
	}
	return i + n
}

// skipRegexpSpace skips regexp's \s, the ASCII [\t\n\f\r ], from i.
func skipRegexpSpace(s string, i int) int {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\f' || s[i] == '\r') {
		i++
	}
	return i
}

// yearsBefore and yearsAfter bound an enYears match around its "year":
// "at least fifteen (15) to 20 + or more + years" is under 60 bytes.
const yearsBefore, yearsAfter = 80, 8

// yearsStart is where an enYears match holding the "year" at i can start,
// at the earliest, in a window of low from lo: the start of the nearest
// token before i that no such match can hold whole. Between a number and
// its "year" an enYears match holds only digits, brackets, plus signs,
// dashes and the words of its grammar (yearsWords), so the tokens back from
// i made of those alone end at the token where a match can begin. Go's
// regexp reads that window byte by byte with its backtracker, and a window
// of a few tokens costs a fraction of the eighty bytes before each "year".
//
// Two cases keep lo: a token with "year", where a match from before it
// could end, and one with "ſ", which (?i) reads as "s".
func yearsStart(low string, lo, i int) int {
	end := i
	for {
		t := end
		for t > lo && !isSpaceASCII(low[t-1]) {
			t--
		}
		tok := low[t:end]
		if strings.Contains(tok, "ſ") {
			return lo
		}
		if !yearsToken(tok) {
			if strings.Contains(tok, "year") {
				return lo
			}
			return t
		}
		for t > lo && isSpaceASCII(low[t-1]) {
			t--
		}
		if t == lo {
			return lo
		}
		end = t
	}
}

// yearsToken reports whether every byte of an ASCII-lowered token can be
// part of an enYears match before its "year": digits, "()+-.", the en dash,
// and runs of letters that are words of yearsWords written together.
func yearsToken(tok string) bool {
	for i := 0; i < len(tok); {
		c := tok[i]
		switch {
		case '0' <= c && c <= '9' || c == '(' || c == ')' || c == '+' || c == '-' || c == '.':
			i++
		case 'a' <= c && c <= 'z':
			j := i + 1
			for j < len(tok) && 'a' <= tok[j] && tok[j] <= 'z' {
				j++
			}
			if !yearsWordsJoined(tok[i:j]) {
				return false
			}
			i = j
		case strings.HasPrefix(tok[i:], "–"):
			i += len("–")
		default:
			return false
		}
	}
	return true
}

// yearsWords are the words of enYears before its "year": the "at least"
// words, the number words, "to", "or more" and "plus".
var yearsWords = []string{"at", "least", "minimum", "of", "min", "over", "more", "than", "to", "or", "plus",
	"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twelve", "fifteen"}

// yearsWordsJoined reports whether run is one or more of yearsWords
// written together ("twoto" in "twoto5 years").
func yearsWordsJoined(run string) bool {
	if run == "" {
		return true
	}
	if len(run) > 32 {
		return false
	}
	for _, w := range yearsWords {
		if strings.HasPrefix(run, w) && yearsWordsJoined(run[len(w):]) {
			return true
		}
	}
	return false
}

var numberWords = map[string]int{"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "twelve": 12, "fifteen": 15}

func atoiWord(s string) int {
	if n, ok := numberWords[strings.ToLower(s)]; ok {
		return n
	}
	n, _ := strconv.Atoi(s)
	return n
}

// experienceWords say a line talks about work experience; perkWords mark
// tenure perks ("3년 이상 근속 시 휴가") and company age.
var (
	experienceWords = []string{"경력", "경험", "실무", "개발", "업무", "이상의", "연차", "년차", "experience", "professional", "industry", "working", "work ", "hands-on", "background", "developing", "building", "engineering", "in a ", "as a "}
	perkWords       = []string{"근속", "휴가", "리프레시", "안식", "포상", "지원금", "founded", "old company", "years old", "warranty", "보장", "year-end", "연봉 인상"}
	yearsCueWords   = []string{"신입", "경력", "초보", "year", "ntry", "xperience"}
	// gradWords accept expected graduates: years 0 where no line asks
	// some ("석사 이상 (졸업 예정자 가능)"), but beside "1년 이상의 ML
	// 모델링 경험" they qualify another requirement.
	gradWords    = []string{"졸업예정자", "졸업 예정자"}
	noYearsWords = []string{"신입", "경력무관", "경력 무관", "경력 상관없", "경력 : 무관", "경력: 무관", "경력:무관", "년수 무관", "년수무관", "연수무관", "연차 무관", "연차무관",
		"경력은 무관", "초보 가능", "초보자 가능", "no experience required", "entry level", "entry-level"}
	// newcomersRefusedWords take a "신입" back: "경력 : 1~5년 (신입 불가)",
	// "(신입은 아쉽지만 다음에 꼭 만나요!)".
	newcomersRefusedWords = []string{"신입 불가", "신입불가", "신입 지원 불가", "신입 지원불가", "신입은 불가", "신입은 아쉽", "신입 제외", "신입은 제외"}
)

// saysNoYears reports whether a line, whose phrases are w, says no
// experience is needed and asks no years of its own.
func saysNoYears(line string, w wordMask) bool {
	if !w.any(maskNoYears) {
		return false
	}
	lo, _, _, ok := yearsOfLine(line, w)
	return ok && lo == 0
}

// leadsWithYears reports whether a line, past its bullet, starts with a
// number of years, as a requirement list's items do: "8+ years designing
// and delivering complex software systems", "1-3 years leveraging OO
// programming".
func leadsWithYears(line string) bool {
	s := trimBullets(line)
	i := 0
	for i < len(s) && (isDigitASCII(s[i]) || s[i] == '+' || s[i] == '-' || s[i] == ' ') {
		i++
	}
	if i == 0 || !isDigitASCII(s[0]) {
		return false
	}
	return strings.HasPrefix(asciiLower(s[i:min(len(s), i+5)]), "year")
}

// yearsPreferred reports whether the clause of each years mention of an
// item (a "year", or "년" after a number) only prefers them: "At least one
// year of experience is preferred", "경력 3년 이상 우대". A cue in another
// clause or item leaves them asked: "2+ years in data analytics, ideally
// in e-commerce", "Minimum 3 years of experience, 5+ years preferred", "MS
// preferred in Computer Science or related disciplineAt least 3 years of
// relevant experience" (a flattened list). A line
// longer than maxItemLine is a flattened paragraph whose years may sit in
// several items, and is not judged this way.
func yearsPreferred(line string) bool {
	if len(line) > maxItemLine {
		return false
	}
	line = undotAbbreviations(line)
	found := false
	low := asciiLower(line)
	for i := 0; ; {
		j := strings.Index(low[i:], "year")
		if j < 0 {
			break
		}
		at := i + j
		i = at + len("year")
		// Not the "year" of "4-year degree".
		if at > 0 && line[at-1] == '-' {
			continue
		}
		if !yearsMentionPreferred(line, at) {
			return false
		}
		found = true
	}
	for i := 1; i+len("년") <= len(line); i++ {
		if !strings.HasPrefix(line[i:], "년") || !isDigitASCII(line[i-1]) {
			continue
		}
		if !yearsMentionPreferred(line, i) {
			return false
		}
		found = true
	}
	return found
}

// yearsMentionPreferred reports whether the clause of the years mention
// at byte at of a line only prefers it.
func yearsMentionPreferred(line string, at int) bool {
	s, e := clauseAround(line, at, true)
	// The number glued to the item before it starts an item of its own:
	// "Masters preferred2+ years", "would be a plus.12+ years".
	n := at
	for n > s && (isDigitASCII(line[n-1]) || strings.IndexByte(" +-~", line[n-1]) >= 0) {
		n--
	}
	if n > s && n < at && isDigitASCII(line[n]) && (isLetterASCII(line[n-1]) || line[n-1] == '.') {
		s = n
	}
	// A bullet or bar inside the line starts another item: "…work
	// experience preferred• Minimum 3 years' experience".
	for _, b := range itemMarks {
		if i := strings.LastIndex(line[s:at], b); i >= 0 {
			s += i + len(b)
		}
		if i := strings.Index(line[at:e], b); i >= 0 {
			e = at + i
		}
	}
	clause := line[s:e]
	if before := clause[:at-s]; strings.Count(before, "(") <= strings.Count(before, ")") {
		// A bracketed aside speaks for itself: "(Ph.D. preferred) and a
		// minimum of 5-7 years".
		clause = OutsideBrackets(clause)
	}
	// A forward cue prefers what follows it, as for skills: "Ideally 1+
	// years of experience", but "7+ years of experience in data science
	// ideally related to marketing" asks the years.
	w := reqWords.scan(clause)
	pref, req := cueMasks(w, clause)
	return !req && (pref && lineWidePreferred(w, clause) || preferredAfter(line[s:e], at-s))
}

// labelledYears reads the experience items of Indeed's postings, a skill
// and its years: "Java: 3 years (Required)", "PostgreSQL and SQL: 2 years
// (Required)". An item marked "(Preferred)" asks for nothing, as any years
// a posting only prefers.
func labelledYears(line string) (int, bool) {
	const req = "(required)"
	s := trimSpace(line)
	if len(s) < len(req) || asciiLower(s[len(s)-len(req):]) != req {
		return 0, false
	}
	s = trimSpace(s[:len(s)-len(req)])
	i := strings.LastIndex(s, ": ")
	if i <= 0 || i > 80 {
		return 0, false
	}
	v := s[i+2:]
	j := 0
	for j < len(v) && j < 2 && isDigitASCII(v[j]) {
		j++
	}
	if j == 0 {
		return 0, false
	}
	if unit := asciiLower(v[j:]); unit != " year" && unit != " years" {
		return 0, false
	}
	return atoiWord(v[:j]), true
}

// yearsFromLine returns the minimum years a line states and the maximum of
// a range (0 when open); ok is false when the line states none.
func yearsFromLine(line string) (minY, maxY int, ok bool) {
	minY, maxY, _, ok = yearsOfLine(line, reqWords.scan(line))
	return minY, maxY, ok
}

// maxYearsAsked bounds the years of experience a posting asks (exclusive).
const maxYearsAsked = 20

// yearsOfLine is yearsFromLine for a line whose phrases w were found
// already, and also returns the most years any one mention on the line
// asks: 5 on "실무 경력 2년 이상, 총 개발 경력 5년 이상".
func yearsOfLine(line string, w wordMask) (minY, maxY, most int, ok bool) {
	if !hasDigit(line) && !w.any(maskYearsCue) {
		return 0, 0, 0, false
	}
	if w.any(maskPerk) {
		return 0, 0, 0, false
	}
	best := -1
	bestMax := 0
	take := func(lo, hi int) {
		// Twenty years or more is a company's history, not what it asks:
		// "a food manufacturing company with 40 years of success", "With
		// 20 years of focused research", "인스피언은 20년 이상 … 컨설팅해온".
		// No posting in the corpus asks that much.
		if lo < 0 || lo >= maxYearsAsked {
			return
		}
		if best < 0 || lo < best {
			best, bestMax = lo, hi
		}
		most = max(most, lo)
	}
	if w.any(maskNoYears) && !w.any(maskNewcomersRefused) {
		take(0, 0)
	}
	if w.has(wordYear) {
		if n, ok := labelledYears(line); ok {
			take(n, 0)
		}
	}
	lead := w.has(wordYear) && leadsWithYears(line)
	experience := w.any(maskExperience) || lead
	if experience && strings.Contains(line, "년") {
		// Each pattern is tried only on lines holding the words it needs:
		// the regexps have no literal prefix, so a run tries every byte.
		var rangeEnds []int // "2~5년 이상": the 5 is no minimum of its own
		if containsAnyOf(line, "~", "-", "–", "〜") {
			for m := range koYearsRangeMatches(line) {
				lo, hi := atoiWord(m[0]), atoiWord(m[1])
				if hi >= lo {
					take(lo, hi)
					rangeEnds = append(rangeEnds, hi)
				}
			}
		}
		if strings.Contains(line, "이상") || containsAnyOf(line, "↑", "+") || strings.Contains(line, "以上") {
			for years := range koYearsMinMatches(line) {
				if n := atoiWord(years); !slices.Contains(rangeEnds, n) {
					take(n, 0)
				}
			}
		}
		if best < 0 && strings.Contains(line, "경력") && !koYearsLess.MatchString(line) {
			for _, m := range koYearsBare.FindAllStringSubmatch(line, -1) {
				take(atoiWord(m[1]), 0)
			}
		}
	}
	if experience && w.has(wordYear) {
		line := unglueYears(line)
		low := asciiLower(line)
		for _, m := range findAllNear(enYears, line, low, "year", yearsBefore, yearsAfter, yearsStart) {
			rest := low[m[1]:min(len(low), m[1]+60)]
			// An item that starts with its years: "8+ years designing
			// and delivering…"; not "2 years ago".
			after := strings.TrimSpace(rest)
			first := lead && trimBullets(line[:m[0]]) == "" && !strings.HasPrefix(after, "ago") && !strings.HasPrefix(after, "old")
			// "5 years of experience", "3+ years in data engineering";
			// not "within 2 years", "a 3 year contract".
			if !first && !strings.Contains(rest, "experience") && !hasAnyPrefix(after, yearsFollowers) {
				continue
			}
			lo := atoiWord(line[m[4]:m[5]])
			hi := 0
			if m[8] >= 0 {
				hi = atoiWord(line[m[8]:m[9]])
			}
			if hi != 0 && hi < lo {
				hi = 0
			}
			take(lo, hi)
		}
	}
	if best < 0 {
		return 0, 0, 0, false
	}
	return best, bestMax, most, true
}

// yearsFollowers are the words that may follow an asked number of years
// in English: "3+ years of", "in", "working with", "required".
var yearsFollowers = []string{"of", "in", "working", "prior", "professional", "hands", "industry", "relevant", "related",
	"building", "developing", "as ", "with", "required"}

// hasAnyPrefix reports whether s starts with one of prefixes.
func hasAnyPrefix(s string, prefixes []string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// unglueYears puts a space between a word and the number of years glued to
// it, where a flattened list lost the break between two items: "related
// field4+ years of experience", "Looker7+ years". The word must end in at
// least three letters, the last lower case, and "year" must follow within a
// few bytes, so "S3", "EC2" and "Python 3.9" stay as they are.
func unglueYears(line string) string {
	var b []byte
	from := 0
	for i := 3; i < len(line); i++ {
		if !isDigitASCII(line[i]) || !isLowerASCII(line[i-1]) ||
			!isLetterASCII(line[i-2]) || !isLetterASCII(line[i-3]) {
			continue
		}
		j := i
		for j < len(line) && isDigitASCII(line[j]) {
			j++
		}
		if j-i > 2 || !strings.Contains(asciiLower(line[j:min(len(line), j+12)]), "year") {
			i = j
			continue
		}
		b = append(append(b, line[from:i]...), ' ')
		from, i = i, j
	}
	if b == nil {
		return line
	}
	return string(append(b, line[from:]...))
}

var degreeWords = []struct {
	word   string
	degree Degree
}{
	{"학력무관", DegreeNone}, {"학력 무관", DegreeNone}, {"학력 제한 없", DegreeNone}, {"학력제한없", DegreeNone},
	{"no degree required", DegreeNone}, {"degree not required", DegreeNone}, {"degree is not required", DegreeNone},
	{"고졸", DegreeNone}, {"고등학교", DegreeNone}, {"초대졸", DegreeNone}, {"전문학사", DegreeNone}, {"(2,3년)", DegreeNone},
	{"2,3년제", DegreeNone}, {"2~3년제", DegreeNone}, {"2년제", DegreeNone}, {"3년제", DegreeNone}, {"전문대", DegreeNone},
	{"high school diploma", DegreeNone}, {"associate degree", DegreeNone}, {"associate's degree", DegreeNone},
	{"학/석사", DegreeBachelor}, {"학·석사", DegreeBachelor}, {"석/박사", DegreeMaster}, {"석·박사", DegreeMaster}, {"석박사", DegreeMaster},
	{"박사", DegreePhD}, {"phd", DegreePhD}, {"ph.d", DegreePhD}, {"doctorate", DegreePhD}, {"doctoral", DegreePhD},
	{"석사", DegreeMaster}, {"master's", DegreeMaster}, {"masters", DegreeMaster}, {"master degree", DegreeMaster},
	{"m.s.", DegreeMaster}, {"msc", DegreeMaster}, {"graduate degree", DegreeMaster},
	{"ms or", DegreeMaster}, {"ms/", DegreeMaster}, {"ms in", DegreeMaster}, {"ms degree", DegreeMaster},
	{"master’s", DegreeMaster}, {"ms, or", DegreeMaster}, {"ms, phd", DegreeMaster}, {"ms, ph.d", DegreeMaster}, {"m.s,", DegreeMaster}, {"ms with", DegreeMaster},
	{"ma/ms", DegreeMaster}, {"m.sc", DegreeMaster}, {"phd/ms", DegreeMaster}, {"phd/ ms", DegreeMaster}, {"phd or ms", DegreeMaster},
	{"4년제 대학교 석사", DegreeMaster}, {"4년제 대학 석사", DegreeMaster}, {"4년제 대학교 박사", DegreePhD}, {"4년제 대학 박사", DegreePhD},
	{"대졸", DegreeBachelor}, {"4년제", DegreeBachelor}, {"4년재", DegreeBachelor}, {"학사", DegreeBachelor},
	{"대학교졸업", DegreeBachelor}, {"대학교 졸업", DegreeBachelor}, {"대학 졸업", DegreeBachelor}, {"bachelor", DegreeBachelor},
	{"b.s.", DegreeBachelor}, {"b.a.", DegreeBachelor}, {"bs/ms", DegreeBachelor}, {"bs in", DegreeBachelor},
	{"ba/bs", DegreeBachelor}, {"bs/ba", DegreeBachelor}, {"undergraduate degree", DegreeBachelor},
	{"college degree", DegreeBachelor}, {"university degree", DegreeBachelor}, {"4-year degree", DegreeBachelor},
	{"four-year degree", DegreeBachelor}, {"bsc", DegreeBachelor}, {"bs or ms", DegreeBachelor}, {"bs / ms", DegreeBachelor},
	{"bs with", DegreeBachelor}, {"bs,", DegreeBachelor}, {"b.s,", DegreeBachelor}, {"bs degree", DegreeBachelor},
	{"ba or bs", DegreeBachelor}, {"bs or ba", DegreeBachelor}, {"undergraduate or", DegreeBachelor},
	{"학부/석사", DegreeBachelor}, {"학부·석사", DegreeBachelor}, {"석, 박사", DegreeMaster}, {"석,박사", DegreeMaster},
	{"전문 학사", DegreeNone}, {"college or advanced", DegreeBachelor},
	{"associates degree", DegreeNone}, {"associate’s degree", DegreeNone},
	// "An advanced degree in statistics": a master's or more; "College
	// or advanced degree" a bachelor's.
	{"advanced degree", DegreeMaster},
	// Dotted abbreviations without their last dot: "B.S or M.S in
	// biology", "M.S / Ph. D.", "B.S/M.S".
	{"b.s ", DegreeBachelor}, {"b.s/", DegreeBachelor}, {"m.s ", DegreeMaster}, {"m.s/", DegreeMaster},
	{"b.sc", DegreeBachelor},
	// "PH. D in Computer Science", "M.S / Ph. D.".
	{"ph. d", DegreePhD},
	// "Master of Science"; not "a master of SQL", "Be a master of the
	// people data".
	{"master of science", DegreeMaster}, {"master of arts", DegreeMaster}, {"master of engineering", DegreeMaster},
	{"master of business", DegreeMaster}, {"master of data", DegreeMaster}, {"master of computer", DegreeMaster},
	{"master of public", DegreeMaster}, {"master of statistics", DegreeMaster}, {"master of applied", DegreeMaster},
	{"master of information", DegreeMaster}, {"master of mathematics", DegreeMaster}, {"master of financ", DegreeMaster},
}

// notDegreeWords hold a degree's name and are no degree: "scrum masters";
// or they take back only a higher degree: "Advanced degree not required
// but preferred" still asks the bachelor's its posting names.
var notDegreeWords = []string{"scrum master", "advanced degree not required", "advanced degree is not required"}

// genericDegree words name a degree without its level; they mean a
// bachelor's only when nothing on the line names one ("MSc degree in
// mathematics" is a master's). A major alone ("전공자") names no degree.
var genericDegree = []string{"degree in computer science", "degree in a related field", "degree in", "관련 분야의 학위", "학위 소지", "학위"}

// flexibleWords accept experience in place of the degree.
var flexibleWords = []string{"equivalent", "준하는", "동등", "or relevant experience", "in lieu of"}

// degreeHintWords let most lines skip the degree rules; every word of
// degreeWords is a hint too (see maskDegreeHint).
var degreeHintWords = []string{"학", "졸", "석", "박", "bachelor", "b.s", "b.a", "bs ", "bs/", "ba/", "bsc", "master", "m.s.", "msc", "ms or", "ms/", "ms in", "phd", "ph.d", "degree", "doctor", "graduate", "college", "universit", "associate", "high school"}

// schoolDegreeWords name a higher degree from a four-year university:
// "4년제 대학교 석사 이상" asks a master's, and the "4년제" in it names the
// school, not a bachelor's.
var schoolDegreeWords = []string{"4년제 대학교 석사", "4년제 대학 석사", "4년제 대학교 박사", "4년제 대학 박사"}

// degreePairWords hold "석사" and "박사" but name a pair: the pair decides.
var degreePairWords = []string{"학/석사", "학·석사", "석/박사", "석·박사", "석박사"}

// degreeFromLine returns the lowest degree a line requires. A line that
// only prefers a degree ("석사 우대", "Master's preferred") requires none.
func degreeFromLine(line string) (Degree, bool, bool) {
	return degreeOfLine(line, reqWords.scan(line))
}

// degreeOfLine is degreeFromWords for a line whose phrases w were found
// already. A preferred cue decides for its own sentence only: "Master's or
// PhD in a quantitative field. A data science major is a big plus."
// requires a master's.
func degreeOfLine(line string, w wordMask) (Degree, bool, bool) {
	d, flex, ok := degreeFromWords(line, w)
	if ok || !w.any(maskDegreeHint) || !w.any(maskPreferredCue) {
		return d, flex, ok
	}
	if strings.Contains(line, "(") {
		// A preferred cue beside a degree in parentheses speaks of that
		// degree: "학력 : 컴퓨터 공학 학사 이상 (석사 우대)" asks a bachelor's,
		// "Bachelor's (Preferred)" none.
		if bare := OutsideBrackets(line); len(bare) < len(line) && parensNameDegree(line) {
			if sd, sflex, sok := degreeFromWords(bare, reqWords.scan(bare)); sok {
				return sd, sflex, true
			}
		} else if len(bare) < len(line) && !reqWords.scan(bare).any(maskPreferredCue) {
			// The cue is only in parentheses, which speak of the degree
			// they follow: "PhD (preferred) or MS in statistics".
			return degreeInScope(line, w)
		}
	}
	if len(line) > longCueLine || gluedItems(line) {
		// A page flattened to one line, or a list flattened without
		// spaces ("…or related fieldPreferredRetail experience"): each
		// degree's own item or clause says whether it is only preferred
		// (see cueInScope).
		return degreeInScope(line, w)
	}
	if !strings.Contains(line, ". ") && !strings.Contains(line, "; ") {
		return d, flex, ok
	}
	for s := range sentences(line) {
		if sd, sflex, sok := degreeFromWords(s, reqWords.scan(s)); sok && (!ok || sd < d) {
			d, flex, ok = sd, sflex, true
		}
	}
	return d, flex, ok
}

// gluedItems reports whether a line holds items of a list flattened
// without spaces, a lower-case word run into a capitalised one:
// "…in software coding and developmentBachelor's Degree…".
func gluedItems(line string) bool {
	for i := 1; i+1 < len(line); i++ {
		if isUpperASCII(line[i+1]) && isLowerASCII(line[i]) && stopBefore(line, i, true) {
			return true
		}
	}
	return false
}

// parensNameDegree reports whether what stands in a line's parentheses
// names a degree.
func parensNameDegree(line string) bool {
	for {
		i := strings.IndexByte(line, '(')
		if i < 0 {
			return false
		}
		j := strings.IndexByte(line[i:], ')')
		if j < 0 {
			j = len(line) - i
		}
		if namesDegree(reqWords.scan(line[i+1 : i+j])) {
			return true
		}
		line = line[i+j:]
	}
}

// undotAbbreviations replaces the dots of dotted abbreviations ("Ph.D.",
// "M.S.", "e.g.") with '_', so that no sentence ends inside them: "You
// having a Ph.D. in a relevant field is a bonus." is one sentence.
func undotAbbreviations(line string) string {
	var b []byte
	for i := 2; i < len(line); i++ {
		if abbreviationDot(line, i) {
			if b == nil {
				b = []byte(line)
			}
			b[i], b[i-2] = '_', '_'
		}
	}
	if b == nil {
		return line
	}
	return string(b)
}

// abbreviationDot reports whether the byte at i of line is the dot that
// closes a dotted abbreviation: a letter between two dots ("Ph.D.",
// "M.S.", "e.g.", "U.S.").
func abbreviationDot(line string, i int) bool {
	return i >= 2 && line[i] == '.' && line[i-2] == '.' && isLetterASCII(line[i-1])
}

// degreeOf is the degree each word of degreeWords names, by phrase id.
var degreeOf = func() map[int]Degree {
	m := make(map[int]Degree, len(degreeWords))
	for i, dw := range degreeWords {
		m[degreeWordIDs[i]] = dw.degree
	}
	return m
}()

// degreeInScope is the lowest degree a long line, whose phrases are w,
// names outside the scope of a preferred cue: "…Experience with Tableau
// is a plus…BS/MS in Statistics, Economics or similar field…" asks a
// bachelor's. A degree whose own clause holds no cue is not made
// preferred by another degree's clause in its sentence: "Bachelor's
// degree in a related field; Master's degree preferred." asks a
// bachelor's.
func degreeInScope(line string, w wordMask) (Degree, bool, bool) {
	type mention struct {
		start, sentence int // sentence: where its sentence ends
		degree          Degree
		named, school   bool        // school: the "4년제" of a schoolDegreeWords phrase
		cue             Requirement // of its own clause, when clauseCue
		clauseCue       bool
	}
	var ms []mention
	scoped := undotAbbreviations(line)
	reqWords.walk(line, func(start, end, p int) {
		deg, named := degreeOf[p]
		if !named && !maskGenericDegree.has(p) {
			return
		}
		m := mention{start: start, sentence: sentenceEnd(scoped, start, true), degree: deg, named: named}
		if maskSchoolDegree.has(p) {
			// The "4년제" at the same start, reported before this longer
			// phrase, names the school.
			for i := range ms {
				if ms[i].start == start {
					ms[i].school = true
				}
			}
		}
		cs, ce := clauseAround(scoped, start, true)
		m.cue, m.clauseCue = degreeCue(scoped, cs, ce, start, end)
		ms = append(ms, m)
	})
	// The sentences where a degree's own clause prefers it.
	var preferredIn map[int]bool
	for _, m := range ms {
		if m.clauseCue && m.cue == RequirementPreferred {
			if preferredIn == nil {
				preferredIn = map[int]bool{}
			}
			preferredIn[m.sentence] = true
		}
	}
	found, generic := DegreeUnspecified, false
	for _, m := range ms {
		if m.school {
			continue
		}
		in := m.clauseCue && m.cue != RequirementPreferred
		if !m.clauseCue {
			cue, ok, _ := cueInScope(scoped, m.start, true)
			// A preferred cue of its sentence that is another degree's
			// leaves this one in.
			in = !ok || cue != RequirementPreferred || preferredIn[m.sentence]
		}
		if !in {
			continue
		}
		if !m.named {
			generic = true
		} else if found == DegreeUnspecified || m.degree < found {
			found = m.degree
		}
	}
	if found == DegreeUnspecified && generic {
		found = DegreeBachelor
	}
	if found == DegreeUnspecified {
		return found, false, false
	}
	return found, w.any(maskFlexible), true
}

// degreeCue is the cue of the degree named at [start, end) of line, in
// its clause [cs, ce). Parentheses speak of the degree they follow or
// hold: in "PhD (preferred) or MS in statistics" only the PhD is
// preferred, in "학사 이상 (석사 우대)" only the 석사, and in "BS in CS
// (MS preferred)" the BS is asked.
func degreeCue(line string, cs, ce, start, end int) (Requirement, bool) {
	clause := line[cs:ce]
	if !strings.ContainsAny(clause, "([") {
		return scopeCue(clause)
	}
	// Inside parentheses: what they hold.
	if open := strings.LastIndexAny(line[cs:start], "(["); open >= 0 && !strings.ContainsAny(line[cs+open:start], ")]") {
		return scopeCue(untilClose(line[cs+open+1 : ce]))
	}
	// Right after it: a parenthesis that names no degree of its own.
	if rest := afterDegreeWord(line[end:ce]); len(rest) > 0 && (rest[0] == '(' || rest[0] == '[') {
		inner := untilClose(rest[1:])
		if !namesDegree(reqWords.scan(inner)) {
			// The degree and its parenthesis: "Bachelor's (Preferred)".
			own := line[start : ce-len(rest)+1+len(inner)]
			if cue, ok := scopeCue(own); ok {
				return cue, true
			}
		}
	}
	if cue, ok := scopeCue(OutsideBrackets(clause)); ok {
		return cue, true
	}
	if _, ok := scopeCue(clause); ok {
		// The clause's cues are in parentheses that speak of another
		// degree: this one is asked.
		return RequirementRequired, true
	}
	return RequirementOther, false
}

// untilClose is s up to its first closing bracket: what a parenthesis
// opened before s holds.
func untilClose(s string) string {
	if c := strings.IndexAny(s, ")]"); c >= 0 {
		return s[:c]
	}
	return s
}

// afterDegreeWord is what follows a degree's name past the rest of its
// word, the names joined to it by slashes and a "degree": "'s degree
// (preferred)" and "/Ph.D. (Preferred)" give "(Preferred)".
func afterDegreeWord(s string) string {
	// '_' stands for the dots of an abbreviation (undotAbbreviations).
	i := 0
	for i < len(s) && (isLetterASCII(s[i]) || strings.IndexByte("'./_", s[i]) >= 0) {
		i++
	}
	if strings.HasPrefix(s[i:], "’s") {
		i += len("’s")
	}
	s = strings.TrimLeft(s[i:], " ")
	if len(s) >= len("degree") && strings.EqualFold(s[:len("degree")], "degree") {
		s = strings.TrimLeft(s[len("degree"):], " ")
	}
	return s
}

// sentences splits a line at ". " and "; ", except after a dotted
// abbreviation (a letter between two dots): "Ph.D. in Statistics
// preferred" and "M.S. or Ph.D. required" are one sentence each, "M.S. in
// Computer Science; Ph.D. preferred" is two.
func sentences(line string) iter.Seq[string] {
	return func(yield func(string) bool) {
		from := 0
		for i := 0; ; {
			j := strings.Index(line[i:], " ")
			if j < 0 {
				break
			}
			j += i
			i = j + 1
			if j == 0 || line[j-1] != '.' && line[j-1] != ';' {
				continue
			}
			j--
			if abbreviationDot(line, j) {
				continue // "Ph.D. in", "M.S. or", "U.S. Citizen"
			}
			if !yield(line[from:j]) {
				return
			}
			from = i
		}
		yield(line[from:])
	}
}

// degreeFromWords is the lowest degree a line, whose phrases are w,
// requires.
func degreeFromWords(line string, w wordMask) (Degree, bool, bool) {
	if !w.any(maskDegreeHint) {
		return DegreeUnspecified, false, false
	}
	// A line that prefers a degree requires none; "degree not required"
	// is read by degreeWords, so a taken-back cue counts as none here.
	if w.any(maskPreferredCue) && !w.any(maskRequiredCue) {
		return DegreeUnspecified, false, false
	}
	found := DegreeUnspecified
	// "학력 무관", "나이/성별/학력/전공 무관": no degree required.
	if w.has(wordSchooling) && w.any(maskNoLimit) && schoolingUnlimited(line) {
		found = DegreeNone
	}
	pair := w.any(maskDegreePair)
	school := w.any(maskSchoolDegree)
	for i, dw := range degreeWords {
		if !w.has(degreeWordIDs[i]) {
			continue
		}
		if pair && (dw.word == "석사" || dw.word == "박사") || school && dw.word == "4년제" {
			continue
		}
		if found == DegreeUnspecified || dw.degree < found {
			found = dw.degree
		}
	}
	if found == DegreeUnspecified && w.any(maskGenericDegree) {
		found = DegreeBachelor
	}
	if found == DegreeUnspecified {
		return found, false, false
	}
	return found, w.any(maskFlexible), true
}

// schoolingUnlimited reports whether a line's "무관" (or "제한 없") speaks
// of its "학력": not where a degree and another field come between them,
// as in "학력 대졸 이상(4년) / 나이 성별 무관" and "학력 : 학사 이상|경력 : 무관".
// "나이/성별/학력/전공 무관" and "학력 : 4년제 졸업 이상(신입), 무관(경력)" keep
// it.
func schoolingUnlimited(line string) bool {
	for rest := line; ; {
		_, after, ok := strings.Cut(rest, "학력")
		if !ok {
			return false
		}
		rest = after
		end := len(after)
		for _, w := range noLimitWords {
			if j := strings.Index(after, w); j >= 0 && j < end {
				end = j
			}
		}
		if end == len(after) {
			continue
		}
		between := after[:end]
		otherField := slices.ContainsFunc(schoolingNeighbours, func(f string) bool { return strings.Contains(between, f) })
		if !otherField || !namesDegree(reqWords.scan(between)) {
			return true
		}
	}
}

// schoolingNeighbours are the fields a Korean posting lists beside 학력.
var schoolingNeighbours = []string{"경력", "나이", "성별", "연령", "전공"}

// degreeOrYears reports whether a line, whose phrases are w, offers a
// degree and years of experience as alternatives: "관련분야 석사학위 소지자
// 또는 2년 이상 경력", "Master's degree or 3+ years of relevant
// experience". One side of an "or" (혹은, 또는) names a degree and no years,
// another names years and no degree; in English the years side starts
// with its number ("or 3+ years", "or at least 3 years"), since "BS in CS
// or a related field, 3+ years of experience" asks for both. "또는 이에
// 준하는 경력" names no years and keeps the degree (an equivalent).
//
// Only a line of one or two sentences is read so: a page flattened to one
// line ("…4+ years in security engineering or SOC role…BA/BS degree or 4
// years…") joins unrelated clauses with its "or"s.
func degreeOrYears(line string, w wordMask) bool {
	if len(line) > maxAlternativeLine || !w.any(maskDegreeHint) || !hasDigit(line) && !strings.Contains(line, "경력직") {
		return false
	}
	var degree, years bool
	sides := orSides(line)
	for _, side := range sides {
		// A route that asks a degree and years ("MS/BS with a minimum of
		// 2 years", "석사 포함 2년 이상") leaves no route without years.
		side = OutsideBrackets(side)
		if mentionsYears(side) && namesDegree(reqWords.scan(side)) {
			return false
		}
	}
	for i, side := range sides {
		// Only the clause beside the "or" is its other side: in "학사
		// 이상 또는 이에 준하는 역량, 경력 3년 이상" the years are asked too.
		if i > 0 {
			_, end := clauseAround(side, 0, false)
			side = side[:end]
		}
		if i < len(sides)-1 {
			side = strings.TrimRight(side, " ,.;")
			start, _ := clauseAround(side, len(side), false)
			side = side[start:]
		}
		side = OutsideBrackets(side)
		sw := reqWords.scan(side)
		hasDegree := namesDegree(sw)
		lo, _, _, hasYears := yearsOfLine(side, sw)
		hasYears = hasYears && lo > 0 || strings.Contains(side, "경력직")
		if hasYears && !hasDegree && i > 0 && !koreanSide(side) && !startsWithYears(side) {
			hasYears = false
		}
		degree = degree || hasDegree && !hasYears
		years = years || hasYears && !hasDegree
	}
	return degree && years
}

// mentionsYears reports whether s holds a number of years: "2년",
// "3+ years", "6 years".
func mentionsYears(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigitASCII(s[i]) {
			continue
		}
		j := i
		for j < len(s) && isDigitASCII(s[j]) {
			j++
		}
		rest := strings.TrimLeft(s[j:min(len(s), j+12)], " +")
		if strings.HasPrefix(rest, "년") || strings.HasPrefix(asciiLower(rest), "year") {
			return true
		}
		i = j
	}
	return false
}

// maxAlternativeLine is the longest line degreeOrYears reads, in bytes.
const maxAlternativeLine = 240

// itemMarks are the bullets and bars that start an item inside a line.
var itemMarks = append(slices.Clip(bulletMarks), "|")

// maxItemLine is the longest line read as one list item when a cue on it
// decides for its years.
const maxItemLine = 240

// orSides splits a line at "혹은", "또는" and " or ".
func orSides(line string) []string {
	var sides []string
	for from, i := 0, 0; i < len(line); i++ {
		n := 0
		switch {
		case strings.HasPrefix(line[i:], "혹은"), strings.HasPrefix(line[i:], "또는"):
			n = len("혹은")
		case line[i] == ' ' && i+4 <= len(line) && line[i+1]|0x20 == 'o' && line[i+2]|0x20 == 'r' && line[i+3] == ' ':
			n = 4
		}
		if n > 0 {
			sides = append(sides, line[from:i])
			from, i = i+n, i+n-1
		}
		if i == len(line)-1 {
			sides = append(sides, line[from:])
		}
	}
	return sides
}

// routeLevel is the level of a line whose years lie on two sides of an
// "or": the candidate takes the route that asks least, so "개발경력 6년
// 이상 또는 DevOps 경험 2년 이상" asks two years, not six. On each side
// the most years count ("5+ years of Python and 3 of Spark, or 8
// overall" asks five). most is the line's level without routes.
//
// Routes that name degrees are a ladder of one level, not a choice of
// levels: in "BS with 5+ years, MS with 3+ or PhD with 1+" the degree
// stands for the missing years, and the level stays the most years. A
// side without a number ("신입 또는 경력 3년 이상") offers no years.
func routeLevel(line string, most int) int {
	if len(line) > maxAlternativeLine {
		return most
	}
	sides := orSides(line)
	if len(sides) < 2 {
		return most
	}
	levels := make([]int, len(sides))
	for i, side := range sides {
		w := reqWords.scan(side)
		if namesDegree(w) {
			return most
		}
		levels[i] = -1
		if _, _, m, ok := yearsOfLine(side, w); ok && hasDigit(side) {
			levels[i] = m
		}
	}
	// An English "or" offers a route when the years follow it at once:
	// in "5+ years of analytics, BI, or equivalent field; 2+ years as a
	// lead" it ends a list, and both years are asked.
	level := most
	for i := 1; i < len(sides); i++ {
		if levels[i-1] >= 0 && levels[i] >= 0 && (koreanSide(sides[i]) || startsWithYears(sides[i])) {
			level = min(level, levels[i-1], levels[i])
		}
	}
	return level
}

// namesDegree reports whether phrases w name a degree, required or not.
func namesDegree(w wordMask) bool { return w.any(maskDegreeWord) || w.any(maskGenericDegree) }

// koreanSide reports whether s holds Hangul: Korean puts the years last
// ("관련 경력 2년 이상"), so where they stand says nothing.
func koreanSide(s string) bool { return strings.ContainsFunc(s, isHangul) }

// startsWithYears reports whether s, the side after an "or", starts with
// its number of years: "3+ years", "at least 3 years", "minimum 2 years".
func startsWithYears(s string) bool {
	s = strings.TrimLeft(s, " ,(")
	low := asciiLower(s)
	for _, p := range []string{"at least ", "minimum of ", "minimum ", "a minimum of "} {
		if strings.HasPrefix(low, p) {
			low = low[len(p):]
			break
		}
	}
	if low == "" {
		return false
	}
	if isDigitASCII(low[0]) {
		return true
	}
	w, _, _ := strings.Cut(low, " ")
	_, ok := numberWords[w]
	return ok
}

// OutsideBrackets is s without its bracketed parts ("(...)", "[...]"),
// each closed one left as a space; an unclosed bracket runs to the end.
// "경험 7년 이상 (석/박사 경력 인정)" names no degree route, and "백엔드
// 개발자 (빅데이터 플랫폼)" is a backend title.
func OutsideBrackets(s string) string {
	if !strings.ContainsAny(s, "([") {
		return s
	}
	var b strings.Builder
	depth := 0
	for _, r := range s {
		switch {
		case r == '(' || r == '[':
			depth++
		case (r == ')' || r == ']') && depth > 0:
			depth--
			b.WriteByte(' ')
		case depth == 0:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// ParseRequirements reads experience, degree, salary, employment type and
// remote work from a posting's requirement-bearing lines. Structured values
// (a record's 경력/학력 fields, JSON-LD experienceRequirements) come first in
// extra and win over the text.
func ParseRequirements(p *Posting, extra []string) {
	r := &p.Requirements
	// The phrases of every line of the text, found in one walk; the
	// matcher reads the lines' cues from them too.
	text, at := scanLines(p.Text), 0
	p.lines = text
	lines := make([]string, 0, 64)
	words := make([]wordMask, 0, 64)
	for _, e := range extra {
		lines, words = append(lines, e), append(words, reqWords.scan(e))
	}
	// noYears is a preferred section's line that says no experience is
	// needed ("석사 이상 경력 무관(전문연구요원)", "신입도 지원 가능"): years 0
	// where no other line asks some.
	noYears := ""
	for _, s := range p.Sections {
		preferred := s.Kind == SectionPreferred
		switch s.Kind {
		case SectionPreferred:
			// What a posting only prefers is not a requirement: "석사
			// 이상 우대", "5+ years is a plus". Its lines are read only
			// for noYears.
			if noYears != "" {
				continue
			}
		case SectionBenefits, SectionCompany, SectionProcess:
			continue
		}
		// The lines of strings.Split(p.Text[s.Start:s.End], "\n").
		for off, more := s.Start, true; more; {
			var line string
			line, _, more = strings.Cut(p.Text[off:s.End], "\n")
			w := text.words(&at, off, line)
			off += len(line) + 1
			if !preferred {
				lines, words = append(lines, line), append(words, w)
			} else if noYears == "" && saysNoYears(line, w) {
				noYears = line
			}
		}
	}
	var titleWords wordMask
	if p.Title != "" {
		titleWords = reqWords.scan(p.Title)
		lines, words = append(lines, p.Title), append(words, titleWords)
	}
	structured := len(extra)
	// alternative is the first line that offers years or a degree, or
	// accepts expected graduates.
	alternative := ""
	// routes marks the lines that offer a degree or years (degreeOrYears).
	routes := make([]bool, len(lines))
	for i, line := range lines {
		routes[i] = i >= structured && degreeOrYears(line, words[i])
		if i >= structured && alternative == "" && words[i].any(maskGrad) {
			alternative = line
		}
		if lo, hi, most, ok := yearsOfLine(line, words[i]); ok {
			if i >= structured && words[i].any(maskPreferredCue) && !words[i].any(maskNoYears) && yearsPreferred(line) {
				// "At least 1 year of experience in BI is preferred",
				// "3-5 years of relevant work experience preferred".
				continue
			}
			if routes[i] {
				if alternative == "" {
					alternative = line
				}
				continue
			}
			if !r.HasYears || lo < r.YearsMin {
				r.YearsMin, r.YearsMax, r.HasYears, r.YearsEvidence = lo, hi, true, snippet(line, 160)
			}
			if most > lo {
				most = routeLevel(line, most)
			}
			if most > r.YearsLevel {
				r.YearsLevel, r.YearsLevelEvidence = most, snippet(line, 160)
			}
		}
	}
	if !r.HasYears && p.Title != "" {
		// A title's years are the experience it asks even without a word
		// for it: "AI 엔지니어 (2년 이상)", "DT컨설턴트 (3~10년)", "Sr Data
		// Scientist with Strong Python 9 Years".
		if lo, hi, most, ok := titleYears(p.Title, titleWords); ok {
			r.YearsMin, r.YearsMax, r.HasYears, r.YearsEvidence = lo, hi, true, snippet(p.Title, 160)
			if most > r.YearsLevel {
				r.YearsLevel, r.YearsLevelEvidence = most, r.YearsEvidence
			}
		}
	}
	if !r.HasYears && alternative != "" {
		// "석사 또는 경력 2년 이상" and nothing else: the degree route asks
		// no years; "(졸업 예정자 가능)" and nothing else: none are
		// asked. Years another line asks stand ("5 years or a degree; 3
		// years of recommender systems" asks 3).
		r.YearsMin, r.YearsMax, r.HasYears, r.YearsEvidence = 0, 0, true, snippet(alternative, 160)
	}
	if !r.HasYears && noYears != "" {
		r.YearsMin, r.YearsMax, r.HasYears, r.YearsEvidence = 0, 0, true, snippet(noYears, 160)
	}
	degreeFromStructured := false
	for i, line := range lines {
		d, flex, ok := degreeOfLine(line, words[i])
		if !ok || routes[i] {
			// A degree that years of experience can replace is no
			// minimum: "Master's degree or 3+ years of experience".
			continue
		}
		if i < structured {
			if !degreeFromStructured || d < r.Degree {
				r.Degree, r.DegreeFlexible, r.DegreeEvidence = d, flex, snippet(line, 160)
			}
			degreeFromStructured = true
			continue
		}
		if degreeFromStructured {
			break
		}
		if r.Degree == DegreeUnspecified || d < r.Degree {
			r.Degree, r.DegreeFlexible, r.DegreeEvidence = d, flex, snippet(line, 160)
		}
	}
	if r.EmploymentType == "" || r.Remote == "" {
		// The phrases of the extra lines and the whole text.
		w := text.all()
		for _, m := range words[:structured] {
			w.or(m)
		}
		if r.EmploymentType == "" {
			r.EmploymentType = employmentOf(w)
		}
		if r.Remote == "" {
			r.Remote = remoteOf(w)
		}
	}
	if r.Salary.Text == "" {
		r.Salary = salaryInLines(extra, text)
	}
}

// titleYears reads a title, whose phrases are w, as a requirement line
// that names experience, then for an English title's trailing "9 Years"
// and a Korean title's "2년~" or "7년내외". A contract or an internship's
// length is not experience: "데이터 분석 (계약직 1년)", "Deep Learning
// Engineer (계약직 1년, 전문연구요원 가능)".
func titleYears(title string, w wordMask) (lo, hi, most int, ok bool) {
	if !hasDigit(title) || titleTerm.MatchString(title) {
		return 0, 0, 0, false
	}
	w.or(maskExperience)
	if lo, hi, most, ok = yearsOfLine(title, w); ok {
		return lo, hi, most, ok
	}
	for _, re := range [...]*regexp.Regexp{enTitleYears, koTitleYears} {
		if m := re.FindStringSubmatch(title); m != nil {
			if n := atoiWord(m[1]); n > 0 && n < maxYearsAsked {
				return n, 0, n, true
			}
		}
	}
	return 0, 0, 0, false
}

// koTitleYears is a Korean title's open range or rough years, which a
// text's line would give with 경력 beside them: "C/C++개발자(2년~)",
// "시니어(7년내외) 백엔드 개발자".
var koTitleYears = regexp.MustCompile(`(\d{1,2})\s*년\s*(?:~\s*(?:[)\]/,]|$)|내외)`)

// titleTerm names a fixed term, whose length a title may give in years;
// "intern" as a word, not in "International".
var titleTerm = regexp.MustCompile(`(?i)계약|인턴|\b(?:contract|contractor|intern|internship|temp|temporary)\b`)

// enTitleYears is an English title ending in its years: "… Python 9
// Years", "Data Engineer 5+ yrs".
var enTitleYears = regexp.MustCompile(`(?i)\b(\d{1,2})\s*\+?\s*(?:years?|yrs)\.?\s*\)?\s*$`)

// salaryInLines is ParseSalary of the extra lines and the text after them,
// trying only the text's lines with a pay word or a currency, which
// salaryFromLine needs.
func salaryInLines(extra []string, text *lineWords) Salary {
	for _, e := range extra {
		if s := ParseSalary(e); s.Text != "" {
			return s
		}
	}
	for i, m := range text.masks {
		if !m.any(maskSalary) {
			continue
		}
		if s, ok := salaryFromLine(text.line(i)); ok {
			return s
		}
	}
	return Salary{}
}

// kindWords are the phrases that name one kind of employment or remote
// mode.
type kindWords struct {
	kind  string
	words []string
}

// Employment types and remote modes in order of precedence: the first
// kind with a phrase in the text wins.
var (
	employmentWords = []kindWords{
		{"full_time", []string{"정규직", "full-time", "full time", "permanent"}},
		{"contract", []string{"계약직", "contract", "b2b", "freelance", "프리랜서"}},
		{"intern", []string{"인턴", "internship", "intern "}},
		{"part_time", []string{"part-time", "part time", "파트타임"}},
	}
	remoteWords = []kindWords{
		{"hybrid", []string{"hybrid", "하이브리드", "부분 재택", "주 2회 재택", "주2회 재택"}},
		{"remote", []string{"fully remote", "100% remote", "remote-first", "remote first", "전면 재택", "풀재택", "완전 원격", "원격 근무", "remote"}},
		{"hybrid", []string{"재택"}},
		{"onsite", []string{"on-site", "onsite", "in-office", "상주"}},
	}
)

// employmentType reads an employment type from text ("FULL_TIME",
// "정규직", "B2B contract").
func employmentType(text string) string { return employmentOf(reqWords.scan(text)) }

func employmentOf(w wordMask) string { return firstKind(employmentWords, maskEmployment, w) }

func remoteOf(w wordMask) string { return firstKind(remoteWords, maskRemote, w) }

// firstKind is the first kind whose phrases (masks[i] for kinds[i]) are in
// w, or "".
func firstKind(kinds []kindWords, masks []wordMask, w wordMask) string {
	for i, k := range kinds {
		if w.any(masks[i]) {
			return k.kind
		}
	}
	return ""
}

var (
	krwRange  = regexp.MustCompile(`(?:연봉|급여|월급|월|annual|salary)?\s*(\d{1,3}(?:,\d{3})*|\d+)\s*(만\s*원|만|원|억)?\s*[~\-–〜]\s*(\d{1,3}(?:,\d{3})*|\d+)\s*(만\s*원|만원|만|억|원)`)
	krwSingle = regexp.MustCompile(`(연봉|월급|월)\s*[:：]?\s*(\d{1,3}(?:,\d{3})*|\d+)\s*(만\s*원|만원|만|억|원)`)
	fxRange   = regexp.MustCompile(`(?i)(\$|€|£|usd|eur|pln|gbp|zł)?\s*(\d{1,3}(?:[,\s]\d{3})*(?:\.\d+)?|\d+(?:\.\d+)?)\s*(k)?\s*(usd|eur|pln|gbp|zł)?\s*(?:-|–|to)\s*(\$|€|£|usd|eur|pln|gbp|zł)?\s*(\d{1,3}(?:[,\s]\d{3})*(?:\.\d+)?|\d+(?:\.\d+)?)\s*(k)?\s*(usd|eur|pln|gbp|zł)?\s*(?:/|per|an|a)?\s*(hour|hr|month|mo|year|yr|annum|week|day)?`)
)

// fxSeparator reports whether an fxRange match can have the separator of n
// bytes at i as its own: what the expression allows next to a separator,
// past white space, is a number or a currency on either side and a "k"
// before it. One byte on each side decides: before it, a digit; "k" or
// "K", or the last byte of the Kelvin sign, which (?i) folds to "k"; the
// last letter of usd, eur, pln or gbp, or of "ł" or "Ł"; after it, a
// digit or the first byte of "$", "€", "£", usd, eur, pln, gbp or zł. Most
// hyphens and "to"s of a description ("tools", "e-mail") fail.
func fxSeparator(line string, i, n int) bool {
	b := i
	for b > 0 && isSpaceASCII(line[b-1]) {
		b--
	}
	if b == 0 || !('0' <= line[b-1] && line[b-1] <= '9' || strings.IndexByte("kKdDrRnNpP\xaa\x81\x82", line[b-1]) >= 0) {
		return false
	}
	j := skipRegexpSpace(line, i+n)
	return j < len(line) && ('0' <= line[j] && line[j] <= '9' || strings.IndexByte("$\xe2\xc2uUeEpPgGzZ", line[j]) >= 0)
}

// ParseSalary finds a pay range in text and normalises it to a year: KRW
// "연봉 4,000~6,000만원", "월 300만원"; "$120,000 - $150,000 a year",
// "$50-60/hour", "15 000 - 20 000 PLN/month". "회사내규에 따름" and other
// unstated pay give a zero Salary.
func ParseSalary(text string) Salary {
	for text != "" {
		line := text
		if i := strings.IndexByte(text, '\n'); i >= 0 {
			line, text = text[:i], text[i+1:]
		} else {
			text = ""
		}
		if s, ok := salaryFromLine(line); ok {
			return s
		}
	}
	return Salary{}
}

// payWords name pay on a line in Korean units ("연봉 4,000만원");
// currencyWords mark a pay range in other currencies. A line without
// either holds no salary.
var (
	payWords      = []string{"연봉", "급여", "월급", "보수", "임금", "처우", "salary", "pay", "compensation", "연 "}
	currencyWords = []string{"$", "€", "£", "usd", "eur", "pln", "zł", "gbp"}
)

// allowanceWords mark an amount on a Korean line as an allowance or a perk, not
// pay: "식비 월 30만원 급여 외 별도 지급", "연 120만원의 자기계발비", "연봉에
// 포함되지 않는 월 20만원 가량의 식대". On such a line only an amount right
// after "연봉" or "월급" is pay ("연봉 4,000만원, 식대 별도").
var allowanceWords = []string{"식대", "식비", "자기계발", "육아", "수당", "포인트", "지원금", "복지", "교육비", "도서", "휴가비", "경조",
	"통신비", "교통비", "학자금", "의료비", "보험", "주거", "성과급", "인센티브", "보너스", "상여", "포함되지 않", "급여 외", "급여와는 별도",
	"급여와 별도", "연봉 외", "연봉과 별도", "연봉과는 별도"}

// krwMatch is re.FindStringSubmatch(line) for a KRW pay pattern, or nil
// when the line names an allowance (perk) and the match is not pay itself.
func krwMatch(re *regexp.Regexp, line string, perk bool) []string {
	m := re.FindStringSubmatchIndex(line)
	if m == nil || perk && !paidAt(line, m[0], m[1]) {
		return nil
	}
	return submatches(line, m)
}

// paidAt reports whether the amount line[start:end], on a line that names
// an allowance, is pay itself: "연봉" or "월급" starts it or stands at most
// payWordGap bytes before it ("연봉은 3,800~4,600만원", "연봉 4,000만원, 식대
// 별도"), not further off ("연봉에 포함되지 않는 월 20만원 가량의 식대").
func paidAt(line string, start, end int) bool {
	s := line[max(0, start-payWordGap):end]
	return strings.Contains(s, "연봉") || strings.Contains(s, "월급")
}

// payWordGap is how far before a pay amount its "연봉" may stand.
const payWordGap = 12

// monthWindow is how far after a pay range its period may stand;
// plnYearFloor is a yearly PLN pay no full-time job falls below (twelve
// months of the minimum wage come to more), so a PLN range below it
// without a period is monthly pay.
const (
	monthWindow  = 40
	plnYearFloor = 60000
)

// amountSeparators are dropped from a pay amount: "5,000", "5 000".
var amountSeparators = strings.NewReplacer(",", "", " ", "")

func parseAmount(s string) float64 {
	s = amountSeparators.Replace(s)
	f, _ := strconv.ParseFloat(s, 64)
	return f
}

func salaryFromLine(line string) (Salary, bool) {
	if !hasDigit(line) {
		return Salary{}, false
	}
	low := asciiLower(line)
	// The line has digits (checked above), so "협의" alone does not end it.
	if strings.Contains(low, "내규") {
		return Salary{}, false
	}
	korean := strings.Contains(line, "만") || strings.Contains(line, "원") || strings.Contains(line, "억")
	payWord := false
	for _, w := range payWords {
		if strings.Contains(low, w) {
			payWord = true
			break
		}
	}
	if korean && payWord {
		unit := func(u string) float64 {
			switch strings.ReplaceAll(u, " ", "") {
			case "만원", "만":
				return 1e4
			case "억":
				return 1e8
			}
			return 1
		}
		monthly := (strings.Contains(line, "월급") || strings.Contains(line, "월 ") || strings.Contains(line, "월:")) && !strings.Contains(line, "연봉")
		perk := slices.ContainsFunc(allowanceWords, func(w string) bool { return strings.Contains(line, w) })
		if m := krwMatch(krwRange, line, perk); m != nil {
			u2 := unit(m[4])
			u1 := u2
			if m[2] != "" {
				u1 = unit(m[2])
			}
			lo, hi := parseAmount(m[1])*u1, parseAmount(m[3])*u2
			if monthly {
				lo, hi = lo*12, hi*12
			}
			if lo > 1e6 && hi >= lo {
				period := "year"
				if monthly {
					period = "month"
				}
				return Salary{Min: lo, Max: hi, Currency: "KRW", Period: period, Text: snippet(line, 120)}, true
			}
		}
		if m := krwMatch(krwSingle, line, perk); m != nil {
			v := parseAmount(m[2]) * unit(m[3])
			period := "year"
			if m[1] != "연봉" {
				v *= 12
				period = "month"
			}
			if v > 1e6 {
				return Salary{Min: v, Max: v, Currency: "KRW", Period: period, Text: snippet(line, 120)}, true
			}
		}
		return Salary{}, false
	}
	if !slices.ContainsFunc(currencyWords, func(w string) bool { return strings.Contains(low, w) }) {
		return Salary{}, false
	}
	m, end := findFirstNear(fxRange, line, low, 64, fxSeparator)
	if m == nil {
		return Salary{}, false
	}
	cur := currencyOf(m[1] + m[4] + m[5] + m[8])
	if cur == "" {
		return Salary{}, false
	}
	lo, hi := parseAmount(m[2]), parseAmount(m[6])
	if m[3] != "" || (m[7] != "" && lo < 1000) {
		lo *= 1000
	}
	if m[7] != "" {
		hi *= 1000
	}
	if hi < lo || lo <= 0 {
		return Salary{}, false
	}
	period := "year"
	mult := 1.0
	switch m[9] {
	case "hour", "hr":
		period, mult = "hour", 2080
	case "month", "mo":
		period, mult = "month", 12
	case "week":
		period, mult = "week", 52
	case "day":
		period, mult = "day", 260
	default:
		// A period word shortly after the range: "15 000 - 20 000 PLN
		// (gross) per month". Further on it belongs to other text: a
		// description that is one line of kilobytes says "monthly" about
		// anything.
		switch after := low[end:min(len(low), end+monthWindow)]; {
		case strings.Contains(after, "per month") || strings.Contains(after, "/month") || strings.Contains(after, "monthly") ||
			strings.Contains(after, "a month") || strings.Contains(after, "/mo"):
			period, mult = "month", 12
		case hi < 500:
			period, mult = "hour", 2080
		case cur == "PLN" && hi < plnYearFloor:
			// Polish pay is quoted a month: "MID 12 800PLN - 17 600PLN
			// in gross terms". A year's pay is well above this.
			period, mult = "month", 12
		}
	}
	return Salary{Min: math.Round(lo * mult), Max: math.Round(hi * mult), Currency: cur, Period: period, Text: snippet(line, 120)}, true
}

func currencyOf(s string) string {
	s = strings.ToLower(s)
	switch {
	case strings.Contains(s, "$") || strings.Contains(s, "usd"):
		return "USD"
	case strings.Contains(s, "€") || strings.Contains(s, "eur"):
		return "EUR"
	case strings.Contains(s, "£") || strings.Contains(s, "gbp"):
		return "GBP"
	case strings.Contains(s, "pln") || strings.Contains(s, "zł"):
		return "PLN"
	}
	return ""
}

// snippet shortens s to at most n runes, on a word boundary when it can.
func snippet(s string, n int) string {
	s = strings.TrimSpace(s)
	cut, more := hangul.PrefixText(s, n)
	if !more {
		return s
	}
	if i := strings.LastIndexByte(cut, ' '); i > len(cut)/2 {
		cut = cut[:i]
	}
	return cut + "…"
}
