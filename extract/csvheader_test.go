package extract

import (
	"reflect"
	"strings"
	"testing"
)

// TestCSVDuplicateHeaders: a header that names a column twice, as
// spreadsheet exports and joined scrapes write, loses no column's values.
// Text fields are joined, a blank line between them; any other field
// keeps its first non-empty value under its name and each later column
// under a numbered name.
func TestCSVDuplicateHeaders(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, data string
		want       []map[string]any
	}{
		{"two description columns", "title,description,company,description\nDE,Python and Spark,Acme,Airflow on AWS\n",
			[]map[string]any{{"title": "DE", "company": "Acme", "description": "Python and Spark\n\nAirflow on AWS"}}},
		{"a text column twice with one empty", "title,requirements,requirements\nDE,,SQL\nDA,Excel,\n",
			[]map[string]any{{"title": "DE", "requirements": "SQL"}, {"title": "DA", "requirements": "Excel"}}},
		{"the same text twice is read once", "title,description,description\nDE,Python and Spark,Python and Spark \n",
			[]map[string]any{{"title": "DE", "description": "Python and Spark"}}},
		{"names that differ only in case and spacing", "Job Description,title,job_description,Description\nPython,DE,Spark,Airflow\n",
			[]map[string]any{{"Job Description": "Python\n\nSpark", "title": "DE", "Description": "Airflow"}}},
		{"title twice", "title,company,title\nData Engineer,Acme,Senior Data Engineer\n,Beta,Analyst\nML Engineer,Gamma,\n",
			[]map[string]any{
				{"title": "Data Engineer", "company": "Acme", "title_2": "Senior Data Engineer"},
				{"title": "Analyst", "company": "Beta", "title_2": "Analyst"},
				{"title": "ML Engineer", "company": "Gamma", "title_2": ""},
			}},
		{"a numbered name already taken", "url,url,url_2\na,b,c\n",
			[]map[string]any{{"url": "a", "url_3": "b", "url_2": "c"}}},
		{"a short row", "title,company,title\nDE\n",
			[]map[string]any{{"title": "DE"}}},
	}
	for _, tt := range tests {
		var got []map[string]any
		for _, r := range records(t, "csv", tt.data, 1<<20) {
			if r.reason != "" {
				t.Errorf("%s: %s rejected as %s", tt.name, r.source, r.reason)
			}
			got = append(got, r.rec)
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s:\n got %v\nwant %v", tt.name, got, tt.want)
		}
	}
}

// TestCSVDuplicateHeadersPosting: both description columns of a row, and
// both requirements columns, are in its posting's text.
func TestCSVDuplicateHeadersPosting(t *testing.T) {
	t.Parallel()
	data := "title,company,Description,requirements,description,Requirements\n" +
		"Data Engineer,Acme,Build batch pipelines in Spark.,3 years of Python,Own the Airflow deployment on AWS.,Kafka in production\n"
	got := records(t, "csv", data, 1<<20)
	if len(got) != 1 {
		t.Fatalf("got %d records, want 1: %+v", len(got), got)
	}
	p, err := NewReader(Config{}).Parse(Input{Source: got[0].source, Format: FormatRecord, Record: got[0].rec})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Spark", "Airflow", "Python", "Kafka"} {
		if !strings.Contains(p.Text, want) {
			t.Errorf("posting text lacks %q: %q", want, p.Text)
		}
	}
	if req := p.SectionText(SectionRequirements); !strings.Contains(req, "Python") || !strings.Contains(req, "Kafka") {
		t.Errorf("requirements = %q, want both requirements columns", req)
	}
}

// TestCSVEmptyHeaderCell: a column with no name in the header (a data
// frame's index, a column a person left unnamed) is kept by its place,
// column_N, so its text can be named with --map.
func TestCSVEmptyHeaderCell(t *testing.T) {
	t.Parallel()
	data := ",title, ,description\n0,DE,Spark and Kafka pipelines on AWS with Airflow,Python\n1,DA\n"
	want := []map[string]any{
		{"column_1": "0", "title": "DE", "column_3": "Spark and Kafka pipelines on AWS with Airflow", "description": "Python"},
		{"column_1": "1", "title": "DA"},
	}
	var got []map[string]any
	for _, r := range records(t, "csv", data, 1<<20) {
		got = append(got, r.rec)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %v\nwant %v", got, want)
	}
	// --map names such a column as any other.
	rd := NewReader(Config{Fields: map[string][]string{RoleText: {"column_3"}}})
	p, err := rd.Parse(Input{Source: "f.csv#1", Format: FormatRecord, Record: want[0]})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(p.Text, "Spark and Kafka pipelines on AWS with Airflow") {
		t.Errorf("--map text=column_3: text = %q", p.Text)
	}
}
