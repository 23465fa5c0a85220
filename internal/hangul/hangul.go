// Package hangul finds Hangul syllables in UTF-8 text without the general
// rune decoder: they are the common non-ASCII letters of Korean postings,
// always three bytes, and have no case, so the per-byte loops of the
// extractor and the duplicate print copy them as they are.
package hangul

import "unicode/utf8"

// SyllableAt reports whether s holds a Hangul syllable (U+AC00–U+D7A3) at
// byte i, decoding its three bytes by hand.
func SyllableAt(s string, i int) bool {
	if i+2 >= len(s) {
		return false
	}
	// U+AC00–U+D7A3 are the bytes EA B0 80 to ED 9E A3: read as one
	// number, the three bytes are in that range, with two continuation
	// bytes, exactly when they encode a syllable. The unsigned difference
	// makes the range one comparison, which keeps the function small
	// enough to inline into the byte loops.
	x := uint32(s[i])<<16 | uint32(s[i+1])<<8 | uint32(s[i+2])
	return x-0xEAB080 <= 0xED9EA3-0xEAB080 && x&0xC0C0 == 0x8080
}

// RuneCount is utf8.RuneCountInString (an invalid byte counts as one
// rune), with ASCII, Hangul syllables and other three-byte runes counted
// without the general decoder: a Korean posting's text is counted several
// times.
func RuneCount(s string) int {
	n := 0
	for i := 0; i < len(s); n++ {
		// The common cases inline, the rest in a call.
		switch c := s[i]; {
		case c < utf8.RuneSelf:
			i++
		case SyllableAt(s, i):
			i += 3
		default:
			i += runeSize(s, i)
		}
	}
	return n
}

// Prefix returns the first n runes of s, counted as RuneCount counts
// them, and whether that left some out: a line's first 80 characters
// without converting all of a long line to runes.
func Prefix(s string, n int) (string, bool) {
	i := 0
	for k := 0; k < n && i < len(s); k++ {
		i += runeSize(s, i)
	}
	return s[:i], i < len(s)
}

// PrefixText is Prefix with invalid bytes as U+FFFD, as a conversion to
// runes gives them: the prefix of a line to show a reader.
func PrefixText(s string, n int) (string, bool) {
	head, more := Prefix(s, n)
	if !utf8.ValidString(head) {
		head = string([]rune(head))
	}
	return head, more
}

// runeSize is the size of the rune at s[i], an invalid byte being one.
func runeSize(s string, i int) int {
	c := s[i]
	switch {
	case c < utf8.RuneSelf:
		return 1
	case SyllableAt(s, i):
		return 3
	case c-0xE1 <= 0xEF-0xE1 && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 && (c != 0xED || s[i+1] < 0xA0):
		// A lead byte E1–EF and two continuation bytes always make a
		// valid rune (Hangul syllables among them), except a surrogate
		// after ED. E0 needs the decoder's overlong check.
		return 3
	}
	_, size := utf8.DecodeRuneInString(s[i:])
	return size
}
