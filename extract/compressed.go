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
// read. Reading a damaged stream returns an error at the damage, and
// reading one that decompresses far past its size (ratioGuard) returns
// an ErrCompressionRatio error.
func Open(path string) (io.ReadCloser, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	if Compression(path) == "" {
		return f, nil
	}
	c := &counted{r: f}
	d, err := decompress(path, struct {
		io.Reader
		io.Closer
	}{c, f})
	if err != nil {
		return nil, err
	}
	return guardRatio(d, c.total), nil
}

// The compression-ratio guard. A record file is read to its end, however
// long: a legitimate 2 GB JSONL.gz of postings must be read whole, and
// memory stays bounded since no record is held past --max-bytes. But a
// small archive can decompress to any size (a zip bomb: kilobytes of
// deflate or zstd that unpack to gigabytes of the same record), and
// reading it would take hours and fill rejects.jsonl or the duplicate
// counts with copies.
//
// Real postings compress 3 to 12 times (gzip and zstd -19 of the
// corpus' CSV, JSON and JSONL files). Copies compress more: a page of
// 20 postings appended 500 times, as a scraper that re-reads a page
// writes it, 4 times with gzip, whose 32 KB window is shorter than the
// page, but 1,500 times with zstd. Deflate at its best gives 1,030 times
// (zeros), and a file of one JSONL line over and over 330 times, so a
// guard at 1,000 times would let a deflated bomb of records through.
//
// A stream is stopped once it has decompressed to more than ratioFloor
// bytes and to more than maxRatio times the compressed bytes behind it
// (a zip entry's size in the archive, the bytes read so far of a file or
// standard input): any stream is read whole up to 1 GB, and past that as
// long as it compresses as postings do. One that stops is a too_large reject that
// says how many records were read and how to read the rest (unpack it:
// a plain file is read to its end).
var (
	maxRatio   int64 = 100
	ratioFloor int64 = 1 << 30
)

// ErrCompressionRatio is the error of a stream the ratio guard stopped.
var ErrCompressionRatio = errors.New("decompresses to more than the compression-ratio guard allows")

// ratioError says how far a stream got before the guard stopped it.
type ratioError struct{ in, out int64 }

func (e *ratioError) Error() string {
	return fmt.Sprintf("decompressed to %s from %s, more than %d times its compressed size and more than %s, as a zip bomb does; the rest is not read (unpack it and pass the plain file to read it all)",
		byteSize(e.out), byteSize(e.in), maxRatio, byteSize(ratioFloor))
}

func (e *ratioError) Is(target error) bool { return target == ErrCompressionRatio }

// byteSize is a size for people: 1.5 GB, 12.0 MB, 300 bytes.
func byteSize(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}

// ratioGuard reads a decompressed stream and fails, from then on, once
// it has given more than ratioFloor bytes and more than maxRatio times
// in(), the compressed bytes behind them.
type ratioGuard struct {
	io.ReadCloser
	in  func() int64
	out int64
	err error
}

func guardRatio(r io.ReadCloser, in func() int64) io.ReadCloser {
	return &ratioGuard{ReadCloser: r, in: in}
}

func (g *ratioGuard) Read(p []byte) (int, error) {
	if g.err != nil {
		return 0, g.err
	}
	n, err := g.ReadCloser.Read(p)
	g.out += int64(n)
	if g.out > ratioFloor && g.out/maxRatio > g.in() {
		g.err = &ratioError{in: g.in(), out: g.out}
		return 0, g.err
	}
	return n, err
}

// counted counts the bytes read through it.
type counted struct {
	r io.Reader
	n int64
}

func (c *counted) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

func (c *counted) total() int64 { return c.n }

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
	c := &counted{r: r}
	br := bufio.NewReaderSize(c, 64<<10)
	var rc io.ReadCloser = io.NopCloser(br)
	if magic, _ := br.Peek(4); magicCompression(magic) != "" {
		d, err := decompressAs(magicCompression(magic), rc)
		if err != nil {
			return nil, "", err
		}
		rc = guardRatio(d, c.total)
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
