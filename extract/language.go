package extract

import (
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
	var hangulN, latin, koLines, enLines int
	for len(text) > 0 {
		var line string
		line, text = cutLine(text)
		var h, l int
		for i := 0; i < len(line); {
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
		hangulN += h
		latin += l
		switch {
		case h > 0 && h*2 >= l:
			koLines++
		case l >= 4 && h*4 < l:
			if _, head := HeadingKind(line, false); head || hasFunctionWord(line) {
				enLines++
			}
		}
	}
	switch {
	case hangulN == 0:
		return "en"
	case latin == 0:
		return "ko"
	case float64(hangulN)/float64(hangulN+latin) < 0.05 || koLines == 0:
		return "en"
	case enLines >= 2 && koLines >= 2:
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
