package extract

import (
	"archive/zip"
	"errors"
	"fmt"
	"io"
	"path"
	"slices"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/korean"
)

// Zip archives are read entry by entry, as the folder they would unpack
// to: each entry is a posting file of its own, named by the archive's
// path, a slash and the entry's name (jobs.zip/2026-11/postings.csv#3).

// ArchiveFormat is Stream's name for a zip archive on a stream.
const ArchiveFormat = "zip"

// IsArchive reports whether a file name is a zip archive.
func IsArchive(name string) bool {
	return strings.EqualFold(path.Ext(name), ".zip")
}

// OpenArchive opens a zip archive. An archive cut short (a download
// stopped early) has no central directory, its index, and fails here. A
// name that would unpack outside the folder (../x) is only a name to a
// reader that does not unpack, and is read.
func OpenArchive(path string) (*zip.ReadCloser, error) {
	z, err := zip.OpenReader(path)
	if err != nil && !errors.Is(err, zip.ErrInsecurePath) {
		return nil, fmt.Errorf("not a readable zip archive: %w", err)
	}
	for _, f := range z.File {
		f.Name = entryName(f)
	}
	return z, nil
}

// entryName is an entry's name as UTF-8. A zip made on Korean Windows
// stores names in CP949 without the flag that says UTF-8; those are
// decoded, so the postings' sources name the entry as the user sees it.
// A name that is neither stays as it is (ValidName escapes it).
func entryName(f *zip.File) string {
	if !f.NonUTF8 || utf8.ValidString(f.Name) {
		return f.Name
	}
	name, err := korean.EUCKR.NewDecoder().String(f.Name)
	if err != nil || strings.ContainsRune(name, utf8.RuneError) {
		return f.Name
	}
	return name
}

// ArchiveEntries returns the entries of a zip archive that a walk of the
// folder it unpacks to would visit, in name order: not folders, and
// nothing under a hidden folder (.git) or the __MACOSX folder of
// resource forks that macOS adds beside every file it zips.
func ArchiveEntries(z *zip.Reader) []*zip.File {
	var out []*zip.File
	for _, f := range z.File {
		if strings.HasSuffix(f.Name, "/") || hiddenFolder(f.Name) {
			continue
		}
		out = append(out, f)
	}
	slices.SortStableFunc(out, func(a, b *zip.File) int { return strings.Compare(a.Name, b.Name) })
	return out
}

// hiddenFolder reports whether an entry sits under a folder that a walk
// skips.
func hiddenFolder(name string) bool {
	dir, _ := path.Split(strings.TrimPrefix(name, "/"))
	return slices.ContainsFunc(strings.Split(dir, "/"), SkippedFolder)
}

// SkippedFolder reports whether a walk of the inputs skips a folder of
// this name: a hidden one (.git, .cache, our own staging folders) or the
// __MACOSX folder of resource forks that macOS puts beside the files of
// a zip it makes.
func SkippedFolder(name string) bool {
	return strings.HasPrefix(name, ".") && name != "." && name != ".." || name == "__MACOSX"
}

// OpenEntry opens an archive entry for reading, decompressed as Open
// decompresses a file of the same name (.jsonl.gz inside a zip), and
// guarded as Open guards it: reading an entry that decompresses to far
// more than the bytes it takes in the archive returns an
// ErrCompressionRatio error. An encrypted entry, or one compressed by a
// method Go does not read (Deflate64, LZMA), is an error that says so.
func OpenEntry(f *zip.File) (io.ReadCloser, error) {
	if f.Flags&0x1 != 0 {
		return nil, fmt.Errorf("entry is encrypted")
	}
	r, err := f.Open()
	if err == zip.ErrAlgorithm {
		return nil, fmt.Errorf("entry is compressed by method %d, which is not read (store or deflate it)", f.Method)
	}
	if err != nil {
		return nil, err
	}
	d, err := decompress(f.Name, r)
	if err != nil {
		return nil, err
	}
	// The entry's compressed size is what it takes in the archive, for
	// a .jsonl.gz entry its deflate and its gzip together.
	compressed := int64(f.CompressedSize64)
	return guardRatio(d, func() int64 { return compressed }), nil
}

// ReadEntryMax reads an archive entry as ReadFileMax reads a file.
func ReadEntryMax(f *zip.File, limit int64) ([]byte, error) {
	r, err := OpenEntry(f)
	if err != nil {
		return nil, err
	}
	return readAllMax(r, limit)
}

// SplitArchivePath splits a source such as jobs.zip/a/b.csv into the
// archive's path and the entry's name, at the first ".zip/" for which
// isFile(archive) holds; ok is false when there is none.
func SplitArchivePath(p string, isFile func(string) bool) (archive, entry string, ok bool) {
	lower := strings.ToLower(p)
	from := 0
	for {
		i := strings.Index(lower[from:], ".zip/")
		if i < 0 {
			return "", "", false
		}
		end := from + i + len(".zip")
		if isFile(p[:end]) {
			return p[:end], p[end+1:], true
		}
		from = end
	}
}
