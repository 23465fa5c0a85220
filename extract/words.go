package extract

import (
	"regexp"
	"slices"
	"strings"
	"unsafe"

	"github.com/jobstack/jobstack/internal/aho"
)

// phraseSet answers "which of these phrases does this line contain?" for a
// fixed list of lower-case phrases, with one automaton pass instead of one
// strings.Contains per phrase. ASCII case is folded in the walk, so lines
// need not be lowered first. It holds up to 320 phrases.
type phraseSet struct {
	ac    *aho.Automaton
	words []string
	id    map[string]int
	// wordStart marks the phrases that must start a word (see
	// startsWord); nil when none must.
	wordStart []bool
	// blocker marks the phrases that only hide the phrases starting
	// inside them ("scrum masters" is no master's degree); nil when
	// none do.
	blocker []bool
	// notBefore lists, by phrase, what may not follow it: "PhDs" are
	// people, "학사 시스템" the academic-affairs system. A blocker
	// cannot say that, as the automaton reports the shorter phrase
	// first. Nil when no phrase has any.
	notBefore [][]string
}

// walk calls fn for every phrase of the set in text that counts there: a
// phrase that must start a word does (see startsWord), it starts outside
// the last blocker found, and nothing it may not precede follows it (see
// notBefore). The automaton reports matches by their end, so a blocker
// comes before the phrases that end after it and start inside it.
func (s *phraseSet) walk(text string, fn func(start, end, p int)) {
	blockStart, blockEnd := 0, 0
	s.ac.Walk(text, func(start, end, p int) bool {
		switch {
		case s.blocker != nil && s.blocker[p]:
			blockStart, blockEnd = start, end
		case blockStart <= start && start < blockEnd:
		case s.wordStart != nil && s.wordStart[p] && !startsWord(text, start):
		case s.notBefore != nil && followedBy(text[end:], s.notBefore[p]):
		default:
			fn(start, end, p)
		}
		return true
	})
}

// followedBy reports whether rest, after its spaces, starts with one of
// the given continuations, in any case. A continuation ending in a space
// matches where its other part ends rest or is followed by anything but
// a letter: "s " matches "s", "S," and "s." but not "science".
func followedBy(rest string, conts []string) bool {
	rest = strings.TrimLeft(rest, " ")
	for _, c := range conts {
		word, wordEnd := strings.CutSuffix(c, " ")
		if len(rest) < len(word) || !strings.EqualFold(rest[:len(word)], word) {
			continue
		}
		if !wordEnd || len(rest) == len(word) || !isLetterASCII(rest[len(word)]) {
			return true
		}
	}
	return false
}

// notBeforeWords makes the given phrases, which must be in the set, not count
// where one of the continuations follows (see followedBy).
func (s *phraseSet) notBeforeWords(conts []string, words ...string) {
	if s.notBefore == nil {
		s.notBefore = make([][]string, len(s.words))
	}
	for _, w := range words {
		s.notBefore[s.of(w)] = conts
	}
}

// wordMask is a set of a phraseSet's phrases.
type wordMask [5]uint64

func (m *wordMask) set(i int)     { m[i>>6] |= 1 << (i & 63) }
func (m wordMask) has(i int) bool { return m[i>>6]&(1<<(i&63)) != 0 }
func (m wordMask) any(o wordMask) bool {
	return m[0]&o[0]|m[1]&o[1]|m[2]&o[2]|m[3]&o[3]|m[4]&o[4] != 0
}
func (m *wordMask) or(o wordMask) {
	for i := range m {
		m[i] |= o[i]
	}
}

func newPhraseSet(lists ...[]string) *phraseSet {
	s := &phraseSet{id: map[string]int{}}
	for _, l := range lists {
		for _, w := range l {
			if _, ok := s.id[w]; !ok {
				s.id[w] = len(s.words)
				s.words = append(s.words, w)
			}
		}
	}
	if len(s.words) > 64*len(wordMask{}) {
		panic("phraseSet: more phrases than a wordMask holds")
	}
	s.ac = aho.Build(s.words, true)
	return s
}

// startWords makes the given phrases, which must be in the set, count only
// where they start a word (see startsWord).
func (s *phraseSet) startWords(words ...string) {
	if s.wordStart == nil {
		s.wordStart = make([]bool, len(s.words))
	}
	for _, w := range words {
		s.wordStart[s.of(w)] = true
	}
}

// startsWord reports whether the ASCII letter at text[i] starts a word:
// nothing before it is a letter, or it is a capital where a flattened page
// glued words together: after a lower-case letter ("RequirementsBS in")
// or before one ("Doctorate degreeORMaster's degree"). "ms in" does not
// start a word in "problems in", nor "bs in" in "jobs in", nor "ms/" in
// "RDBMS/NoSQL".
func startsWord(text string, i int) bool {
	if i == 0 || !isLetterASCII(text[i]) || !isLetterASCII(text[i-1]) {
		return true
	}
	if !isUpperASCII(text[i]) {
		return false
	}
	return !isUpperASCII(text[i-1]) || i+1 < len(text) && isLowerASCII(text[i+1])
}

// scan returns the phrases text contains.
func (s *phraseSet) scan(text string) wordMask {
	var m wordMask
	s.walk(text, func(_, _, p int) { m.set(p) })
	return m
}

// mask is the set of the given phrases, which must be in the set.
func (s *phraseSet) mask(words ...string) wordMask {
	var m wordMask
	for _, w := range words {
		m.set(s.of(w))
	}
	return m
}

// of returns one phrase's index.
func (s *phraseSet) of(w string) int {
	i, ok := s.id[w]
	if !ok {
		panic("phraseSet: unknown phrase " + w)
	}
	return i
}

// Requirement cue phrases: a preferred cue and a required cue.
var (
	preferredCueWords = []string{"우대", "is a plus", "a plus", "nice to have", "nice-to-have", "preferred", "bonus", "desirable", "있으면 좋", "가산점", "advantage", "ideally",
		"is desired", "are desired", "highly desired", "strongly desired", "an asset", "strong asset",
		"big plus", "huge plus", "definite plus", "strong plus", "great plus", "added plus",
		// "Recommended" as a predicate ("Python is recommended", "3+ years
		// experience recommended"), not as an adjective ("recommended
		// actions", "EDM recommended techniques").
		"is recommended", "are recommended", "highly recommended", "strongly recommended", "experience recommended",
		"knowledge recommended", "recommended but",
		// The same for "beneficial" and "helpful" ("is beneficial", "would
		// be helpful"; not "mutually beneficial results").
		"good to have", "is beneficial", "are beneficial", "be beneficial", "also beneficial", "is helpful",
		"are helpful", "be helpful", "would be nice"}
	requiredCueWords = append([]string{"required", "is a must", "are a must", "mandatory"}, firmRequiredWords...)
	// firmRequiredWords are the required cues that nothing takes back.
	firmRequiredWords = []string{"필수", "must have", "must be", "반드시"}
	// notRequiredWords take a required cue back: "desirable but not
	// mandatory", "a degree is not required" (see cueMasks).
	notRequiredWords = []string{"not mandatory", "not required", "not a must"}
	// forwardPreferredWords are preferred cues for what follows them in
	// their sentence only: in "SQL, preferably in Postgres or MySQL" SQL
	// stays as its section has it (see preferredAfter).
	// "ideally" is one too, and stays in preferredCueWords for the
	// rules that read a whole line (a degree, a maturity signal); where
	// it ends its sentence ("Kafka experience, ideally.", "(ideally)") it
	// speaks of what came before (see lineWidePreferred).
	forwardPreferredWords = []string{"preferably", "ideally"}
	// noLimitWords say a field sets no limit: "학력 무관", "나이 제한 없음".
	noLimitWords = []string{"무관", "제한 없", "제한없"}
)

// reqWords holds every phrase the requirement and cue rules look for, so
// one pass over a line answers all of them.
var reqWords = func() *phraseSet {
	lists := [][]string{experienceWords, perkWords, yearsCueWords, noYearsWords, newcomersRefusedWords, gradWords, notDegreeWords, {"year", "학력"}, noLimitWords,
		degreeHintWords, degreePairWords, genericDegree, flexibleWords, preferredCueWords, requiredCueWords, notRequiredWords, forwardPreferredWords, payWords, currencyWords}
	lists = append(lists, degreeWordNames)
	for _, e := range employmentWords {
		lists = append(lists, e.words)
	}
	for _, e := range remoteWords {
		lists = append(lists, e.words)
	}
	s := newPhraseSet(lists...)
	// A degree's name starts a word: "ms in" is not in "problems in",
	// nor "bs in" in "jobs in", nor "graduate degree" in "undergraduate
	// degree". Other phrases stay substrings on purpose ("xperience" in
	// a glued "5+ yearsexperience").
	for _, l := range [][]string{degreeHintWords, degreePairWords, genericDegree, degreeWordNames} {
		s.startWords(l...)
	}
	s.blocker = make([]bool, len(s.words))
	for _, w := range notDegreeWords {
		s.blocker[s.of(w)] = true
	}
	// "a team of PhDs", "data scientists and Ph.Ds": people, not a
	// degree asked.
	s.notBeforeWords([]string{"s ", ".s "}, "phd", "ph.d", "ph. d")
	// 학사 is also the school's academic affairs: "학사 시스템 연동 개발".
	s.notBeforeWords([]string{"시스템", "행정", "관리", "일정", "업무"}, "학사")
	// "MSCS Cluster" is Microsoft's failover clustering, not an MSc.
	s.notBeforeWords([]string{"s cluster"}, "msc")
	return s
}()

var (
	maskExperience       = reqWords.mask(experienceWords...)
	maskPerk             = reqWords.mask(perkWords...)
	maskYearsCue         = reqWords.mask(yearsCueWords...)
	maskNoYears          = reqWords.mask(noYearsWords...)
	maskNewcomersRefused = reqWords.mask(newcomersRefusedWords...)
	maskGrad             = reqWords.mask(gradWords...)
	maskDegreeWord       = reqWords.mask(degreeWordNames...)
	maskDegreeHint       = reqWords.mask(append(slices.Clone(degreeHintWords), degreeWordNames...)...)
	maskDegreePair       = reqWords.mask(degreePairWords...)
	maskSchoolDegree     = reqWords.mask(schoolDegreeWords...)
	maskGenericDegree    = reqWords.mask(genericDegree...)
	maskFlexible         = reqWords.mask(flexibleWords...)
	maskNoLimit          = reqWords.mask(noLimitWords...)
	maskPreferredCue     = reqWords.mask(preferredCueWords...)
	maskRequiredCue      = reqWords.mask(requiredCueWords...)
	maskNotRequired      = reqWords.mask(notRequiredWords...)
	maskFirmRequired     = reqWords.mask(firmRequiredWords...)
	maskForwardPref      = reqWords.mask(forwardPreferredWords...)
	maskIdeally          = reqWords.mask("ideally")
	// maskLinePreferred is every preferred cue that speaks of its whole
	// line or clause, whatever follows it.
	maskLinePreferred = reqWords.mask(slices.DeleteFunc(slices.Clone(preferredCueWords),
		func(w string) bool { return w == "ideally" })...)
	maskSalary    = reqWords.mask(append(payWords[:len(payWords):len(payWords)], currencyWords...)...)
	wordYear      = reqWords.of("year")
	wordSchooling = reqWords.of("학력")
	degreeWordIDs = func() []int {
		ids := make([]int, len(degreeWords))
		for i, d := range degreeWords {
			ids[i] = reqWords.of(d.word)
		}
		return ids
	}()
	maskEmployment = kindMasks(employmentWords)
	maskRemote     = kindMasks(remoteWords)
)

// degreeWordNames is the words of degreeWords.
var degreeWordNames = func() []string {
	l := make([]string, len(degreeWords))
	for i, d := range degreeWords {
		l[i] = d.word
	}
	return l
}()

// kindMasks is each kind's phrases as a mask of reqWords.
func kindMasks(kinds []kindWords) []wordMask {
	m := make([]wordMask, len(kinds))
	for i, k := range kinds {
		m[i] = reqWords.mask(k.words...)
	}
	return m
}

// lineWords is reqWords.scan of every line of a text, found in one walk
// over the text: no phrase holds a newline, so every match is within a
// line.
type lineWords struct {
	text   string
	starts []int // where each line starts
	masks  []wordMask
}

func scanLines(text string) *lineWords {
	lw := &lineWords{text: text, starts: make([]int, 1, 64)}
	for i := 0; ; {
		j := strings.IndexByte(text[i:], '\n')
		if j < 0 {
			break
		}
		i += j + 1
		lw.starts = append(lw.starts, i)
	}
	lw.masks = make([]wordMask, len(lw.starts))
	cur := 0
	reqWords.walk(text, func(start, _, p int) {
		for cur+1 < len(lw.starts) && lw.starts[cur+1] <= start {
			cur++
		}
		lw.masks[cur].set(p)
	})
	return lw
}

// line returns line i without its newline.
func (lw *lineWords) line(i int) string {
	if i+1 < len(lw.starts) {
		return lw.text[lw.starts[i] : lw.starts[i+1]-1]
	}
	return lw.text[lw.starts[i]:]
}

// words is reqWords.scan(line) for line = text[off:off+len(line)]: a
// whole line's phrases are looked up, any other part is scanned. at is
// the caller's cursor into the lines: callers that go through the text
// in order find each line a step or two past the last one.
func (lw *lineWords) words(at *int, off int, line string) wordMask {
	if line == "" {
		return wordMask{}
	}
	i, ok := -1, false
	for j := *at; j < min(*at+3, len(lw.starts)); j++ {
		if lw.starts[j] == off {
			i, ok = j, true
			break
		}
	}
	if !ok {
		i, ok = slices.BinarySearch(lw.starts, off)
	}
	if ok {
		*at = i
		if lw.line(i) == line {
			return lw.masks[i]
		}
	}
	return reqWords.scan(line)
}

// all is reqWords.scan of the whole text.
func (lw *lineWords) all() wordMask {
	var w wordMask
	for _, m := range lw.masks {
		w.or(m)
	}
	return w
}

// cueOf is LineCue on a line's phrases.
func cueOf(w wordMask, text string) (Requirement, bool) { return cueFrom(cueMasks(w, text)) }

// cueFrom is the cue of text that holds a preferred cue, a required one,
// or both: none where it holds both.
func cueFrom(pref, req bool) (Requirement, bool) {
	switch {
	case pref && !req:
		return RequirementPreferred, true
	case req && !pref:
		return RequirementRequired, true
	}
	return 0, false
}

// cueMasks reports whether text, whose phrases are w, holds a preferred cue
// and a required one. A required cue taken back ("a plus but not
// required", "desirable but not mandatory") is a preferred cue, and the
// text keeps a required cue only when another one stands untaken:
// "Python is required; R is not required" holds both.
func cueMasks(w wordMask, text string) (pref, req bool) {
	pref, req = w.any(maskPreferredCue), w.any(maskRequiredCue)
	if !w.any(maskNotRequired) {
		return pref, req
	}
	// On a long flattened line the taken-back cue may belong to a
	// glued heading ("…Python or R.Nice To Have Skills/Not Required…"):
	// there it only takes the required cue back.
	pref = pref || len(text) < longCueLine
	if w.any(maskFirmRequired) {
		return pref, true
	}
	low := asciiLower(text)
	untaken := strings.Count(low, "required") - strings.Count(low, "not required") +
		strings.Count(low, "mandatory") - strings.Count(low, "not mandatory") +
		strings.Count(low, "is a must") + strings.Count(low, "are a must")
	return pref, untaken > 0
}

// asciiOnes and asciiHighs are the low and the high bit of each byte of a
// word, for the scans that test eight bytes at once.
const asciiOnes, asciiHighs = 0x0101010101010101, 0x8080808080808080

func hasDigit(s string) bool {
	// Eight bytes at a time: x^'0' turns exactly the bytes '0'..'9' into
	// bytes below 10, and (x - 0x0a…) &^ x & 0x80… is nonzero when a
	// byte of x is below 10 (a borrow starts only at such a byte). Every
	// line of a posting is checked twice, for years and for pay.
	i := 0
	for ; i+8 <= len(s); i += 8 {
		x := load64(s, i) ^ ('0' * asciiOnes)
		if (x-10*asciiOnes)&^x&asciiHighs != 0 {
			return true
		}
	}
	for ; i < len(s); i++ {
		if '0' <= s[i] && s[i] <= '9' {
			return true
		}
	}
	return false
}

// unsafeString views b as a string without copying it: for a scan that
// does not keep the string, or for a buffer that is not written again. b
// must not change while the string is in use.
func unsafeString(b []byte) string { return unsafe.String(unsafe.SliceData(b), len(b)) }

// findAllNear is re.FindAllStringSubmatchIndex(line, -1) for a pattern
// whose every match contains anchor (in lower case) and spans at most
// before bytes ahead of it and after bytes from its start: it runs re only
// on windows around each occurrence of anchor, widened to white space so
// that no token is cut, instead of over the whole line. English postings
// keep whole descriptions on one line, where the full-line scan of an
// NFA regexp dominated the run time.
//
// narrow, when not nil, moves a window's start from lo towards the
// anchor at i: the regexp then reads fewer bytes. It must not return a
// position after the start of any match that holds the anchor, and the
// position it returns must be lo or follow white space.
func findAllNear(re *regexp.Regexp, line, low, anchor string, before, after int, narrow func(low string, lo, i int) int) [][]int {
	var out [][]int
	done := 0 // matches end here or before
	for from := 0; ; {
		i := strings.Index(low[from:], anchor)
		if i < 0 {
			return out
		}
		i += from
		from = i + len(anchor)
		if i < done {
			continue // inside the last match
		}
		lo := max(done, i-before)
		for lo > done && !isSpaceByte(line[lo-1]) {
			lo--
		}
		hi := min(len(line), i+after)
		for hi < len(line) && !isSpaceByte(line[hi]) {
			hi++
		}
		if narrow != nil {
			lo = narrow(low, lo, i)
		}
		for _, m := range re.FindAllStringSubmatchIndex(line[lo:hi], -1) {
			for k := range m {
				if m[k] >= 0 {
					m[k] += lo
				}
			}
			if m[0] < done || m[0] > i || m[1] < i+len(anchor) {
				continue // another anchor's match
			}
			out = append(out, m)
			done = m[1]
		}
	}
}

func isSpaceByte(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// findFirstNear is re.FindStringSubmatch(line) for a pattern whose every
// match contains one of the range separators "-", "–" or "to", with at
// most span bytes on either side: it runs re on a window around each
// separator in turn, widened to white space, and returns the first match
// that holds its separator, and where in line the match ends.
//
// meets, when not nil, tells whether a match can have the separator of n
// bytes at i as its own: a separator it rejects costs no regexp.
func findFirstNear(re *regexp.Regexp, line, low string, span int, meets func(line string, i, n int) bool) ([]string, int) {
	for i := 0; i < len(line); i++ {
		n := 0
		switch {
		case line[i] == '-':
			n = 1
		case strings.HasPrefix(line[i:], "–"):
			n = len("–")
		case low[i] == 't' && i+1 < len(low) && low[i+1] == 'o':
			n = 2
		default:
			continue
		}
		if meets != nil && !meets(line, i, n) {
			continue
		}
		lo := max(0, i-span)
		for lo > 0 && !isSpaceByte(line[lo-1]) {
			lo--
		}
		hi := min(len(line), i+n+span)
		for hi < len(line) && !isSpaceByte(line[hi]) {
			hi++
		}
		if !hasDigit(line[lo:i]) || !hasDigit(line[i+n:hi]) {
			continue // a range has a number on either side
		}
		if m := re.FindStringSubmatchIndex(line[lo:hi]); m != nil && lo+m[0] <= i && lo+m[1] >= i+n {
			return submatches(line[lo:hi], m), lo + m[1]
		}
	}
	return nil, -1
}

// submatches turns the indexes of a FindStringSubmatchIndex match on s
// into what FindStringSubmatch returns.
func submatches(s string, m []int) []string {
	out := make([]string, len(m)/2)
	for k := range out {
		if m[2*k] >= 0 {
			out[k] = s[m[2*k]:m[2*k+1]]
		}
	}
	return out
}
