package extract

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// A line with no comma or stop for megabytes is read around each term
// only as far as scopeReach: the clause, the sentence, a forward cue and a
// firm list do not reach further.
func TestScopeReach(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("데이터 파이프라인 설계 ", 20000) // 640 KB, no stop
	off := len(long) / 2
	if s, e := clauseAround(long, off, true); off-s > scopeReach || e-off > scopeReach {
		t.Errorf("clauseAround reaches %d bytes back and %d on, want at most %d", off-s, e-off, scopeReach)
	}
	if e, stopped := sentenceStop(long, off, true); stopped || e-off > scopeReach {
		t.Errorf("sentenceStop = %d, %v: want at most %d bytes on, no stop", e-off, stopped, scopeReach)
	}
	// A cue far off does not decide the term; one in reach does.
	far := "Kafka 우대 " + strings.Repeat("데이터 파이프라인 설계 ", 200) + "Python"
	if cue, ok, whole := cueInScope(far, len(far)-len("Python"), true); ok || !whole {
		t.Errorf("cue 6 KB away: cueInScope = %v, %v, %v; want none, and no narrower scope", cue, ok, whole)
	}
	near := "Kafka 우대 " + strings.Repeat("설계 ", 20) + "Python"
	if cue, ok, _ := cueInScope(near, len(near)-len("Python"), true); !ok || cue != RequirementPreferred {
		t.Errorf("cue 140 bytes away: cueInScope = %v, %v; want preferred", cue, ok)
	}
	farPref := "SQL, ideally " + strings.Repeat("with data pipelines and ", 100) + "Spark"
	if preferredAfter(farPref, len(farPref)-len("Spark")) {
		t.Error("preferredAfter: a forward cue 2 KB back still prefers the term")
	}
	nearPref := "SQL, ideally with Spark"
	if !preferredAfter(nearPref, len(nearPref)-len("Spark")) {
		t.Error("preferredAfter: a forward cue just before the term does not prefer it")
	}
}

// firmNamed finds a hit in any list that holds it, as a scan of every
// list does, among thousands of overlapping lists.
func TestFirmNamedSearch(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(1, 2))
	text := strings.Repeat("x", 200000)
	var found []firmCueAt
	for at := 0; at < len(text)-firmListReach; at += 1 + rng.IntN(400) {
		found = append(found, firmCueAt{end: at})
	}
	var firms [][2]int
	for _, f := range found {
		// Lists of every length up to the reach, overlapping.
		firms = append(firms, [2]int{f.end, f.end + rng.IntN(firmListReach+1)})
	}
	slices.SortFunc(firms, func(a, b [2]int) int { return a[0] - b[0] })
	for range 20000 {
		start := rng.IntN(len(text) - 20)
		h := &hit{start: start, end: start + 1 + rng.IntN(20)}
		want := false
		for _, sp := range firms {
			if sp[0] <= h.start && h.end <= sp[1] {
				want = true
			}
		}
		if got := firmNamed(text, firms, h); got != want {
			t.Fatalf("firmNamed(%d–%d) = %v, want %v", h.start, h.end, got, want)
		}
	}
}

// BenchmarkLongLine matches postings that are one line of a megabyte with
// no stop: the shapes whose cost grew with the square of the line (a cue
// on the line read again for each term, a forward cue looked for back to
// the line's start, each hit tested against every firm list).
func BenchmarkLongLine(b *testing.B) {
	tax, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	m := NewMatcher(tax)
	for _, tt := range []struct{ name, unit string }{
		{"cues", "경력 3년 이상 파이썬 우대사항 자격요건 "},
		{"ideally", "SQL ideally with Python and Spark "},
		{"firms", "our customers include Acme, Beta, Gamma, and Spark "},
		{"colons", "SQL: Tableau 우대 "},
	} {
		text := strings.Repeat(tt.unit, (1<<20)/len(tt.unit))
		b.Run(tt.name, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				p := &Posting{Text: text, Sections: []Section{{Kind: SectionRequirements, Start: 0, End: len(text)}}}
				m.Match(p)
			}
		})
	}
}
