package hangul

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestSyllableAt compares the hand decoding with utf8 on every byte triple
// with any lead byte and continuation bytes and their neighbours, and on
// cut-off input.
func TestSyllableAt(t *testing.T) {
	t.Parallel()
	for c := 0; c <= 0xFF; c++ {
		for d := 0x70; d <= 0xC0; d++ {
			for e := 0x70; e <= 0xC0; e++ {
				s := string([]byte{'x', byte(c), byte(d), byte(e)})
				r, size := utf8.DecodeRuneInString(s[1:])
				want := size == 3 && r >= 0xAC00 && r <= 0xD7A3
				if got := SyllableAt(s, 1); got != want {
					t.Fatalf("SyllableAt(% x) = %v, want %v", s[1:], got, want)
				}
				if SyllableAt(s[:3], 1) {
					t.Fatalf("SyllableAt(% x) on a cut-off rune = true", s[1:3])
				}
			}
		}
	}
}

// TestRuneCount compares RuneCount with utf8 on random mixes of ASCII,
// Hangul, other runes, stray and cut-off bytes.
func TestRuneCount(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(1, 2))
	pieces := []string{"a", " ", "\n", "가", "힣", "한국어", "é", "€", "😀", "\x80", "\xed", "\xea\xb0", "\xed\xa0\x80", "\xef\xbf\xbd", "ㄱ", "\xe0\xa0\x80", "\xe0\x80\x80", "\xef\xbf\xbf", "\xed\x9f\xbf", "\xee\x80\x80", "\xe1\x80"}
	for range 20000 {
		var b []byte
		for range r.IntN(12) {
			b = append(b, pieces[r.IntN(len(pieces))]...)
		}
		s := string(b)
		if got, want := RuneCount(s), utf8.RuneCountInString(s); got != want {
			t.Fatalf("RuneCount(%q) = %d, want %d", s, got, want)
		}
		// Prefix against the conversion to runes: the same count, and
		// the same text once invalid bytes are replaced as it does.
		n := r.IntN(10)
		head, more := Prefix(s, n)
		runes := []rune(s)
		if more != (len(runes) > n) || string([]rune(head)) != string(runes[:min(n, len(runes))]) || !strings.HasPrefix(s, head) {
			t.Fatalf("Prefix(%q, %d) = %q, %v", s, n, head, more)
		}
		if text, _ := PrefixText(s, n); text != string(runes[:min(n, len(runes))]) {
			t.Fatalf("PrefixText(%q, %d) = %q", s, n, text)
		}
	}
}
