package extract

import (
	"math/bits"
	"unicode/utf8"

	"github.com/jobstack/jobstack/internal/hangul"
)

// englishFunctionWords are common in English prose and rare as technology
// names, so they tell English sentences from English terms in Korean text.
var englishFunctionWords = map[string]bool{
	"the": true, "and": true, "you": true, "with": true, "we": true, "to": true, "of": true,
	"for": true, "our": true, "are": true, "is": true, "in": true, "will": true, "a": true,
	"an": true, "your": true, "have": true, "be": true, "on": true, "as": true, "or": true,
	"that": true, "this": true, "who": true, "what": true, "experience": true, "team": true,
}

// DetectLanguage returns "ko", "en" or "mixed" from the script mix of the
// lines: Korean text that names technologies in English is still "ko"; it is
// "mixed" when it also has English lines: English headings ("What you'll
// do") or sentences (Latin lines with English function words).
func DetectLanguage(text string) string {
	var sc scriptCount
	sc.lines(text)
	return sc.language()
}

// detectLanguage is DetectLanguage(title+"\n"+text), and it counts the
// text's runes on the way: the count costs one addition per rune of a
// walk that decodes every rune anyway.
func detectLanguage(title, text string) (lang string, runes int) {
	var sc scriptCount
	sc.lines(title)
	runes = sc.lines(text)
	return sc.language(), runes
}

// scriptCount adds up the Hangul and Latin letters and the Korean and
// English lines of a text. English lines are counted up to two, all that
// language() asks: the check for one (a heading or a function word) is
// most of an English line's cost.
type scriptCount struct {
	hangul, latin, koLines, enLines int
}

// lines counts the lines of text and returns its runes, as
// utf8.RuneCountInString counts them.
func (sc *scriptCount) lines(text string) (runes int) {
	for len(text) > 0 {
		var line string
		n := len(text)
		line, text = cutLine(text)
		if len(line)+len(text) < n {
			runes++ // the newline
		}
		var h, l int
		for i := 0; i < len(line); runes++ {
			// Eight ASCII bytes at a time: an English line is mostly
			// those.
			for i+8 <= len(line) {
				x := load64(line, i)
				if x&asciiHighs != 0 {
					break
				}
				l += asciiLetters(x)
				i, runes = i+8, runes+8
			}
			if i == len(line) {
				break
			}
			c := line[i]
			if c < utf8.RuneSelf {
				if 'a' <= c|0x20 && c|0x20 <= 'z' {
					l++
				}
				i++
				continue
			}
			if hangul.SyllableAt(line, i) {
				h++
				i += 3
				continue
			}
			r, size := utf8.DecodeRuneInString(line[i:])
			if r >= 0xAC00 && r <= 0xD7A3 || r >= 0x1100 && r <= 0x11FF || r >= 0x3130 && r <= 0x318F {
				h++
			}
			i += size
		}
		sc.hangul += h
		sc.latin += l
		switch {
		case h > 0 && h*2 >= l:
			sc.koLines++
		case l >= 4 && h*4 < l && sc.enLines < 2:
			if _, head := HeadingKind(line, false); head || hasFunctionWord(line) {
				sc.enLines++
			}
		}
	}
	return runes
}

// asciiLetters counts the bytes c of x, eight ASCII bytes, for which
// c|0x20 is in 'a'..'z', as the byte loop does: with the high bits clear,
// adding 0x80-'a' sets a byte's high bit exactly when it is at least 'a',
// and 0x80+'z' minus it exactly when it is at most 'z', with no carry or
// borrow between bytes.
func asciiLetters(x uint64) int {
	y := x | 0x20*asciiOnes
	ge := y + (0x80-'a')*asciiOnes
	le := (0x80+'z')*asciiOnes - y
	return bits.OnesCount64(ge & le & asciiHighs)
}

func (sc *scriptCount) language() string {
	switch {
	case sc.hangul == 0:
		return "en"
	case sc.latin == 0:
		return "ko"
	case float64(sc.hangul)/float64(sc.hangul+sc.latin) < 0.05 || sc.koLines == 0:
		return "en"
	case sc.enLines >= 2 && sc.koLines >= 2:
		return "mixed"
	}
	return "ko"
}

// hasFunctionWord reports whether a line has one of englishFunctionWords
// as a word (a run of ASCII letters and apostrophes), in any case. Words
// are lowered into a stack buffer: this runs on every English line.
func hasFunctionWord(line string) bool {
	var buf [16]byte // longer than any function word
	n := 0
	for i := 0; i <= len(line); i++ {
		if i < len(line) {
			c := line[i]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			if 'a' <= c && c <= 'z' || c == '\'' {
				if n < len(buf) {
					buf[n] = c
				}
				n++
				continue
			}
		}
		if n > 0 && n <= len(buf) && englishFunctionWords[string(buf[:n])] {
			return true
		}
		n = 0
	}
	return false
}
