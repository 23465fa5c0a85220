package extract

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

var update = flag.Bool("update", false, "rewrite golden files in testdata")

// goldenView is what a golden case records of a posting: the fields a
// reader can check by eye against the input.
type goldenView struct {
	Title, Company, Language, Encoding string
	Repaired                           bool `json:",omitempty"`
	Sections                           []string
	YearsMin                           *int `json:",omitempty"`
	YearsMax                           int  `json:",omitempty"`
	Degree                             string
	DegreeFlexible                     bool     `json:",omitempty"`
	Employment                         string   `json:",omitempty"`
	Remote                             string   `json:",omitempty"`
	Location                           string   `json:",omitempty"`
	Salary                             string   `json:",omitempty"`
	DatePosted                         string   `json:",omitempty"`
	Headcount                          int      `json:",omitempty"`
	SiteTags                           []string `json:",omitempty"`
	Skills                             []string
}

// TestGolden parses each testdata/extract/*.txtar case (an input file and
// the structured result it should give) and compares. Run with -update to
// rewrite the results, then review the diff.
func TestGolden(t *testing.T) {
	t.Parallel()
	files, _ := filepath.Glob("../testdata/extract/*.txtar")
	if len(files) == 0 {
		t.Fatal("no golden cases")
	}
	rd := NewReader(Config{})
	m := testMatcher(t)
	for _, file := range files {
		ar, err := txtar.ParseFile(file)
		if err != nil {
			t.Fatal(err)
		}
		var input txtar.File
		var want []byte
		for _, f := range ar.Files {
			switch {
			case strings.HasPrefix(f.Name, "input."):
				input = f
			case f.Name == "want.json":
				want = f.Data
			}
		}
		in := Input{Source: input.Name, Data: input.Data}
		switch format := FormatOf(input.Name); format {
		case "html":
			in.Format = FormatHTML
		case "text":
			in.Format = FormatText
		default:
			Records(input.Name, format, bytes.NewReader(input.Data), 1<<20, func(rec Input) bool { in = rec; return false })
		}
		p, err := rd.Parse(in)
		if err != nil {
			t.Errorf("%s: %v", file, err)
			continue
		}
		v := goldenView{Title: p.Title, Company: p.Company, Language: p.Language, Encoding: p.Encoding, Repaired: p.Repaired,
			Degree: p.Requirements.Degree.String(), DegreeFlexible: p.Requirements.DegreeFlexible, Employment: p.Requirements.EmploymentType,
			Remote: p.Requirements.Remote, Location: p.Requirements.Location, DatePosted: p.DatePosted, Headcount: p.Headcount, SiteTags: p.SiteTags}
		for _, s := range p.Sections {
			v.Sections = append(v.Sections, s.Kind.String()+" "+s.Heading)
		}
		if r := p.Requirements; r.HasYears {
			y := r.YearsMin
			v.YearsMin, v.YearsMax = &y, r.YearsMax
		}
		if s := p.Requirements.Salary; s.Currency != "" {
			v.Salary = strings.TrimSpace(strings.Join([]string{s.Currency, jsonNum(s.Min), jsonNum(s.Max), "per year from", s.Period}, " "))
		}
		for _, s := range m.Match(p) {
			v.Skills = append(v.Skills, s.Name+" ("+s.Requirement.String()+")")
		}
		got, _ := json.MarshalIndent(v, "", "  ")
		got = append(got, '\n')
		if *update {
			ar.Files = append([]txtar.File{input}, txtar.File{Name: "want.json", Data: got})
			if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s: got\n%s\nwant\n%s", filepath.Base(file), got, want)
		}
	}
}

func jsonNum(f float64) string {
	b, _ := json.Marshal(f)
	return string(b)
}
