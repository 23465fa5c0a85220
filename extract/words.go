package extract

import (
	"unsafe"

	"github.com/jobstack/jobstack/internal/aho"
)

// phraseSet answers "which of these phrases does this line contain?" for a
// fixed list of lower-case phrases, with one automaton pass instead of one
// strings.Contains per phrase. ASCII case is folded in the walk, so lines
// need not be lowered first. It holds up to 256 phrases.
type phraseSet struct {
	ac    *aho.Automaton
	words []string
	id    map[string]int
}

// wordMask is a set of a phraseSet's phrases.
type wordMask [4]uint64

func (m *wordMask) set(i int)          { m[i>>6] |= 1 << (i & 63) }
func (m wordMask) has(i int) bool      { return m[i>>6]&(1<<(i&63)) != 0 }
func (m wordMask) any(o wordMask) bool { return m[0]&o[0]|m[1]&o[1]|m[2]&o[2]|m[3]&o[3] != 0 }

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
	if len(s.words) > 256 {
		panic("phraseSet: more than 256 phrases")
	}
	s.ac = aho.Build(s.words, true)
	return s
}

// scan returns the phrases text contains.
func (s *phraseSet) scan(text string) wordMask {
	var m wordMask
	s.ac.Walk(text, func(_, _, p int) bool {
		m.set(p)
		return true
	})
	return m
}

// mask is the set of the given phrases, which must be in the set.
func (s *phraseSet) mask(words ...string) wordMask {
	var m wordMask
	for _, w := range words {
		i, ok := s.id[w]
		if !ok {
			panic("phraseSet: unknown phrase " + w)
		}
		m.set(i)
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
	preferredCueWords = []string{"우대", "is a plus", "a plus", "nice to have", "nice-to-have", "preferred", "bonus", "desirable", "있으면 좋", "가산점", "advantage", "ideally"}
	requiredCueWords  = []string{"필수", "required", "must have", "must be", "반드시"}
)

// reqWords holds every phrase the requirement and cue rules look for, so
// one pass over a line answers all of them.
var reqWords = func() *phraseSet {
	lists := [][]string{experienceWords, perkWords, yearsCueWords, noYearsWords, {"year", "학력", "무관", "제한 없", "제한없"},
		degreeHintWords, degreePairWords, genericDegree, flexibleWords, preferredCueWords, requiredCueWords}
	for _, d := range degreeWords {
		lists = append(lists, []string{d.word})
	}
	for _, e := range employmentWords {
		lists = append(lists, e.words)
	}
	for _, e := range remoteWords {
		lists = append(lists, e.words)
	}
	return newPhraseSet(lists...)
}()

var (
	maskExperience    = reqWords.mask(experienceWords...)
	maskPerk          = reqWords.mask(perkWords...)
	maskYearsCue      = reqWords.mask(yearsCueWords...)
	maskNoYears       = reqWords.mask(noYearsWords...)
	maskDegreeHint    = reqWords.mask(degreeHintWords...)
	maskDegreePair    = reqWords.mask(degreePairWords...)
	maskGenericDegree = reqWords.mask(genericDegree...)
	maskFlexible      = reqWords.mask(flexibleWords...)
	maskNoLimit       = reqWords.mask("무관", "제한 없", "제한없")
	maskPreferredCue  = reqWords.mask(preferredCueWords...)
	maskRequiredCue   = reqWords.mask(requiredCueWords...)
	wordYear          = reqWords.of("year")
	wordSchooling     = reqWords.of("학력")
	degreeWordIDs     = func() []int {
		ids := make([]int, len(degreeWords))
		for i, d := range degreeWords {
			ids[i] = reqWords.of(d.word)
		}
		return ids
	}()
	maskEmployment = func() []wordMask {
		m := make([]wordMask, len(employmentWords))
		for i, e := range employmentWords {
			m[i] = reqWords.mask(e.words...)
		}
		return m
	}()
	maskRemote = func() []wordMask {
		m := make([]wordMask, len(remoteWords))
		for i, e := range remoteWords {
			m[i] = reqWords.mask(e.words...)
		}
		return m
	}()
)

// cueOf is LineCue on a line's phrases.
func cueOf(w wordMask) (Requirement, bool) {
	pref, req := w.any(maskPreferredCue), w.any(maskRequiredCue)
	switch {
	case pref && !req:
		return RequirementPreferred, true
	case req && !pref:
		return RequirementRequired, true
	}
	return 0, false
}

func hasDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if '0' <= s[i] && s[i] <= '9' {
			return true
		}
	}
	return false
}

// unsafeString views b as a string for a scan that does not keep it; b
// must not change while the string is in use.
func unsafeString(b []byte) string { return unsafe.String(unsafe.SliceData(b), len(b)) }
