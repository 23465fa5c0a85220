package main

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/jobstack/jobstack/extract"
	"github.com/jobstack/jobstack/internal/dedup"
)

// dedupCoreText is the core as one string, as it was built before the
// print took spans: the reference for TestDedupCoreReference.
func dedupCoreText(p *extract.Posting) string {
	parts := [...]string{
		p.SectionText(extract.SectionResponsibilities),
		p.SectionText(extract.SectionRequirements),
		p.SectionText(extract.SectionPreferred),
	}
	n := len(parts)
	for _, s := range parts {
		n += len(s)
	}
	if n < 200 {
		return p.Text
	}
	var b strings.Builder
	for _, s := range parts {
		b.WriteString(s)
		b.WriteByte('\n')
	}
	return b.String()
}

// TestDedupCoreReference checks the print from the core's spans against
// the print of the core joined into a string, on the sample's and the
// benchmark's postings and on postings whose core is near the size limit.
func TestDedupCoreReference(t *testing.T) {
	t.Parallel()
	rd := extract.NewReader(extract.Config{})
	var inputs []extract.Input
	files, _ := filepath.Glob(filepath.Join(sample, "*.*"))
	for _, f := range files {
		format := extract.FormatOf(f)
		if format != "html" && format != "text" {
			continue
		}
		data, err := extract.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		in := extract.Input{Source: f, Format: extract.FormatText, Data: data}
		if format == "html" {
			in.Format = extract.FormatHTML
		}
		inputs = append(inputs, in)
	}
	for _, pages := range []bool{false, true} {
		tasks, _ := generated(60, pages)
		for _, tk := range tasks {
			inputs = append(inputs, tk.in)
		}
	}
	for n := 0; n < 12; n++ {
		// Sections of a kind twice, numbers at their edges, a core of
		// about 200 bytes.
		text := "Data Engineer\nResponsibilities\n2026 " + strings.Repeat("build pipelines ", n) + "\nRequirements\n3 years 5\nBenefits\nlunch 12\nResponsibilities\n7 run Spark " + strings.Repeat("x", 10*n) + "\nPreferred\n1"
		inputs = append(inputs, extract.Input{Source: "t.txt", Format: extract.FormatText, Data: []byte(text)})
	}
	for _, in := range inputs {
		p, err := rd.Parse(in)
		if err != nil {
			continue
		}
		got := dedup.FingerprintSpans(p.Title, p.Text, dedupCore(p))
		want := dedup.Fingerprint(p.Title+"\n"+p.Text, p.Title+"\n"+dedupCoreText(p))
		if got != want {
			t.Errorf("%s: print from spans %+v, from the joined core %+v", in.Source, got, want)
		}
	}
}
