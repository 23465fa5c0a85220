package extract

import (
	"archive/zip"
	"bytes"
	"strings"
	"testing"
)

func TestSplitArchivePath(t *testing.T) {
	files := map[string]bool{"data/jobs.zip": true, "Old.ZIP": true}
	isFile := func(p string) bool { return files[p] }
	for _, c := range []struct{ in, archive, entry string }{
		{"data/jobs.zip/2026-11/a.csv#3", "data/jobs.zip", "2026-11/a.csv#3"},
		{"Old.ZIP/x.html", "Old.ZIP", "x.html"},
		{"data/jobs.zip", "", ""},                  // the archive itself
		{"data/zips.zip.d/jobs.zip/a.txt", "", ""}, // no such archive
		{"plain/a.csv#1", "", ""},
	} {
		a, e, ok := SplitArchivePath(c.in, isFile)
		if a != c.archive || e != c.entry || ok != (c.archive != "") {
			t.Errorf("SplitArchivePath(%q) = %q, %q, %v; want %q, %q", c.in, a, e, ok, c.archive, c.entry)
		}
	}
	// The first ".zip/" that is a file wins; a folder named like an
	// archive is passed over.
	files = map[string]bool{"a.zip/b.zip": true}
	if a, e, _ := SplitArchivePath("a.zip/b.zip/c.txt", func(p string) bool { return files[p] }); a != "a.zip/b.zip" || e != "c.txt" {
		t.Errorf("folder named .zip: %q, %q", a, e)
	}
}

func TestArchiveEntries(t *testing.T) {
	var b bytes.Buffer
	w := zip.NewWriter(&b)
	for _, name := range []string{"z.csv", "a/", "a/b.txt", "__MACOSX/a/._b.txt", ".hidden/x.txt", "a/.cache/y.txt", ".DS_Store", "a/A.txt"} {
		if _, err := w.Create(name); err != nil {
			t.Fatal(err)
		}
	}
	w.Close()
	z, err := zip.NewReader(bytes.NewReader(b.Bytes()), int64(b.Len()))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range ArchiveEntries(z) {
		got = append(got, f.Name)
	}
	// .DS_Store is a file, not a folder: like a walk, the run reads it
	// and rejects it as a file it does not know.
	if want := ".DS_Store a/A.txt a/b.txt z.csv"; strings.Join(got, " ") != want {
		t.Errorf("entries %q, want %q", got, want)
	}
}
