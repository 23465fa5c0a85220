package extract

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/jobstack/jobstack/internal/hangul"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/korean"
	xunicode "golang.org/x/text/encoding/unicode"
	"golang.org/x/text/unicode/norm"
)

// Encoding names reported in Posting.Encoding.
const (
	EncUTF8    = "utf-8"
	EncUTF16   = "utf-16"
	EncEUCKR   = "euc-kr"
	EncWin1252 = "windows-1252"
)

// Decode turns raw input bytes into UTF-8 text and names the encoding it
// read them as. A byte-order mark wins, or UTF-16 without one (utf16Of);
// then valid UTF-8 (sites that declare
// EUC-KR but serve UTF-8 are common, and valid UTF-8 is almost never meant as
// anything else); then, for HTML, the charset the page declares; then a guess
// between CP949 (a superset of EUC-KR that Korean sites still serve) and
// Windows-1252. Decode never fails: undecodable bytes become U+FFFD.
func Decode(data []byte, isHTML bool) (string, string) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		return validUTF8(data[3:]), EncUTF8
	}
	if order, ok := utf16Of(data); ok {
		out, err := xunicode.UTF16(order, xunicode.UseBOM).NewDecoder().Bytes(data)
		if err == nil {
			return string(out), EncUTF16
		}
	}
	if utf8.Valid(data) {
		return string(data), EncUTF8
	}
	if isHTML {
		if enc, name := declaredCharset(data); enc != nil {
			if out, err := enc.NewDecoder().Bytes(data); err == nil {
				return string(out), canonicalCharset(name)
			}
		}
	}
	return sniffLegacy(data)
}

// declaredCharset returns the encoding a page declares in a <meta> tag
// within its first 1024 bytes, as the HTML spec's prescan does.
func declaredCharset(data []byte) (encoding.Encoding, string) {
	head := data
	if len(head) > 1024 {
		head = head[:1024]
	}
	enc, name, certain := charset.DetermineEncoding(head, "")
	if !certain || name == "" {
		return nil, ""
	}
	// DetermineEncoding answers "certain" for a BOM too; BOMs are handled
	// before, so here it is a declaration.
	return enc, name
}

func canonicalCharset(name string) string {
	switch strings.ToLower(name) {
	case "euc-kr", "ks_c_5601-1987", "cp949", "windows-949", "x-windows-949":
		return EncEUCKR
	case "utf-8", "utf8":
		return EncUTF8
	case "windows-1252", "iso-8859-1", "latin1", "us-ascii":
		return EncWin1252
	}
	return strings.ToLower(name)
}

// sniffLegacy decodes input that is not UTF-8 and declares nothing. Korean
// text decodes as CP949 with no errors and mostly Hangul syllables; anything
// else is taken as Windows-1252, which decodes every byte.
func sniffLegacy(data []byte) (string, string) {
	if out, ok := tryCP949(data); ok {
		return out, EncEUCKR
	}
	out, _ := charmap.Windows1252.NewDecoder().Bytes(data)
	return string(out), EncWin1252
}

func tryCP949(data []byte) (string, bool) {
	out, err := korean.EUCKR.NewDecoder().Bytes(data)
	if err != nil {
		return "", false
	}
	s := string(out)
	var hangul, other, bad int
	for _, r := range s {
		switch {
		case r == utf8.RuneError:
			bad++
		case r >= 0xAC00 && r <= 0xD7A3:
			hangul++
		case r >= 0x80:
			other++
		}
	}
	// x/text's decoder replaces invalid sequences instead of failing; a
	// real Korean page has at most a stray bad byte and few non-Hangul
	// symbols among its multi-byte characters.
	total := hangul + other + bad
	if hangul == 0 || bad*100 > total || other > hangul {
		return "", false
	}
	return s, true
}

func validUTF8(b []byte) string {
	if utf8.Valid(b) {
		return string(b)
	}
	return strings.ToValidUTF8(string(b), "\uFFFD")
}

// cp1252 maps the runes Windows-1252 puts at 0x80–0x9F back to their bytes.
var cp1252 = map[rune]byte{
	'€': 0x80, '‚': 0x82, 'ƒ': 0x83, '„': 0x84, '…': 0x85, '†': 0x86, '‡': 0x87,
	'ˆ': 0x88, '‰': 0x89, 'Š': 0x8A, '‹': 0x8B, 'Œ': 0x8C, 'Ž': 0x8E, '‘': 0x91,
	'’': 0x92, '“': 0x93, '”': 0x94, '•': 0x95, '–': 0x96, '—': 0x97, '˜': 0x98,
	'™': 0x99, 'š': 0x9A, '›': 0x9B, 'œ': 0x9C, 'ž': 0x9E, 'Ÿ': 0x9F,
}

func mojibakeByte(r rune) (byte, bool) {
	if r >= 0x80 && r <= 0xFF {
		return byte(r), true
	}
	b, ok := cp1252[r]
	return b, ok
}

// RepairMojibake undoes UTF-8 that was decoded as Windows-1252 or Latin-1
// ("Weâ€™re" → "We’re", "Ã©" → "é"). Only runs of characters that re-encode
// to a valid multi-byte UTF-8 sequence are replaced, so genuine Latin-1
// text ("São Paulo") is left alone. It reports whether anything changed.
func RepairMojibake(s string) (string, bool) {
	if !hasMojibakeLead(s) {
		return s, false
	}
	var b strings.Builder
	changed := false
	buf := make([]byte, 0, 8)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		lead, ok := mojibakeByte(r)
		if !ok || lead < 0xC2 || lead > 0xF4 {
			b.WriteString(s[i : i+size])
			i += size
			continue
		}
		// Collect the continuation bytes a UTF-8 sequence with this lead needs.
		need := 1
		switch {
		case lead >= 0xF0:
			need = 3
		case lead >= 0xE0:
			need = 2
		}
		buf = append(buf[:0], lead)
		j := i + size
		for k := 0; k < need && j < len(s); k++ {
			r2, size2 := utf8.DecodeRuneInString(s[j:])
			c, ok := mojibakeByte(r2)
			if !ok || c < 0x80 || c > 0xBF {
				break
			}
			buf = append(buf, c)
			j += size2
		}
		if len(buf) == need+1 && utf8.Valid(buf) {
			b.Write(buf)
			changed = true
			i = j
			continue
		}
		b.WriteString(s[i : i+size])
		i += size
	}
	if !changed {
		return s, false
	}
	return b.String(), true
}

// hasMojibakeLead reports whether s holds a rune from U+00C2 to U+00F4,
// the Latin-1 reading of a UTF-8 lead byte. In UTF-8 those runes are the
// byte 0xC3 followed by 0x82–0xB4, so a byte search finds them quickly.
func hasMojibakeLead(s string) bool {
	for i := 0; ; {
		j := strings.IndexByte(s[i:], 0xC3)
		if j < 0 {
			return false
		}
		i += j + 1
		if i < len(s) && s[i] >= 0x82 && s[i] <= 0xB4 {
			return true
		}
	}
}

// Normalize prepares decoded text for matching: NFKC (full-width Latin and
// digits become ASCII, compatibility characters unfold), control and
// zero-width characters removed, white space collapsed within lines, lines
// trimmed, and no more than one blank line in a row.
func Normalize(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	blank := 0
	start := true
	for len(s) > 0 {
		// Line by line: NFKC never composes across a newline nor makes one.
		var line string
		line, s = cutLine(s)
		if !plainLine(line) {
			line = cleanLine(nfkc(line))
		}
		if line == "" {
			if !start {
				blank++
			}
			continue
		}
		if !start {
			b.WriteByte('\n')
			if blank > 0 {
				b.WriteByte('\n')
			}
		}
		blank = 0
		start = false
		b.WriteString(line)
	}
	return b.String()
}

// cutLine returns the first line of s and the text after its newline.
func cutLine(s string) (line, rest string) {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i], s[i+1:]
	}
	return s, ""
}

// plainLine reports whether a line is already what Normalize makes of it:
// printable ASCII and Hangul syllables only (both NFKC-stable, and neither
// composes with the other), single spaces, nothing to trim. Most lines of a
// Korean or English posting are, and skip the NFKC and clean-up passes.
func plainLine(line string) bool {
	if line == "" || line[0] == ' ' || line[len(line)-1] == ' ' {
		return false
	}
	for i := 0; i < len(line); {
		c := line[i]
		switch {
		case c == ' ':
			if line[i+1] == ' ' {
				return false
			}
			i++
		case 0x20 < c && c < 0x7F:
			i++
		case hangul.SyllableAt(line, i):
			i += 3
		default:
			return false
		}
	}
	return true
}

// nfkc returns norm.NFKC.String(line) and looks up only what it must:
// ASCII and Hangul syllables are their own NFKC, and neither composes with
// the character before it, so a line splits before each of them into
// pieces that normalise alone. Only a stretch of other characters (a
// bullet, a full-width letter, a combining mark), with the one character
// before it, goes through the tables.
func nfkc(line string) string {
	var b []byte
	done := 0 // line[:done] is in b, or needs no change while b is nil
	prev := 0 // where the character before i starts
	for i := 0; i < len(line); {
		if c := line[i]; c < utf8.RuneSelf {
			prev, i = i, i+1
			continue
		}
		if hangul.SyllableAt(line, i) {
			prev, i = i, i+3
			continue
		}
		j := i
		for j < len(line) && line[j] >= utf8.RuneSelf && !hangul.SyllableAt(line, j) {
			r, n := utf8.DecodeRuneInString(line[j:])
			if r == utf8.RuneError && n == 1 {
				// The tables read invalid bytes with what follows them:
				// the whole line goes through them.
				return norm.NFKC.String(line)
			}
			j += n
		}
		// The stretch starts with the character before it (none at the
		// line's start, where prev is 0 too).
		from := prev
		if seg := line[from:j]; !norm.NFKC.IsNormalString(seg) {
			b = append(b, line[done:from]...)
			b = norm.NFKC.AppendString(b, seg)
			done = j
		}
		i = j
	}
	if b == nil {
		return line
	}
	return string(append(b, line[done:]...))
}

// cleanLine collapses white space, drops control and zero-width characters
// and trims the line. Printable ASCII and Hangul syllables, which it keeps
// as they are, are copied a run at a time; the rest is read a rune at a
// time.
func cleanLine(line string) string {
	var b strings.Builder
	b.Grow(len(line))
	space := false
	for i := 0; i < len(line); {
		// A run of printable ASCII and Hangul syllables, with the single
		// spaces inside it, at once: a Korean line that fails plainLine
		// for one bullet is mostly such runs.
		j := i
		for j < len(line) {
			if n := keptAt(line, j); n > 0 {
				j += n
			} else if line[j] == ' ' && j > i && keptAt(line, j+1) > 0 {
				j++
			} else {
				break
			}
		}
		if j > i {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteString(line[i:j])
			i = j
			continue
		}
		if c := line[i]; c < utf8.RuneSelf {
			// A space or a control byte: the ASCII spaces of unicode.IsSpace
			// are \t \n \v \f \r and ' '; the rest below 0x20, and DEL,
			// are controls.
			if c == ' ' || c >= '\t' && c <= '\r' {
				space = true
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(line[i:])
		i += n
		switch {
		case r == '\uFFFD':
			continue
		case r == '\u200B' || r == '\u200C' || r == '\u200D' || r == '\u2060' || r == '\uFEFF' || r == '\u00AD':
			continue
		case unicode.IsSpace(r):
			space = true
			continue
		case unicode.IsControl(r):
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// keptAt is the length of the printable ASCII byte or Hangul syllable at
// byte i of s, which cleanLine keeps unchanged, or 0.
func keptAt(s string, i int) int {
	switch {
	case i >= len(s):
		return 0
	case s[i] > ' ' && s[i] < 0x7F:
		return 1
	case hangul.SyllableAt(s, i):
		return 3
	}
	return 0
}

// utf16Of says whether data, a file or its start, is UTF-16 text and in
// which byte order: by its byte-order mark, or without one by where its
// NUL bytes are. UTF-16 text has a NUL in the high byte of every ASCII
// character (spaces, newlines, digits, Latin words), so in one byte of
// each pair; Hangul puts one in the low byte now and then (대 is U+B300).
// A binary file has NULs in both bytes of pairs alike, or a NUL pair.
// Windows tools ("Unicode text" from Excel or Notepad) write UTF-16.
func utf16Of(data []byte) (xunicode.Endianness, bool) {
	if order, ok := utf16BOM(data); ok {
		return order, true
	}
	head := data[:min(len(data), 8192)&^1]
	pairs := len(head) / 2
	if pairs < 8 || bytes.IndexByte(head, 0) < 0 {
		return xunicode.LittleEndian, false
	}
	var zeroLow, zeroHigh int // zero first and second bytes of pairs
	for i := 0; i < len(head); i += 2 {
		a, b := head[i], head[i+1]
		switch {
		case a == 0 && b == 0:
			return xunicode.LittleEndian, false
		case a == 0:
			zeroLow++
		case b == 0:
			zeroHigh++
		}
	}
	switch {
	case zeroHigh*8 >= pairs && zeroLow*4 <= zeroHigh:
		return xunicode.LittleEndian, utf16Text(head, xunicode.LittleEndian)
	case zeroLow*8 >= pairs && zeroHigh*4 <= zeroLow:
		return xunicode.BigEndian, utf16Text(head, xunicode.BigEndian)
	}
	return xunicode.LittleEndian, false
}

// utf16BOM reports whether data starts with a UTF-16 byte-order mark,
// and which order it names.
func utf16BOM(data []byte) (xunicode.Endianness, bool) {
	switch {
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		return xunicode.LittleEndian, true
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return xunicode.BigEndian, true
	}
	return xunicode.LittleEndian, false
}

// utf16Text reports whether head decodes as UTF-16 in order to the text
// of a posting: almost all of it Latin, Hangul, punctuation and symbols,
// and no control characters. ASCII read as UTF-16 is CJK ideographs
// ("xx" is U+7878), which postings in Korean or English seldom hold.
func utf16Text(head []byte, order xunicode.Endianness) bool {
	out, err := xunicode.UTF16(order, xunicode.IgnoreBOM).NewDecoder().Bytes(head)
	if err != nil {
		return false
	}
	bad, n := 0, 0
	for _, r := range string(out) {
		n++
		switch {
		case r < 0x20 && r != '\n' && r != '\r' && r != '\t':
			return false
		case r < 0x250, // Latin
			0x1100 <= r && r < 0x1200, 0x3130 <= r && r < 0x3190, 0xAC00 <= r && r <= 0xD7A3, // Hangul
			0x2000 <= r && r < 0x2c00, 0x3000 <= r && r < 0x3040, 0xFF00 <= r && r < 0xFFF0: // punctuation, symbols, fullwidth
		default:
			bad++
		}
	}
	return bad*20 <= n
}

// IsBinary reports whether data looks like a binary file rather than text:
// a NUL byte, or many control bytes, in its first 8 KiB. UTF-16 text
// (which has NULs) is recognised by utf16Of.
func IsBinary(data []byte) bool {
	if _, ok := utf16BOM(data); ok {
		// Hangul in UTF-16 has bytes below 0x20 and may have no NUL.
		return false
	}
	head := data
	if len(head) > 8192 {
		head = head[:8192]
	}
	ctrl := 0
	for i := 0; i < len(head); {
		// Eight bytes at a time while none is below 0x20 (text has a
		// newline every line or so): (w - 0x20 in each byte) & ^w has a
		// byte's top bit set exactly when some byte is below 0x20.
		if i+8 <= len(head) {
			w := binary.LittleEndian.Uint64(head[i:])
			if (w-0x2020202020202020)&^w&0x8080808080808080 == 0 {
				i += 8
				continue
			}
		}
		end := min(i+8, len(head))
		for ; i < end; i++ {
			c := head[i]
			if c == 0 {
				_, text := utf16Of(data)
				return !text
			}
			if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x1B {
				ctrl++
			}
		}
	}
	switch {
	case len(head) == 0:
		return false
	case ctrl*10 > len(head):
		return true
	case ctrl*50 <= len(head):
		return false // text, as nearly every file is: no second look
	}
	// Text has few control bytes in any encoding: legacy ones (CP949,
	// Windows-1252) use none for their characters. Data that is not
	// UTF-8 and has more than one in fifty is compressed, encrypted or
	// a database's pages, whose bytes a legacy encoding would decode as
	// anything: random bytes have about one in ten. A vertical tab is
	// Word's line break inside a paragraph and may end every line.
	ctrl -= bytes.Count(head, []byte{'\v'})
	return ctrl*50 > len(head) && !validUTF8Head(head)
}

// validUTF8Head reports whether head, the first bytes of a file, is UTF-8
// but for a character the cut at its end split.
func validUTF8Head(head []byte) bool {
	if utf8.Valid(head) {
		return true
	}
	for i := 0; i < len(head); {
		r, n := utf8.DecodeRune(head[i:])
		if r == utf8.RuneError && n == 1 {
			return !utf8.FullRune(head[i:])
		}
		i += n
	}
	return true
}

// binaryDetail says what a binary file is and what to do with it, from
// the magic bytes it starts with: a scraper's output is often a
// compressed stream or a workbook under a text file's name. It says
// "binary data" for other bytes. name is the file's name; one that names
// a compression (.gz, .zst) held the data inside that stream.
func binaryDetail(name string, data []byte) string {
	detail, _ := binaryKind(name, data)
	return detail
}

// recordFileBinary reports whether the head of a record file (JSONL,
// JSON, CSV) is a binary file's: a known format's magic bytes, or control
// bytes (NULs among them) in more than one byte in ten. A stray NUL in one
// row of a CSV export leaves the file to be read row by row, so the rows
// around it are not lost.
func recordFileBinary(name string, head []byte) bool {
	if !IsBinary(head) {
		return false
	}
	if _, known := binaryKind(name, head); known {
		return true
	}
	ctrl := 0
	for _, c := range head {
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' {
			ctrl++
		}
	}
	return ctrl*10 > len(head)
}

// binaryKind is binaryDetail's detail, and whether the magic bytes were
// a known format's.
func binaryKind(name string, data []byte) (string, bool) {
	has := func(magic string) bool { return bytes.HasPrefix(data, []byte(magic)) }
	inner := Compression(name) != ""
	compressed := func(kind, ext string) string {
		switch {
		case inner:
			return kind + "-compressed data inside the compressed file: it was compressed twice; decompress it once and pass the result"
		case ext == "":
			return kind + "-compressed data, which is not read; recompress it with gzip (.gz) or zstd (.zst)"
		}
		return kind + "-compressed data under a name without " + ext + ": rename it to end in " + ext + " and it is read decompressed"
	}
	head := data[:min(len(data), 8192)]
	switch {
	case magicCompression(data) == "gzip":
		return compressed("gzip", ".gz"), true
	case magicCompression(data) == "zstd":
		return compressed("zstd", ".zst"), true
	case has("BZh") && len(data) > 3 && '1' <= data[3] && data[3] <= '9':
		return compressed("bzip2", ""), true
	case has("\xfd7zXZ\x00"):
		return compressed("xz", ""), true
	case has("PK\x03\x04") && (bytes.Contains(head, []byte("xl/")) || bytes.Contains(head, []byte("[Content_Types].xml"))):
		return "an Excel or Office workbook (.xlsx), not text: save it as \"CSV UTF-8\" and pass that", true
	case has("PK\x03\x04"), has("PK\x05\x06"):
		return "a zip archive under a name without .zip: rename it to end in .zip and its files are read", true
	case has("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
		return "an Excel 97–2003 workbook or another old Office file, not text: save it as \"CSV UTF-8\" and pass that", true
	case has("PAR1"):
		return "a Parquet file, not postings: jobstack reads HTML, text, JSONL, JSON and CSV", true
	case has("%PDF-"):
		return "a PDF document, not text: jobstack reads HTML, text, JSONL, JSON and CSV", true
	case has("\x7fELF"), has("MZ"):
		return "an executable program, not text", true
	case has("\x89PNG"), has("\xff\xd8\xff"), has("GIF8"):
		return "an image, not text", true
	case len(bytes.TrimLeft(head, "\x00")) == 0:
		return fmt.Sprintf("only NUL bytes in its first %d bytes, as a write that was cut short leaves a file", len(head)), true
	}
	return "binary data (NUL or control bytes), not text", false
}
