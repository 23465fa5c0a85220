package extract

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestScanReference compares the fast-path helpers with the strings
// functions they stand for, on random strings of ASCII, Hangul, other
// letters, Unicode white space, the runes they search for and broken
// UTF-8.
func TestScanReference(t *testing.T) {
	t.Parallel()
	pieces := []string{"a", "Z", "7", " ", "\t", "\n", "\v", "\f", "\r", "\u0085", "\u00a0", "\u3000", "\u2028", "가", "힣", "ㄱ", "é", "①", "😀", "■",
		":", "：", "(", "-", "–", "—", "|", "/", "~", "〜", "↑", "+", "$", "€", "£", "\x80", "\xea", "\xea\xb0", "\xe2\x80", "\xef\xbc", "\xed\xa0\x80", "\ufffd"}
	r := rand.New(rand.NewPCG(13, 14))
	for range 200000 {
		s := randomMix(r, pieces, r.IntN(8))
		if got, want := trimSpace(s), strings.TrimSpace(s); got != want {
			t.Fatalf("trimSpace(%q) = %q, want %q", s, got, want)
		}
		if got, want := trimNonWord(s), strings.TrimFunc(s, notLetterOrDigit); got != want {
			t.Fatalf("trimNonWord(%q) = %q, want %q", s, got, want)
		}
		if got, want := indexHeadingSep(s), strings.IndexAny(s, ":：(-–|/"); got != want {
			t.Fatalf("indexHeadingSep(%q) = %d, want %d", s, got, want)
		}
		for _, set := range [][]string{{"~", "-", "–", "〜"}, {"↑", "+"}, {"$", "€", "£"}} {
			if got, want := containsAnyOf(s, set...), strings.ContainsAny(s, strings.Join(set, "")); got != want {
				t.Fatalf("containsAnyOf(%q, %q) = %v, want %v", s, set, got, want)
			}
		}
	}
}
