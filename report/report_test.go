package report

import (
	"bytes"
	"fmt"
	"io"
	"slices"
	"strings"
	"testing"

	"github.com/parquet-go/parquet-go"
)

func TestEscapeCell(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"a | b", `a \| b`},
		{"line\nbreak", "line break"},
		{"<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"},
		{"[click](javascript:alert(1))", `\[click\](javascript:alert(1))`},
		{"`code`", "\\`code\\`"},
		{"data_platform **bold**", `data\_platform \*\*bold\*\*`},
		{"데이터 엔지니어", "데이터 엔지니어"},
	}
	for _, tt := range tests {
		if got := EscapeCell(tt.in); got != tt.want {
			t.Errorf("EscapeCell(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func i32(n int32) *int32 { return &n }

func TestMarkdownFromStats(t *testing.T) {
	t.Parallel()
	st := NewStats()
	rows := []struct {
		row    PostingRow
		skills []SkillRow
	}{
		{PostingRow{Source: "a.html", Title: "Data Engineer | <b>x</b>", Company: "Acme", Language: "ko", Maturity: "cloud_startup", Role: "data_engineer", Seniority: "mid", DegreeMin: "bachelor", YearsMin: i32(3)},
			[]SkillRow{{Skill: "Airflow", Kind: "technology", Requirement: "required"}, {Skill: "Amazon EMR", Kind: "technology", Requirement: "preferred"}, {Skill: "ETL", Kind: "concept", Requirement: "required"}}},
		{PostingRow{Source: "b.html", Title: "Data Engineer", Company: "acme", Language: "en", Maturity: "cloud_startup", Role: "data_engineer", Seniority: "senior", DegreeMin: "unspecified"},
			[]SkillRow{{Skill: "Airflow", Kind: "technology", Requirement: "preferred"}, {Skill: "Amazon EMR", Kind: "technology", Requirement: "required"}}},
		{PostingRow{Source: "c.txt", Title: "Analyst", Language: "ko", Maturity: "early_service", Role: "data_analyst", Seniority: "junior", DegreeMin: "none", YearsMin: i32(0)},
			[]SkillRow{{Skill: "SQL", Kind: "technology", Requirement: "required"}}},
	}
	for _, r := range rows {
		st.Add(&r.row, r.skills, []Term{{Name: "Polars", Listed: true}})
	}
	var buf bytes.Buffer
	info := RunInfo{Version: "t", Inputs: 5, Postings: 3, Duplicates: 1, Rejected: 1, RejectedByReason: map[string]int{"binary": 1}, RejectExamples: map[string][]string{"binary": {"x.html: binary"}},
		RejectFiles: []KV{{"dump_2026.csv", 1200}}}
	if err := WriteMarkdown(&buf, st, info); err != nil {
		t.Fatal(err)
	}
	md := buf.String()
	for _, want := range []string{
		"| cloud_startup | 2 | 67% |",
		"| 1 | Airflow | 2 | 67% | 50% | 50% |",
		"| Acme | 2 | cloud_startup 2 | Airflow 2, Amazon EMR 2 |",
		"| Airflow + Amazon EMR | 2 |",
		"| binary | 1 | x.html: binary |",
		"| dump\\_2026.csv | 1200 |",
		"Data Engineer \\| &lt;b&gt;x&lt;/b&gt;",
		"| Polars | 3 | 3 | a.html |",
		"pie showData",
		"xychart-beta",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("report lacks %q", want)
		}
	}
	if strings.Contains(md, "<b>") {
		t.Error("report carries raw HTML from a posting title")
	}
}

// BenchmarkParquetSkills measures writing skill rows to a zstd Parquet file
// in row groups; bytes are the rows' string payload.
func BenchmarkParquetSkills(b *testing.B) {
	rows := make([]SkillRow, 8192)
	var n int64
	for i := range rows {
		rows[i] = SkillRow{PostingID: fmt.Sprintf("p%06d", i/40), Skill: "Apache Airflow", Kind: "technology", Category: "orchestration",
			Requirement: "required", Mentions: 2, Evidence: fmt.Sprintf("- 데이터 파이프라인 설계 및 운영 (Airflow, Spark) %d", i),
			SkillID: "airflow", Offset: int32(i), Maturity: "cloud_startup", Role: "data_engineer"}
		r := rows[i]
		n += int64(len(r.PostingID) + len(r.Skill) + len(r.Kind) + len(r.Category) + len(r.Requirement) + len(r.Evidence) + len(r.SkillID) + len(r.Maturity) + len(r.Role) + 8)
	}
	b.SetBytes(n)
	for b.Loop() {
		w := NewWriter[SkillRow](io.Discard, "bench", len(rows))
		for i := 0; i < len(rows); i += 40 {
			if err := w.Write(rows[i:min(i+40, len(rows))]...); err != nil {
				b.Fatal(err)
			}
		}
		if err := w.Close(); err != nil {
			b.Fatal(err)
		}
	}
}

// TestParquetStatistics checks the statistics readers prune on: every row
// group has each column's min and max, and every column chunk a column
// index of page bounds. Page headers carry none, which saves computing the
// same bounds twice per page.
func TestParquetStatistics(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	const groupRows = 1000
	w := NewWriter[SkillRow](&buf, "test", groupRows)
	for i := range groupRows + 10 {
		row := SkillRow{PostingID: fmt.Sprintf("p%06d", i), Skill: []string{"Airflow", "Spark", "dbt"}[i%3], Kind: "technology",
			Requirement: "required", Mentions: int32(i % 7), Evidence: fmt.Sprintf("line %d", i)}
		if i%5 == 0 {
			// Null elsewhere: a later mention raised only some rows.
			later := fmt.Sprintf("later line %d", i)
			row.RequirementEvidence = &later
		}
		if err := w.Write(row); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	f, err := parquet.OpenFile(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	rgs := f.Metadata().RowGroups
	if len(rgs) != 2 {
		t.Fatalf("%d row groups, want 2", len(rgs))
	}
	for i, rg := range rgs {
		for _, cc := range rg.Columns {
			st := cc.MetaData.Statistics
			name := strings.Join(cc.MetaData.PathInSchema, ".")
			if st.MinValue == nil || st.MaxValue == nil {
				t.Errorf("row group %d, %s: no min/max", i, name)
			}
		}
	}
	if got, want := string(rgs[0].Columns[1].MetaData.Statistics.MinValue), "Airflow"; got != want {
		t.Errorf("row group 0 skill min = %q, want %q", got, want)
	}
	if got, want := string(rgs[0].Columns[1].MetaData.Statistics.MaxValue), "dbt"; got != want {
		t.Errorf("row group 0 skill max = %q, want %q", got, want)
	}
	if n, want := len(f.ColumnIndexes()), 2*len(rgs[0].Columns); n != want {
		t.Errorf("%d column indexes, want %d", n, want)
	}
	for i, ci := range f.ColumnIndexes() {
		if len(ci.MinValues) == 0 || len(ci.MinValues) != len(ci.MaxValues) {
			t.Errorf("column index %d: %d min, %d max values", i, len(ci.MinValues), len(ci.MaxValues))
		}
	}
}

// The report's new terms are those listed beside a known technology in a
// posting at least and seen in two, the most often listed first; a
// frequent term never listed (a trade's acronym) is left to the JSONL.
func TestTopTerms(t *testing.T) {
	st := NewStats()
	add := func(terms ...Term) { st.Add(&PostingRow{Source: "x.txt"}, nil, terms) }
	for range 9 {
		add(Term{Name: "NDC"})
	}
	add(Term{Name: "Dagster", Listed: true}, Term{Name: "Prefect", Listed: true}, Term{Name: "Once", Listed: true})
	add(Term{Name: "Dagster", Listed: true}, Term{Name: "Prefect"})
	add(Term{Name: "Prefect"})
	if got, want := topTerms(st, 20), []string{"Dagster", "Prefect"}; !slices.Equal(got, want) {
		t.Errorf("topTerms = %q, want %q", got, want)
	}
	if got := topTerms(st, 1); !slices.Equal(got, []string{"Dagster"}) {
		t.Errorf("topTerms(1) = %q", got)
	}
	if ts := st.Terms["Prefect"]; ts.Postings != 3 || ts.Listed != 1 {
		t.Errorf("Prefect = %+v, want 3 postings, 1 listed", *ts)
	}
}
