package extract

import (
	"bufio"
	"bytes"
	"cmp"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"iter"
	"maps"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/korean"
	xunicode "golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// Reject reasons: stable codes in rejects.jsonl and the manifest.
const (
	ReasonEmpty           = "empty"
	ReasonBinary          = "binary"
	ReasonUnsupportedType = "unsupported_type"
	ReasonTooLarge        = "too_large"
	ReasonBadJSON         = "bad_json"
	ReasonBadCSVRow       = "bad_csv_row"
	ReasonNoHeader        = "no_header"
	ReasonNoText          = "no_text"
	ReasonReadError       = "read_error"
	ReasonInternalError   = "internal_error"
	ReasonSymlink         = "symlink"
	ReasonNotPosting      = "not_a_posting"
)

// A Reject says why an input gave no posting.
type Reject struct {
	Reason string // one of the Reason constants
	Detail string // for people: what was wrong, with file and line where known
}

func (r *Reject) Error() string { return r.Reason + ": " + r.Detail }

func reject(reason, format string, args ...any) *Reject {
	return &Reject{Reason: reason, Detail: fmt.Sprintf(format, args...)}
}

// Formats of inputs.
const (
	FormatHTML   = "html"
	FormatText   = "text"
	FormatRecord = "record"
)

// FormatOf maps a file name to how it is read: FormatHTML, FormatText
// (a page or text file is the Input of that format), "jsonl", "json",
// "csv", "tsv", or "" for files jobstack does not read. A .gz or .zst
// file is read as the file its name has without that extension.
func FormatOf(name string) string {
	if Compression(name) != "" {
		name = strings.TrimSuffix(name, filepath.Ext(name))
	}
	switch strings.ToLower(filepath.Ext(name)) {
	case ".html", ".htm", ".xhtml":
		return FormatHTML
	case ".txt", ".md", ".markdown", ".text":
		return FormatText
	case ".jsonl", ".ndjson":
		return "jsonl"
	case ".json":
		return "json"
	case ".csv":
		return "csv"
	case ".tsv", ".tab":
		return "tsv"
	}
	return ""
}

// docNames are the base names, upper case and without extension, of the
// documentation files a dataset or repository keeps beside its data.
var docNames = []string{
	"AUTHORS", "CHANGELOG", "CHANGES", "CITATION", "CODE_OF_CONDUCT", "CONTRIBUTING",
	"COPYING", "HISTORY", "LICENCE", "LICENSE", "NOTICE", "README", "SECURITY", "SOURCES",
}

// DocumentationFile reports whether a file met in a folder is a text file
// about the folder (README.md, LICENSE.txt, SOURCES.md) rather than a
// posting. Only text names count: a README.jsonl holds records.
func DocumentationFile(name string) bool {
	if FormatOf(name) != FormatText {
		return false
	}
	base := filepath.Base(name)
	if Compression(base) != "" {
		base = strings.TrimSuffix(base, filepath.Ext(base))
	}
	base = strings.TrimSuffix(base, filepath.Ext(base))
	for _, d := range docNames {
		if strings.EqualFold(base, d) {
			return true
		}
	}
	return false
}

// IsRecordFormat reports whether files of this format hold many postings.
func IsRecordFormat(format string) bool {
	return format == "jsonl" || format == "json" || format == "csv" || format == "tsv"
}

// Input is one posting to parse: a whole file, or one record of a
// JSONL/JSON/CSV file.
type Input struct {
	Source string         // path as given, plus "#N" for record N
	Format string         // FormatHTML, FormatText or FormatRecord
	Data   []byte         // the file, for html and text
	Record map[string]any // the record's fields, for records
	Line   int            // the record's first line in its file; 0 for files
	// Encoding is the encoding a record's file was decoded from (EncUTF8
	// and the others); files are decoded when parsed.
	Encoding string
	Err      *Reject // set when the input was rejected while it was split out
}

// RecordSource names record n (1-based) of a file.
func RecordSource(file string, n int) string {
	return fmt.Sprintf("%s#%d", file, n)
}

// PageSource names posting k (1-based) of the page of postings on line n
// of a JSONL file.
func PageSource(file string, n, k int) string {
	return fmt.Sprintf("%s#%d.%d", file, n, k)
}

// ValidName is a file name or source as valid UTF-8, for the outputs:
// Parquet strings must be UTF-8, and a BI tool refuses a file that holds
// a path in another encoding. Each byte that is not part of a UTF-8
// character becomes \xHH.
func ValidName(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	var b strings.Builder
	for len(s) > 0 {
		r, n := utf8.DecodeRuneInString(s)
		if r == utf8.RuneError && n == 1 {
			fmt.Fprintf(&b, `\x%02X`, s[0])
		} else {
			b.WriteString(s[:n])
		}
		s = s[n:]
	}
	return b.String()
}

// SourceFile is the file a source names: the source without a record's
// "#N" or "#N.K".
func SourceFile(source string) string {
	if i := strings.LastIndexByte(source, '#'); i >= 0 && recordID(source[i+1:]) {
		return source[:i]
	}
	return source
}

// recordID reports whether s is the part of a record's source after '#':
// N, or N.K.
func recordID(s string) bool {
	n, k, page := strings.Cut(s, ".")
	a, err := strconv.Atoi(n)
	if err != nil || a < 1 {
		return false
	}
	if page {
		b, err := strconv.Atoi(k)
		return err == nil && b > 0
	}
	return true
}

// Records splits a JSONL, JSON or CSV stream into one Input per record and
// calls yield for each, in file order; yield returns false to stop. Broken
// records (a line that is not JSON, a CSV row that cannot be parsed) are
// yielded with Err set, so every record is accounted for. A binary file (a
// workbook, a compressed stream) is one Input named by the file, with Err
// set. A record longer
// than maxBytes is rejected as too large without being held in memory.
// Records returns an error only when reading the stream itself fails.
func Records(file, format string, r io.Reader, maxBytes int64, yield func(Input) bool) error {
	// A record file saved as UTF-16 (Excel's "Unicode text") is read as
	// the UTF-8 it decodes to.
	br := bufio.NewReaderSize(r, 64<<10)
	r = br
	enc := ""
	head, err := br.Peek(8192)
	if err != nil {
		// The head is the whole file: without the NULs that may pad it.
		whole := head
		if head = unpadded(whole); len(head) == 0 && len(whole) > 0 {
			yield(Input{Source: file, Format: FormatRecord, Err: reject(ReasonEmpty, "%s: file holds only NUL bytes, as a write that was cut short leaves a file", file)})
			return nil
		}
	}
	if len(head) > 0 {
		if recordFileBinary(file, head) {
			// A workbook, a compressed stream or a program under a
			// record file's name is one rejected input, not a line of
			// bad JSON or a broken row per newline byte in it.
			yield(Input{Source: file, Format: FormatRecord, Err: reject(ReasonBinary, "%s: %s", file, binaryDetail(file, head))})
			return nil
		}
		if order, ok := utf16Of(head); ok {
			r = transform.NewReader(br, xunicode.UTF16(order, xunicode.UseBOM).NewDecoder())
			enc = EncUTF16
		}
	}
	// A file padded with NULs (a write cut short) ends at its last record;
	// UTF-16 padding decodes to NULs too.
	r = newNulTail(r)
	next := yield
	yield = func(in Input) bool {
		switch {
		case enc != "":
			in.Encoding = enc
		case in.Encoding == "":
			in.Encoding = EncUTF8
		}
		return next(in)
	}
	switch format {
	case "jsonl":
		return jsonlRecords(file, r, maxBytes, yield)
	case "json":
		return jsonRecords(file, r, maxBytes, yield)
	case "csv":
		return csvRecords(file, r, 0, maxBytes, yield)
	case "tsv":
		return csvRecords(file, r, '\t', maxBytes, yield)
	}
	return fmt.Errorf("%s: not a record format: %q", file, format)
}

func jsonlRecords(file string, r io.Reader, maxBytes int64, yield func(Input) bool) error {
	br := bufio.NewReaderSize(r, 64<<10)
	line := 0
	n := 0
	var buf []byte
	for {
		line++
		buf = buf[:0]
		tooLong := false
		var err error
		for {
			var chunk []byte
			chunk, err = br.ReadSlice('\n')
			if !tooLong {
				if int64(len(buf)+len(chunk)) > maxBytes {
					tooLong = true
					buf = buf[:0]
				} else {
					buf = append(buf, chunk...)
				}
			}
			if err != bufio.ErrBufferFull {
				break
			}
		}
		if err != nil && err != io.EOF {
			return err
		}
		// A byte-order mark starts the file, or a line where files
		// were joined (cat a.jsonl b.jsonl).
		text := bytes.TrimSpace(bytes.TrimPrefix(buf, []byte{0xEF, 0xBB, 0xBF}))
		if tooLong || len(text) > 0 {
			n++
			in := Input{Source: RecordSource(file, line), Format: FormatRecord, Line: line}
			switch {
			case tooLong:
				in.Err = reject(ReasonTooLarge, "%s:%d: line is longer than --max-bytes (%d bytes)", file, line, maxBytes)
			default:
				text, in.Encoding = recordBytes(text)
				rec, rerr := decodeRecord(text)
				if rerr != nil {
					in.Err = reject(ReasonBadJSON, "%s:%d: %v", file, line, rerr)
				}
				in.Record = rec
			}
			if !yieldPage(in, file, line, fmt.Sprintf("%s:%d", file, line), yield) {
				return nil
			}
		}
		if err == io.EOF {
			return nil
		}
	}
}

// recordBytes is a JSON record's bytes as UTF-8, with the encoding it
// was in when that was not UTF-8 (else ""): Python on Korean Windows
// writes CP949 unless told otherwise, and JSON's syntax is ASCII, so a
// line or element is decoded whole.
func recordBytes(b []byte) ([]byte, string) {
	if utf8.Valid(b) {
		return b, ""
	}
	if s, ok := tryCP949(b); ok {
		return []byte(s), EncEUCKR
	}
	return b, ""
}

// decodeRecord parses one JSON object. Anything else is an error. A
// number too large for a float64 (1e999) is a field with no value, not a
// record lost.
func decodeRecord(b []byte) (map[string]any, error) {
	var v any
	err := json.Unmarshal(b, &v)
	var te *json.UnmarshalTypeError
	var se *json.SyntaxError
	switch {
	case errors.As(err, &te):
		v, err = decodeHugeNumbers(b)
	case errors.As(err, &se) && (bytes.Contains(b, []byte("NaN")) || bytes.Contains(b, []byte("Infinity"))):
		// Python's NaN and Infinity, as null (jsonCleaner).
		if clean, rerr := io.ReadAll(&jsonCleaner{r: bytes.NewReader(b)}); rerr == nil && json.Unmarshal(clean, &v) == nil {
			err = nil
		}
	}
	if err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			return nil, fmt.Errorf("invalid JSON at byte %d: %v", se.Offset, err)
		}
		return nil, fmt.Errorf("invalid JSON: %v", err)
	}
	m, ok := v.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("a record must be a JSON object, got %s", jsonKind(v))
	}
	return m, nil
}

// decodeHugeNumbers decodes b, which holds a number that does not fit a
// float64, with numbers as json.Number: each that fits becomes the
// float64 json.Unmarshal gives, and each that does not becomes null.
func decodeHugeNumbers(b []byte) (any, error) {
	v, err := decodeNumbers(b)
	if err != nil {
		return nil, err
	}
	var fix func(v any) any
	fix = func(v any) any {
		switch x := v.(type) {
		case json.Number:
			if f, err := x.Float64(); err == nil {
				return f
			}
			return nil
		case map[string]any:
			for k, e := range x {
				x[k] = fix(e)
			}
		case []any:
			for i, e := range x {
				x[i] = fix(e)
			}
		}
		return v
	}
	return fix(v), nil
}

// decodeNumbers decodes b, which must hold one JSON value and nothing
// after it, as json.Unmarshal requires, with numbers as json.Number.
func decodeNumbers(b []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, errors.New("more JSON follows the value")
	}
	return v, nil
}

func jsonKind(v any) string {
	switch v.(type) {
	case []any:
		return "an array"
	case string:
		return "a string"
	case float64:
		return "a number"
	case bool:
		return "a boolean"
	case nil:
		return "null"
	}
	return "a value"
}

// recordListKeys are object keys that hold the list of postings when a JSON
// file is an object wrapping the list ({"jobs": [...]}).
var recordListKeys = []string{"jobs", "data", "results", "items", "postings", "records", "positions"}

// postingList finds the list of postings in a JSON file's one object,
// under one of recordListKeys or as a wrapper's sole list (soleList): in
// the object itself or down a chain of wrappers, as API answers nest it
// ({"status": "ok", "data": {"jobs": [...]}}, a GraphQL answer's
// {"data": {"search": {"edges": [...]}}}). It returns the list and its
// path ("data.jobs"), or nil when the object is itself a posting.
func postingList(rec map[string]any) ([]any, string) {
	for path, rec := range wrappers(rec) {
		keys := recordListKeys
		if k, ok := soleList(rec); ok {
			keys = append(keys[:len(keys):len(keys)], k)
		}
		for _, k := range keys {
			if list, ok := rec[k].([]any); ok && len(list) > 0 {
				if _, isObj := list[0].(map[string]any); isObj {
					return list, path + k
				}
			}
		}
	}
	return nil, ""
}

// wrappers yields rec and the objects down its chain of wrappers
// (soleObject), at most 6 deep, each with its path ("data.").
func wrappers(rec map[string]any) iter.Seq2[string, map[string]any] {
	return func(yield func(string, map[string]any) bool) {
		path := ""
		for range 6 {
			if !yield(path, rec) {
				return
			}
			next, key := soleObject(rec)
			if next == nil {
				return
			}
			rec, path = next, path+key+"."
		}
	}
}

// emptyList is the path of an empty list where postingList would look,
// in a record or down its chain of wrappers: a page past the last of an
// API's answers ({"page": 9, "jobs": []}). It is "" when there is none.
func emptyList(rec map[string]any) string {
	for path, rec := range wrappers(rec) {
		for _, k := range slices.Sorted(maps.Keys(rec)) {
			list, ok := rec[k].([]any)
			if !ok || len(list) > 0 {
				continue
			}
			if slices.Contains(recordListKeys, k) || postingKeys[foldKey(k)] && isPage(rec) {
				return path + k
			}
		}
	}
	return ""
}

// pageList is the list of postings in a JSONL line that holds a page of
// an API's answers ({"page": 3, "jobs": [...]}), as a scraper appends
// each answer to one file: a line with no title or text of its own
// (soleObject's test) and a list postingList finds.
func pageList(rec map[string]any) ([]any, string) {
	for k, v := range rec {
		if _, list := v.([]any); !list && ownText(k, v) {
			return nil, ""
		}
	}
	return postingList(rec)
}

// yieldPage yields in, record n of file, or when its record is a page
// of postings (pageList) each of them as file#n.k; at is where the page
// is, for a broken posting's detail. It returns false when yield does.
func yieldPage(in Input, file string, n int, at string, yield func(Input) bool) bool {
	list, path := pageList(in.Record)
	if list == nil {
		return yield(in)
	}
	page := func(k int) Input {
		return Input{Source: PageSource(file, n, k), Format: FormatRecord, Line: in.Line, Encoding: in.Encoding}
	}
	return yieldList(list, path, at, page, yield)
}

// ownText reports whether field k, holding v, is text of an object's own,
// as a posting has and a wrapper around postings has not: a long string,
// or a title or text field that holds anything but an object.
func ownText(k string, v any) bool {
	switch v := v.(type) {
	case map[string]any:
		return false
	case string:
		if len(v) >= 200 {
			return true
		}
	}
	return postingKeys[foldKey(k)]
}

// yieldList yields the postings of a list postingList found at path, the
// k-th (from 1) as the Input input(k) names; at is where the list is for
// a broken element's detail. It returns false when yield does.
func yieldList(list []any, path, at string, input func(k int) Input, yield func(Input) bool) bool {
	for i, e := range list {
		in := input(i + 1)
		if m, ok := e.(map[string]any); ok {
			in.Record = relayNode(m)
		} else {
			in.Err = reject(ReasonBadJSON, "%s: element %d of %q is %s, not an object", at, i+1, path, jsonKind(e))
		}
		if !yield(in) {
			return false
		}
	}
	return true
}

// soleObject is the one field holding an object in a wrapper: an object
// with no title, description or other long text of its own. A field of a
// posting's name may hold the object ({"response": {"body": {...}}}).
func soleObject(rec map[string]any) (map[string]any, string) {
	var obj map[string]any
	key := ""
	for k, v := range rec {
		if ownText(k, v) {
			return nil, ""
		}
		if m, ok := v.(map[string]any); ok {
			if obj != nil {
				return nil, ""
			}
			obj, key = m, k
		}
	}
	return obj, key
}

// relayNode is the posting in a GraphQL connection's edge
// ({"cursor": "…", "node": {...}}), or rec itself.
func relayNode(rec map[string]any) map[string]any {
	node, ok := rec["node"].(map[string]any)
	if !ok || len(rec) > 2 {
		return rec
	}
	for k := range rec {
		if k != "node" && k != "cursor" {
			return rec
		}
	}
	return node
}

// soleList finds the list of postings in a wrapper whose key is not one
// of recordListKeys ({"hits": [...]}, {"total": 2, "jobPostings": [...]}):
// the one field holding a list of objects, in an object with no title,
// description or other long text of its own. A posting's own lists (of
// locations, of skills) sit beside its title and description.
//
// A field of a posting's name holds the list in a page of results that
// says it is one ({"content": [...], "totalElements": 2, "pageable":
// {...}}, as Spring Data answers): read as one posting, the page would
// run its postings together.
func soleList(rec map[string]any) (string, bool) {
	key := ""
	for k, v := range rec {
		list, isList := v.([]any)
		objects := isList && len(list) > 0
		if objects {
			_, objects = list[0].(map[string]any)
		}
		if postingKeys[foldKey(k)] && !(objects && isPage(rec)) {
			return "", false
		}
		switch v := v.(type) {
		case []any:
			if !objects {
				continue
			}
			if key != "" {
				return "", false
			}
			key = k
		case string:
			if len(v) >= 200 {
				return "", false
			}
		}
	}
	return key, key != ""
}

// pageKeys are fields only a page of results has: its totals, its
// position and the links to its neighbours. A posting's own counts (of
// openings, of views) go by other names.
var pageKeys = map[string]bool{
	"totalelements": true, "totalpages": true, "numberofelements": true, "pageable": true,
	"totalcount": true, "total_count": true, "total_elements": true, "total_pages": true,
	"hasnext": true, "has_next": true, "hasnextpage": true, "nextcursor": true, "next_cursor": true,
	"nextpage": true, "next_page": true, "pageinfo": true, "page_info": true,
}

// isPage reports whether rec carries the fields of a page of results.
func isPage(rec map[string]any) bool {
	for k := range rec {
		if pageKeys[foldKey(k)] {
			return true
		}
	}
	return false
}

// postingKeys are the field names of a posting's title and text.
var postingKeys = func() map[string]bool {
	m := map[string]bool{}
	f := DefaultFields()
	for _, k := range append(f[RoleTitle], f[RoleText]...) {
		m[k] = true
	}
	return m
}()

func jsonRecords(file string, r io.Reader, maxBytes int64, yield func(Input) bool) error {
	br := bufio.NewReaderSize(r, 64<<10)
	// Skip a BOM and white space to see whether this is an array or an object.
	if b, err := br.Peek(3); err == nil && bytes.Equal(b, []byte{0xEF, 0xBB, 0xBF}) {
		br.Discard(3)
	}
	first := byte(0)
	newlines := 0
	for {
		c, err := br.ReadByte()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		if c == ' ' || c == '\n' || c == '\r' || c == '\t' {
			if c == '\n' {
				newlines++
			}
			continue
		}
		first = c
		br.UnreadByte()
		break
	}
	if first == '{' {
		// Many exports name JSON Lines .json (a dataset's train.json): an
		// object alone on the first line with another object after it.
		// Those are read line by line, with line numbers as ids, as .jsonl.
		head, lines, err := jsonLinesHead(br, maxBytes)
		if err != nil {
			return err
		}
		rest := io.MultiReader(bytes.NewReader(bytes.Repeat([]byte{'\n'}, newlines)), bytes.NewReader(head), br)
		if lines {
			return jsonlRecords(file, rest, maxBytes, yield)
		}
		br = bufio.NewReaderSize(rest, 64<<10)
	}
	if first != '[' {
		// One object: a posting, or a wrapper around a list of postings.
		data, err := io.ReadAll(io.LimitReader(br, maxBytes+1))
		if err != nil {
			return err
		}
		in := Input{Source: RecordSource(file, 1), Format: FormatRecord, Line: 1}
		if int64(len(data)) > maxBytes {
			// Too large for one posting: a wrapper around a long list,
			// read as it streams by, or one posting that is rejected.
			if ok, err := bigObject(file, io.MultiReader(bytes.NewReader(data), br), maxBytes, yield); ok || err != nil {
				return err
			}
			in.Err = reject(ReasonTooLarge, "%s: a single JSON object larger than --max-bytes (%d bytes), with no list of postings in it", file, maxBytes)
			yield(in)
			return nil
		}
		data, in.Encoding = recordBytes(data)
		rec, rerr := decodeRecord(data)
		if rerr != nil {
			if more, ok := concatenated(data); ok {
				objectRecords(file, more, in.Encoding, yield)
				return nil
			}
			in.Err = reject(ReasonBadJSON, "%s: %v", file, rerr)
			yield(in)
			return nil
		}
		if list, path := postingList(rec); list != nil {
			element := func(k int) Input {
				return Input{Source: RecordSource(file, k), Format: FormatRecord, Encoding: in.Encoding}
			}
			yieldList(list, path, file, element, yield)
			return nil
		}
		if emptyList(rec) != "" {
			return nil // a wrapper around no postings, as [] is: no records
		}
		in.Record = rec
		yield(in)
		return nil
	}
	// Arrays, one after another when a scraper appended a page's array
	// to the file each time ([...][...], or one array a line): their
	// elements are numbered on from one array to the next.
	// No element is held past maxBytes and a little read-ahead: one that
	// runs on ends the file, as a CSV row does.
	lim := &rowLimit{r: &jsonCleaner{r: br}, max: maxBytes + 64<<10}
	dec := json.NewDecoder(lim)
	n := 0
	for arrays := 0; ; arrays++ {
		tok, err := dec.Token()
		lim.mark(dec.InputOffset())
		if err == io.EOF && arrays > 0 {
			return nil
		}
		if errors.Is(err, ErrCompressionRatio) {
			return err
		}
		if err != nil || tok != json.Delim('[') {
			what := "not another array"
			if err != nil {
				what = err.Error()
			}
			yield(Input{Source: RecordSource(file, n+1), Format: FormatRecord,
				Err: reject(ReasonBadJSON, "%s: after element %d, where the array ends: %s; the rest of the file could not be read", file, n, what)})
			return nil
		}
		for dec.More() {
			n++
			in := Input{Source: RecordSource(file, n), Format: FormatRecord}
			var raw json.RawMessage
			err := dec.Decode(&raw)
			lim.mark(dec.InputOffset())
			if errors.Is(err, ErrCompressionRatio) {
				return err // the caller says how many records were read
			}
			if errors.Is(err, errRowTooLong) {
				in.Err = reject(ReasonTooLarge, "%s: element %d is larger than --max-bytes (%d bytes); the rest of the file could not be read", file, n, maxBytes)
				yield(in)
				return nil
			}
			if err != nil {
				in.Err = reject(ReasonBadJSON, "%s: element %d: %v; the rest of the file could not be read", file, n, err)
				yield(in)
				return nil
			}
			listElement(&in, raw, file, n, "", maxBytes)
			if !yield(in) {
				return nil
			}
		}
		_, err = dec.Token()
		lim.mark(dec.InputOffset())
		if errors.Is(err, ErrCompressionRatio) {
			return err
		}
		if err != nil {
			// The closing bracket is missing: the file was cut short,
			// and what it held after element n is lost.
			detail := fmt.Sprintf("the array is not closed after element %d", n)
			if n == 0 {
				detail = "the array is opened and never closed"
			}
			yield(Input{Source: RecordSource(file, n+1), Format: FormatRecord,
				Err: reject(ReasonBadJSON, "%s: %s; the file may be cut short", file, detail)})
			return nil
		}
	}
}

// bigObject reads a .json file's one object when it is larger than
// maxBytes: an API's answer saved whole, a wrapper around more postings
// than one read may hold ({"data": {"jobs": [...50 MB...]}}). It walks
// the object's tokens, down any objects in it, and takes as the list of
// postings the first list of objects under one of recordListKeys, or the
// first other list of objects that outgrows maxBytes and whose first
// element has a posting's title or text (postingKeys; a GraphQL edge's
// node counts). Its elements are yielded as they are read, numbered as
// postingList's would be; the rest of the object is passed over without
// being held. No token or element may pass maxBytes and a little
// read-ahead (rowLimit), so memory stays bounded whatever the file holds.
//
// It reports false, having yielded nothing, when it finds no such list:
// the object is then one posting too large to read. The error is the
// compression-ratio guard's (ErrCompressionRatio), for the caller to say
// how many records were read.
func bigObject(file string, r io.Reader, maxBytes int64, yield func(Input) bool) (bool, error) {
	lim := &rowLimit{r: &jsonCleaner{r: r}, max: maxBytes + 64<<10}
	w := &objectWalk{file: file, dec: json.NewDecoder(lim), lim: lim, max: maxBytes, yield: yield}
	err := w.walk()
	if err == nil && w.list != "" && !w.stop {
		if _, err = w.token(); err == io.EOF {
			return true, nil
		}
		if err == nil {
			err = errors.New("more JSON follows the object")
		}
	}
	if errors.Is(err, ErrCompressionRatio) {
		return w.list != "", err
	}
	if w.list == "" || w.stop {
		return w.list != "", nil
	}
	reason, what := ReasonBadJSON, err.Error()
	if errors.Is(err, errRowTooLong) {
		reason, what = ReasonTooLarge, fmt.Sprintf("a value is larger than --max-bytes (%d bytes)", maxBytes)
	}
	w.yield(Input{Source: RecordSource(file, w.n+1), Format: FormatRecord,
		Err: reject(reason, "%s: after element %d of %q: %s; the rest of the file could not be read", file, w.n, w.list, what)})
	return true, nil
}

// objectWalk is bigObject's walk through one object's tokens.
type objectWalk struct {
	file  string
	dec   *json.Decoder
	lim   *rowLimit
	max   int64
	yield func(Input) bool
	list  string // the path of the list of postings, once found
	n     int    // its elements yielded so far
	stop  bool   // yield returned false
}

// token reads the next token and moves the read limit's mark past it.
func (w *objectWalk) token() (json.Token, error) {
	tok, err := w.dec.Token()
	w.lim.mark(w.dec.InputOffset())
	return tok, err
}

// walk walks the object that starts the input.
func (w *objectWalk) walk() error {
	tok, err := w.token()
	if err != nil {
		return err
	}
	if tok != json.Delim('{') {
		return errors.New("not an object")
	}
	return w.object("", 0)
}

// object walks an object's fields after its '{', to its '}'.
func (w *objectWalk) object(path string, depth int) error {
	for w.dec.More() && !w.stop {
		tok, err := w.token()
		if err != nil {
			return err
		}
		key, _ := tok.(string)
		if tok, err = w.token(); err != nil {
			return err
		}
		switch {
		case tok == json.Delim('{') && w.list == "" && depth < 6:
			err = w.object(path+key+".", depth+1)
		case tok == json.Delim('[') && w.list == "":
			err = w.array(path+key, slices.Contains(recordListKeys, key))
		case tok == json.Delim('{') || tok == json.Delim('['):
			err = w.skip()
		}
		if err != nil {
			return err
		}
	}
	if w.stop {
		return nil
	}
	_, err := w.token()
	return err
}

// skip passes over the rest of an object or array whose opening token was
// just read.
func (w *objectWalk) skip() error {
	for depth := 1; depth > 0; {
		tok, err := w.token()
		if err != nil {
			return err
		}
		switch tok {
		case json.Delim('{'), json.Delim('['):
			depth++
		case json.Delim('}'), json.Delim(']'):
			depth--
		}
	}
	return nil
}

// array walks a list after its '[', to its ']'. A list under one of
// recordListKeys (named) is the list of postings from its first element
// if that is an object; another list of objects is held until it
// outgrows w.max, and then is the list if its first element looks like
// a posting. A list that ends first is dropped, as are lists of anything
// but objects.
func (w *objectWalk) array(path string, named bool) error {
	var held []json.RawMessage
	size := 0
	for w.dec.More() && !w.stop {
		var raw json.RawMessage
		err := w.dec.Decode(&raw)
		w.lim.mark(w.dec.InputOffset())
		if err != nil {
			return err
		}
		if w.list != "" {
			w.element(raw)
			continue
		}
		if len(held) == 0 && (len(raw) == 0 || raw[0] != '{') {
			return w.skip()
		}
		held, size = append(held, raw), size+len(raw)
		if !named && int64(size) <= w.max {
			continue
		}
		if !named && !postingLike(held[0]) {
			return w.skip()
		}
		w.list = path
		for _, raw := range held {
			if w.element(raw); w.stop {
				return nil
			}
		}
		held = nil
	}
	if w.stop {
		return nil
	}
	_, err := w.token()
	return err
}

// element yields one element of the list of postings, as yieldList does.
func (w *objectWalk) element(raw json.RawMessage) {
	w.n++
	in := Input{Source: RecordSource(w.file, w.n), Format: FormatRecord}
	if listElement(&in, raw, w.file, w.n, w.list, w.max); in.Record != nil {
		in.Record = relayNode(in.Record)
	}
	w.stop = !w.yield(in)
}

// listElement reads raw, element n of a list in file, into in: its record
// and encoding, or a too_large or bad_json reject. list is the list's path
// in the file's object, "" for an array that is the file.
func listElement(in *Input, raw json.RawMessage, file string, n int, list string, maxBytes int64) {
	at := func() string {
		if list == "" {
			return fmt.Sprintf("%s: element %d", file, n)
		}
		return fmt.Sprintf("%s: element %d of %q", file, n, list)
	}
	if int64(len(raw)) > maxBytes {
		in.Err = reject(ReasonTooLarge, "%s is larger than --max-bytes (%d bytes)", at(), maxBytes)
		return
	}
	var text []byte
	text, in.Encoding = recordBytes(raw)
	rec, err := decodeRecord(text)
	if err != nil {
		in.Err = reject(ReasonBadJSON, "%s: %v", at(), err)
	}
	in.Record = rec
}

// postingLike reports whether raw, a list's first element, is an object
// with a posting's title or text field, itself or as a GraphQL edge's
// node.
func postingLike(raw json.RawMessage) bool {
	rec, err := decodeRecord(raw)
	if err != nil {
		return false
	}
	for k := range relayNode(rec) {
		if postingKeys[foldKey(k)] {
			return true
		}
	}
	return false
}

// concatenated splits data, JSON values one after another with nothing
// between them ({...}{...}, as a scraper writes objects without
// newlines, or {...} followed by what a cut-short write left), into its
// values. It reports false when data holds one value or the first does
// not parse.
func concatenated(data []byte) ([]json.RawMessage, bool) {
	dec := json.NewDecoder(bytes.NewReader(data))
	var vals []json.RawMessage
	for {
		var raw json.RawMessage
		err := dec.Decode(&raw)
		if err == io.EOF {
			break
		}
		if err != nil {
			// The rest from here is one broken value.
			vals = append(vals, bytes.TrimSpace(data[min(int(dec.InputOffset()), len(data)):]))
			break
		}
		vals = append(vals, raw)
	}
	return vals, len(vals) > 1
}

// objectRecords yields the records of a .json file of values one after
// another, the k-th named file#k and a page of postings file#k.j, as a
// JSONL line's.
func objectRecords(file string, vals []json.RawMessage, enc string, yield func(Input) bool) {
	for i, raw := range vals {
		k := i + 1
		in := Input{Source: RecordSource(file, k), Format: FormatRecord, Encoding: enc}
		rec, err := decodeRecord(raw)
		if err != nil {
			in.Err = reject(ReasonBadJSON, "%s: value %d: %v", file, k, err)
			yield(in)
			return
		}
		in.Record = rec
		if !yieldPage(in, file, k, fmt.Sprintf("%s: value %d", file, k), yield) {
			return
		}
	}
}

// jsonCleaner reads JSON as encoding/json's Decoder should see it.
//
// It keeps the first byte of each run of white space outside strings and
// drops the rest: the Decoder scans the white space before a token again
// each time it reads more, so a long run ('[' followed by megabytes of
// spaces) took time quadratic in its length.
//
// And it writes null for NaN, Infinity and -Infinity outside strings.
// Python's json.dump writes them for a float with no value (a pandas cell
// left empty) though JSON has no such words, and one of them lost its
// whole record, or in an array the rest of the file.
type jsonCleaner struct {
	r        io.Reader
	buf, out []byte
	at       int // out[at:] is not yet returned
	err      error

	inString, escaped, space bool
	word                     []byte // letters outside a string, with a '-' before them
}

func (c *jsonCleaner) Read(p []byte) (int, error) {
	for c.at == len(c.out) {
		if c.err != nil {
			return 0, c.err
		}
		if c.buf == nil {
			c.buf = make([]byte, 32<<10)
		}
		n, err := c.r.Read(c.buf)
		c.out, c.at = c.filter(c.out[:0], c.buf[:n]), 0
		if err != nil {
			c.out, c.err = c.flushWord(c.out), err
		}
	}
	n := copy(p, c.out[c.at:])
	c.at += n
	return n, nil
}

func (c *jsonCleaner) filter(out, in []byte) []byte {
	for _, b := range in {
		if c.inString {
			switch {
			case c.escaped:
				c.escaped = false
			case b == '\\':
				c.escaped = true
			case b == '"':
				c.inString = false
			}
			out = append(out, b)
			continue
		}
		if 'a' <= b|0x20 && b|0x20 <= 'z' || b == '-' && len(c.word) == 0 {
			// A word longer than -Infinity is none of the three.
			if c.word = append(c.word, b); len(c.word) > len("-Infinity") {
				out, c.word = append(out, c.word...), c.word[:0]
			}
			continue
		}
		out = c.flushWord(out)
		switch b {
		case ' ', '\n', '\r', '\t':
			if c.space {
				continue
			}
			c.space = true
			out = append(out, b)
			continue
		case '"':
			c.inString = true
		}
		c.space = false
		out = append(out, b)
	}
	return out
}

// flushWord writes the word read so far, or null for Python's NaN,
// Infinity and -Infinity.
func (c *jsonCleaner) flushWord(out []byte) []byte {
	if len(c.word) == 0 {
		return out
	}
	switch string(c.word) {
	case "NaN", "-NaN", "Infinity", "-Infinity":
		out = append(out, "null"...)
	default:
		out = append(out, c.word...)
	}
	c.word, c.space = c.word[:0], false
	return out
}

// jsonLinesHead reads br's first line and says whether the file is JSON
// Lines: that line is a whole JSON object and the next text after it
// starts another. It returns the bytes it read, for the caller to read
// again. A line longer than maxBytes is no evidence of JSON Lines.
func jsonLinesHead(br *bufio.Reader, maxBytes int64) ([]byte, bool, error) {
	var head []byte
	for {
		chunk, err := br.ReadSlice('\n')
		head = append(head, chunk...)
		if err == bufio.ErrBufferFull {
			if int64(len(head)) > maxBytes {
				return head, false, nil
			}
			continue
		}
		if err == io.EOF {
			return head, false, nil
		}
		if err != nil {
			return head, false, err
		}
		break
	}
	line := bytes.TrimSpace(head)
	if len(line) < 2 || line[0] != '{' || line[len(line)-1] != '}' || !json.Valid(line) {
		return head, false, nil
	}
	for {
		c, err := br.ReadByte()
		if err != nil {
			if err == io.EOF {
				err = nil
			}
			return head, false, err
		}
		head = append(head, c)
		switch c {
		case ' ', '\n', '\r', '\t':
			continue
		}
		return head, c == '{', nil
	}
}

// excelSep reads the line Excel may put first in a CSV file to name its
// delimiter ("sep=;"). It returns the delimiter, whether the line is
// there, and the file to read on: without the line, which leaves an empty
// line in its place so the rows keep their line numbers.
func excelSep(r io.Reader) (rune, io.Reader, bool) {
	br := bufio.NewReader(r)
	head, _ := br.Peek(16)
	line, _, found := bytes.Cut(head, []byte{'\n'})
	line = bytes.Trim(bytes.TrimRight(line, "\r"), `"`)
	if !found || len(line) != 5 || !bytes.EqualFold(line[:4], []byte("sep=")) || line[4] == '"' || line[4] == '\n' {
		return 0, br, false
	}
	br.Discard(bytes.IndexByte(head, '\n'))
	return rune(line[4]), br, true
}

// errRowTooLong ends a file whose row or JSON value outgrows rowLimit.
var errRowTooLong = errors.New("row longer than --max-bytes")

// rowLimit is the reader under a csv.Reader or json.Decoder, which hold a
// row or value whole however long it is: a file with no newline, a quote
// never closed or a JSON element of gigabytes would be read into memory
// entire. It fails when more than max bytes pass after mark, where the
// row or value being read began.
type rowLimit struct {
	r         io.Reader
	max       int64
	read, row int64
}

func (l *rowLimit) mark(offset int64) { l.row = offset }

func (l *rowLimit) Read(p []byte) (int, error) {
	if l.read-l.row > l.max {
		return 0, errRowTooLong
	}
	n, err := l.r.Read(p)
	l.read += int64(n)
	return n, err
}

// csvReader returns a reader over r's bytes without a BOM, the encoding
// its first 64 KB are in and the delimiter its header row uses. CSV
// exported by Korean Excel is CP949, and some scrapers write
// Windows-1252; the bytes are left as they are, and legacyRow decodes
// each row's cells, since a file joined from several scrapes mixes
// encodings and Korean may first appear after the head. The delimiters
// and quotes are ASCII, which no CP949 character's bytes include.
func csvReader(r io.Reader) (io.Reader, string, rune) {
	br := bufio.NewReaderSize(r, 64<<10)
	head, _ := br.Peek(64 << 10)
	comma := sniffDelimiter(head)
	if bytes.HasPrefix(head, []byte{0xEF, 0xBB, 0xBF}) {
		br.Discard(3)
		return br, EncUTF8, comma
	}
	// A peeked prefix may end inside a multi-byte character.
	check := head
	for i := 0; i < 3 && len(check) > 0 && !utf8.Valid(check); i++ {
		check = check[:len(check)-1]
	}
	if utf8.Valid(check) {
		return br, EncUTF8, comma
	}
	if _, ok := tryCP949(head[:max(0, len(head)-1)]); ok {
		return br, EncEUCKR, comma
	}
	return br, EncWin1252, comma
}

// legacyRow decodes, in place, the cells of a CSV row that are not UTF-8,
// and returns the encoding the row was in: the one its non-ASCII cells
// were in, or enc, its file's head's, when all are ASCII. A file joined
// from several scrapes mixes encodings, and Korean may first appear
// after the head, so each cell is sniffed (sniffLegacy). In a file whose
// head is CP949, as Korean Excel writes a whole file, a cell is CP949
// unless it reads as UTF-8 and not as Korean: a syllable or two of CP949
// can be valid UTF-8 by chance.
func legacyRow(row []string, enc string) string {
	rowEnc := ""
	for i, c := range row {
		if isASCII(c) {
			continue
		}
		switch {
		case enc == EncEUCKR:
			if s, ok := tryCP949([]byte(c)); ok {
				row[i], rowEnc = s, EncEUCKR
			} else if utf8.ValidString(c) {
				rowEnc = cmp.Or(rowEnc, EncUTF8)
			} else {
				row[i], _ = korean.EUCKR.NewDecoder().String(c)
				rowEnc = EncEUCKR
			}
		case utf8.ValidString(c):
			rowEnc = cmp.Or(rowEnc, EncUTF8)
		default:
			var e string
			row[i], e = sniffLegacy([]byte(c))
			if rowEnc == "" || rowEnc == EncUTF8 {
				rowEnc = e
			}
		}
	}
	return cmp.Or(rowEnc, enc)
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// sniffDelimiter picks a CSV file's delimiter from its header row: the
// one of ',', ';' and tab that occurs most often outside quotes, a comma
// when none does or on a tie. Excel writes ';' where the decimal mark is
// a comma, and exports named .csv are often tab-separated.
func sniffDelimiter(head []byte) rune {
	var commas, semis, tabs int
	quoted := false
scan:
	for _, c := range head {
		switch {
		case c == '"':
			quoted = !quoted
		case quoted:
		case c == '\n':
			break scan
		case c == ',':
			commas++
		case c == ';':
			semis++
		case c == '\t':
			tabs++
		}
	}
	switch {
	case tabs > commas && tabs >= semis:
		return '\t'
	case semis > commas && semis > tabs:
		return ';'
	}
	return ','
}

// dataCell returns the index of a header cell that is a posting's data
// rather than a column name: prose (40 characters or more with five
// spaces) or an address.
func dataCell(header []string) (int, bool) {
	for i, h := range header {
		if strings.Contains(h, "://") || utf8.RuneCountInString(h) >= 40 && strings.Count(h, " ") >= 5 {
			return i, true
		}
	}
	return 0, false
}

// csvRecords reads CSV rows as records. comma is the delimiter, or 0 to
// take it from the header row (sniffDelimiter).
func csvRecords(file string, r io.Reader, comma rune, maxBytes int64, yield func(Input) bool) error {
	src, enc, sniffed := csvReader(r)
	if comma == 0 {
		comma = sniffed
	}
	sep, src, ok := excelSep(src)
	if ok {
		comma = sep
	}
	lim := &rowLimit{r: src, max: maxBytes + 64<<10}
	cr := csv.NewReader(lim)
	cr.Comma = comma
	// Tab-separated files seldom quote: a '"' inside a field is text.
	cr.LazyQuotes = comma == '\t'
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = false
	header, err := cr.Read()
	if err == io.EOF {
		return nil
	}
	if err == errRowTooLong {
		yield(Input{Source: RecordSource(file, 1), Format: FormatRecord, Line: 1,
			Err: reject(ReasonTooLarge, "%s:1: the header row is longer than --max-bytes (%d bytes); the file is not read", file, maxBytes)})
		return nil
	}
	if err != nil {
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			yield(Input{Source: RecordSource(file, 1), Format: FormatRecord, Line: pe.StartLine,
				Err: reject(ReasonBadCSVRow, "%s:%d: the header row cannot be parsed: %v", file, pe.StartLine, pe.Err)})
			return nil
		}
		return err
	}
	legacyRow(header, enc)
	for i := range header {
		header[i] = strings.TrimSpace(header[i])
	}
	if i, ok := dataCell(header); ok {
		// Without names the rows' fields cannot be told apart: the file
		// is one rejected input, not a no_text reject per row and a first
		// row lost as the header.
		yield(Input{Source: file, Format: FormatRecord, Line: 1,
			Err: reject(ReasonNoHeader, "%s:1: the first row is data, not a header (its cell %d is %q); jobstack names a CSV file's columns by its header row: add one, such as title,company,description, and the rows are read",
				file, i+1, snippet(header[i], 60))})
		return nil
	}
	cols := csvColumnsOf(header)
	n, line := 0, 0
	for {
		lim.mark(cr.InputOffset())
		row, err := cr.Read()
		if err == io.EOF {
			return nil
		}
		n++
		in := Input{Source: RecordSource(file, n), Format: FormatRecord, Encoding: enc}
		if err == errRowTooLong {
			// One row (or a quote left open) runs on past any posting's
			// size: it is not held whole, and where the next row starts
			// is not known, so the file ends here.
			in.Err = reject(ReasonTooLarge, "%s: row %d, after the row on line %d, is longer than --max-bytes (%d bytes), or a quote in it is never closed; the rest of the file is not read", file, n, line, maxBytes)
			yield(in)
			return nil
		}
		if err == nil && len(row) > 0 {
			line, _ = cr.FieldPos(0) // FieldPos panics after a parse error
			in.Line = line
		}
		if err != nil {
			var pe *csv.ParseError
			if !errors.As(err, &pe) {
				return err
			}
			in.Line = pe.StartLine
			in.Err = reject(ReasonBadCSVRow, "%s:%d: %v", file, pe.StartLine, pe.Err)
			if pe.Line > pe.StartLine {
				// A quote left open runs the row on over the lines after
				// it: say which lines this reject holds, so no row is
				// lost unseen.
				in.Err = reject(ReasonBadCSVRow, "%s:%d-%d: %v (lines %d-%d are this one rejected row; a quote left open on line %d takes in the rows after it)",
					file, pe.StartLine, pe.Line, pe.Err, pe.StartLine, pe.Line, pe.StartLine)
			}
			if !yield(in) {
				return nil
			}
			continue
		}
		in.Encoding = legacyRow(row, enc)
		size := 0
		for _, f := range row {
			size += len(f)
		}
		switch {
		case int64(size) > maxBytes:
			in.Err = reject(ReasonTooLarge, "%s:%d: row is larger than --max-bytes (%d bytes)", file, line, maxBytes)
		case len(row) > len(header):
			in.Err = reject(ReasonBadCSVRow, "%s:%d: row has %d fields, the header has %d", file, line, len(row), len(header))
		default:
			in.Record = cols.record(row)
		}
		if !yield(in) {
			return nil
		}
	}
}
