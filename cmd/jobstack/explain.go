package main

import (
	"archive/zip"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/jobstack/jobstack/classify"
	"github.com/jobstack/jobstack/extract"
)

func cmdExplain(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var cfg Config
	fs := newFlags("explain", &cfg, stderr)
	asJSON := fs.Bool("json", false, "print JSON instead of text")
	showText := fs.Bool("text", false, "also print the extracted text with its sections")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: jobstack explain [flags] FILE[#N]\n\nExplains one posting: a page or text file, or record N (default 1) of a JSONL/JSON/CSV file.\nA file in a zip archive is named as analyze names it: jobs.zip/2026-11/postings.csv#3.\n\nflags:\n")
		fs.PrintDefaults()
	}
	pos, err := parseInterleaved(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		fmt.Fprintln(stderr, "jobstack explain: give exactly one FILE or FILE#N")
		return errUsage
	}
	eng, err := newEngine(&cfg)
	if err != nil {
		return err
	}
	in, err := loadOne(pos[0], cfg.MaxBytes)
	if err != nil {
		return err
	}
	p, err := eng.reader.Parse(in)
	if err != nil {
		return fmt.Errorf("%s: no posting: %w", pos[0], err)
	}
	skills := eng.matcher.Match(p)
	labels := eng.classifier.Classify(p, skills)
	if *asJSON {
		return explainJSON(stdout, p, skills, labels)
	}
	explainText(stdout, p, skills, labels, *showText)
	return nil
}

// openPosting opens a posting file, or a file in a zip archive named as
// analyze names it (jobs.zip/a/b.csv), with the format its name gives.
func openPosting(path string) (io.ReadCloser, string, error) {
	archive, name, inArchive := extract.SplitArchivePath(path, func(p string) bool {
		fi, err := os.Stat(p)
		return err == nil && fi.Mode().IsRegular()
	})
	if !inArchive {
		name = path
	}
	format := extract.FormatOf(name)
	if format == "" {
		return nil, "", fmt.Errorf("%s: not a posting file (jobstack reads %s; name a file in an archive as ARCHIVE.zip/NAME)", path, readsWhat)
	}
	if !inArchive {
		f, err := extract.Open(path)
		return f, format, err
	}
	z, err := extract.OpenArchive(archive)
	if err != nil {
		return nil, "", fmt.Errorf("%s: %w", archive, err)
	}
	for _, f := range z.File {
		if f.Name == name {
			r, err := extract.OpenEntry(f)
			if err != nil {
				z.Close()
				return nil, "", fmt.Errorf("%s: %w", path, err)
			}
			return &entryReader{ReadCloser: r, z: z}, format, nil
		}
	}
	z.Close()
	return nil, "", fmt.Errorf("%s: no file %q in the archive", archive, name)
}

// entryReader closes an archive entry and then its archive.
type entryReader struct {
	io.ReadCloser
	z *zip.ReadCloser
}

func (e *entryReader) Close() error {
	e.ReadCloser.Close()
	return e.z.Close()
}

// loadOne reads FILE, or record N of FILE#N (FILE#N.K, posting K of the
// page of postings on line N), as an Input.
func loadOne(arg string, maxBytes int64) (extract.Input, error) {
	path, want := extract.SourceFile(arg), ""
	if path != arg {
		want = arg
	}
	f, format, err := openPosting(path)
	if err != nil {
		return extract.Input{}, err
	}
	defer f.Close()
	if !extract.IsRecordFormat(format) {
		data, err := io.ReadAll(io.LimitReader(f, maxBytes+1))
		if err != nil {
			return extract.Input{}, err
		}
		if int64(len(data)) > maxBytes {
			return extract.Input{}, fmt.Errorf("%s: larger than --max-bytes %d", path, maxBytes)
		}
		return extract.Input{Source: path, Format: format, Data: data}, nil
	}
	// Records are named as analyze names them: JSONL by line number
	// (blank lines count), CSV by row. A reject of the whole file (a
	// binary file) is named by the file.
	var found *extract.Input
	if want == "" {
		want = extract.RecordSource(path, 1)
	}
	count := 0
	first, last := "", ""
	err = extract.Records(path, format, f, maxBytes, func(in extract.Input) bool {
		count++
		if in.Source == want || in.Source == path {
			found = &in
			return false
		}
		if first == "" {
			first = in.Source[len(path):]
		}
		last = in.Source[len(path):]
		return true
	})
	if err != nil {
		return extract.Input{}, err
	}
	switch {
	case found != nil:
		return *found, nil
	case count == 0:
		return extract.Input{}, fmt.Errorf("%s: has no records", path)
	}
	return extract.Input{}, fmt.Errorf("%s: no record %s; its %d records are %s to %s", path, want[len(path):], count, first, last)
}

func explainText(w io.Writer, p *extract.Posting, skills []extract.Skill, res classify.Result, showText bool) {
	r := p.Requirements
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	field := func(k, v string) {
		if v != "" {
			fmt.Fprintf(tw, "%s:\t%s\n", k, v)
		}
	}
	field("source", p.Source)
	enc := p.Encoding
	if p.Repaired {
		enc += ", mojibake repaired"
	}
	field("format", fmt.Sprintf("%s (%s)", p.Format, enc))
	field("title", orDash(p.Title))
	field("company", orDash(p.Company))
	field("language", p.Language)
	field("url", p.URL)
	field("posted", p.DatePosted)
	if r.HasYears {
		y := fmt.Sprintf("%d", r.YearsMin)
		if r.YearsMax > 0 {
			y += fmt.Sprintf("–%d", r.YearsMax)
		} else {
			y += "+"
		}
		field("years", fmt.Sprintf("%s  (from %q)", y, r.YearsEvidence))
	} else {
		field("years", "not stated")
	}
	deg := r.Degree.String()
	if r.DegreeFlexible {
		deg += ", or equivalent experience"
	}
	if r.DegreeEvidence != "" {
		deg += fmt.Sprintf("  (from %q)", r.DegreeEvidence)
	}
	field("degree", deg)
	field("employment", r.EmploymentType)
	field("remote", r.Remote)
	field("location", r.Location)
	if r.Salary.Currency != "" {
		field("salary", fmt.Sprintf("%s %.0f–%.0f per year  (from %q)", r.Salary.Currency, r.Salary.Min, r.Salary.Max, r.Salary.Text))
	}
	if p.Headcount > 0 {
		field("headcount", headcountText(p.Headcount, p.HeadcountMax))
	}
	field("industry", p.Industry)
	if len(p.SiteTags) > 0 {
		field("site tags", strings.Join(p.SiteTags, ", "))
	}
	tw.Flush()

	fmt.Fprintf(w, "\nsections:\n")
	for _, s := range p.Sections {
		lines := strings.Count(p.Text[s.Start:s.End], "\n") + 1
		h := s.Heading
		if h == "" {
			h = "(no heading)"
		}
		fmt.Fprintf(w, "  %-17s %-40s %d lines\n", s.Kind, trunc(h, 40), lines)
	}

	for _, kind := range []string{"technology", "concept"} {
		var list []extract.Skill
		for _, s := range skills {
			if s.Kind == kind {
				list = append(list, s)
			}
		}
		label := map[string]string{"technology": "technologies", "concept": "concepts"}[kind]
		fmt.Fprintf(w, "\n%s (%d):\n", label, len(list))
		tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		for _, s := range list {
			fmt.Fprintf(tw, "  %s\t%s\t%s\t%d×\t%s\t%q\n", s.Name, s.Category, s.Requirement, s.Mentions, s.Via, trunc(s.Evidence, 90))
			if s.LevelEvidence != s.Evidence {
				// A later mention set the requirement: show it under
				// the first.
				fmt.Fprintf(tw, "\t\t\t\t%s from\t%q\n", s.Requirement, trunc(s.LevelEvidence, 90))
			}
		}
		tw.Flush()
	}

	fmt.Fprintf(w, "\nmaturity: %s (confidence %.2f)\n", res.Maturity, res.Confidence)
	classes := append([]string(nil), classify.Classes...)
	sort.SliceStable(classes, func(i, j int) bool { return res.Scores[classes[i]] > res.Scores[classes[j]] })
	parts := make([]string, len(classes))
	for i, c := range classes {
		parts[i] = fmt.Sprintf("%s %.2f", c, res.Scores[c])
	}
	fmt.Fprintf(w, "  scores: %s\n", strings.Join(parts, ", "))
	for _, e := range res.Evidence {
		fmt.Fprintf(w, "  - %s\n", e)
	}
	fmt.Fprintf(w, "role: %s\n", res.Role)
	for _, e := range res.RoleEvidence {
		fmt.Fprintf(w, "  - %s\n", e)
	}
	fmt.Fprintf(w, "seniority: %s\n", res.Seniority)
	for _, e := range res.SeniorityEvidence {
		fmt.Fprintf(w, "  - %s\n", e)
	}
	if res.DEFocus != "" {
		fmt.Fprintf(w, "data engineering focus: %s\n", res.DEFocus)
		for _, e := range res.DEFocusEvidence {
			fmt.Fprintf(w, "  - %s\n", e)
		}
	}
	if showText {
		fmt.Fprintf(w, "\ntext:\n")
		for _, s := range p.Sections {
			fmt.Fprintf(w, "--- %s %s\n%s\n", s.Kind, s.Heading, p.Text[s.Start:s.End])
		}
	}
}

func explainJSON(w io.Writer, p *extract.Posting, skills []extract.Skill, res classify.Result) error {
	type skill struct {
		Name, Kind, Category, Requirement, Via, Evidence string
		RequirementEvidence                              string
		Mentions, Offset                                 int
	}
	type section struct {
		Kind, Heading string
		Start, End    int
	}
	out := struct {
		Source, Format, Encoding, Title, Company, Language string
		Repaired                                           bool
		Requirements                                       extract.Requirements
		Degree                                             string
		Sections                                           []section
		Skills                                             []skill
		Labels                                             classify.Result
	}{p.Source, p.Format, p.Encoding, p.Title, p.Company, p.Language, p.Repaired, p.Requirements, p.Requirements.Degree.String(), nil, nil, res}
	for _, s := range p.Sections {
		out.Sections = append(out.Sections, section{s.Kind.String(), s.Heading, s.Start, s.End})
	}
	for _, s := range skills {
		out.Skills = append(out.Skills, skill{s.Name, s.Kind, s.Category, s.Requirement.String(), s.Via, s.Evidence, s.LevelEvidence, s.Mentions, s.Offset})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

func trunc(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// headcountText writes a company size: "35", "1001–5000", "10000+".
func headcountText(lo, hi int) string {
	switch {
	case hi == lo:
		return fmt.Sprint(lo)
	case hi == 0:
		return fmt.Sprintf("%d+", lo)
	}
	return fmt.Sprintf("%d–%d", lo, hi)
}
