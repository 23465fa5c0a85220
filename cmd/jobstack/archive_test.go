package main

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"hash/crc32"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/encoding/korean"

	"github.com/jobstack/jobstack/extract"
)

// zipEntry is a file to put in a test archive. raw entries are written
// as given, with method and flags, so that an archive can hold what Go
// cannot read.
type zipEntry struct {
	name   string
	data   []byte
	raw    bool
	method uint16
	flags  uint16
}

func zipped(t *testing.T, entries []zipEntry) []byte {
	t.Helper()
	var b bytes.Buffer
	w := zip.NewWriter(&b)
	for _, e := range entries {
		if e.raw {
			h := &zip.FileHeader{Name: e.name, Method: e.method, Flags: e.flags,
				CRC32: crc32.ChecksumIEEE(e.data), CompressedSize64: uint64(len(e.data)), UncompressedSize64: uint64(len(e.data))}
			f, err := w.CreateRaw(h)
			if err != nil {
				t.Fatal(err)
			}
			f.Write(e.data)
			continue
		}
		f, err := w.CreateHeader(&zip.FileHeader{Name: e.name, Method: zip.Deflate})
		if err != nil {
			t.Fatal(err)
		}
		f.Write(e.data)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestArchives reads zip archives as the folders they unpack to: every
// entry is an input of its own, named ARCHIVE/ENTRY, and every entry that
// gives no posting is in rejects.jsonl with its reason.
func TestArchives(t *testing.T) {
	in := filepath.Join(t.TempDir(), "in")
	english := "Data Analyst\nRequirements\n- 2+ years of SQL and Tableau dashboards for the sales team\n- Python for ad-hoc analysis\n"
	entries := []zipEntry{
		{name: "postings/"}, // a folder
		{name: "postings/rows.csv", data: []byte("title,description\n데이터 엔지니어,\"" + goodKorean + "\"\nBI Analyst,\"Looker와 BigQuery로 경영 대시보드를 구축합니다. 경력 2년 이상.\"\n")},
		{name: "postings/page.html", data: []byte("<html><body><main><h2>Requirements</h2><p>4+ years building Spark and Airflow pipelines on AWS Glue and EMR.</p></main></body></html>")},
		{name: "postings/analyst.txt", data: []byte(english)},
		{name: "postings/recs.jsonl.gz", data: gzipped(t, []byte(`{"title":"ML Engineer","text":"PyTorch 모델 서빙과 Kubernetes 배포를 맡습니다. 경력 4년 이상."}`+"\n"+
			`{"title":"MLOps Engineer","text":"Kubeflow와 MLflow로 학습 파이프라인을 운영합니다. 경력 3년 이상."}`+"\n"))},
		{name: "postings/empty.txt", data: nil},
		{name: "postings/notes.pdf", data: []byte("%PDF-1.4")},
		{name: "postings/README.md", data: []byte("# Postings\n\nScraped from the data engineer search in March; one posting a file.\n")},
		{name: "postings/inner.zip", data: zipped(t, []zipEntry{{name: "a.txt", data: []byte(english)}})},
		{name: "postings/huge.txt", data: bytes.Repeat([]byte("Spark "), 200_000)}, // over --max-bytes
		{name: "postings/locked.txt", data: []byte(english), raw: true, method: zip.Store, flags: 0x1},
		{name: "postings/lzma.txt", data: []byte(english), raw: true, method: 14},
		{name: "postings/corrupt.txt", data: []byte("\xff\xfe not deflate at all"), raw: true, method: zip.Deflate},
		// Never read: resource forks and hidden folders.
		{name: "__MACOSX/postings/._rows.csv", data: []byte("\x00\x05\x16\x07 AppleDouble")},
		{name: ".git/HEAD", data: []byte("ref: refs/heads/main\n")},
	}
	write(t, filepath.Join(in, "jobs.zip"), zipped(t, entries))
	whole := zipped(t, entries[:4])
	write(t, filepath.Join(in, "cut.zip"), whole[:len(whole)/2]) // a download cut short
	write(t, filepath.Join(in, "folders.zip"), zipped(t, []zipEntry{{name: "a/"}, {name: "a/b/"}}))
	// The same resource forks unpacked: a walk skips them too.
	write(t, filepath.Join(in, "__MACOSX", "._jobs.zip"), []byte("\x00\x05\x16\x07"))

	out, _ := analyzeInto(t, "--max-bytes", "1000000", in)
	m := readManifest(t, out)
	// jobs.zip: 2 + 1 + 1 + 2 records and pages that give postings, and 8
	// entries that do not; cut.zip and folders.zip one each.
	if m.Inputs != 16 || m.Postings != 6 || m.Rejected != 10 {
		t.Errorf("inputs %d, postings %d, rejected %d; want 16, 6, 10 (%v)", m.Inputs, m.Postings, m.Rejected, m.RejectedByReason)
	}
	rej := readRejects(t, out)
	for name, want := range map[string]struct{ reason, detail string }{
		"empty.txt":   {extract.ReasonEmpty, "jobs.zip/postings/empty.txt: file is empty"},
		"notes.pdf":   {extract.ReasonUnsupportedType, `".pdf" files are not read`},
		"README.md":   {extract.ReasonNotPosting, "jobs.zip/postings/README.md: a folder's documentation file"},
		"inner.zip":   {extract.ReasonUnsupportedType, "an archive inside an archive"},
		"huge.txt":    {extract.ReasonTooLarge, "more than --max-bytes 1000000"},
		"locked.txt":  {extract.ReasonReadError, "encrypted"},
		"lzma.txt":    {extract.ReasonReadError, "method 14"},
		"corrupt.txt": {extract.ReasonReadError, "jobs.zip/postings/corrupt.txt: flate"},
		"cut.zip":     {extract.ReasonReadError, "not a readable zip archive"},
		"folders.zip": {extract.ReasonEmpty, "holds no files"},
	} {
		r, ok := rej[name]
		if !ok || r.Reason != want.reason || !strings.Contains(r.Detail, want.detail) {
			t.Errorf("rejects.jsonl %s: %+v, want reason %s and %q in the detail", name, r, want.reason, want.detail)
		}
	}
	for _, r := range rej {
		if strings.Contains(r.Source, "MACOSX") || strings.Contains(r.Source, ".git") {
			t.Errorf("%s was read: %+v", r.Source, r)
		}
	}
	res := duckdb(t, "SELECT source, title FROM '"+filepath.Join(out, filePostings)+"' ORDER BY source")
	var got []string
	for _, r := range res[0].Rows {
		src, _ := filepath.Rel(in, r[0].(string))
		got = append(got, src+" "+r[1].(string))
	}
	want := []string{
		"jobs.zip/postings/analyst.txt Data Analyst",
		"jobs.zip/postings/page.html ",
		"jobs.zip/postings/recs.jsonl.gz#1 ML Engineer",
		"jobs.zip/postings/recs.jsonl.gz#2 MLOps Engineer",
		"jobs.zip/postings/rows.csv#1 데이터 엔지니어",
		"jobs.zip/postings/rows.csv#2 BI Analyst",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("postings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	// explain finds a posting by the source analyze gave it.
	arc := filepath.Join(in, "jobs.zip")
	for arg, title := range map[string]string{arc + "/postings/rows.csv#2": "BI Analyst", arc + "/postings/analyst.txt": ""} {
		p, err := loadOne(arg, 1<<20)
		if err != nil || p.Source != strings.TrimSuffix(arg, "#2") && p.Source != arg {
			t.Errorf("loadOne(%s): %+v, %v", arg, p.Source, err)
			continue
		}
		if title != "" && p.Record["title"] != title {
			t.Errorf("loadOne(%s): record %v, want title %q", arg, p.Record, title)
		}
		if title == "" && !bytes.Contains(p.Data, []byte("Tableau")) {
			t.Errorf("loadOne(%s): data %q", arg, p.Data)
		}
	}
	if _, err := loadOne(arc+"/postings/missing.csv", 1<<20); err == nil || !strings.Contains(err.Error(), `no file "postings/missing.csv"`) {
		t.Errorf("loadOne of a missing entry: %v", err)
	}
}

// TestExplainFindsEveryRecord: explain finds each record by the id analyze
// gives it, which for JSONL is the line number (blank lines count) and for
// CSV the row, whatever newlines a quoted cell holds.
func TestExplainFindsEveryRecord(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"a.jsonl": "{\"title\":\"one\"}\n\n\n{\"title\":\"two\"}\n{broken\n{\"title\":\"three\"}\n",
		"b.json":  "\n{\"title\":\"one\"}\n\n{\"title\":\"two\"}\n",
		"c.csv":   "title,description\none,\"a cell\nof three\nlines\"\ntwo,x\n",
		"d.jsonl": "{\"page\":1,\"jobs\":[{\"title\":\"one\"},{\"title\":\"two\"}]}\n\n{\"page\":2,\"jobs\":[{\"title\":\"three\"}]}\n",
	}
	for name, data := range files {
		path := filepath.Join(dir, name)
		write(t, path, []byte(data))
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		extract.Records(path, extract.FormatOf(path), f, 1<<20, func(in extract.Input) bool {
			ids = append(ids, in.Source)
			return true
		})
		f.Close()
		if len(ids) < 2 {
			t.Fatalf("%s: %d records", name, len(ids))
		}
		for _, id := range ids {
			if in, err := loadOne(id, 1<<20); err != nil || in.Source != id {
				t.Errorf("loadOne(%s) = %s, %v", filepath.Base(id), filepath.Base(in.Source), err)
			}
		}
	}
	_, err := loadOne(filepath.Join(dir, "a.jsonl#2"), 1<<20)
	if err == nil || !strings.Contains(err.Error(), "no record #2; its 4 records are #1 to #6") {
		t.Errorf("a blank line's number: %v", err)
	}
	if in, err := loadOne(filepath.Join(dir, "d.jsonl#3.1"), 1<<20); err != nil || in.Record["title"] != "three" {
		t.Errorf("the first posting of the page on line 3: %v, %v", in.Record, err)
	}
}

// TestNonUTF8Names: a zip made on Korean Windows names its entries in
// CP949, and a file system may hold a name in no encoding at all.
// Postings from both keep readable sources: the CP949 name decoded (and
// found again by explain), the other with its stray bytes as \xHH, so
// DuckDB reads postings.parquet, which holds only UTF-8.
func TestNonUTF8Names(t *testing.T) {
	in := t.TempDir()
	cp, err := korean.EUCKR.NewEncoder().String("채용공고.txt")
	if err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(in, "k.zip"), zipped(t, []zipEntry{
		{name: cp, data: []byte(goodKorean)},
		{name: "zz\xff\xfe.txt", data: []byte(goodKorean + "\nTableau 대시보드 구축, Redash, 사내 지표 관리 경험")},
	}))
	write(t, filepath.Join(in, "bad\xffname.txt"), []byte("Data Engineer\n"+strings.Repeat("Spark와 Kafka로 대용량 스트리밍 파이프라인을 운영합니다. ", 5)))
	out, _ := analyzeInto(t, in)
	m := readManifest(t, out)
	if m.Postings+m.Duplicates != 3 {
		t.Fatalf("postings %d + duplicates %d, want 3 inputs read (rejects %v)", m.Postings, m.Duplicates, m.RejectedByReason)
	}
	res := duckdb(t, fmt.Sprintf("SELECT source FROM '%s' UNION ALL SELECT unnest(duplicate_sources) FROM '%s' ORDER BY 1", filepath.Join(out, filePostings), filepath.Join(out, filePostings)))
	var got []string
	for _, r := range res[0].Rows {
		got = append(got, strings.TrimPrefix(r[0].(string), in+"/"))
	}
	want := []string{`bad\xFFname.txt`, `k.zip/zz\xFF\xFE.txt`, "k.zip/채용공고.txt"}
	if !slices.Equal(got, want) {
		t.Errorf("sources %q, want %q", got, want)
	}
	var stdout, stderr bytes.Buffer
	if code := run(context.Background(), []string{"explain", filepath.Join(in, "k.zip", "채용공고.txt")}, &stdout, &stderr); code != 0 || !strings.Contains(stdout.String(), "데이터 엔지니어") {
		t.Errorf("explain of the decoded entry name: exit %d, %s%s", code, stdout.String(), stderr.String())
	}
}
