package main

import (
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
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
		tasks = append(tasks, task{in: extract.Input{Source: f, Format: kind}, path: f, size: fi.Size()})
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
	cfg := Config{MaxBytes: 16 << 20}
	eng, err := newEngine(&cfg)
	if err != nil {
		b.Fatal(err)
	}
	tasks, size := generated(300, pages)
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
