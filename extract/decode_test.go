package extract

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/korean"
	xunicode "golang.org/x/text/encoding/unicode"
	"golang.org/x/text/unicode/norm"
)

func cp949(t *testing.T, s string) []byte {
	t.Helper()
	b, err := korean.EUCKR.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// utf16Bytes encodes s as UTF-16 in order, without a byte-order mark.
func utf16Bytes(t *testing.T, s string, order xunicode.Endianness) []byte {
	t.Helper()
	b, err := xunicode.UTF16(order, xunicode.IgnoreBOM).NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestUTF16WithoutBOM checks that UTF-16 text is told from binary data and
// from ASCII with a few NULs, which read as UTF-16 would be CJK ideographs.
func TestUTF16WithoutBOM(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		in     []byte
		utf16  bool
		binary bool
	}{
		{"korean le", utf16Bytes(t, "데이터 엔지니어 채용\n대학 졸업, 대용량 데이터 처리 경험", xunicode.LittleEndian), true, false},
		{"english be", utf16Bytes(t, "Senior Data Engineer\nAirflow, Spark, dbt", xunicode.BigEndian), true, false},
		{"ascii with nuls", []byte("xxxxxxxxxx\tx\x00xx!xxxx\x7f\tx\fax\x00x \nxx"), false, true},
		{"nul pair", append(utf16Bytes(t, "Senior Data Engineer", xunicode.LittleEndian), 0, 0), false, true},
		{"little-endian integers", []byte{1, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0, 4, 0, 0, 0, 5, 0, 0, 0, 6, 0, 0, 0}, false, true},
		{"too short", utf16Bytes(t, "Data", xunicode.LittleEndian), false, true},
	}
	for _, tt := range tests {
		if _, ok := utf16Of(tt.in); ok != tt.utf16 {
			t.Errorf("%s: utf16Of = %v, want %v", tt.name, ok, tt.utf16)
		}
		if got := IsBinary(tt.in); got != tt.binary {
			t.Errorf("%s: IsBinary = %v, want %v", tt.name, got, tt.binary)
		}
	}
}

func TestDecode(t *testing.T) {
	t.Parallel()
	korean := "데이터 엔지니어 채용: 파이썬과 SQL 경험 3년 이상"
	tests := []struct {
		name    string
		in      []byte
		html    bool
		want    string
		wantEnc string
	}{
		{"utf8", []byte(korean), false, korean, EncUTF8},
		{"utf8 bom", append([]byte{0xEF, 0xBB, 0xBF}, korean...), false, korean, EncUTF8},
		{"cp949 undeclared", cp949(t, korean), false, korean, EncEUCKR},
		{"cp949 declared", append([]byte(`<html><head><meta charset="euc-kr"></head><body>`), cp949(t, korean)...), true, korean, EncEUCKR},
		{"cp949 http-equiv", append([]byte(`<meta http-equiv="Content-Type" content="text/html; charset=ks_c_5601-1987">`), cp949(t, korean)...), true, korean, EncEUCKR},
		{"declared euc-kr but utf-8", append([]byte(`<meta charset="euc-kr">`), korean...), true, korean, EncUTF8},
		{"windows-1252", []byte("Caf\xe9 na\xefve r\xe9sum\xe9 \x93quoted\x94"), false, "Café naïve résumé “quoted”", EncWin1252},
		{"utf16 le", []byte{0xFF, 0xFE, 'h', 0, 'i', 0}, false, "hi", EncUTF16},
		{"utf16 be", append([]byte{0xFE, 0xFF}, utf16Bytes(t, korean, xunicode.BigEndian)...), false, korean, EncUTF16},
		// Without a byte-order mark, by where the NULs are.
		{"utf16 le without bom", utf16Bytes(t, korean+"\n대용량 데이터", xunicode.LittleEndian), false, korean, EncUTF16},
		{"utf16 be without bom", utf16Bytes(t, "Data Engineer: Python, SQL", xunicode.BigEndian), false, "Data Engineer: Python, SQL", EncUTF16},
	}
	for _, tt := range tests {
		got, enc := Decode(tt.in, tt.html)
		if !strings.Contains(got, tt.want) || enc != tt.wantEnc {
			t.Errorf("%s: Decode = %q, %q; want it to contain %q, %q", tt.name, got, enc, tt.want, tt.wantEnc)
		}
	}
}

func TestRepairMojibake(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in, want string
		changed  bool
	}{
		{"Weâ€™re hiring", "We’re hiring", true},
		{"rÃ©sumÃ© and naÃ¯ve", "résumé and naïve", true},
		{"We\u00e2\u0080\u0099re remote", "We’re remote", true}, // C1 controls kept by a Latin-1 decode
		{"São Paulo, Zürich", "São Paulo, Zürich", false},       // real Latin-1 text
		{"데이터 엔지니어", "데이터 엔지니어", false},
		{"plain ASCII", "plain ASCII", false},
		{"â€œquotedâ€\u009d", "“quoted”", true},
	}
	for _, tt := range tests {
		got, changed := RepairMojibake(tt.in)
		if got != tt.want || changed != tt.changed {
			t.Errorf("RepairMojibake(%q) = %q, %v; want %q, %v", tt.in, got, changed, tt.want, tt.changed)
		}
	}
}

func TestNormalize(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"Ｐｙｔｈｏｎ　３년", "Python 3년"},                    // full-width Latin and digits, ideographic space
		{"  a \t b  \r\n\n\n\n c\u200b ", "a b\n\nc"}, // spaces collapsed, one blank line kept, zero-width dropped
		{"x\u00a0y", "x y"},                           // no-break space
		{"①자격요건", "1자격요건"},                            // circled digits unfold
	}
	for _, tt := range tests {
		if got := Normalize(tt.in); got != tt.want {
			t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestIsBinary(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   []byte
		want bool
	}{
		{[]byte("<html>hello</html>"), false},
		{[]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), true},
		{[]byte{0xFF, 0xFE, 'h', 0}, false},
		{[]byte("데이터"), false},
		{[]byte("\x01\x02\x03\x04\x05\x06\x07\x08abc"), true},
	}
	for _, tt := range tests {
		if got := IsBinary(tt.in); got != tt.want {
			t.Errorf("IsBinary(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

// isBinaryRef is IsBinary byte by byte, as it was before it skipped words.
func isBinaryRef(data []byte) bool {
	if _, ok := utf16Of(data); ok {
		return false
	}
	head := data[:min(len(data), 8192)]
	ctrl := 0
	for _, c := range head {
		if c == 0 {
			return true
		}
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x1B {
			ctrl++
		}
	}
	if len(head) == 0 || ctrl*10 > len(head) {
		return len(head) > 0
	}
	if (ctrl-bytes.Count(head, []byte{'\v'}))*50 <= len(head) || utf8.Valid(head) {
		return false
	}
	for k := 1; k <= 3 && k < len(head); k++ {
		if utf8.Valid(head[:len(head)-k]) && !utf8.FullRune(head[len(head)-k:]) {
			return false // UTF-8 cut inside its last character
		}
	}
	return true
}

// TestIsBinaryReference compares IsBinary with the byte-by-byte reference
// on random data with text, control bytes, NULs and bytes around 0x20 and
// 0x80, of lengths around the 8 KiB limit too.
func TestIsBinaryReference(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(25, 26))
	bytesOf := []byte{0, 1, '\v', 0x1B, 0x1F, 0x20, 0x21, '\n', '\r', '\t', '\f', 'a', 0x7F, 0x80, 0x9F, 0xA0, 0xDF, 0xEA, 0xFF}
	for k := range 20000 {
		n := r.IntN(40)
		if k%100 == 0 {
			n = 8180 + r.IntN(30)
		}
		data := make([]byte, n)
		for i := range data {
			data[i] = bytesOf[r.IntN(len(bytesOf))]
			if r.IntN(4) > 0 {
				data[i] = 'x' // mostly text, so some words are clean
			}
		}
		if got, want := IsBinary(data), isBinaryRef(data); got != want {
			t.Fatalf("IsBinary(%q) = %v, want %v", data, got, want)
		}
	}
}

// cleanLineRef is cleanLine rune by rune, as it was before it took ASCII a
// byte at a time.
func cleanLineRef(line string) string {
	var b strings.Builder
	space := false
	for _, r := range line {
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

// lineCases are lines for the normalisation references: what postings
// hold, and what composes across the pieces nfkc splits a line into.
var lineCases = []string{
	"", " ", "a", "데이터 엔지니어", "  Python,  SQL\t경험 ", "• Spark · Kafka – 3년↑",
	"e\u0301 cafe\u0301", "한\u11ab", "\u1112\u1161\u11ab 글", "Ｐｙｔｈｏｎ　３년", "①자격요건", "x\u00a0y\u0085z",
	"a\u200bb\ufeffc\u00ad", "\x00\x01a\x7f\x1fb", "bad \xff\xfe bytes", "\u0301leading mark", "가\u0301", "ﬁle ﬂow",
	"㈜ 회사", "A\u030a\u0323", "\u2126 ohm \u212b", "x\u0338=", "가\x80", "\xea\xb0",
	"• 데이터 파이프라인 설계 및 운영 경험 ", "가 \u3000나", "한글  SQL\t·\t경험", "끝 ", "가 \xea\xb0", "힣 \xed\x9e\xa4",
}

// TestLineNormalisationReference holds nfkc to norm.NFKC.String and
// cleanLine to the rune-by-rune reference, on the cases above, on random
// mixtures of their pieces and on the lines of the corpus (when present).
func TestLineNormalisationReference(t *testing.T) {
	t.Parallel()
	lines := append([]string{}, lineCases...)
	r := rand.New(rand.NewPCG(7, 8))
	pieces := []string{"a", " ", "  ", "\t", "가", "한", "\u1161", "\u11ab", "\u0301", "\u0323", "•", "Ａ", "①", "\u00a0", "\u200b", "\xff", "\x01", "e", "ﬁ"}
	for range 20000 {
		var sb strings.Builder
		for range r.IntN(12) {
			sb.WriteString(pieces[r.IntN(len(pieces))])
		}
		lines = append(lines, sb.String())
	}
	lines = append(lines, corpusLines("*", func(string) bool { return true })...)
	for _, l := range lines {
		if got, want := nfkc(l), norm.NFKC.String(l); got != want {
			t.Fatalf("nfkc(%q) = %q, want %q", l, got, want)
		}
		if got, want := cleanLine(l), cleanLineRef(l); got != want {
			t.Fatalf("cleanLine(%q) = %q, want %q", l, got, want)
		}
	}
}

func FuzzLineNormalisation(f *testing.F) {
	for _, l := range lineCases {
		f.Add(l)
	}
	f.Fuzz(func(t *testing.T, l string) {
		if got, want := nfkc(l), norm.NFKC.String(l); got != want {
			t.Errorf("nfkc(%q) = %q, want %q", l, got, want)
		}
		if got, want := cleanLine(l), cleanLineRef(l); got != want {
			t.Errorf("cleanLine(%q) = %q, want %q", l, got, want)
		}
	})
}

// A binary file's reject says what it is and what to do, from its magic
// bytes: a compressed stream wants its extension, a workbook an export.
func TestBinaryDetail(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		name, data, want string
	}{
		{"jobs.jsonl", "\x1f\x8b\x08\x00", "gzip-compressed data under a name without .gz: rename it to end in .gz"},
		{"jobs.jsonl.gz", "\x1f\x8b\x08\x00", "gzip-compressed data inside the compressed file: it was compressed twice"},
		{"page.html", "\x28\xb5\x2f\xfd\x00", "zstd-compressed data under a name without .zst"},
		{"jobs.csv", "BZh91AY&SY\x00", "bzip2-compressed data, which is not read; recompress it with gzip (.gz) or zstd (.zst)"},
		{"jobs.csv", "\xfd7zXZ\x00\x00", "xz-compressed data, which is not read"},
		{"jobs.csv", "PK\x03\x04\x14\x00\x00\x00[Content_Types].xml", "an Excel or Office workbook (.xlsx)"},
		{"jobs.csv", "PK\x03\x04\x14\x00\x00\x00postings/a.html", "a zip archive under a name without .zip"},
		{"jobs.csv", "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00", "an Excel 97–2003 workbook"},
		{"jobs.json", "PAR1\x15\x04", "a Parquet file"},
		{"a.txt", "%PDF-1.7\x00", "a PDF document"},
		{"a.html", "\x89PNG\r\n\x1a\n", "an image"},
		{"a.txt", "\x00\x01\x02\x03", "binary data (NUL or control bytes), not text"},
		// "BZ" without a block size is no bzip2 stream.
		{"a.txt", "BZhx\x00\x00", "binary data"},
	} {
		if got := binaryDetail(tt.name, []byte(tt.data)); !strings.HasPrefix(got, tt.want) {
			t.Errorf("binaryDetail(%q, %q) = %q, want it to start %q", tt.name, tt.data, got, tt.want)
		}
	}
}

// TestIsBinaryNotUTF8: data that is not UTF-8 and has control bytes
// beyond one in fifty is binary (compressed or random bytes, a
// database), however few; legacy-encoded text is not.
func TestIsBinaryNotUTF8(t *testing.T) {
	t.Parallel()
	var zl bytes.Buffer
	zw := zlib.NewWriter(&zl)
	zw.Write(bytes.Repeat([]byte("hello world "), 1000))
	zw.Close()
	binaries := map[string][]byte{"zlib": zl.Bytes(), "high bytes": bytes.Repeat(append(seq(128, 256), seq(0x01, 0x08)...), 40)}
	for seed := range uint64(5) {
		r := rand.New(rand.NewPCG(seed, 1))
		b := make([]byte, 5000)
		for i := range b {
			b[i] = byte(r.IntN(256))
			if b[i] == 0 {
				b[i] = 0xAB // NULs alone already say binary
			}
		}
		binaries[fmt.Sprint("random ", seed)] = b
	}
	for name, b := range binaries {
		if !IsBinary(b) {
			t.Errorf("%s: not binary", name)
		}
	}
	euckr, _ := korean.EUCKR.NewEncoder().String(strings.Repeat("데이터 엔지니어 채용: 파이썬과 SQL 경험 3년 이상\f\v\n", 40))
	latin := strings.Repeat("Ingénieur données \x93Python\x94 \x96 Spark\v\r\n", 40)
	for name, s := range map[string]string{"EUC-KR with a vertical tab a line": euckr, "Windows-1252 with a vertical tab a line": latin} {
		if IsBinary([]byte(s)) {
			t.Errorf("%s: binary", name)
		}
	}
}

func seq(from, to int) []byte {
	var b []byte
	for c := from; c < to; c++ {
		b = append(b, byte(c))
	}
	return b
}
