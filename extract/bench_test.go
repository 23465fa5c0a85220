package extract

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jobstack/jobstack/internal/benchgen"
)

// samplePostings parses the bundled sample's pages and text postings.
func samplePostings(tb testing.TB) []*Posting {
	tb.Helper()
	rd := NewReader(Config{})
	files, _ := filepath.Glob("../testdata/postings/*.*")
	var out []*Posting
	for _, f := range files {
		format := FormatOf(f)
		if format != FormatHTML && format != FormatText {
			continue
		}
		data, err := ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		p, err := rd.Parse(Input{Source: f, Format: format, Data: data})
		if err == nil {
			out = append(out, p)
		}
	}
	return out
}

// corpusLines returns the lines of the files under ../shared/corpus that
// match glob and that keep accepts; none without the corpus.
func corpusLines(glob string, keep func(string) bool) []string {
	var lines []string
	dirs, _ := filepath.Glob(filepath.Join("../../shared/corpus", glob))
	for _, d := range dirs {
		filepath.WalkDir(d, func(path string, e os.DirEntry, err error) error {
			if err != nil || e.IsDir() {
				return nil
			}
			data, err := os.ReadFile(path)
			if err != nil {
				return nil
			}
			for _, l := range strings.Split(string(data), "\n") {
				if keep(l) {
					lines = append(lines, l)
				}
			}
			return nil
		})
	}
	return lines
}

// BenchmarkMatch measures matching alone: the embedded taxonomy over the
// text of the sample postings.
func BenchmarkMatch(b *testing.B) {
	tax, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	m := NewMatcher(tax)
	ps := samplePostings(b)
	var n int64
	for _, p := range ps {
		n += int64(len(p.Text))
	}
	b.SetBytes(n)
	b.ResetTimer()
	for b.Loop() {
		for _, p := range ps {
			m.Match(p)
		}
	}
}

// BenchmarkParseHTML measures reading pages into postings (decode, tokenize,
// content block, sections, requirements).
func BenchmarkParseHTML(b *testing.B) {
	files, _ := filepath.Glob("../testdata/postings/*.html")
	var data [][]byte
	var n int64
	for _, f := range files {
		d, _ := os.ReadFile(f)
		data = append(data, d)
		n += int64(len(d))
	}
	rd := NewReader(Config{})
	b.SetBytes(n)
	b.ResetTimer()
	for b.Loop() {
		for _, d := range data {
			rd.Parse(Input{Source: "b.html", Format: FormatHTML, Data: d})
		}
	}
}

// BenchmarkNewMatcher measures start-up: parsing the embedded taxonomy and
// building the automaton.
func BenchmarkNewMatcher(b *testing.B) {
	for b.Loop() {
		tax, err := Default()
		if err != nil {
			b.Fatal(err)
		}
		NewMatcher(tax)
	}
}

// BenchmarkWalk measures the taxonomy automaton's pass alone (no boundary
// checks, no aggregation) over the sample postings' text, and
// BenchmarkWalkGenerated over make bench's generated text postings.
func BenchmarkWalk(b *testing.B) { benchmarkWalk(b, samplePostings(b)) }

func BenchmarkWalkGenerated(b *testing.B) {
	rd := NewReader(Config{})
	var ps []*Posting
	for _, t := range generatedText(300) {
		p, err := rd.Parse(Input{Source: "gen.txt", Format: FormatText, Data: t})
		if err != nil {
			b.Fatal(err)
		}
		ps = append(ps, p)
	}
	benchmarkWalk(b, ps)
}

func benchmarkWalk(b *testing.B, ps []*Posting) {
	tax, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	m := NewMatcher(tax)
	var n int64
	for _, p := range ps {
		n += int64(len(p.Text))
	}
	b.SetBytes(n)
	b.ResetTimer()
	hits := 0
	for b.Loop() {
		for _, p := range ps {
			m.ac.Walk(p.Text, func(int, int, int) bool { hits++; return true })
		}
	}
}

// generatedText returns make bench's generated text postings.
func generatedText(n int) [][]byte {
	r := rand.New(rand.NewPCG(1, uint64(n)))
	out := make([][]byte, n)
	for i := range out {
		out[i] = benchgen.Text(r, i)
	}
	return out
}

// BenchmarkDecode measures encoding detection and conversion to a string
// on generated pages.
func BenchmarkDecode(b *testing.B) {
	r := rand.New(rand.NewPCG(1, 100))
	var pages [][]byte
	var n int64
	for i := range 100 {
		p := benchgen.Page(r, i)
		pages = append(pages, p)
		n += int64(len(p))
	}
	b.SetBytes(n)
	for b.Loop() {
		for _, p := range pages {
			Decode(p, true)
		}
	}
}

// BenchmarkParseText measures reading text postings: normalising, sections,
// title and company, language and requirements (no matching).
func BenchmarkParseText(b *testing.B) {
	texts := generatedText(100)
	var n int64
	for _, t := range texts {
		n += int64(len(t))
	}
	rd := NewReader(Config{})
	b.SetBytes(n)
	for b.Loop() {
		for _, t := range texts {
			if _, err := rd.Parse(Input{Source: "b.txt", Format: FormatText, Data: t}); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// randomMix joins n pieces drawn at random: the inputs of the tests that
// compare a hand-written scanner with the library function it stands for.
func randomMix(r *rand.Rand, pieces []string, n int) string {
	var b strings.Builder
	for range n {
		b.WriteString(pieces[r.IntN(len(pieces))])
	}
	return b.String()
}
