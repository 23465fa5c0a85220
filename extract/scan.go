package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/jobstack/jobstack/internal/hangul"
)

// The helpers here are strings functions with a fast path for the lines
// of Korean and English postings, which start and end with ASCII or a
// Hangul syllable and are trimmed, searched and split once per line.

// asciiSpace are the ASCII bytes unicode.IsSpace accepts.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// solidEnd reports whether s (not empty) starts, or ends when atEnd, with
// an ASCII letter or digit or a Hangul syllable: a rune that neither a
// trim of white space nor of decoration removes.
func solidEnd(s string, atEnd bool) bool {
	if atEnd {
		if c := s[len(s)-1]; c < utf8.RuneSelf {
			return isAlnumASCII(c)
		}
		return len(s) >= 3 && hangul.SyllableAt(s, len(s)-3)
	}
	if c := s[0]; c < utf8.RuneSelf {
		return isAlnumASCII(c)
	}
	return hangul.SyllableAt(s, 0)
}

func isAlnumASCII(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// trimSpace is strings.TrimSpace, without its rune decoding when both
// ends are plainly not white space.
func trimSpace(s string) string {
	if s == "" {
		return s
	}
	if c := s[0]; (c < utf8.RuneSelf && !asciiSpace[c] || hangul.SyllableAt(s, 0)) &&
		(s[len(s)-1] < utf8.RuneSelf && !asciiSpace[s[len(s)-1]] || len(s) >= 3 && hangul.SyllableAt(s, len(s)-3)) {
		return s
	}
	return strings.TrimSpace(s)
}

// trimNonWord is strings.TrimFunc(s, not a letter or digit), without its
// rune decoding when both ends are ASCII letters or digits or Hangul
// syllables.
func trimNonWord(s string) string {
	if s != "" && solidEnd(s, false) && solidEnd(s, true) {
		return s
	}
	return strings.TrimFunc(s, notLetterOrDigit)
}

func notLetterOrDigit(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }

// indexHeadingSep is strings.IndexAny(s, ":：(-–|/"), byte by byte: a
// rune's first byte never occurs inside another rune, so the first place
// one of these runes is encoded is where IndexAny finds it.
func indexHeadingSep(s string) int {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case ':', '(', '-', '|', '/':
			return i
		case "："[0], "–"[0]:
			if strings.HasPrefix(s[i:], "：") || strings.HasPrefix(s[i:], "–") {
				return i
			}
		}
	}
	return -1
}

// containsAnyOf is strings.ContainsAny(s, chars) for a set of valid runes
// without U+FFFD, given as separate strings: each is searched for as bytes,
// which for valid runes finds what the rune by rune search does.
func containsAnyOf(s string, runes ...string) bool {
	for _, r := range runes {
		if strings.Contains(s, r) {
			return true
		}
	}
	return false
}
