package extract

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

// seedFiles adds the bundled sample postings of a format to a fuzz corpus.
func seedFiles(f *testing.F, glob string) {
	files, _ := filepath.Glob(filepath.Join("..", "testdata", "postings", glob))
	for _, file := range files {
		if data, err := os.ReadFile(file); err == nil {
			f.Add(data)
		}
	}
}

// checkPosting asserts what every parsed posting must satisfy.
func checkPosting(t *testing.T, p *Posting) {
	t.Helper()
	if !utf8.ValidString(p.Text) || !utf8.ValidString(p.Title) || !utf8.ValidString(p.Company) {
		t.Fatalf("invalid UTF-8 in output")
	}
	prev := 0
	for _, s := range p.Sections {
		if s.Start < prev || s.End < s.Start || s.End > len(p.Text) {
			t.Fatalf("section %+v out of order or range (text %d bytes)", s, len(p.Text))
		}
		prev = s.End
	}
	switch p.Language {
	case "ko", "en", "mixed":
	default:
		t.Fatalf("language %q", p.Language)
	}
}

func fuzzParse(t *testing.T, rd *Reader, m *Matcher, in Input) {
	p, err := rd.Parse(in)
	if err != nil {
		if _, ok := err.(*Reject); !ok {
			t.Fatalf("Parse error is not a Reject: %v", err)
		}
		return
	}
	checkPosting(t, p)
	runes := utf8.RuneCountInString(p.Text)
	for _, s := range m.Match(p) {
		if s.Offset < 0 || s.Offset > runes || s.Mentions < 1 {
			t.Fatalf("skill %+v out of range (text %d runes)", s, runes)
		}
	}
	p2, _ := rd.Parse(in)
	if !reflect.DeepEqual(p, p2) {
		t.Fatalf("parsing twice gives different postings")
	}
}

func FuzzParseHTML(f *testing.F) {
	seedFiles(f, "*.html")
	f.Add([]byte(`<html><body><h3>자격요건</h3><ul><li>Python`))
	f.Add([]byte(`<script type="application/ld+json">{"@type":"JobPosting","description":"&lt;p&gt;x"}</script>`))
	rd := NewReader(Config{})
	m := testMatcherF(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzParse(t, rd, m, Input{Source: "f.html", Format: FormatHTML, Data: data})
	})
}

func FuzzParseText(f *testing.F) {
	seedFiles(f, "*.txt")
	seedFiles(f, "*.md")
	f.Add([]byte("Data Engineer\n자격요건\n- 경력 3~5년, Python/Go 언어\n우대사항: Kafka"))
	rd := NewReader(Config{})
	m := testMatcherF(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzParse(t, rd, m, Input{Source: "f.txt", Format: FormatText, Data: data})
	})
}

func fuzzRecords(f *testing.F, format string) {
	rd := NewReader(Config{})
	m := testMatcherF(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		// Read once as a record of any size fits, and once with a limit
		// a third of the file's size, to reach what happens past it
		// (a .json object too large to hold is read as it streams by).
		for _, limit := range []int64{1 << 16, int64(len(data)/3 + 1)} {
			fuzzRecordsOnce(t, rd, m, format, data, limit)
		}
	})
}

func fuzzRecordsOnce(t *testing.T, rd *Reader, m *Matcher, format string, data []byte, limit int64) {
	n, whole := 0, false
	err := Records("f."+format, format, strings.NewReader(string(data)), limit, func(in Input) bool {
		n++
		// A record is "f.csv#N"; a file rejected whole (binary, or
		// a CSV file without a header) is "f.csv", its only input.
		switch {
		case whole:
			t.Fatalf("input %q after the whole file was rejected", in.Source)
		case in.Source == "f."+format && in.Err != nil && n == 1:
			whole = true
		case !strings.HasPrefix(in.Source, "f."+format+"#"):
			t.Fatalf("record source %q", in.Source)
		}
		if in.Err == nil && in.Record == nil {
			t.Fatalf("record %s has neither fields nor a reject", in.Source)
		}
		fuzzParse(t, rd, m, in)
		return n < 1000
	})
	if err != nil {
		t.Fatalf("Records: %v", err)
	}
}

func FuzzRecordsJSONL(f *testing.F) {
	seedFiles(f, "*.jsonl")
	f.Add([]byte("{\"title\":\"a\",\"description\":\"Python\"}\n{bad\n[1]\n"))
	fuzzRecords(f, "jsonl")
}

func FuzzRecordsJSON(f *testing.F) {
	f.Add([]byte(`[{"title":"a","job_description":{"자격요건":"Python"}}, 3]`))
	f.Add([]byte(`{"jobs":[{"title":"x"}]}`))
	f.Add([]byte("{\"title\":\"a\"}\n{\"title\":\"b\"}\n{bad\n"))
	fuzzRecords(f, "json")
}

func FuzzRecordsCSV(f *testing.F) {
	seedFiles(f, "*.csv")
	f.Add([]byte("title,description\n\"a\",\"b\nc\"\nbad \"q,x\n"))
	fuzzRecords(f, "csv")
}

func FuzzRecordsTSV(f *testing.F) {
	f.Add([]byte("title\tdescription\n6\" DE\t\"a\tb\"\nx\ty\tz\n"))
	fuzzRecords(f, "tsv")
}

func FuzzMatch(f *testing.F) {
	f.Add("Python, Go, R/SQL와 AWS Glue, Spark Streaming을 사용하는 C/C++ R&D")
	f.Add("Excel at 엑셀과 깃허브 k8s에서 https://x.io/spark")
	m := testMatcherF(f)
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return
		}
		p := &Posting{Text: text, Sections: []Section{{Kind: SectionRequirements, Start: 0, End: len(text)}}}
		runes := utf8.RuneCountInString(text)
		seen := map[string]bool{}
		for _, s := range m.Match(p) {
			if seen[s.ID] {
				t.Fatalf("skill %s listed twice", s.ID)
			}
			seen[s.ID] = true
			if s.Offset < 0 || s.Offset > runes {
				t.Fatalf("offset %d out of range %d", s.Offset, runes)
			}
		}
		m.UnknownTerms(p)
	})
}

func testMatcherF(f *testing.F) *Matcher {
	tax, err := Parse("test.yaml", strings.NewReader(testTaxonomy))
	if err != nil {
		f.Fatal(err)
	}
	return NewMatcher(tax)
}

// FuzzTaxonomyExtend lays arbitrary YAML over the built-in taxonomy, as
// --taxonomy does. A file is either refused with problems that name it,
// or gives a matcher whose skills on the sample postings are entries of
// that taxonomy, once each, inside the text.
func FuzzTaxonomyExtend(f *testing.F) {
	f.Add([]byte("entries:\n  - id: our_etl\n    name: OurETL\n    kind: technology\n    category: etl_tool\n    aliases: [our-etl, 아워이티엘]\n"))
	f.Add([]byte("remove: [python, nope]\nentries:\n  - id: go\n    name: Go\n    kind: language\n    category: language\n    aliases: [\"\", \" \", g]\n"))
	f.Add([]byte("version: x\nentries:\n  - id: a\n    name: A\n    kind: technology\n    category: etl_tool\n    parent: a\n    aliases: [a]\n"))
	f.Add([]byte("entries: {id: x}\n"))
	f.Add([]byte("- 1\n"))
	f.Add(DefaultTaxonomyYAML())
	base, err := Default()
	if err != nil {
		f.Fatal(err)
	}
	var postings []*Posting
	rd := NewReader(Config{})
	for _, name := range []string{"ko_early_de_django.txt", "mixed_ae_bigquery_dbt.html", "en_staff_de_platform.md"} {
		path := filepath.Join("..", "testdata", "postings", name)
		data, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		p, err := rd.Parse(Input{Source: path, Format: FormatOf(path), Data: data})
		if err != nil {
			f.Fatal(err)
		}
		postings = append(postings, p)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		tax, err := base.Extend("user.yaml", strings.NewReader(string(data)))
		if err != nil {
			if !strings.HasPrefix(err.Error(), "user.yaml") {
				t.Fatalf("error does not name the file: %v", err)
			}
			return
		}
		m := NewMatcher(tax)
		for _, p := range postings {
			runes := utf8.RuneCountInString(p.Text)
			seen := map[string]bool{}
			for _, s := range m.Match(p) {
				if _, ok := tax.Lookup(s.ID); !ok || seen[s.ID] {
					t.Fatalf("%s: skill %q not in the taxonomy or listed twice", p.Source, s.ID)
				}
				seen[s.ID] = true
				if s.Offset < 0 || s.Offset > runes || s.Mentions < 1 {
					t.Fatalf("%s: skill %+v out of range (text %d runes)", p.Source, s, runes)
				}
			}
			m.UnknownTerms(p)
		}
	})
}
