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
	b0, b1, b2 := s[i], s[i+1], s[i+2]
	r := uint32(b0&0x0F)<<12 | uint32(b1&0x3F)<<6 | uint32(b2&0x3F)
	// Lead byte 0xEA–0xED, two continuation bytes, U+AC00–U+D7A3; the
	// unsigned differences make each range one comparison, which keeps
	// the function small enough to inline into the byte loops.
	return b0-0xEA <= 0xED-0xEA && b1&0xC0 == 0x80 && b2&0xC0 == 0x80 && r-0xAC00 <= 0xD7A3-0xAC00
}

// RuneCount is utf8.RuneCountInString (an invalid byte counts as one
// rune), with ASCII and three-byte runes counted without the general
// decoder: a Korean posting's text is counted several times.
func RuneCount(s string) int {
	n := 0
	for i := 0; i < len(s); n++ {
		c := s[i]
		switch {
		case c < utf8.RuneSelf:
			i++
		case c-0xE1 <= 0xEF-0xE1 && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 && (c != 0xED || s[i+1] < 0xA0):
			// A lead byte E1–EF and two continuation bytes always make
			// a valid rune (Hangul syllables among them), except a
			// surrogate after ED. E0 needs the decoder's overlong check.
			i += 3
		default:
			_, size := utf8.DecodeRuneInString(s[i:])
			i += size
		}
	}
	return n
}
