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
