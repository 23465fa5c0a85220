package extract

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/klauspost/compress/zstd"
)

// Compression returns the compression a file name's last extension
// names: "gzip" for .gz, "zstd" for .zst, "" otherwise. A compressed
// file is read as the file its name has without that extension:
// postings.jsonl.gz as JSONL.
func Compression(name string) string {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".gz":
		return "gzip"
	case ".zst":
		return "zstd"
	}
	return ""
}

// maxZstdWindow bounds the memory a zstd stream may ask for: the
// default levels use windows of 8 MB and less, and --long ones, which
// ask for up to 2 GB, are refused with an error instead.
const maxZstdWindow = 32 << 20

// Open opens a posting file, decompressing a .gz or .zst file as it is
// read. Reading a damaged stream returns an error at the damage.
func Open(path string) (io.ReadCloser, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	return decompress(path, f)
}

// magicCompression returns the compression whose magic bytes open head:
// "gzip", "zstd" or "".
func magicCompression(head []byte) string {
	switch {
	case bytes.HasPrefix(head, []byte("\x1f\x8b")):
		return "gzip"
	case bytes.HasPrefix(head, []byte("\x28\xb5\x2f\xfd")):
		return "zstd"
	}
	return ""
}

// decompress reads f as its name says: through gzip or zstd for a .gz or
// .zst name, as it is otherwise. It closes f when it fails.
func decompress(name string, f io.ReadCloser) (io.ReadCloser, error) {
	return decompressAs(Compression(name), f)
}

// decompressAs reads f through a compression ("gzip", "zstd"), or as it
// is for "". It closes f when it fails.
func decompressAs(kind string, f io.ReadCloser) (io.ReadCloser, error) {
	switch kind {
	case "gzip":
		z, err := gzip.NewReader(f)
		if err != nil {
			f.Close()
			return nil, fmt.Errorf("not a gzip file: %w", err)
		}
		return &decompressed{r: z, kind: "gzip", close: func() { z.Close(); f.Close() }}, nil
	case "zstd":
		z, err := zstd.NewReader(f, zstd.WithDecoderConcurrency(1), zstd.WithDecoderMaxWindow(maxZstdWindow), zstd.WithDecoderLowmem(true))
		if err != nil {
			f.Close()
			return nil, fmt.Errorf("zstd: %w", err)
		}
		return &decompressed{r: z, kind: "zstd", close: func() { z.Close(); f.Close() }}, nil
	}
	return f, nil
}

// Stream reads a stream whose name says nothing (standard input): a gzip
// or zstd stream is decompressed, known by its magic bytes, and the
// format is taken from how it starts: "zip" for a zip archive, "html" for
// markup (a page, as curl prints it), "xml" for other XML (a feed),
// "jsonl" for an object, "json" for
// an array, "csv" for a first line with a comma, semicolon or tab in it
// (a CSV header), "jsonl" otherwise.
func Stream(r io.Reader) (io.ReadCloser, string, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	var rc io.ReadCloser = io.NopCloser(br)
	if magic, _ := br.Peek(4); magicCompression(magic) != "" {
		d, err := decompressAs(magicCompression(magic), rc)
		if err != nil {
			return nil, "", err
		}
		rc = d
	}
	head := bufio.NewReaderSize(rc, 64<<10)
	peek, _ := head.Peek(4096)
	return struct {
		io.Reader
		io.Closer
	}{head, rc}, streamFormat(peek), nil
}

// streamFormat tells a record stream's format from its first bytes:
// see Stream. A byte-order mark and NULs (of UTF-16) are stepped over.
func streamFormat(head []byte) string {
	if bytes.HasPrefix(head, []byte("PK\x03\x04")) || bytes.HasPrefix(head, []byte("PK\x05\x06")) {
		return ArchiveFormat
	}
	for _, bom := range [][]byte{{0xEF, 0xBB, 0xBF}, {0xFF, 0xFE}, {0xFE, 0xFF}} {
		if bytes.HasPrefix(head, bom) {
			head = head[len(bom):]
			break
		}
	}
	head = bytes.ReplaceAll(head, []byte{0}, nil)
	head = bytes.TrimLeft(head, " \t\r\n")
	if len(head) == 0 || head[0] == '{' {
		return "jsonl"
	}
	if head[0] == '[' {
		return "json"
	}
	if head[0] == '<' {
		// Neither JSON nor a CSV header starts with '<'. XML that is
		// not XHTML (a feed, a sitemap) holds no one page's posting.
		if bytes.HasPrefix(head, []byte("<?xml")) && !bytes.Contains(bytes.ToLower(head), []byte("<html")) {
			return "xml"
		}
		return FormatHTML
	}
	line, _, _ := bytes.Cut(head, []byte("\n"))
	if bytes.ContainsAny(line, ",;\t") {
		return "csv"
	}
	return "jsonl"
}

// decompressed reads a decompressor, says which one failed when it
// fails ("gzip: unexpected EOF" for a cut file), and closes it and the
// file under it.
type decompressed struct {
	r     io.Reader
	kind  string
	close func()
}

func (d *decompressed) Read(p []byte) (int, error) {
	n, err := d.r.Read(p)
	if err != nil && err != io.EOF && !strings.HasPrefix(err.Error(), d.kind+":") {
		err = fmt.Errorf("%s: %w", d.kind, err)
	}
	return n, err
}

func (d *decompressed) Close() error {
	d.close()
	return nil
}

// ReadFile reads a whole posting file, decompressed as Open does: the
// bytes to Parse with the format FormatOf gives for the same path.
func ReadFile(path string) ([]byte, error) { return ReadFileMax(path, -1) }

// ErrTooLarge is ReadFileMax's error for a file that decompresses past
// its limit.
var ErrTooLarge = errors.New("decompresses past the limit")

// ReadFileMax is ReadFile that fails with ErrTooLarge as soon as the file
// decompresses past limit bytes (a small file can hold gigabytes of
// zeros); a negative limit is none.
func ReadFileMax(path string, limit int64) ([]byte, error) {
	r, err := Open(path)
	if err != nil {
		return nil, err
	}
	return readAllMax(r, limit)
}

// readAllMax reads r to its end and closes it, failing with ErrTooLarge
// past limit bytes (none when negative).
func readAllMax(r io.ReadCloser, limit int64) ([]byte, error) {
	var src io.Reader = r
	if limit >= 0 {
		src = io.LimitReader(r, limit+1)
	}
	data, err := io.ReadAll(src)
	if cerr := r.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return nil, err
	}
	if limit >= 0 && int64(len(data)) > limit {
		return nil, ErrTooLarge
	}
	return data, nil
}
