package extract

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/klauspost/compress/zstd"
	xunicode "golang.org/x/text/encoding/unicode"
)

func TestFormatOfCompressed(t *testing.T) {
	for name, want := range map[string]string{
		"a.jsonl.gz": "jsonl", "a.CSV.GZ": "csv", "a.html.zst": "html", "a.txt.gz": "text", "a.json.zst": "json",
		"a.gz": "", "a.pdf.gz": "", "a.tar.gz": "", "a.zip": "", "a.gz.txt": "text",
	} {
		if got := FormatOf(name); got != want {
			t.Errorf("FormatOf(%q) = %q, want %q", name, got, want)
		}
	}
}

// TestOpenCompressed reads the same text back from a plain, a gzip (two
// members, as concatenated .gz files are) and a zstd file, and names the
// compression when a stream is damaged.
func TestOpenCompressed(t *testing.T) {
	dir := t.TempDir()
	text := strings.Repeat("데이터 엔지니어 Spark Airflow\n", 500)
	var gz bytes.Buffer
	for _, half := range []string{text[:len(text)/2], text[len(text)/2:]} {
		z := gzip.NewWriter(&gz)
		z.Write([]byte(half))
		z.Close()
	}
	enc, _ := zstd.NewWriter(nil)
	files := map[string][]byte{"p.txt": []byte(text), "p.txt.gz": gz.Bytes(), "p.txt.zst": enc.EncodeAll([]byte(text), nil),
		"cut.txt.gz": gz.Bytes()[:gz.Len()/3], "cut.txt.zst": enc.EncodeAll([]byte(text), nil)[:40], "plain.txt.gz": []byte(text)}
	enc.Close()
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, name := range []string{"p.txt", "p.txt.gz", "p.txt.zst"} {
		r, err := Open(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		got, err := io.ReadAll(r)
		r.Close()
		if err != nil || string(got) != text {
			t.Errorf("%s: %d bytes, %v; want the %d bytes written", name, len(got), err, len(text))
		}
		if got, err := ReadFile(filepath.Join(dir, name)); err != nil || string(got) != text {
			t.Errorf("ReadFile(%s): %d bytes, %v; want the %d bytes written", name, len(got), err, len(text))
		}
	}
	for name, want := range map[string]string{"cut.txt.gz": "gzip: unexpected EOF", "cut.txt.zst": "zstd: ", "plain.txt.gz": "not a gzip file"} {
		if _, err := ReadFile(filepath.Join(dir, name)); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("ReadFile(%s): error %v, want %q", name, err, want)
		}
		r, err := Open(filepath.Join(dir, name))
		if err == nil {
			_, err = io.ReadAll(r)
			r.Close()
		}
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: error %v, want %q", name, err, want)
		}
	}
}

// TestStream checks standard input's sniffing: decompressed by its magic
// bytes, read as the format it starts with, its bytes unchanged.
func TestStream(t *testing.T) {
	t.Parallel()
	jsonl := "{\"title\":\"a\"}\n{\"title\":\"b\"}\n"
	csvText := "title;company;description\nData Engineer;A;Python and Spark\n"
	gz := func(s string) string {
		var b bytes.Buffer
		w := gzip.NewWriter(&b)
		w.Write([]byte(s))
		w.Close()
		return b.String()
	}
	zst := func(s string) string {
		w, _ := zstd.NewWriter(nil)
		return string(w.EncodeAll([]byte(s), nil))
	}
	utf16 := "\xff\xfe" + string(utf16Bytes(t, csvText, xunicode.LittleEndian))
	tests := []struct{ name, in, format, out string }{
		{"jsonl", jsonl, "jsonl", jsonl},
		{"blank lines first", "\n\n" + jsonl, "jsonl", "\n\n" + jsonl},
		{"json array", "[" + strings.TrimSpace(jsonl[:14]) + "]", "json", "[" + strings.TrimSpace(jsonl[:14]) + "]"},
		{"csv", csvText, "csv", csvText},
		{"csv with a bom", "\ufeff" + csvText, "csv", "\ufeff" + csvText},
		{"utf-16 csv", utf16, "csv", utf16},
		{"gzip jsonl", gz(jsonl), "jsonl", jsonl},
		{"zstd csv", zst(csvText), "csv", csvText},
		{"empty", "", "jsonl", ""},
		{"prose", "not a record\n", "jsonl", "not a record\n"},
		{"page", " <!doctype html><p>DE</p>", "html", " <!doctype html><p>DE</p>"},
		{"gzip page", gz("<html><p>DE</p></html>"), "html", "<html><p>DE</p></html>"},
		{"xhtml", `<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><p>DE</p></html>`, "html", `<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><p>DE</p></html>`},
		{"feed", `<?xml version="1.0"?><rss/>`, "xml", `<?xml version="1.0"?><rss/>`},
		{"zip", "PK\x03\x04rest", "zip", "PK\x03\x04rest"},
	}
	for _, tt := range tests {
		r, format, err := Stream(strings.NewReader(tt.in))
		if err != nil {
			t.Errorf("%s: Stream: %v", tt.name, err)
			continue
		}
		got, err := io.ReadAll(r)
		r.Close()
		if format != tt.format || err != nil || string(got) != tt.out {
			t.Errorf("%s: Stream = %q, %q, %v; want %q, %q", tt.name, format, got, err, tt.format, tt.out)
		}
	}
	// A cut gzip stream fails as it is read, naming gzip.
	r, _, err := Stream(strings.NewReader(gz(jsonl)[:12]))
	if err == nil {
		_, err = io.ReadAll(r)
	}
	if err == nil || !strings.Contains(err.Error(), "gzip") {
		t.Errorf("cut gzip: error %v, want one naming gzip", err)
	}
}
