package extract

import (
	"bytes"
	"fmt"
	"io"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"testing/iotest"
	"unicode/utf8"

	xunicode "golang.org/x/text/encoding/unicode"
)

type split struct {
	source, reason, enc string
	rec                 map[string]any
}

func records(t *testing.T, format, data string, maxBytes int64) []split {
	t.Helper()
	var out []split
	err := Records("f."+format, format, strings.NewReader(data), maxBytes, func(in Input) bool {
		s := split{source: in.Source, rec: in.Record, enc: in.Encoding}
		if in.Err != nil {
			s.reason = in.Err.Reason
		}
		out = append(out, s)
		return true
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestRecordsJSONL(t *testing.T) {
	t.Parallel()
	data := "\ufeff{\"title\":\"a\"}\n\n{not json}\n[1,2]\n" + `{"title":"` + strings.Repeat("x", 300) + `"}` + "\n{\"title\":\"last\"}"
	got := records(t, "jsonl", data, 200)
	want := []struct{ source, reason string }{
		{"f.jsonl#1", ""}, {"f.jsonl#3", ReasonBadJSON}, {"f.jsonl#4", ReasonBadJSON}, {"f.jsonl#5", ReasonTooLarge}, {"f.jsonl#6", ""},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d records, want %d: %+v", len(got), len(want), got)
	}
	for i, w := range want {
		if got[i].source != w.source || got[i].reason != w.reason {
			t.Errorf("record %d = %s %q, want %s %q", i, got[i].source, got[i].reason, w.source, w.reason)
		}
	}
	if got[4].rec["title"] != "last" {
		t.Errorf("last record without a newline: %v", got[4].rec)
	}
}

// TestRecordsJSONNested: an API answer's list of postings is found down a
// chain of wrapper objects, and a GraphQL edge is read as its node; an
// object with text of its own, or two objects, is not a wrapper.
func TestRecordsJSONNested(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("Python and SQL. ", 20)
	for _, tt := range []struct {
		name, data string
		titles     []string
	}{
		{"data.jobs", `{"status":"ok","count":2,"data":{"jobs":[{"title":"a"},{"title":"b"}]}}`, []string{"a", "b"}},
		{"graphql edges", `{"data":{"jobSearch":{"totalCount":2,"edges":[{"cursor":"x1","node":{"title":"a"}},{"node":{"title":"b"}}]}}}`, []string{"a", "b"}},
		{"three deep, another name", `{"response":{"body":{"page":1,"jobPostings":[{"title":"a"}]}}}`, []string{"a"}},
		{"an edge with more than a node", `{"data":{"edges":[{"node":{"title":"a"},"score":1}]}}`, []string{""}},
		{"a posting with one object", `{"title":"a","company":{"name":"Acme","items":[{"x":1}]},"description":"` + long + `"}`, []string{"a"}},
		{"long text beside", `{"note":"` + long + `","data":{"jobs":[{"title":"a"},{"title":"b"}]}}`, []string{""}},
		{"two objects", `{"meta":{"page":1},"payload":{"jobs":[{"title":"a"},{"title":"b"}]}}`, []string{""}},
		{"spring data page", `{"content":[{"title":"a"},{"title":"b"}],"pageable":{"pageNumber":0},"totalElements":2,"last":true}`, []string{"a", "b"}},
		{"spring data page, nested", `{"result":{"content":[{"title":"a"}],"totalPages":1,"sort":{"sorted":false}}}`, []string{"a"}},
		{"a posting whose content is blocks", `{"content":[{"type":"p","text":"x"},{"type":"p","text":"y"}],"company":"Acme","views":3}`, []string{""}},
		{"a page with a title of its own", `{"title":"a","content":[{"title":"b"}],"totalElements":1}`, []string{"a"}},
	} {
		got := records(t, "json", tt.data, 1<<20)
		var titles []string
		for _, g := range got {
			if g.reason != "" {
				t.Errorf("%s: %s rejected: %s", tt.name, g.source, g.reason)
			}
			title, _ := g.rec["title"].(string)
			titles = append(titles, title)
		}
		if !slices.Equal(titles, tt.titles) {
			t.Errorf("%s: records with titles %q, want %q", tt.name, titles, tt.titles)
		}
	}
}

// TestRecordsJSONLPages: a JSONL line that holds a page of an API's
// answers gives one record for each posting, named by line and place; a
// posting's own list does not.
func TestRecordsJSONLPages(t *testing.T) {
	t.Parallel()
	data := `{"page":1,"total":3,"data":{"jobs":[{"title":"a"},{"title":"b"}]}}` + "\n" +
		`{"page":2,"results":[{"node":{"title":"c"}},"x"]}` + "\n" +
		`{"title":"d","positions":[{"city":"Seoul"},{"city":"Busan"}]}` + "\n" +
		`{"jobs":[]}` + "\n"
	got := records(t, "jsonl", data, 1<<20)
	var ids []string
	for _, g := range got {
		title, _ := g.rec["title"].(string)
		ids = append(ids, g.source+" "+title+" "+g.reason)
	}
	want := []string{"f.jsonl#1.1 a ", "f.jsonl#1.2 b ", "f.jsonl#2.1 c ", "f.jsonl#2.2  " + ReasonBadJSON, "f.jsonl#3 d ", "f.jsonl#4  "}
	if !slices.Equal(ids, want) {
		t.Errorf("records:\n%s\nwant:\n%s", strings.Join(ids, "\n"), strings.Join(want, "\n"))
	}
}

func TestRecordsJSON(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, data string
		sources    []string
		reasons    []string
	}{
		{"array", `[{"title":"a"}, {"title":"b"}, "x"]`, []string{"f.json#1", "f.json#2", "f.json#3"}, []string{"", "", ReasonBadJSON}},
		{"object", ` {"title":"one"}`, []string{"f.json#1"}, []string{""}},
		{"wrapper", `{"jobs":[{"title":"a"},{"title":"b"}]}`, []string{"f.json#1", "f.json#2"}, []string{"", ""}},
		{"wrapper of another name", `{"total":2,"query":"data engineer","jobPostings":[{"title":"a"},{"title":"b"}]}`, []string{"f.json#1", "f.json#2"}, []string{"", ""}},
		{"a posting with a list", `{"title":"a","locations":[{"city":"Seoul"},{"city":"Busan"}],"description":"` + strings.Repeat("Python and SQL. ", 20) + `"}`, []string{"f.json#1"}, []string{""}},
		{"two lists", `{"hits":[{"title":"a"}],"facets":[{"name":"b"}]}`, []string{"f.json#1"}, []string{""}},
		{"a short posting with a list", `{"Title":"Data Engineer","locations":[{"city":"Seoul"},{"city":"Busan"}]}`, []string{"f.json#1"}, []string{""}},
		{"truncated array", `[{"title":"a"}, {"title":`, []string{"f.json#1", "f.json#2"}, []string{"", ReasonBadJSON}},
		{"deep", strings.Repeat("[", 20000) + strings.Repeat("]", 20000), []string{"f.json#1"}, []string{ReasonBadJSON}},
		{"pretty object", "{\n  \"title\": \"a\"\n}\n", []string{"f.json#1"}, []string{""}},
		// JSON Lines named .json: ids are line numbers, as in .jsonl.
		{"json lines", "\ufeff{\"title\":\"a\"}\n{\"title\":\"b\"}\n\n{\"title\":", []string{"f.json#1", "f.json#2", "f.json#4"}, []string{"", "", ReasonBadJSON}},
		{"json lines after blank lines", "\n\r\n {\"title\":\"a\"} \n  {\"title\":\"b\"}", []string{"f.json#3", "f.json#4"}, []string{"", ""}},
		{"object then junk", "{\"title\":\"a\"}\nx", []string{"f.json#1", "f.json#2"}, []string{"", ReasonBadJSON}},
		{"object then array", "{\"title\":\"a\"}\n[]", []string{"f.json#1", "f.json#2"}, []string{"", ReasonBadJSON}},
		{"long first line", "{\"title\":\"" + strings.Repeat("a", 100) + "\"}\n{\"title\":\"b\"}", []string{"f.json#1", "f.json#2"}, []string{ReasonTooLarge, ""}},
	}
	for _, tt := range tests {
		limit := int64(1 << 20)
		if tt.name == "long first line" {
			limit = 64
		}
		got := records(t, "json", tt.data, limit)
		if len(got) != len(tt.sources) {
			t.Errorf("%s: got %d records, want %d", tt.name, len(got), len(tt.sources))
			continue
		}
		for i := range got {
			if got[i].source != tt.sources[i] || got[i].reason != tt.reasons[i] {
				t.Errorf("%s: record %d = %s %q, want %s %q", tt.name, i, got[i].source, got[i].reason, tt.sources[i], tt.reasons[i])
			}
		}
	}
}

// TestRecordsJSONSequences: a .json file holding several values one
// after another, or one cut short, gives every record it holds and a
// bad_json reject for what it could not read; nothing is dropped without
// a word.
func TestRecordsJSONSequences(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		name, data string
		want       string // source:reason of each record, then its title
	}{
		{"arrays in a row", `[{"title":"a"}][{"title":"b"},{"title":"c"}]`, "#1: a|#2: b|#3: c"},
		{"an array a line", "[{\"title\":\"a\"}]\n[{\"title\":\"b\"}]\n", "#1: a|#2: b"},
		{"garbage after the array", `[{"title":"a"}] garbage}}`, "#1: a|#2:bad_json "},
		{"an object after the array", `[{"title":"a"}]{"title":"b"}`, "#1: a|#2:bad_json "},
		{"not closed", "[{\"title\":\"a\"},\n", "#1: a|#2:bad_json "},
		{"opened only", "[   \n  ", "#1:bad_json "},
		{"objects in a row", `{"title":"a"}{"title":"b"} {"jobs":[{"title":"c"}]}`, "#1: a|#2: b|#3.1: c"},
		{"garbage after the object", `{"title":"a"} garbage}}`, "#1: a|#2:bad_json "},
		{"one broken object", `{"title":"a",}`, "#1:bad_json "},
		{"Python's NaN", `[{"title":"a","salary":NaN,"min":-Infinity},{"title":"b","max":Infinity}]`, "#1: a|#2: b"},
		{"NaN in a string stays", `[{"title":"NaN or Infinity","x":"-Infinity"}]`, "#1: NaN or Infinity"},
		{"a word that is not NaN", `[{"title":"a","x":NaNa},{"title":"b"}]`, "#1:bad_json "},
		{"a number too large", `[{"title":"a","salary":1e999,"n":[2,1e400]},{"title":"b"}]`, "#1: a|#2: b"},
		{"a number too large, and more", `{"title":"a","salary":1e999} x`, "#1: a|#2:bad_json "},
		{"an element over the limit", `[{"title":"a"},{"title":"` + strings.Repeat("b", 2<<20) + `"},{"title":"c"}]`, "#1: a|#2:too_large |#3: c"},
		{"an element far over the limit", `[{"title":"a"},{"title":"` + strings.Repeat("b", 4<<20) + `"},{"title":"c"}]`, "#1: a|#2:too_large "},
	} {
		var got []string
		for _, g := range records(t, "json", tt.data, 2<<20-100) {
			title, _ := g.rec["title"].(string)
			got = append(got, strings.TrimPrefix(g.source, "f.json")+":"+g.reason+" "+title)
		}
		if strings.Join(got, "|") != tt.want {
			t.Errorf("%s: records %s\nwant %s", tt.name, strings.Join(got, "|"), tt.want)
		}
	}
}

// TestRecordsJSONWhiteSpace: a long run of white space inside an array
// is read in one pass. encoding/json alone scans it again on each read,
// so 4 MB of spaces took seconds; the test's 8 MB take milliseconds.
func TestRecordsJSONWhiteSpace(t *testing.T) {
	t.Parallel()
	pad := strings.Repeat(" ", 8<<20)
	got := records(t, "json", "["+pad+`{"title":"a"}`+pad+","+pad+`{"title":"b"}`+pad+"]"+pad, 1<<20)
	if len(got) != 2 || got[0].rec["title"] != "a" || got[1].rec["title"] != "b" {
		t.Errorf("records = %+v", got)
	}
	// Strings keep their white space.
	got = records(t, "json", `[{"title":"a  \"  b\\","description":"x \n\t  y"}]`, 1<<20)
	if len(got) != 1 || got[0].rec["title"] != `a  "  b\` || got[0].rec["description"] != "x \n\t  y" {
		t.Errorf("white space in strings: %+v", got)
	}
}

func TestRecordsCSV(t *testing.T) {
	t.Parallel()
	data := "title,company,description\n" +
		"\"Data Engineer\",Acme,\"line one\nline two\"\n" +
		"Short row,Acme\n" +
		"Too,many,fields,here\n" +
		"bad \"quote,x,y\n" +
		"Last,Co,text\n"
	got := records(t, "csv", data, 1<<20)
	var reasons []string
	for _, g := range got {
		reasons = append(reasons, g.source+":"+g.reason)
	}
	want := "f.csv#1:|f.csv#2:|f.csv#3:bad_csv_row|f.csv#4:bad_csv_row|f.csv#5:"
	if strings.Join(reasons, "|") != want {
		t.Errorf("CSV records = %s\nwant %s", strings.Join(reasons, "|"), want)
	}
	if got[0].rec["description"] != "line one\nline two" {
		t.Errorf("multi-line cell = %q", got[0].rec["description"])
	}
}

// TestRecordsCSVLongRow: a CSV row is not held whole past --max-bytes
// (and a little read-ahead): a header or a row with no end, or a quote
// never closed, ends the file with a too_large reject; a file of many
// short rows, far longer than the limit, is read whole.
func TestRecordsCSVLongRow(t *testing.T) {
	t.Parallel()
	const max = 1000
	long := strings.Repeat("a", 200<<10)
	var many strings.Builder
	many.WriteString("title,description\n")
	for i := range 5000 {
		fmt.Fprintf(&many, "DE %d,Python and SQL\n", i)
	}
	for _, tt := range []struct{ name, data, want string }{
		{"a header with no end", long, "#1:too_large"},
		{"a row with no end", "title,description\nDE,ok\nDE," + long, "#1:|#2:too_large"},
		{"a quote never closed", "title,description\nDE,\"open\n" + strings.Repeat("more\n", 50<<10) + "DE,ok\n", "#1:too_large"},
		{"a long row under the limit's read-ahead", "title,description\nDE," + strings.Repeat("b", 900) + "\nDE,ok\n", "#1:|#2:"},
	} {
		var got []string
		for _, g := range records(t, "csv", tt.data, max) {
			got = append(got, strings.TrimPrefix(g.source, "f.csv")+":"+g.reason)
		}
		if strings.Join(got, "|") != tt.want {
			t.Errorf("%s: records %s, want %s", tt.name, strings.Join(got, "|"), tt.want)
		}
	}
	if got := records(t, "csv", many.String(), max); len(got) != 5000 || got[4999].reason != "" {
		t.Errorf("5,000 short rows (%d bytes, limit %d): %d records", many.Len(), max, len(got))
	}
}

// TestRecordsJSONCP949: JSON written in CP949 (Python's default on
// Korean Windows) is read as Korean, line by line or element by element,
// and says so; a UTF-8 line beside it stays UTF-8.
func TestRecordsJSONCP949(t *testing.T) {
	t.Parallel()
	line := func(title string) string { return string(cp949(t, `{"title":"`+title+`","company":"가나다랩"}`)) }
	page := string(cp949(t, `{"page":1,"jobs":[{"title":"데이터 엔지니어"},{"title":"데이터 분석가"}]}`))
	for _, tt := range []struct{ format, data, encs string }{
		{"jsonl", line("데이터 엔지니어") + "\n" + `{"title":"데이터 분석가"}` + "\n", "euc-kr,utf-8"},
		{"json", "[" + line("데이터 엔지니어") + "," + `{"title":"데이터 분석가"}` + "]", "euc-kr,utf-8"},
		{"json", string(cp949(t, `{"jobs":[{"title":"데이터 엔지니어"},{"title":"데이터 분석가"}]}`)), "euc-kr,euc-kr"},
		// A page's postings, on a JSONL line or among objects in a row.
		{"jsonl", page + "\n", "euc-kr,euc-kr"},
		{"json", line("데이터 엔지니어") + string(cp949(t, `{"title":"데이터 분석가"}`)), "euc-kr,euc-kr"},
	} {
		got := records(t, tt.format, tt.data, 1<<20)
		if len(got) != 2 || got[0].rec["title"] != "데이터 엔지니어" || got[1].rec["title"] != "데이터 분석가" {
			t.Errorf("%s %q: records %+v", tt.format, tt.data, got)
			continue
		}
		if encs := got[0].enc + "," + got[1].enc; encs != tt.encs {
			t.Errorf("%s %q: encodings %s, want %s", tt.format, tt.data, encs, tt.encs)
		}
	}
}

// TestRecordsDelimiter checks that a .csv file's delimiter comes from its
// header row and that .tsv files are split at tabs.
func TestRecordsDelimiter(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, format, data string
		want               map[string]any
	}{
		{"comma", "csv", "title,company,description\nDE,Acme,\"Python; SQL, Spark\"\n", map[string]any{"title": "DE", "company": "Acme", "description": "Python; SQL, Spark"}},
		{"semicolon", "csv", "\ufefftitle;company;description\n\"DE\";Acme;\"Python, SQL; Spark\"\n", map[string]any{"title": "DE", "company": "Acme", "description": "Python, SQL; Spark"}},
		{"tab in a .csv", "csv", "title\tcompany\tdescription\nDE\tAcme\tPython, SQL\n", map[string]any{"title": "DE", "company": "Acme", "description": "Python, SQL"}},
		{"delimiters inside a quoted header", "csv", "\"a;b;c\",company\nx,y\n", map[string]any{"a;b;c": "x", "company": "y"}},
		{"one column", "csv", "description\nPython and SQL\n", map[string]any{"description": "Python and SQL"}},
		{"tsv with a bare quote", "tsv", "title\tdescription\n6\" Data Engineer\tPython, SQL\n", map[string]any{"title": "6\" Data Engineer", "description": "Python, SQL"}},
		{"tsv whose header has commas", "tsv", "title,role\tdescription\nDE\tPython\n", map[string]any{"title,role": "DE", "description": "Python"}},
		{"Excel's sep= line", "csv", "sep=;\r\ntitle;company;description\r\nDE;Acme, Inc.;Python, SQL\r\n", map[string]any{"title": "DE", "company": "Acme, Inc.", "description": "Python, SQL"}},
		{"Excel's sep= line, quoted, after a BOM", "csv", "\ufeff\"sep=|\"\ntitle|company\nDE|Acme\n", map[string]any{"title": "DE", "company": "Acme"}},
	}
	for _, tt := range tests {
		got := records(t, tt.format, tt.data, 1<<20)
		if len(got) != 1 || got[0].reason != "" {
			t.Errorf("%s: got %+v, want one record", tt.name, got)
			continue
		}
		if fmt.Sprint(got[0].rec) != fmt.Sprint(tt.want) {
			t.Errorf("%s: record = %v, want %v", tt.name, got[0].rec, tt.want)
		}
	}
	if FormatOf("jobs.tsv.gz") != "tsv" || !IsRecordFormat("tsv") {
		t.Errorf("FormatOf(jobs.tsv.gz) = %q", FormatOf("jobs.tsv.gz"))
	}
}

func TestRecordsCSVCP949(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	buf.Write(cp949(t, "제목,회사,내용\n데이터 엔지니어,가나다,파이썬 경험 3년 이상\n"))
	got := records(t, "csv", buf.String(), 1<<20)
	if len(got) != 1 || got[0].rec["제목"] != "데이터 엔지니어" || got[0].enc != EncEUCKR {
		t.Errorf("CP949 CSV = %+v", got)
	}
}

// TestRecordsCSVMixedEncodings: each row's cells are decoded on their
// own, so Korean that first appears after 64 KB of ASCII, a CP949 row in
// a UTF-8 file (two scrapes joined) and a Windows-1252 row beside them
// all read right, each row reporting its own encoding; a CP949 file's
// cell with symbols and no Hangul stays CP949.
func TestRecordsCSVMixedEncodings(t *testing.T) {
	t.Parallel()
	ascii := strings.Repeat("DE,Acme,Python and SQL for pipelines\n", 2000) // 74 KB
	w1252 := "DE,Caf\xe9 M\xfcller,Python\n"
	tests := []struct {
		name, data string
		row        int // 1-based record to check
		company    string
		enc        string
	}{
		{"Korean after the head", "title,company,description\n" + ascii + string(cp949(t, "데이터 엔지니어,가나다,파이썬 경험 3년 이상\n")), 2001, "가나다", EncEUCKR},
		{"a CP949 row in UTF-8", "title,company,description\nDE,한글회사,Python\n" + string(cp949(t, "데이터 엔지니어,가나다,파이썬\n")), 2, "가나다", EncEUCKR},
		{"UTF-8 row beside it", "title,company,description\nDE,한글회사,Python\n" + string(cp949(t, "데이터 엔지니어,가나다,파이썬\n")), 1, "한글회사", EncUTF8},
		{"a Windows-1252 row in UTF-8", "title,company,description\nDE,한글회사,Python\n" + w1252, 2, "Café Müller", EncWin1252},
		{"a Windows-1252 file", "title,company,description\n" + w1252, 1, "Café Müller", EncWin1252},
		{"symbols in a CP949 file", string(cp949(t, "제목,회사,내용\n데이터 엔지니어,㈜,파이썬 경험 3년 이상\n")), 1, "㈜", EncEUCKR},
	}
	for _, tt := range tests {
		got := records(t, "csv", tt.data, 1<<20)
		if len(got) < tt.row || got[tt.row-1].reason != "" {
			t.Errorf("%s: %d records, want record %d read", tt.name, len(got), tt.row)
			continue
		}
		g := got[tt.row-1]
		company := g.rec["company"]
		if company == nil {
			company = g.rec["회사"]
		}
		if company != tt.company || g.enc != tt.enc {
			t.Errorf("%s: record %d company %q (%s), want %q (%s)", tt.name, tt.row, company, g.enc, tt.company, tt.enc)
		}
	}
}

// TestRecordsUTF16 checks record files saved as UTF-16, as Excel's
// "Unicode text" (tab-separated, with a byte-order mark) and Windows tools
// write them.
func TestRecordsUTF16(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, format string
		data         []byte
	}{
		{"excel unicode text", "csv", append([]byte{0xFF, 0xFE}, utf16Bytes(t, "제목\t내용\n데이터 엔지니어\t파이썬, SQL 경험\n", xunicode.LittleEndian)...)},
		{"jsonl without bom", "jsonl", utf16Bytes(t, `{"제목":"데이터 엔지니어","내용":"파이썬, SQL 경험"}`+"\n", xunicode.LittleEndian)},
		{"json big-endian", "json", append([]byte{0xFE, 0xFF}, utf16Bytes(t, `[{"제목":"데이터 엔지니어","내용":"파이썬, SQL 경험"}]`, xunicode.BigEndian)...)},
	}
	for _, tt := range tests {
		got := records(t, tt.format, string(tt.data), 1<<20)
		if len(got) != 1 || got[0].rec["제목"] != "데이터 엔지니어" || got[0].rec["내용"] != "파이썬, SQL 경험" || got[0].enc != EncUTF16 {
			t.Errorf("%s: records = %+v", tt.name, got)
		}
	}
	if got := records(t, "jsonl", `{"title":"a"}`, 1<<20); len(got) != 1 || got[0].enc != EncUTF8 {
		t.Errorf("UTF-8 JSONL: records = %+v", got)
	}
}

func TestRecordFields(t *testing.T) {
	t.Parallel()
	// A Jumpit-shaped record: sections nested under job_description, the
	// site's tags in 기술스택, experience and degree in a nested object.
	rec := map[string]any{
		"title":        "[AI] ML Engineer (경력)",
		"company_name": "가상회사",
		"requirements": map[string]any{"경력": "경력 3~7년", "학력": "대학교졸업(4년) 이상"},
		"job_description": map[string]any{
			"기술스택": "Python, PyTorch",
			"주요업무": "- 모델 학습 파이프라인 개발\n- 서빙 최적화",
			"자격요건": "- PyTorch 경험\n우대사항\n- Kubernetes 경험",
		},
		"company_info": map[string]any{"전체_직원수": "1,200명"},
	}
	p, err := NewReader(Config{}).Parse(Input{Source: "j.json#1", Format: FormatRecord, Record: rec})
	if err != nil {
		t.Fatal(err)
	}
	if p.Title != "[AI] ML Engineer (경력)" || p.Company != "가상회사" || p.Headcount != 1200 {
		t.Errorf("title, company, headcount = %q, %q, %d", p.Title, p.Company, p.Headcount)
	}
	if strings.Join(p.SiteTags, ",") != "Python,PyTorch" {
		t.Errorf("site tags = %q", p.SiteTags)
	}
	if strings.Contains(p.Text, "Python, PyTorch") {
		t.Errorf("site tags leaked into the text:\n%s", p.Text)
	}
	r := p.Requirements
	if !r.HasYears || r.YearsMin != 3 || r.YearsMax != 7 || r.Degree != DegreeBachelor {
		t.Errorf("requirements = %+v", r)
	}
	if got := p.SectionText(SectionPreferred); !strings.Contains(got, "Kubernetes") {
		t.Errorf("a 우대사항 line inside the qualifications field opens a preferred section; preferred = %q", got)
	}
	if got := p.SectionText(SectionRequirements); !strings.Contains(got, "PyTorch 경험") || strings.Contains(got, "Kubernetes") {
		t.Errorf("requirements = %q", got)
	}
}

func TestPipeJoinedField(t *testing.T) {
	t.Parallel()
	rec := map[string]any{"title": "Backend", "requirement": "ᆞ서버 개발 경험 3년 이상|[우대사항]|ᆞGraphQL 경험|ᆞAWS 경험"}
	p, err := NewReader(Config{}).Parse(Input{Source: "p.csv#1", Format: FormatRecord, Record: rec})
	if err != nil {
		t.Fatal(err)
	}
	if got := p.SectionText(SectionPreferred); !strings.Contains(got, "GraphQL") || strings.Contains(got, "서버 개발") {
		t.Errorf("preferred = %q", got)
	}
}

func TestMapFields(t *testing.T) {
	t.Parallel()
	rec := map[string]any{"job_name": "Data Analyst", "corp": "Acme", "body_text": "We need SQL and Tableau skills for our analytics team, 2+ years of experience."}
	rd := NewReader(Config{Fields: map[string][]string{RoleTitle: {"job_name"}, RoleCompany: {"Corp"}, RoleText: {"body_text"}}})
	p, err := rd.Parse(Input{Source: "m.jsonl#1", Format: FormatRecord, Record: rec})
	if err != nil {
		t.Fatal(err)
	}
	if p.Title != "Data Analyst" || p.Company != "Acme" || !strings.Contains(p.Text, "Tableau") {
		t.Errorf("mapped fields: %q %q %q", p.Title, p.Company, p.Text)
	}
}

func TestRejects(t *testing.T) {
	t.Parallel()
	rd := NewReader(Config{})
	tests := []struct {
		name string
		in   Input
		want string
	}{
		{"empty", Input{Source: "e.html", Format: FormatHTML, Data: nil}, ReasonEmpty},
		{"white space", Input{Source: "w.txt", Format: FormatText, Data: []byte(" \n\t \n")}, ReasonEmpty},
		{"binary", Input{Source: "b.html", Format: FormatHTML, Data: []byte("\x89PNG\r\n\x1a\n\x00\x00")}, ReasonBinary},
		{"no text", Input{Source: "n.html", Format: FormatHTML, Data: []byte("<html><script>x()</script><nav>menu</nav></html>")}, ReasonNoText},
		{"record without text", Input{Source: "r.jsonl#1", Format: FormatRecord, Record: map[string]any{"legal": "x"}}, ReasonNoText},
	}
	for _, tt := range tests {
		_, err := rd.Parse(tt.in)
		r, ok := err.(*Reject)
		if !ok || r.Reason != tt.want {
			t.Errorf("%s: Parse error = %v, want reason %s", tt.name, err, tt.want)
		}
	}
}

// TestTextTable checks that a table saved as text (Excel's "Unicode
// Text", a CSV export named .txt) is rejected with the fix, not read as
// one posting of all its rows, and that postings whose first line has a
// comma or a tab are still postings.
func TestTextTable(t *testing.T) {
	t.Parallel()
	rd := NewReader(Config{Fields: map[string][]string{RoleText: {"JD Body"}}})
	rows := "데이터 엔지니어\t가나다\tPython과 Airflow로 파이프라인을 구축합니다. 경력 3년 이상.\r\n" +
		"BI Analyst\tABC\tSQL and Tableau dashboards, 2+ years of experience with Looker.\r\n"
	unicodeText := append([]byte{0xFF, 0xFE}, utf16Bytes(t, "title\tcompany\tdescription\r\n"+rows, xunicode.LittleEndian)...)
	tables := []struct {
		name   string
		data   []byte
		detail string
	}{
		{"excel unicode text", unicodeText, "a header row (title, company, description) and 2 rows of 3 columns separated by tabs; rename the file to end in .tsv"},
		{"csv", []byte("title,company,description\n\"Data Engineer\",A,\"Python, Spark and Airflow, 3 years\"\nAnalyst,B,\"SQL, Tableau\"\n"),
			"a header row (title, company, description) and 2 rows of 3 columns separated by commas; rename the file to end in .csv"},
		{"korean semicolons", []byte("공고명;회사명;공고내용\n데이터 엔지니어;가나다;Python과 Spark 경험 3년 이상\n"), "(공고명, 회사명, 공고내용) and 1 rows of 3 columns separated by semicolons"},
		{"a data frame's index", []byte(",title,공고내용\n0,Data Engineer,Python과 Spark 경험 3년 이상\n1,Analyst,SQL과 Tableau 대시보드\n"), `a header row ("", title, 공고내용) and 2 rows of 3 columns`},
		{"a long korean name", []byte("공고명\t채용절차_및_기타_지원_유의사항\t공고내용\n데이터 엔지니어\t서류 전형\tPython과 Spark 경험\n"), "and 1 rows of 3 columns separated by tabs"},
		{"a --map name", []byte("url\tJD Body\n1\tPython, Spark and Airflow on AWS, 3+ years\n2\tSQL and Tableau dashboards, 2+ years\n"), "(url, JD Body) and 2 rows"},
	}
	for _, tt := range tables {
		_, err := rd.Parse(Input{Source: "jobs.txt", Format: FormatText, Data: tt.data})
		if r, ok := err.(*Reject); !ok || r.Reason != ReasonNotPosting || !strings.Contains(r.Detail, tt.detail) {
			t.Errorf("%s: Parse error = %v, want %s with %q", tt.name, err, ReasonNotPosting, tt.detail)
		}
	}
	postings := map[string]string{
		"title with a comma": "Data Engineer, Platform\nWe build pipelines with Python, Spark and Airflow.\nRequirements: 3+ years of SQL.\n",
		"sections as header": "Description, Requirements\nWe build data pipelines with Python, Spark and Airflow on AWS.\nYou have 3+ years of experience with SQL.\nNice to have: Kafka\n",
		"tab-indented":       "Title\tData Engineer\n\t- Python과 Airflow 경험 3년 이상\n\t- Spark, Kafka 우대\n주요 업무: 데이터 파이프라인 구축과 운영\n",
		"names and values":   "Title\tData Engineer\nCompany\tABC\nDescription\tPython, Spark and Airflow pipelines; 3+ years of SQL\n",
		"header, no rows":    "title,company,description\nWe build pipelines with Python and Spark for our analytics platform team.\n",
	}
	for name, data := range postings {
		if _, err := rd.Parse(Input{Source: "p.txt", Format: FormatText, Data: []byte(data)}); err != nil {
			t.Errorf("%s: Parse error = %v, want a posting", name, err)
		}
	}
}

// TestTokenPerLine checks that a token-level NER data set (CoNLL, BIO or
// BIOES tags, one or more columns) is not a posting, while postings whose
// lines end in a capital O or a short tag-like word still are.
func TestTokenPerLine(t *testing.T) {
	t.Parallel()
	rd := NewReader(Config{})
	sentence := "Experience O\nwith O\nApache B-Skill\nSpark I-Skill\n. O\n\n"
	notPostings := map[string]string{
		"conll":          strings.Repeat(sentence, 5),
		"four columns":   strings.Repeat("Spark NNP B-NP S-Skill\nand CC O O\n", 12),
		"a stray line":   "-DOCSTART- -X- O O\n" + strings.Repeat(sentence, 6) + "# a comment line without a tag\n",
		"tabs and BIOES": strings.Repeat("데이터\tB-Skill\n엔지니어링\tE-Skill\n경험\tO\n", 8),
	}
	for name, data := range notPostings {
		_, err := rd.Parse(Input{Source: "set.txt", Format: FormatText, Data: []byte(data)})
		if r, ok := err.(*Reject); !ok || r.Reason != ReasonNotPosting {
			t.Errorf("%s: Parse error = %v, want %s", name, err, ReasonNotPosting)
		}
	}
	const goodPosting = "Data Engineer\nRequirements\n- 3+ years of experience with Python and Airflow\n- SQL O\n"
	postings := map[string]string{
		"plain":       goodPosting,
		"short lines": strings.Repeat("Team O\nPython B-\n", 3) + goodPosting,
		"half tagged": strings.Repeat("Spark B-Skill\nWe build data pipelines on Spark and Airflow for our customers.\n", 15),
		"few lines":   strings.Repeat("Apache B-Skill\n", 19),
	}
	for name, data := range postings {
		if n, ok := tokenPerLine(data); ok {
			t.Errorf("%s: read as an annotation file (%d tagged lines)", name, n)
		}
	}
}

// TestTextFileHoldingHTML checks that an HTML page saved under a text
// name is read as a page, and that text mentioning a tag is not.
func TestTextFileHoldingHTML(t *testing.T) {
	t.Parallel()
	rd := NewReader(Config{})
	page := "\ufeff\n  <!DOCTYPE html>\n<html><head><title>Data Engineer - Acme</title><style>li{color:red}</style></head><body>" +
		"<h1>Data Engineer</h1><h2>Requirements</h2><ul><li>3+ years of experience with Python and Airflow</li></ul><script>var x=1;</script></body></html>"
	for _, data := range []string{page, strings.Replace(page, "<!DOCTYPE html>\n", "", 1)} {
		p, err := rd.Parse(Input{Source: "page.txt", Format: FormatText, Data: []byte(data)})
		if err != nil {
			t.Fatal(err)
		}
		if p.Format != FormatHTML || p.Title != "Data Engineer" || strings.Contains(p.Text, "<li>") || strings.Contains(p.Text, "var x") {
			t.Errorf("page in a .txt: format %s, title %q, text %q", p.Format, p.Title, p.Text)
		}
	}
	text := "<html> tags are not this job.\nData Engineer\nRequirements\n- 3+ years of experience with Python and Airflow\n"
	p, err := rd.Parse(Input{Source: "post.txt", Format: FormatText, Data: []byte(text)})
	if err != nil {
		t.Fatal(err)
	}
	if p.Format != FormatText || !strings.Contains(p.Text, "<html> tags") {
		t.Errorf("text that starts with a tag name: format %s, text %q", p.Format, p.Text)
	}
	if isHTMLPage([]byte("<htmlish><body>")) || !isHTMLPage([]byte("<HTML lang=ko><BODY>x")) || !isHTMLPage([]byte("<!doctype HTML>")) {
		t.Error("isHTMLPage on <htmlish>, <HTML lang=ko>, <!doctype HTML>")
	}
}

// TestRecordTextFieldNames checks the text field names of common job APIs
// and scrapers (Ashby's descriptionHtml, Lever's descriptionPlain,
// body_html).
func TestRecordTextFieldNames(t *testing.T) {
	t.Parallel()
	rd := NewReader(Config{})
	for _, name := range []string{"descriptionHtml", "descriptionPlain", "body_html", "job_description_html", "content_html"} {
		rec := map[string]any{"title": "Data Engineer", name: "<h2>Requirements</h2><ul><li>3+ years of experience with Python and Airflow</li></ul>"}
		p, err := rd.Parse(Input{Source: "r.jsonl#1", Format: FormatRecord, Record: rec})
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if !strings.Contains(p.Text, "3+ years of experience with Python") || strings.Contains(p.Text, "<li>") {
			t.Errorf("%s: text %q", name, p.Text)
		}
	}
}

// TestRecordWithoutTextNamesFields checks that a record whose text is in a
// field jobstack does not know says which fields it has and how to map one.
func TestRecordWithoutTextNamesFields(t *testing.T) {
	t.Parallel()
	rec := map[string]any{"tokens": []any{"Python"}, "idx": 1.0, "a1": "", "a2": "", "a3": "", "a4": "", "a5": "", "a6": "", "a7": ""}
	_, err := NewReader(Config{}).Parse(Input{Source: "s.json#3", Format: FormatRecord, Record: rec})
	r, ok := err.(*Reject)
	if !ok || r.Reason != ReasonNoText {
		t.Fatalf("Parse error = %v, want %s", err, ReasonNoText)
	}
	want := "s.json#3: no posting text found in the record's fields (a1, a2, a3, a4, a5, a6, a7, idx, and 1 more); name the text field with --map 'text=FIELD'"
	if r.Detail != want {
		t.Errorf("detail = %q\nwant     %q", r.Detail, want)
	}
}

// TestNoTextDetailLine: a short CSV row's reject names the line it is on
// when its record number does not (cells of several lines came before
// it); a JSONL line's number is its record's, and is not said twice.
func TestNoTextDetailLine(t *testing.T) {
	t.Parallel()
	data := "title,description\nDE,\"Python and SQL for our pipelines,\nAirflow on AWS, three years or more\"\nBI,short\n"
	var got []string
	rd := NewReader(Config{})
	for _, f := range []struct{ format, data string }{{"csv", data}, {"jsonl", "{\"title\":\"a\",\"description\":\"short\"}\n"}} {
		err := Records("f."+f.format, f.format, strings.NewReader(f.data), 1<<20, func(in Input) bool {
			if _, err := rd.Parse(in); err != nil {
				got = append(got, err.(*Reject).Detail)
			}
			return true
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	want := []string{"f.csv#2 (line 4): only 5 characters of text, fewer than 40", "f.jsonl#1: only 5 characters of text, fewer than 40"}
	if !slices.Equal(got, want) {
		t.Errorf("details %q\nwant %q", got, want)
	}
}

// TestEmptyPageDetail: a page of results with no postings, as an API
// answers past its last page, says so rather than asking for --map; a
// posting without text still asks.
func TestEmptyPageDetail(t *testing.T) {
	t.Parallel()
	rd := NewReader(Config{})
	for _, tt := range []struct{ data, want string }{
		{`{"page":9,"jobs":[]}`, `a page of results with no postings: "jobs" is empty`},
		{`{"status":"ok","data":{"results":[],"count":0}}`, `a page of results with no postings: "data.results" is empty`},
		{`{"content":[],"totalElements":0,"pageable":"INSTANCE"}`, `a page of results with no postings: "content" is empty`},
		{`{"content":[],"company":"Acme"}`, "no posting text found in the record's fields (company, content)"},
		{`{"tags":[],"id":3}`, "no posting text found in the record's fields (id, tags)"},
	} {
		rec, err := decodeRecord([]byte(tt.data))
		if err != nil {
			t.Fatal(err)
		}
		_, err = rd.Parse(Input{Source: "p.jsonl#2", Format: FormatRecord, Record: rec})
		r, ok := err.(*Reject)
		if !ok || r.Reason != ReasonNoText {
			t.Errorf("%s: error = %v, want %s", tt.data, err, ReasonNoText)
			continue
		}
		if !strings.HasPrefix(r.Detail, "p.jsonl#2: "+tt.want) {
			t.Errorf("%s: detail = %q, want it to begin %q", tt.data, r.Detail, tt.want)
		}
	}
}

// TestMinTextReference checks the length check, which counts runes only
// for short texts, against counting them always: around the limit, with
// runes of one to four bytes.
func TestMinTextReference(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(7, 8))
	runes := []string{" ", "\n", "a", "é", "가", "😀"}
	for range 2000 {
		// Some texts are all four-byte runes, the shortest for their count.
		palette := runes[r.IntN(len(runes)):]
		var b strings.Builder
		for range r.IntN(120) {
			b.WriteString(palette[r.IntN(len(palette))])
		}
		in := Input{Source: "t.txt", Format: FormatText, Data: []byte("x" + b.String())}
		p, err := NewReader(Config{MinText: 1}).Parse(in)
		if err != nil {
			t.Fatal(err)
		}
		n := utf8.RuneCountInString(strings.TrimSpace(p.Text))
		for _, min := range []int{n - 1, n, n + 1, r.IntN(80) + 1} {
			if min < 1 {
				continue
			}
			_, err := NewReader(Config{MinText: min}).Parse(in)
			if got, want := err != nil, n < min; got != want {
				t.Fatalf("MinText %d, %d runes in %q: rejected = %v, want %v (%v)", min, n, p.Text, got, want, err)
			}
		}
	}
}

func TestParseHeadcount(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		in     string
		lo, hi int
	}{
		{"35", 35, 35},
		{"1,200명", 1200, 1200},
		{"1001 to 5000 employees", 1001, 5000},
		{"1 to 50 employees", 1, 50},
		{"51-200", 51, 200},
		{"10000+ employees", 10000, 0},
		{"500명 이상", 500, 0},
		{"Unknown", 0, 0},
		{"1", 0, 0},
		{"", 0, 0},
	} {
		if lo, hi := parseHeadcount(tt.in); lo != tt.lo || hi != tt.hi {
			t.Errorf("parseHeadcount(%q) = %d, %d; want %d, %d", tt.in, lo, hi, tt.lo, tt.hi)
		}
	}
}

// A field a site filled with a placeholder counts as missing, so the
// next field name for the same role is read.
func TestRecordPlaceholders(t *testing.T) {
	t.Parallel()
	rec := map[string]any{
		"title":       "Data Engineer",
		"description": "Python, Spark와 Airflow로 데이터 파이프라인을 만듭니다. 경력 3년 이상.",
		"location":    "없음",
		"address":     "서울 강남구",
		"Size":        "-1",
		"industry":    "N/A",
		"company":     "Acme",
	}
	p, err := NewReader(Config{}).Parse(Input{Source: "r.jsonl#1", Format: FormatRecord, Record: rec})
	if err != nil {
		t.Fatal(err)
	}
	if p.Requirements.Location != "서울 강남구" || p.Headcount != 0 || p.Industry != "" || p.Company != "Acme" {
		t.Errorf("location, headcount, industry, company = %q, %d, %q, %q; want 서울 강남구, 0, \"\", Acme",
			p.Requirements.Location, p.Headcount, p.Industry, p.Company)
	}
	for _, s := range []string{"없음", " N/A ", "-1", "unknown", "해당 없음"} {
		if !placeholder(s) {
			t.Errorf("placeholder(%q) = false", s)
		}
	}
	for _, s := range []string{"서울", "-1000", "NAVER", "Nonesuch Inc."} {
		if placeholder(s) {
			t.Errorf("placeholder(%q) = true", s)
		}
	}
}

// A binary stream under a record format's name is one rejected input
// named by the file, however many newline bytes it holds.
func TestRecordsBinary(t *testing.T) {
	t.Parallel()
	data := "\x1f\x8b\x08\x00" + strings.Repeat("\x00\n\x03{", 5000)
	for _, format := range []string{"jsonl", "json", "csv", "tsv"} {
		got := records(t, format, data, 1<<20)
		if len(got) != 1 || got[0].source != "f."+format || got[0].reason != ReasonBinary {
			t.Errorf("%s: %+v, want one binary reject of f.%s", format, got, format)
		}
	}
	// UTF-16 text has NULs and is still text.
	got := records(t, "jsonl", "\xff\xfe{\x00\"\x00a\x00\"\x00:\x00\"\x00b\x00\"\x00}\x00\n\x00", 1<<20)
	if len(got) != 1 || got[0].reason != "" || got[0].enc != EncUTF16 {
		t.Errorf("UTF-16 JSONL: %+v", got)
	}
}

// A quote left open takes the rows after it into one bad row; the reject
// names every line it holds, so a reader knows which rows were not read.
// TestRecordsCSVNoHeader checks that a CSV file whose first row is a
// posting is one no_header reject, while long column names are names.
func TestRecordsCSVNoHeader(t *testing.T) {
	t.Parallel()
	rows := "\"Data Engineer\",ABC,\"Python and Airflow pipelines on AWS with Spark, 3+ years of SQL.\"\n" +
		"\"BI Analyst\",DEF,\"SQL and Tableau dashboards for the sales team, 2+ years of Looker.\"\n"
	for name, data := range map[string]string{
		"prose":   rows,
		"address": "Data Engineer,https://jobs.example.com/1,Spark\nAnalyst,https://jobs.example.com/2,SQL\n",
	} {
		got := records(t, "csv", data, 1<<20)
		if len(got) != 1 || got[0].source != "f.csv" || got[0].reason != ReasonNoHeader {
			t.Errorf("%s: Records = %+v, want one %s reject of f.csv", name, got, ReasonNoHeader)
		}
	}
	var detail string
	Records("f.csv", "csv", strings.NewReader(rows), 1<<20, func(in Input) bool { detail = in.Err.Detail; return true })
	if want := `f.csv:1: the first row is data, not a header (its cell 3 is "Python and Airflow pipelines on AWS with Spark, 3+ years of…")`; !strings.HasPrefix(detail, want) {
		t.Errorf("detail = %q, want it to start %q", detail, want)
	}
	// Long names without prose's spaces, and a named URL column.
	named := "채용절차_및_기타_지원_유의사항_그리고_회사가_알리는_모든_것,job_description_text_as_scraped_from_the_site,url\nx,Python and Spark,https://jobs.example.com/1\n"
	if got := records(t, "csv", named, 1<<20); len(got) != 1 || got[0].source != "f.csv#1" || got[0].reason != "" {
		t.Errorf("long names: Records = %+v, want one record", got)
	}
}

func TestRecordsCSVOpenQuote(t *testing.T) {
	t.Parallel()
	data := "title,company,description\n" +
		"One,A,\"first\"\n" +
		"Two,B,\"never closed\n" +
		"Three,C,\"swallowed\"\n" +
		"Four,D,\"read again\"\n"
	var details, titles []string
	err := Records("f.csv", "csv", strings.NewReader(data), 1<<20, func(in Input) bool {
		if in.Err != nil {
			details = append(details, in.Err.Detail)
		} else {
			titles = append(titles, in.Record["title"].(string))
		}
		return true
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(details) != 1 || !strings.HasPrefix(details[0], "f.csv:3-4: ") || !strings.Contains(details[0], "lines 3-4 are this one rejected row") {
		t.Errorf("rejects = %q, want one naming lines 3-4", details)
	}
	if !slices.Equal(titles, []string{"One", "Four"}) {
		t.Errorf("rows read = %q, want One and Four", titles)
	}
}

// A stray NUL in one row of a CSV export is that row's problem: the file
// is read row by row, not rejected whole as binary.
func TestRecordsStrayNUL(t *testing.T) {
	t.Parallel()
	data := "title,description\n" + strings.Repeat("Data Engineer,Python과 Spark로 파이프라인을 만듭니다\n", 20) +
		"Broken\x00Row,x\n" + strings.Repeat("Analyst,SQL과 Tableau 대시보드\n", 20)
	got := records(t, "csv", data, 1<<20)
	if len(got) != 41 || got[0].source != "f.csv#1" || got[0].reason != "" {
		t.Errorf("got %d inputs, first %+v; want 41 records read one by one", len(got), got[0])
	}
}

// TestRecordsPadded: a record file padded with NULs (a write cut short)
// ends at its last record, small or large, in UTF-8 or UTF-16; a small
// one of nothing but NULs is empty.
func TestRecordsPadded(t *testing.T) {
	t.Parallel()
	pad := strings.Repeat("\x00", 4096)
	many := func(format string, n int) string {
		var b strings.Builder
		if format == "csv" {
			b.WriteString("title,description\n")
		}
		for i := range n {
			if format == "csv" {
				fmt.Fprintf(&b, "Data Engineer %d,Python과 Spark로 파이프라인을 만듭니다 %d\n", i, i)
			} else {
				fmt.Fprintf(&b, `{"title":"Data Engineer %d","description":"Python과 Spark로 파이프라인을 만듭니다 %d"}`+"\n", i, i)
			}
		}
		return b.String()
	}
	for _, tt := range []struct {
		name, format, data string
		n                  int
	}{
		{"small jsonl", "jsonl", many("jsonl", 3) + pad, 3},
		{"jsonl, no newline before the padding", "jsonl", strings.TrimSuffix(many("jsonl", 3), "\n") + pad, 3},
		{"large jsonl", "jsonl", many("jsonl", 300) + pad, 300},
		{"small csv", "csv", many("csv", 3) + pad, 3},
		{"large csv", "csv", strings.TrimSuffix(many("csv", 300), "\n") + pad, 300},
		{"json array", "json", "[" + strings.ReplaceAll(strings.TrimSpace(many("jsonl", 3)), "\n", ",") + "]" + pad, 3},
		{"UTF-16 csv", "csv", string(utf16Bytes(t, many("csv", 3), xunicode.LittleEndian)) + pad, 3},
	} {
		got := records(t, tt.format, tt.data, 1<<20)
		ok := len(got) == tt.n
		for _, g := range got {
			ok = ok && g.reason == "" && !strings.ContainsRune(fmt.Sprint(g.rec), 0)
		}
		if !ok {
			t.Errorf("%s: got %d inputs %+v, want %d records", tt.name, len(got), got[max(0, len(got)-2):], tt.n)
		}
	}
	if got := records(t, "jsonl", pad, 1<<20); len(got) != 1 || got[0].reason != ReasonEmpty || got[0].source != "f.jsonl" {
		t.Errorf("a file of NULs: %+v, want one empty reject for the file", got)
	}
	if got := records(t, "csv", strings.Repeat(pad, 4), 1<<20); len(got) != 1 || got[0].reason != ReasonBinary {
		t.Errorf("16 KB of NULs: %+v, want one binary reject", got)
	}
}

// TestNulTail: the reader drops a run of NULs that ends the stream and
// passes on every other byte, whatever the sizes of the reads.
func TestNulTail(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct{ in, want string }{
		{"", ""},
		{"abc", "abc"},
		{"abc\x00\x00", "abc"},
		{"a\x00\x00b\x00", "a\x00\x00b"},
		{"\x00\x00\x00", ""},
		{"\x00a", "\x00a"},
		{strings.Repeat("\x00", 70000) + "a" + strings.Repeat("\x00", 70000), strings.Repeat("\x00", 70000) + "a"},
	} {
		for _, one := range []bool{false, true} {
			var r io.Reader = strings.NewReader(tt.in)
			if one {
				r = iotest.OneByteReader(r)
			}
			got, err := io.ReadAll(newNulTail(r))
			if err != nil || string(got) != tt.want {
				t.Errorf("nulTail(%d bytes, one byte at a time %v) = %d bytes, %v; want %d bytes", len(tt.in), one, len(got), err, len(tt.want))
			}
		}
	}
}

// TestNULs: a page or text file padded with NULs (a write cut short) or
// with a few stray NULs is read without them; a file of NULs is empty; a
// known binary format and data dense with NULs stay binary.
func TestNULs(t *testing.T) {
	t.Parallel()
	rd := NewReader(Config{})
	body := "Data Engineer\n\nWe build pipelines with Python, Airflow and AWS Glue. 3+ years of experience.\n"
	pad := strings.Repeat("\x00", 4096)
	reads := []struct {
		name, file, data string
	}{
		{"padded text", "a.txt", body + pad},
		{"padded page", "a.html", "<html><head><title>Data Engineer</title></head><body><p>" + body + "</p></body></html>\n" + pad},
		{"stray NULs", "a.txt", "Data Engineer\n\nWe build pipelines with Python,\x00 Airflow and AWS Glue.\x00 3+ years of experience.\n"},
		// Without a byte-order mark, the padding's NUL pairs would make
		// UTF-16 look binary.
		{"UTF-16 padded", "a.txt", string(append(utf16Bytes(t, body, xunicode.LittleEndian), pad...))},
		{"UTF-16 big-endian padded", "a.txt", string(append(utf16Bytes(t, body, xunicode.BigEndian), pad...))},
	}
	for _, tt := range reads {
		p, err := rd.Parse(Input{Source: tt.file, Format: FormatOf(tt.file), Data: []byte(tt.data)})
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if p.Title != "Data Engineer" || strings.ContainsRune(p.Text, 0) || !strings.Contains(p.Text, "Python, Airflow and AWS Glue") {
			t.Errorf("%s: title %q, text %q", tt.name, p.Title, p.Text)
		}
	}
	rejects := []struct {
		name, data, reason, detail string
	}{
		{"only NULs", pad, ReasonEmpty, "holds only NUL bytes, as a write"},
		{"NULs and white space", "\n \n" + pad, ReasonEmpty, "only NUL bytes and white space"},
		{"xz under a text name", "\xfd7zXZ\x00" + body + pad, ReasonBinary, "xz-compressed data"},
		{"PDF with padding", "%PDF-1.7\n" + body + pad, ReasonBinary, "a PDF document"},
		{"NULs throughout", strings.Repeat("Python\x00\x00", 200), ReasonBinary, "binary data"},
	}
	for _, tt := range rejects {
		_, err := rd.Parse(Input{Source: "a.txt", Format: FormatText, Data: []byte(tt.data)})
		if r, ok := err.(*Reject); !ok || r.Reason != tt.reason || !strings.Contains(r.Detail, tt.detail) {
			t.Errorf("%s: Parse error = %v, want %s with %q", tt.name, err, tt.reason, tt.detail)
		}
	}
}

func TestValidName(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"data/채용.txt":           "data/채용.txt",
		"bad\xffname.txt":       `bad\xFFname.txt`,
		"\xea\xb0":              `\xEA\xB0`, // a character cut short
		"a\xc3\xa9\xff#3":       `aé\xFF#3`,
		"\xed\xa0\x80surrogate": `\xED\xA0\x80surrogate`,
	} {
		if got := ValidName(in); got != want || !utf8.ValidString(got) {
			t.Errorf("ValidName(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestRecordsJSONLJoined: files joined with cat keep each one's
// byte-order mark at the start of a line, which is not bad JSON.
func TestRecordsJSONLJoined(t *testing.T) {
	t.Parallel()
	got := records(t, "jsonl", "\ufeff{\"title\":\"a\"}\n\ufeff{\"title\":\"b\"}\n", 1<<20)
	if len(got) != 2 || got[1].reason != "" || got[1].rec["title"] != "b" {
		t.Errorf("records %+v", got)
	}
}

// TestRecordsJSONBigWrapper: a .json object larger than --max-bytes that
// wraps a list of postings is read as the list streams by, each element
// numbered as a smaller file's would be; an object that is one posting
// too large, or wraps no posting-like list, is still one too_large
// reject.
func TestRecordsJSONBigWrapper(t *testing.T) {
	t.Parallel()
	const max = 2000
	jobs := func(n int) string {
		var b strings.Builder
		for i := range n {
			if i > 0 {
				b.WriteString(",")
			}
			fmt.Fprintf(&b, `{"title":"DE %d","description":"Python and SQL"}`, i+1)
		}
		return b.String()
	}
	edges := strings.ReplaceAll(strings.ReplaceAll(jobs(200), `{"title"`, `{"cursor":"c","node":{"title"`), `SQL"}`, `SQL"}}`)
	facets := `[{"name":"Seoul","count":3},{"name":"Busan","count":1}]`
	long := strings.Repeat("Python and SQL. ", 500)
	for _, tt := range []struct{ name, data, want string }{
		{"named list", `{"status":"ok","data":{"jobs":[` + jobs(200) + `]}}`, "#1-#200 DE 1..DE 200"},
		{"named list after other fields", `{"facets":` + facets + `,"meta":{"q":"de"},"results":[` + jobs(200) + `],"total":200}`, "#1-#200 DE 1..DE 200"},
		{"another name, outgrowing the limit", `{"total":200,"hits":[` + jobs(200) + `]}`, "#1-#200 DE 1..DE 200"},
		{"GraphQL edges", `{"data":{"search":{"edges":[` + edges + `]}}}`, "#1-#200 DE 1..DE 200"},
		{"a small list before the big one", `{"facets":` + facets + `,"hits":[` + jobs(200) + `]}`, "#1-#200 DE 1..DE 200"},
		{"a long string before the list", `{"note":"` + long + `","jobs":[` + jobs(3) + `]}`, "#1-#3 DE 1..DE 3"},
		{"cut short", `{"jobs":[` + jobs(200)[:5000], "#1-#102 DE 1..DE 102 #103 bad_json"},
		{"garbage after it", `{"jobs":[` + jobs(200) + `]} x`, "#1-#200 DE 1..DE 200 #201 bad_json"},
		{"one posting too large", `{"title":"DE","description":"` + long + `"}`, "#1 too_large"},
		{"a posting with a long list of another kind", `{"title":"DE","skills":[` + strings.Repeat(`{"name":"Python"},`, 300) + `{"name":"SQL"}]}`, "#1 too_large"},
		{"a list of strings", `{"ids":[` + strings.Repeat(`"abcdefgh",`, 300) + `"x"]}`, "#1 too_large"},
		{"one element too large", `{"jobs":[{"title":"DE 1"},{"title":"DE 2","description":"` + long + `"},{"title":"DE 3"}]}`, "#1-#1 DE 1..DE 1 #2 too_large #3-#3 DE 3..DE 3"},
		{"one element far too large", `{"jobs":[{"title":"DE 1"},{"title":"DE 2","description":"` + strings.Repeat("x", 200<<10) + `"},{"title":"DE 3"}]}`, "#1-#1 DE 1..DE 1 #2 too_large"},
		{"an element that is no object", `{"jobs":[` + jobs(100) + `,"x",` + jobs(1) + `]}`, "#1-#100 DE 1..DE 100 #101 bad_json #102-#102 DE 1..DE 1"},
	} {
		if len(tt.data) <= max && !strings.Contains(tt.name, "element") {
			t.Fatalf("%s: %d bytes, not over the limit", tt.name, len(tt.data))
		}
		// Runs of good records as "#a-#b first..last", others as "#k reason".
		var parts []string
		got := records(t, "json", tt.data, max)
		for i := 0; i < len(got); i++ {
			id := func(g split) string { return strings.TrimPrefix(g.source, "f.json") }
			if got[i].reason != "" {
				parts = append(parts, id(got[i])+" "+got[i].reason)
				continue
			}
			j := i
			for j+1 < len(got) && got[j+1].reason == "" {
				j++
			}
			parts = append(parts, fmt.Sprintf("%s-%s %s..%s", id(got[i]), id(got[j]), got[i].rec["title"], got[j].rec["title"]))
			i = j
		}
		if g := strings.Join(parts, " "); g != tt.want {
			t.Errorf("%s: %s\nwant %s", tt.name, g, tt.want)
		}
	}
}

// TestDecodeRecordHugeNumber: a number past float64 is a field without a
// value, and the record's other numbers read as json.Unmarshal reads them.
func TestDecodeRecordHugeNumber(t *testing.T) {
	t.Parallel()
	rec, err := decodeRecord([]byte(`{"title":"DE","salary":-1e999,"headcount":120,"n":[2.5,1e400,{"x":7}]}`))
	if err != nil {
		t.Fatal(err)
	}
	if got := fmt.Sprint(rec); got != "map[headcount:120 n:[2.5 <nil> map[x:7]] salary:<nil> title:DE]" {
		t.Errorf("record %s", got)
	}
	if _, ok := rec["headcount"].(float64); !ok {
		t.Errorf("headcount %T, want float64", rec["headcount"])
	}
	if _, err := decodeRecord([]byte(`{"salary":1e999`)); err == nil {
		t.Error("a cut object with a huge number decoded")
	}
}

// TestRecordsPythonNaN: NaN, Infinity and -Infinity, which Python's
// json.dump writes for a float with no value, are null in every JSON
// reader, also when a read ends inside one, and text in strings is kept.
func TestRecordsPythonNaN(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct{ format, data string }{
		{"jsonl", "{\"title\":\"DE\",\"salary\":NaN,\"x\":\"NaN\"}\n{\"title\":\"DA\",\"min\":-Infinity,\"x\":\"NaN\"}\n"},
		{"json", "[{\"title\":\"DE\",\"salary\":NaN,\"x\":\"NaN\"},\n {\"title\":\"DA\",\"min\":-Infinity,\"x\":\"NaN\"}]"},
	} {
		var got []string
		err := Records("f."+tt.format, tt.format, iotest.OneByteReader(strings.NewReader(tt.data)), 1<<20, func(in Input) bool {
			if in.Err != nil {
				got = append(got, in.Err.Reason)
			} else {
				got = append(got, fmt.Sprint(in.Record))
			}
			return true
		})
		want := "map[salary:<nil> title:DE x:NaN]|map[min:<nil> title:DA x:NaN]"
		if err != nil || strings.Join(got, "|") != want {
			t.Errorf("%s: records %s (%v)\nwant %s", tt.format, strings.Join(got, "|"), err, want)
		}
	}
}
