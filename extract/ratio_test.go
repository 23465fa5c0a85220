package extract

import (
	"archive/zip"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/klauspost/compress/zstd"
)

// lowRatioGuard lowers the compression-ratio guard for one test, so that
// a bomb of a few megabytes trips it: more than 10 times and 256 KB. The
// tests that use it do not run in parallel.
func lowRatioGuard(t *testing.T) {
	ratio, floor := maxRatio, ratioFloor
	maxRatio, ratioFloor = 10, 256<<10
	t.Cleanup(func() { maxRatio, ratioFloor = ratio, floor })
}

// bombRecords is n copies of one record, as JSONL or CSV: data that
// compresses hundreds of times, as a zip bomb's does.
func bombRecords(format string, n int) []byte {
	var b bytes.Buffer
	if format == "csv" {
		b.WriteString("title,company,description\n")
	}
	for range n {
		if format == "csv" {
			b.WriteString("Data Engineer,Acme,Spark and Airflow pipelines on AWS\n")
		} else {
			b.WriteString(`{"title":"Data Engineer","company":"Acme","description":"Spark and Airflow pipelines on AWS"}` + "\n")
		}
	}
	return b.Bytes()
}

// bombJSON is bombRecords' records as a JSON array, or as an API's
// answer wrapping one ({"data": {"jobs": [...]}}).
func bombJSON(n int, wrapped bool) []byte {
	rows := bytes.Split(bytes.TrimSpace(bombRecords("jsonl", n)), []byte("\n"))
	data := append(append([]byte("["), bytes.Join(rows, []byte(","))...), ']')
	if wrapped {
		data = append(append([]byte(`{"status":"ok","data":{"jobs":`), data...), "}}"...)
	}
	return data
}

// realRecords is n records of varied text, which compresses about as
// much as real postings do (3 to 5 times).
func realRecords(n int) []byte {
	words := strings.Fields("Python SQL Spark Airflow Kafka AWS GCP Azure dbt Snowflake BigQuery Redshift pipelines batch streaming " +
		"warehouse lakehouse modelling orchestration monitoring on-call 데이터 엔지니어 파이프라인 구축 운영 경험 우대 자격요건 " +
		"years experience team platform analytics reliable scalable customers product design review mentoring")
	rng := rand.New(rand.NewPCG(1, 2))
	var b bytes.Buffer
	for i := range n {
		fmt.Fprintf(&b, `{"title":"Engineer %d","description":"`, i)
		for range 40 + rng.IntN(40) {
			b.WriteString(words[rng.IntN(len(words))])
			b.WriteByte(' ')
		}
		b.WriteString("\"}\n")
	}
	return b.Bytes()
}

func gzipBytes(t *testing.T, data []byte) []byte {
	t.Helper()
	var b bytes.Buffer
	z := gzip.NewWriter(&b)
	z.Write(data)
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// zipEntry is a one-entry archive's entry, deflated, or stored when store.
func zipEntry(t *testing.T, name string, data []byte, store bool) *zip.File {
	t.Helper()
	var b bytes.Buffer
	w := zip.NewWriter(&b)
	method := zip.Deflate
	if store {
		method = zip.Store
	}
	f, err := w.CreateHeader(&zip.FileHeader{Name: name, Method: method})
	if err != nil {
		t.Fatal(err)
	}
	f.Write(data)
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	z, err := zip.NewReader(bytes.NewReader(b.Bytes()), int64(b.Len()))
	if err != nil {
		t.Fatal(err)
	}
	return z.File[0]
}

// readGuarded splits r's records and returns how many it gave and the
// error that ended it.
func readGuarded(name, format string, r io.ReadCloser) (int, error) {
	defer r.Close()
	n := 0
	err := Records(name, format, r, 1<<20, func(Input) bool { n++; return true })
	return n, err
}

// TestRatioGuard: a record file in a zip or compressed on its own that
// decompresses to far more than it takes (a zip bomb) is read up to the
// guard and then fails with an error that says why, after the records
// before it; a compressed file of varied records is read whole however
// far past the floor it goes, and so is a bomb below the floor.
func TestRatioGuard(t *testing.T) {
	lowRatioGuard(t)
	const copies = 40000 // 3.6 MB of JSONL, 2.2 MB of CSV
	dir := t.TempDir()
	gzPath := filepath.Join(dir, "bomb.jsonl.gz")
	if err := os.WriteFile(gzPath, gzipBytes(t, bombRecords("jsonl", copies)), 0o644); err != nil {
		t.Fatal(err)
	}
	zstPath := filepath.Join(dir, "bomb.jsonl.zst")
	enc, _ := zstd.NewWriter(nil)
	if err := os.WriteFile(zstPath, enc.EncodeAll(bombRecords("jsonl", copies), nil), 0o644); err != nil {
		t.Fatal(err)
	}
	enc.Close()
	realPath := filepath.Join(dir, "real.jsonl.gz")
	if err := os.WriteFile(realPath, gzipBytes(t, realRecords(5000)), 0o644); err != nil {
		t.Fatal(err)
	}
	open := func(f *zip.File) func() (io.ReadCloser, error) {
		return func() (io.ReadCloser, error) { return OpenEntry(f) }
	}
	file := func(path string) func() (io.ReadCloser, error) {
		return func() (io.ReadCloser, error) { return Open(path) }
	}
	stdin := func(data []byte) func() (io.ReadCloser, error) {
		return func() (io.ReadCloser, error) {
			r, _, err := Stream(bytes.NewReader(data))
			return r, err
		}
	}
	tests := []struct {
		name, format string
		open         func() (io.ReadCloser, error)
		whole        int // records when read whole; 0 for a bomb, -1 for one stopped before its first
	}{
		{"deflated JSONL entry", "jsonl", open(zipEntry(t, "a.jsonl", bombRecords("jsonl", copies), false)), 0},
		{"deflated CSV entry", "csv", open(zipEntry(t, "a.csv", bombRecords("csv", copies), false)), 0},
		{"gzip entry stored in a zip", "jsonl", open(zipEntry(t, "a.jsonl.gz", gzipBytes(t, bombRecords("jsonl", copies)), true)), 0},
		{"gzip entry deflated again", "jsonl", open(zipEntry(t, "a.jsonl.gz", gzipBytes(t, bombRecords("jsonl", copies)), false)), 0},
		{".jsonl.gz file", "jsonl", file(gzPath), 0},
		{".jsonl.zst file", "jsonl", file(zstPath), 0},
		{"gzip on standard input", "jsonl", stdin(gzipBytes(t, bombRecords("jsonl", copies))), 0},
		{"deflated JSON array entry", "json", open(zipEntry(t, "a.json", bombJSON(copies, false), false)), 0},
		// Its first 1 MB (--max-bytes in readGuarded) is read whole to
		// see whether it is one posting, and the guard stops it there.
		{"deflated JSON answer entry", "json", open(zipEntry(t, "a.json", bombJSON(copies, true), false)), -1},
		{"varied records past the floor", "jsonl", file(realPath), 5000},
		{"varied records in a zip", "jsonl", open(zipEntry(t, "a.jsonl", realRecords(5000), false)), 5000},
		{"a bomb below the floor", "jsonl", open(zipEntry(t, "a.jsonl", bombRecords("jsonl", 2000), false)), 2000},
		{"a stored entry", "jsonl", open(zipEntry(t, "a.jsonl", bombRecords("jsonl", copies), true)), copies},
	}
	for _, tt := range tests {
		r, err := tt.open()
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		n, err := readGuarded("jobs.zip/a."+tt.format, tt.format, r)
		if tt.whole > 0 {
			if err != nil || n != tt.whole {
				t.Errorf("%s: %d records, %v; want all %d", tt.name, n, err, tt.whole)
			}
			continue
		}
		if !errors.Is(err, ErrCompressionRatio) {
			t.Errorf("%s: %d records, error %v; want the ratio guard's", tt.name, n, err)
			continue
		}
		// The records in the first 256 KB or so are read, and the guard
		// stops the rest.
		if tt.whole < 0 && n != 0 || tt.whole == 0 && (n < 2000 || n >= copies/2) {
			t.Errorf("%s: %d records before the guard stopped it, want the first 256 KB's", tt.name, n)
		}
		if msg := err.Error(); !strings.Contains(msg, "more than 10 times its compressed size") || !strings.Contains(msg, "unpack it") {
			t.Errorf("%s: error %q", tt.name, msg)
		}
	}
}

// TestRatioGuardDefault: at the default guard, a bomb of a few megabytes
// is read whole: only streams past 1 GB are stopped.
func TestRatioGuardDefault(t *testing.T) {
	t.Parallel()
	const copies = 40000
	f := zipEntry(t, "a.jsonl", bombRecords("jsonl", copies), false)
	if ratio := f.UncompressedSize64 / f.CompressedSize64; ratio < 100 {
		t.Fatalf("the bomb compresses %d times, want more than the guard's 100", ratio)
	}
	r, err := OpenEntry(f)
	if err != nil {
		t.Fatal(err)
	}
	if n, err := readGuarded("a.jsonl", "jsonl", r); err != nil || n != copies {
		t.Errorf("%d records, %v; want all %d", n, err, copies)
	}
}
