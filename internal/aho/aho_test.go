package aho

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

type occ struct{ start, end, pattern int }

// naive finds every occurrence the slow way, in the order Walk promises.
func naive(patterns []string, text string, fold bool) []occ {
	lower := func(s string) string {
		b := []byte(s)
		for i, c := range b {
			if 'A' <= c && c <= 'Z' {
				b[i] = c + 'a' - 'A'
			}
		}
		return string(b)
	}
	if fold {
		text = lower(text)
	}
	var out []occ
	for end := 1; end <= len(text); end++ {
		var here []occ
		for id, p := range patterns {
			if fold {
				p = lower(p)
			}
			if p != "" && end >= len(p) && text[end-len(p):end] == p {
				here = append(here, occ{end - len(p), end, id})
			}
		}
		slices.SortStableFunc(here, func(a, b occ) int { return a.start - b.start })
		out = append(out, here...)
	}
	return out
}

func walk(a *Automaton, text string) []occ {
	var out []occ
	a.Walk(text, func(s, e, p int) bool {
		out = append(out, occ{s, e, p})
		return true
	})
	return out
}

func TestWalkKnown(t *testing.T) {
	pats := []string{"he", "she", "his", "hers", "데이터", "데이터 레이크", "레이크", "Spark", ""}
	a := Build(pats, true)
	got := walk(a, "ushers 데이터 레이크 SPARK spark")
	want := []occ{{1, 4, 1}, {2, 4, 0}, {2, 6, 3}, {7, 16, 4}, {7, 26, 5}, {17, 26, 6}, {27, 32, 7}, {33, 38, 7}}
	if !slices.Equal(got, want) {
		t.Fatalf("got %v\nwant %v", got, want)
	}
	if got := walk(Build(pats, false), "SPARK Spark"); !slices.Equal(got, []occ{{6, 11, 7}}) {
		t.Fatalf("without folding: %v", got)
	}
}

func TestWalkStops(t *testing.T) {
	a := Build([]string{"a"}, false)
	n := 0
	a.Walk("aaaa", func(int, int, int) bool { n++; return n < 2 })
	if n != 2 {
		t.Fatalf("walk went on after false: %d calls", n)
	}
}

// TestWalkRandom compares the automaton with a naive search on random
// patterns over a small alphabet, where overlaps and shared suffixes are
// common, including multi-byte and every-byte-value alphabets.
func TestWalkRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 7))
	alphabets := []string{"abAB", "ab데이터", "xyz. "}
	all := make([]byte, 256)
	for i := range all {
		all[i] = byte(i)
	}
	alphabets = append(alphabets, string(all))
	for round := 0; round < 300; round++ {
		alpha := alphabets[round%len(alphabets)]
		gen := func(n int) string {
			b := make([]byte, n)
			for i := range b {
				b[i] = alpha[r.IntN(len(alpha))]
			}
			return string(b)
		}
		pats := make([]string, 1+r.IntN(12))
		for i := range pats {
			pats[i] = gen(1 + r.IntN(4))
		}
		text := gen(r.IntN(80))
		fold := round%2 == 0
		if got, want := walk(Build(pats, fold), text), naive(pats, text, fold); !slices.Equal(got, want) {
			t.Fatalf("patterns %q text %q fold %v:\n got %v\nwant %v", pats, text, fold, got, want)
		}
	}
}

// TestWalkLanes compares the automaton with the naive search on texts long
// enough to be walked in lanes: short patterns that are found everywhere,
// long ones that cross the lanes' seams, and a text of several chunks.
func TestWalkLanes(t *testing.T) {
	defer lanesForAll()()
	r := rand.New(rand.NewPCG(8, 8))
	alpha := "ab데 "
	gen := func(n int) string {
		b := make([]byte, 0, n+3)
		for len(b) < n {
			b = append(b, alpha[r.IntN(len(alpha))])
		}
		return string(b)
	}
	for round := 0; round < 60; round++ {
		pats := make([]string, 1+r.IntN(10))
		for i := range pats {
			pats[i] = gen(1 + r.IntN(30))
		}
		n := laneMin + r.IntN(3000)
		if round == 0 {
			n = 9 * laneChunk // lanes of more than two chunks
		}
		text := gen(n)
		fold := round%2 == 0
		if got, want := walk(Build(pats, fold), text), naive(pats, text, fold); !slices.Equal(got, want) {
			t.Fatalf("round %d, %d patterns, text of %d bytes: got %d occurrences, want %d", round, len(pats), len(text), len(got), len(want))
		}
	}
}

// TestWalkLanesStops checks that returning false in any lane's report
// ends the walk there. Every byte is an end, so each lane fills whole
// chunks of ends.
func TestWalkLanesStops(t *testing.T) {
	defer lanesForAll()()
	text := strings.Repeat("a", 9*laneChunk+3)
	a := Build([]string{"a"}, false)
	for _, stop := range []int{1, laneMin, laneChunk + 1, 3 * laneChunk, len(text)} {
		n := 0
		a.Walk(text, func(_, end, _ int) bool {
			n++
			if end != n {
				t.Fatalf("call %d reports end %d", n, end)
			}
			return n < stop
		})
		if n != stop {
			t.Fatalf("stop at %d: %d calls", stop, n)
		}
	}
}

// lanesForAll makes every table, however small, walk long texts in lanes,
// and returns the function that undoes it.
func lanesForAll() func() {
	old := laneTable
	laneTable = 0
	return func() { laneTable = old }
}

func BenchmarkWalk(b *testing.B) {
	r := rand.New(rand.NewPCG(1, 2))
	words := strings.Fields("data engineer spark kafka airflow 데이터 엔지니어 파이프라인 대용량 로그 수집 처리 aws glue emr redshift")
	var pats []string
	for i := 0; i < 4000; i++ {
		pats = append(pats, words[r.IntN(len(words))]+" "+words[r.IntN(len(words))]+string(rune('a'+i%26)))
	}
	a := Build(pats, true)
	var sb strings.Builder
	for sb.Len() < 5000 {
		sb.WriteString(words[r.IntN(len(words))] + " ")
	}
	text := sb.String()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		a.Walk(text, func(int, int, int) bool { return true })
	}
}

// FuzzWalk compares the automaton with the naive search on fuzzed
// patterns (split from one input at NUL bytes) and text.
func FuzzWalk(f *testing.F) {
	f.Add([]byte("he\x00she\x00his\x00hers"), []byte("ushers"), true)
	f.Add([]byte("데이터\x00데이터 레이크\x00AB"), []byte("데이터 레이크 ab AB"), false)
	f.Fuzz(func(t *testing.T, pats, text []byte, fold bool) {
		if len(pats) > 200 || len(text) > 300 {
			return
		}
		patterns := strings.Split(string(pats), "\x00")
		got, want := walk(Build(patterns, fold), string(text)), naive(patterns, string(text), fold)
		if !slices.Equal(got, want) {
			t.Fatalf("patterns %q text %q fold %v:\n got %v\nwant %v", patterns, text, fold, got, want)
		}
		// The text repeated past laneMin is walked in lanes.
		if len(text) == 0 {
			return
		}
		defer lanesForAll()()
		long := strings.Repeat(string(text), 2*laneMin/len(text)+1)
		got, want = walk(Build(patterns, fold), long), naive(patterns, long, fold)
		if !slices.Equal(got, want) {
			t.Fatalf("patterns %q text %q repeated to %d bytes, fold %v: got %d occurrences, want %d", patterns, text, len(long), fold, len(got), len(want))
		}
	})
}
