package main

import (
	"context"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/jobstack/jobstack/extract"
)

// bombReader gives some JSONL records and then fails as a stream the
// compression-ratio guard stopped does.
type bombReader struct{ r io.Reader }

func (b *bombReader) Read(p []byte) (int, error) {
	n, err := b.r.Read(p)
	if err == io.EOF {
		err = fmt.Errorf("decompressed to 1.0 GB from 1.0 MB: %w", extract.ErrCompressionRatio)
	}
	return n, err
}

// TestRatioGuardReject: a record file the ratio guard stops keeps the
// records read before it, and the rest is one too_large reject that names
// the entry and says how many records were read.
func TestRatioGuardReject(t *testing.T) {
	tasks := make(chan []task, 100)
	p := &producer{cfg: &Config{MaxBytes: 1 << 20}, ctx: context.Background(), tasks: tasks, slots: make(chan struct{}, 100)}
	lines := strings.Repeat(`{"title":"Data Engineer","description":"Spark and Airflow pipelines on AWS"}`+"\n", 3)
	if err := p.records("jobs.zip/postings.jsonl", "jsonl", &bombReader{strings.NewReader(lines)}); err != nil {
		t.Fatal(err)
	}
	if err := p.flush(); err != nil {
		t.Fatal(err)
	}
	var got []task
	for len(tasks) > 0 {
		got = append(got, <-tasks...)
	}
	if len(got) != 4 {
		t.Fatalf("%d inputs, want the 3 records and a reject", len(got))
	}
	for _, tk := range got[:3] {
		if tk.in.Err != nil {
			t.Errorf("%s: %v", tk.in.Source, tk.in.Err)
		}
	}
	last := got[3].in
	want := "jobs.zip/postings.jsonl: reading stopped after 3 records: decompressed to 1.0 GB from 1.0 MB"
	if last.Source != "jobs.zip/postings.jsonl#4" || last.Err == nil || last.Err.Reason != extract.ReasonTooLarge || !strings.HasPrefix(last.Err.Detail, want) {
		t.Errorf("reject %s %+v, want %s with %q", last.Source, last.Err, extract.ReasonTooLarge, want)
	}
}
