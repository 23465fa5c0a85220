package extract

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// hasDigit, which looks at eight bytes at a time, agrees with a byte loop
// for every byte value at every place of a word and its tail, and on
// random Korean and English text.
func TestHasDigit(t *testing.T) {
	t.Parallel()
	naive := func(s string) bool { return strings.ContainsAny(s, "0123456789") }
	for n := 1; n <= 19; n++ {
		for pos := 0; pos < n; pos++ {
			for c := 0; c < 256; c++ {
				b := []byte(strings.Repeat("a", n))
				b[pos] = byte(c)
				if got, want := hasDigit(string(b)), naive(string(b)); got != want {
					t.Fatalf("hasDigit(%q) = %v, want %v", b, got, want)
				}
			}
		}
	}
	r := rand.New(rand.NewPCG(1, 2))
	pieces := []string{"경력 ", "년 ", "years ", "/", ":", "@", "9", "0", "\xff", "\x00", "((", "Python, ", "/0"}
	for range 20000 {
		var b strings.Builder
		for range r.IntN(12) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		if s := b.String(); hasDigit(s) != naive(s) {
			t.Fatalf("hasDigit(%q) = %v, want %v", s, hasDigit(s), naive(s))
		}
	}
	if hasDigit("") {
		t.Error(`hasDigit("") = true`)
	}
}
