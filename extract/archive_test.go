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

// FuzzArchive reads any bytes as a zip archive the way a run does: the
// entries it would visit, each read to at most a limit, record entries
// split. Nothing may panic, and no entry may give more than the limit.
func FuzzArchive(f *testing.F) {
	var b bytes.Buffer
	w := zip.NewWriter(&b)
	for name, data := range map[string]string{
		"a/rows.csv":    "title,description\nData Engineer,Airflow와 Spark\n",
		"a/page.html":   "<html><body><h2>Requirements</h2><p>Python</p></body></html>",
		"__MACOSX/._x":  "\x00\x05\x16\x07",
		"b/recs.jsonl":  `{"title":"x","text":"Kafka"}` + "\n",
		"b/empty.txt":   "",
		"b/unknown.pdf": "%PDF",
	} {
		e, _ := w.Create(name)
		e.Write([]byte(data))
	}
	w.Close()
	f.Add(b.Bytes())
	f.Add(b.Bytes()[:b.Len()/2])
	const limit = 1 << 16
	f.Fuzz(func(t *testing.T, data []byte) {
		z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			return
		}
		entries := ArchiveEntries(z)
		for i, e := range entries {
			if strings.HasSuffix(e.Name, "/") || hiddenFolder(e.Name) || i > 0 && entries[i-1].Name > e.Name {
				t.Fatalf("entry %q should not be visited here (%d of %d)", e.Name, i, len(entries))
			}
			format := FormatOf(e.Name)
			if IsRecordFormat(format) {
				r, err := OpenEntry(e)
				if err != nil {
					continue
				}
				n := 0
				Records(e.Name, format, r, limit, func(Input) bool { n++; return n < 100 })
				r.Close()
				continue
			}
			if got, err := ReadEntryMax(e, limit); err == nil && len(got) > limit {
				t.Fatalf("entry %q: %d bytes past the limit %d", e.Name, len(got), limit)
			}
		}
	})
}
