package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/jobstack/jobstack/extract"
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
