package main

import (
	"encoding/csv"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jobstack/jobstack/extract"
	"github.com/jobstack/jobstack/internal/benchgen"
)

// BenchmarkProcess measures one worker's whole per-posting work (read,
// decode, extract, match, classify, rows, dedup print, new terms) on the
// bundled sample, without the writers.
func BenchmarkProcess(b *testing.B) {
	cfg := Config{MaxBytes: 16 << 20}
	eng, err := newEngine(&cfg)
	if err != nil {
		b.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(sample, "*.*"))
	var tasks []task
	var size int64
	for _, f := range files {
		format := extract.FormatOf(f)
		if format != "html" && format != "text" {
			continue
		}
		fi, _ := os.Stat(f)
		kind := extract.FormatHTML
		if format == "text" {
			kind = extract.FormatText
		}
		t := task{in: extract.Input{Source: f, Format: kind}, path: f, size: fi.Size()}
		if extract.Compression(f) != "" {
			t.limit = 16 << 20 // read decompressed, as analyze does
		}
		tasks = append(tasks, t)
		size += fi.Size()
	}
	b.SetBytes(size)
	b.ResetTimer()
	for b.Loop() {
		for _, t := range tasks {
			eng.process(t)
		}
	}
}

// generated returns n synthetic postings from the bench generator as
// in-memory tasks, and their total size.
func generated(n int, pages bool) ([]task, int64) {
	r := rand.New(rand.NewPCG(1, uint64(n)))
	tasks := make([]task, n)
	var size int64
	for i := range tasks {
		in := extract.Input{Source: fmt.Sprintf("%06d.txt", i), Format: extract.FormatText}
		if pages {
			in.Data, in.Format = benchgen.Page(r, i), extract.FormatHTML
		} else {
			in.Data = benchgen.Text(r, i)
		}
		tasks[i] = task{in: in}
		size += int64(len(in.Data))
	}
	return tasks, size
}

// BenchmarkProcessText and BenchmarkProcessPage measure one worker's
// per-posting work on `make bench`'s generated postings (about 5 KB of
// text; 5–50 KB pages). ns/op is per posting.
func BenchmarkProcessText(b *testing.B) { benchmarkGenerated(b, false) }
func BenchmarkProcessPage(b *testing.B) { benchmarkGenerated(b, true) }

func benchmarkGenerated(b *testing.B, pages bool) {
	tasks, size := generated(300, pages)
	benchmarkTasks(b, tasks, size)
}

// benchmarkTasks runs one worker's per-posting work over tasks in turn;
// ns/op is per posting.
func benchmarkTasks(b *testing.B, tasks []task, size int64) {
	cfg := Config{MaxBytes: 16 << 20}
	eng, err := newEngine(&cfg)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(size / int64(len(tasks)))
	b.ResetTimer()
	i := 0
	for b.Loop() {
		if r := eng.process(tasks[i%len(tasks)]); r.rej != nil {
			b.Fatal(r.rej)
		}
		i++
	}
}

// BenchmarkRead measures reading generated pages from files, as the
// workers do.
func BenchmarkRead(b *testing.B) {
	dir := b.TempDir()
	tasks, size := generated(100, true)
	for i := range tasks {
		path := filepath.Join(dir, fmt.Sprintf("%03d.html", i))
		if err := os.WriteFile(path, tasks[i].in.Data, 0o644); err != nil {
			b.Fatal(err)
		}
		tasks[i].path, tasks[i].size = path, int64(len(tasks[i].in.Data))
	}
	b.SetBytes(size)
	for b.Loop() {
		for _, t := range tasks {
			if _, err := readLimited(t.path, t.size, maxRead(t)); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkStartup measures what a run does before reading its first
// posting: parsing the embedded taxonomy and rules and building both
// automata.
func BenchmarkStartup(b *testing.B) {
	for b.Loop() {
		if _, err := newEngine(&Config{MaxBytes: 16 << 20}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkWritePostings measures the serial tail of a run: reading the
// spill of 2,000 generated postings back and writing postings.parquet.
func BenchmarkWritePostings(b *testing.B) {
	cfg := Config{MaxBytes: 16 << 20}
	eng, err := newEngine(&cfg)
	if err != nil {
		b.Fatal(err)
	}
	st, err := newStaging(filepath.Join(b.TempDir(), "out"))
	if err != nil {
		b.Fatal(err)
	}
	c, err := newCollector(&cfg, eng, st, newProgress("never", io.Discard))
	if err != nil {
		b.Fatal(err)
	}
	tasks, _ := generated(2000, false)
	for _, t := range tasks {
		if err := c.add(eng.process(t)); err != nil {
			b.Fatal(err)
		}
	}
	if err := c.spillF.Close(); err != nil {
		b.Fatal(err)
	}
	spill, err := os.ReadFile(st.path(".postings.spill"))
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		b.StopTimer()
		os.Remove(st.path(filePostings))
		if err := os.WriteFile(st.path(".postings.spill"), spill, 0o644); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		if err := c.writePostings(); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(tasks)), "ns/posting")
}

// BenchmarkProcessCorpusText measures one worker's per-posting work on real
// postings written as text files: LinkedIn/Indeed descriptions and Wanted
// postings of 3–7 KB from ../shared/corpus (skipped without it), 300 of
// each. Real text costs more per byte than the generated postings in
// places the generator does not reach: long description lines without
// line breaks, company names in prose, many English words that are not
// products. ns/op is per posting.
func BenchmarkProcessCorpusText(b *testing.B) {
	tasks, size := corpusTexts(b, 300)
	benchmarkTasks(b, tasks, size)
}

// corpusTexts writes up to n English and n Korean corpus postings of 3–7 KB
// as text, the title and company on the first two lines as a scraper
// would save them, alternating the languages.
func corpusTexts(b *testing.B, n int) ([]task, int64) {
	corpus := filepath.Join("..", "..", "..", "shared", "corpus")
	read := func(glob string, fields ...string) []string {
		var out []string
		files, _ := filepath.Glob(filepath.Join(corpus, glob))
		for _, f := range files {
			fh, err := os.Open(f)
			if err != nil {
				b.Fatal(err)
			}
			r := csv.NewReader(fh)
			r.FieldsPerRecord = -1
			head, err := r.Read()
			if err != nil {
				b.Fatal(f, err)
			}
			col := map[string]int{}
			for i, h := range head {
				col[h] = i
			}
			for len(out) < n {
				rec, err := r.Read()
				if err == io.EOF {
					break
				}
				if err != nil {
					continue
				}
				var sb strings.Builder
				for _, fl := range fields {
					name, heading, _ := strings.Cut(fl, "=")
					i, ok := col[name]
					if !ok || i >= len(rec) {
						continue
					}
					if heading != "" {
						sb.WriteString(heading + "\n")
					}
					sb.WriteString(rec[i] + "\n")
				}
				if l := sb.Len(); l >= 3000 && l <= 7000 {
					out = append(out, sb.String())
				}
			}
			fh.Close()
		}
		return out
	}
	en := read("en_linkedin_indeed_2018/*.csv", "title", "company", "description")
	ko := read("ko_wanted_jeongsabin/*.csv", "title", "company", "work=주요업무", "qualification=자격요건",
		"favor=우대사항", "welfare=혜택 및 복지")
	if len(en) == 0 || len(ko) == 0 {
		b.Skip("../shared/corpus not found")
	}
	var tasks []task
	var size int64
	for i := 0; i < max(len(en), len(ko)); i++ {
		for _, s := range [][]string{en, ko} {
			if i < len(s) {
				in := extract.Input{Source: fmt.Sprintf("%06d.txt", len(tasks)), Format: extract.FormatText, Data: []byte(s[i])}
				tasks = append(tasks, task{in: in})
				size += int64(len(s[i]))
			}
		}
	}
	return tasks, size
}
