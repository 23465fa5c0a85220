// Package dedup folds reposts of one posting: exact duplicates (the same
// text once normalised) and near duplicates (the same posting with a changed
// date, a tracking line, other white space or a site's header and footer).
//
// Near duplicates are found with a 64-bit SimHash over word 3-shingles of
// the posting's core (its duties, requirements and preferred sections, where
// it has them), so a site's header and footer, a posting date or a tracking
// line do not count. Two postings are near duplicates when their hashes
// differ in at most MaxDistance bits. The index splits each hash into five
// blocks; two hashes within 4 bits share at least one block exactly
// (pigeonhole), so a lookup only compares the postings that share a block.
//
//	ix := dedup.NewIndex()
//	fp := dedup.Fingerprint(title+"\n"+text, title+"\n"+core)
//	if first, _, ok := ix.Find(fp); ok { /* fold into first */ } else { ix.Add(id, fp) }
//
// Memory: 60–100 bytes per unique posting (three hashes and five index
// entries of an id and 32 check bits, plus the spare room of growing maps
// and slices): 58 MB for a million random prints alone, 103 MB in the
// heap profile of a million-record run.
// The check bits are 20 of those bytes. Without them a lookup loads every
// candidate's print, a cache miss for each of about 300 candidates at a
// million postings, and took five times as long at 200,000.
package dedup

import (
	"bytes"
	"hash/fnv"
	"math/bits"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/jobstack/jobstack/internal/hangul"
)

// MaxDistance is the most SimHash bits two near duplicates may differ in.
// Reposts in the tests (white space, case, a changed date or counter, a
// tracking line) move the core of a posting by 0–4 bits; different postings
// differ by 10 bits or more, also two roles from one company that share
// their wording.
const MaxDistance = 4

// MinShingles is the fewest shingles a text needs for near-duplicate
// matching; shorter texts are only folded when exactly equal, because a
// SimHash of a few words is too coarse.
const MinShingles = 24

// Print identifies a posting's text.
type Print struct {
	Exact    uint64 // hash of the normalised text
	Sim      uint64 // SimHash of its word 3-shingles
	Shingles int    // how many shingles the SimHash saw
	Title    uint64 // hash of the title without tags; 0 when there is none
}

// WithTitle adds the title to a print. Near duplicates must have the same
// title once bracketed tags are dropped: a company that posts "Senior" and
// "Staff Data Engineer" with one body has two postings, while "ML Engineer
// (전문연구요원)" and "ML Engineer" are one.
func (p Print) WithTitle(title string) Print {
	var b strings.Builder
	depth := 0
	for _, r := range title {
		switch r {
		case '(', '[', '{', '<', '【':
			depth++
			continue
		case ')', ']', '}', '>', '】':
			if depth > 0 {
				depth--
			}
			continue
		}
		if depth == 0 {
			b.WriteRune(r)
		}
	}
	norm := Normalize(b.String())
	if norm == "" {
		p.Title = 0
		return p
	}
	h := fnv.New64a()
	h.Write([]byte(norm))
	p.Title = h.Sum64() | 1 // never 0, which means "no title"
	return p
}

// Normalize folds a text for comparison: lower case, URLs and e-mail
// addresses removed, every digit run as "0" (dates, ids, counts), and
// anything that is not a letter or digit as a single space.
func Normalize(s string) string {
	return string(appendNormalized(make([]byte, 0, len(s)), s))
}

// ASCII byte classes for appendNormalized.
const (
	cOther  = iota // punctuation: ends a word
	cSpace         // ends a token (a URL or an e-mail address is one token)
	cMark          // ':' or '@', which an address needs; ends a word
	cLetter        // a–z, A–Z
	cDigit
)

var asciiClass = func() (t [utf8.RuneSelf]uint8) {
	for c := range t {
		switch {
		case c == ' ' || c == '\n' || c == '\t' || c == '\r':
			t[c] = cSpace
		case c == ':' || c == '@':
			t[c] = cMark
		case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z':
			t[c] = cLetter
		case '0' <= c && c <= '9':
			t[c] = cDigit
		}
	}
	return t
}()

// The kinds of the last token appendNormalizedFrom wrote: all it carries
// from one piece of text to the next when white space separates them.
const (
	none = iota
	word
	zero // a number: a number right after it folds into it
)

// appendNormalized appends Normalize(s) to dst.
func appendNormalized(buf []byte, s string) []byte {
	buf, _ = appendNormalizedFrom(buf, s, none)
	return buf
}

// appendNormalizedFrom appends Normalize(s) to dst in one pass, as it
// would continue after white space and text whose last token written was
// of kind last, and returns the kind of its own last token. A token is
// written as it is read, and taken back if it turns out to be an address.
// It has no closures, so its state stays in registers.
func appendNormalizedFrom(buf []byte, s string, last int) ([]byte, int) {
	inWord := false // the current token continues the last word
	// The token being read: where it starts in s and in buf, the kind of
	// token before it, and whether it has a ':' or an '@'.
	inTok, tokStart, bufStart, lastBefore, mark := false, 0, 0, none, false
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			cl := asciiClass[c]
			if cl == cSpace {
				if inTok && dropAddress(s[tokStart:i], mark) {
					buf, last = buf[:bufStart], lastBefore
				}
				inTok = false
				inWord = false
				i++
				continue
			}
			if !inTok {
				inTok, tokStart, bufStart, lastBefore, mark = true, i, len(buf), last, false
			}
			i++
			switch cl {
			case cLetter:
				if !inWord {
					buf, inWord, last = separate(buf, last), true, word
				}
				buf = append(buf, c|0x20) // lower case
				for i < len(s) && s[i] < utf8.RuneSelf && asciiClass[s[i]] == cLetter {
					buf = append(buf, s[i]|0x20)
					i++
				}
			case cDigit:
				inWord = false
				if last != zero {
					buf, last = append(separate(buf, last), '0'), zero
				}
			case cMark:
				mark, inWord = true, false
			default:
				inWord = false
			}
			continue
		}
		if !inTok {
			inTok, tokStart, bufStart, lastBefore, mark = true, i, len(buf), last, false
		}
		if hangul.SyllableAt(s, i) {
			// The common non-ASCII letters of Korean postings, without
			// case: copied as they are.
			if !inWord {
				buf, inWord, last = separate(buf, last), true, word
			}
			// A run of syllables, a word or most of one, is copied
			// at once.
			j := i + 3
			for hangul.SyllableAt(s, j) {
				j += 3
			}
			buf = append(buf, s[i:j]...)
			i = j
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case unicode.IsDigit(r):
			inWord = false
			if last != zero {
				buf, last = append(separate(buf, last), '0'), zero
			}
		case unicode.IsLetter(r):
			if !inWord {
				buf, inWord, last = separate(buf, last), true, word
			}
			buf = utf8.AppendRune(buf, unicode.ToLower(r))
		default:
			inWord = false
		}
	}
	if inTok && dropAddress(s[tokStart:], mark) {
		buf, last = buf[:bufStart], lastBefore
	}
	return buf, last
}

// separate appends the space between a new token and the last one
// written, if one was. It inlines into the loop above.
func separate(buf []byte, last int) []byte {
	if last != none {
		buf = append(buf, ' ')
	}
	return buf
}

// dropAddress reports whether a token is a URL or an e-mail address; mark
// says it has a ':' or an '@'.
func dropAddress(tok string, mark bool) bool {
	return (mark || len(tok) > 4 && (tok[0] == 'w' || tok[0] == 'W')) && isAddress(tok)
}

// isAddress reports whether a token is a URL or an e-mail address.
func isAddress(tok string) bool {
	if strings.Contains(tok, "://") || len(tok) > 4 && (tok[:4] == "www." || tok[:4] == "WWW.") {
		return true
	}
	return strings.IndexByte(tok, '@') >= 0 && strings.IndexByte(tok, '.') >= 0
}

// Fingerprint computes the print of a posting: the exact hash of its whole
// text and the SimHash of its core (pass the whole text again when it has
// no sections).
func Fingerprint(text, core string) Print {
	buf := appendNormalized(make([]byte, 0, len(text)), text)
	p := Print{Exact: fnv64a(buf)}
	if core != text {
		buf = appendNormalized(buf[:0], core)
	}
	p.simHash(buf)
	return p
}

// Span is the part text[Start:End] of a text.
type Span struct{ Start, End int }

// FingerprintSpans is Fingerprint(title+"\n"+text, title+"\n"+core) for
// the core made of the spans of text in the given order, each followed by
// a newline (0 <= Start <= End <= len(text)), without normalising the
// core again: a span that starts and
// ends between tokens normalises in the core to the bytes it did in the
// whole text, unless the token before it differs in what the
// normalisation carries over (a number folds into a number before it),
// and only then is normalised again.
func FingerprintSpans(title, text string, spans []Span) Print {
	// The offsets where spans start or end (id 2k and 2k+1 for span k),
	// in text order, with where the normalised text stands there.
	type mark struct{ off, id, at, last int }
	marks := make([]mark, 0, 2*len(spans))
	for k, sp := range spans {
		if !betweenTokens(text, sp.Start) || !betweenTokens(text, sp.End) {
			return fingerprintJoined(title, text, spans)
		}
		marks = append(marks, mark{off: sp.Start, id: 2 * k}, mark{off: sp.End, id: 2*k + 1})
	}
	slices.SortFunc(marks, func(a, b mark) int { return a.off - b.off })
	bufp := scratch.Get().(*[]byte)
	buf := (*bufp)[:0]
	defer func() { putScratch(bufp, buf) }()
	// The newline after the title separates tokens, as the end of a
	// piece does.
	buf, last := appendNormalizedFrom(buf, title, none)
	titleAt, titleLast := len(buf), last
	from := 0
	for i := range marks {
		m := &marks[i]
		buf, last = appendNormalizedFrom(buf, text[from:m.off], last)
		from = m.off
		m.at, m.last = len(buf), last
	}
	buf, _ = appendNormalizedFrom(buf, text[from:], last)
	p := Print{Exact: fnv64a(buf)}
	if len(spans) == 0 {
		p.simHash(buf)
		return p
	}
	byID := make([]mark, len(marks))
	for _, m := range marks {
		byID[m.id] = m
	}
	corep := scratch.Get().(*[]byte)
	core := (*corep)[:0]
	defer func() { putScratch(corep, core) }()
	core, last = append(core, buf[:titleAt]...), titleLast
	for k, sp := range spans {
		if a, b := byID[2*k], byID[2*k+1]; a.last == last {
			core, last = append(core, buf[a.at:b.at]...), b.last
		} else {
			core, last = appendNormalizedFrom(core, text[sp.Start:sp.End], last)
		}
	}
	p.simHash(core)
	return p
}

// scratch keeps the normalised texts of earlier postings, which are only
// hashed: two new 5 KB buffers a text posting were a tenth of what it
// allocated.
var scratch = sync.Pool{New: func() any { return new([]byte) }}

// putScratch hands a buffer back unless a huge posting grew it past 1 MB.
func putScratch(p *[]byte, b []byte) {
	if cap(b) <= 1<<20 {
		*p = b[:0]
		scratch.Put(p)
	}
}

// betweenTokens reports whether offset off of text is at the start or end
// of a line or next to other white space, where normalising a piece of
// the text can start or stop without cutting a token.
func betweenTokens(text string, off int) bool {
	if off < 0 || off > len(text) {
		return false
	}
	return off == 0 || off == len(text) || text[off-1] < utf8.RuneSelf && asciiClass[text[off-1]] == cSpace ||
		text[off] < utf8.RuneSelf && asciiClass[text[off]] == cSpace
}

// fingerprintJoined is FingerprintSpans the plain way, for spans that cut
// tokens.
func fingerprintJoined(title, text string, spans []Span) Print {
	whole := title + "\n" + text
	if len(spans) == 0 {
		return Fingerprint(whole, whole)
	}
	var b strings.Builder
	b.WriteString(title)
	b.WriteByte('\n')
	for _, sp := range spans {
		b.WriteString(text[sp.Start:sp.End])
		b.WriteByte('\n')
	}
	return Fingerprint(whole, b.String())
}

// simHash sets p's SimHash and shingle count from a normalised text.
func (p *Print) simHash(norm []byte) {
	// Count the set bits per position; a bit is set in the SimHash when
	// more than half the shingles set it. Eight 8-bit counters share a
	// word (lane k of acc[j] counts bit 8k+j), flushed before they can
	// overflow, so a shingle costs eight additions instead of 64.
	var ones [64]int32
	var acc [8]uint64
	pending := 0
	flush := func() {
		for j, a := range acc {
			for k := 0; k < 8; k++ {
				ones[8*k+j] += int32(a >> (8 * k) & 0xFF)
			}
			acc[j] = 0
		}
		pending = 0
	}
	// Words are separated by one space in norm, so a shingle is one span
	// of it: from its first word's start to its last word's end.
	var starts [3]int // where the last three words start, oldest first
	n := 0
	for i := 0; i < len(norm); {
		end := len(norm)
		if j := bytes.IndexByte(norm[i:], ' '); j >= 0 {
			end = i + j
		}
		starts[0], starts[1], starts[2] = starts[1], starts[2], i
		i = end + 1
		if n++; n < 3 {
			continue
		}
		x := shingleHash(norm[starts[0]:end])
		// for j := range acc { acc[j] += x >> j & 0x0101010101010101 },
		// written out.
		const lanes = 0x0101010101010101
		acc[0] += x & lanes
		acc[1] += x >> 1 & lanes
		acc[2] += x >> 2 & lanes
		acc[3] += x >> 3 & lanes
		acc[4] += x >> 4 & lanes
		acc[5] += x >> 5 & lanes
		acc[6] += x >> 6 & lanes
		acc[7] += x >> 7 & lanes
		p.Shingles++
		if pending++; pending == 255 {
			flush()
		}
	}
	flush()
	for b := range ones {
		if 2*int(ones[b]) > p.Shingles {
			p.Sim |= 1 << b
		}
	}
}

// fnv64a is FNV-1a of s, as hash/fnv computes it, without copying s.
func fnv64a(s []byte) uint64 {
	const offset, prime = 14695981039346656037, 1099511628211
	h := uint64(offset)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= prime
	}
	return h
}

// shingleHash hashes a shingle, its words with the spaces between them:
// FNV-1a over the span and a closing space, then mixed.
func shingleHash(span []byte) uint64 {
	const offset, prime = 14695981039346656037, 1099511628211
	h := uint64(offset)
	// Eight bytes a round: every byte of a posting's core is hashed in
	// three shingles, and the loop's own cost was most of a byte's.
	for len(span) >= 8 {
		h = (h ^ uint64(span[0])) * prime
		h = (h ^ uint64(span[1])) * prime
		h = (h ^ uint64(span[2])) * prime
		h = (h ^ uint64(span[3])) * prime
		h = (h ^ uint64(span[4])) * prime
		h = (h ^ uint64(span[5])) * prime
		h = (h ^ uint64(span[6])) * prime
		h = (h ^ uint64(span[7])) * prime
		span = span[8:]
	}
	for _, c := range span {
		h ^= uint64(c)
		h *= prime
	}
	h ^= ' '
	h *= prime
	return mix64(h)
}

// mix64 is splitmix64's finaliser: FNV's low bits are weak for short
// input, and the SimHash counts every bit.
func mix64(h uint64) uint64 {
	h ^= h >> 30
	h *= 0xbf58476d1ce4e5b9
	h ^= h >> 27
	h *= 0x94d049bb133111eb
	h ^= h >> 31
	return h
}

// Distance is the number of bits two SimHashes differ in.
func Distance(a, b uint64) int { return bits.OnesCount64(a ^ b) }

// blocks is how many parts the index splits a SimHash into: MaxDistance+1,
// so that near hashes share one part exactly.
const blocks = MaxDistance + 1

// blockValues is how many values a block of 13 bits takes.
const blockValues = 1 << 13

// block returns part i of a SimHash: 13 bits for the first four parts, 12
// for the last.
func block(sim uint64, i int) uint16 {
	return uint16(sim>>(13*i)) & (blockValues - 1)
}

// check returns the 32 bits of a SimHash that follow block i (wrapping
// round), which an index entry keeps beside the posting's id.
func check(sim uint64, i int) uint32 {
	return uint32(bits.RotateLeft64(sim, -13*(i+1)))
}

// entry is a posting in one of the index's buckets. Two hashes within
// MaxDistance bits are within it on any 32 of their bits too, so a lookup
// skips almost every posting of a bucket on the check alone (a random one
// passes about once in 100,000) without loading its print from the
// posting-wide slices, a cache miss each once the index is large.
type entry struct {
	id    int32
	check uint32
}

// Index holds the prints of the postings kept so far. It is not safe for
// concurrent use: the collector owns it.
type Index struct {
	exact  map[uint64]int32
	blocks [blocks]*[blockValues][]entry // by block value
	sims   []uint64                      // by posting id
	titles []uint64                      // by posting id
}

// NewIndex returns an empty index.
func NewIndex() *Index {
	ix := &Index{exact: map[uint64]int32{}}
	for i := range ix.blocks {
		ix.blocks[i] = new([blockValues][]entry)
	}
	return ix
}

// Find returns the id of a kept posting that p duplicates, and whether the
// match is exact.
func (ix *Index) Find(p Print) (id int32, exact bool, ok bool) {
	if id, ok := ix.exact[p.Exact]; ok {
		return id, true, true
	}
	if p.Shingles < MinShingles {
		return 0, false, false
	}
	best, bestD := int32(-1), MaxDistance+1
	for i := range ix.blocks {
		c := check(p.Sim, i)
		for _, e := range ix.blocks[i][block(p.Sim, i)] {
			if bits.OnesCount32(e.check^c) > MaxDistance {
				continue
			}
			cand := e.id
			if t := ix.titles[cand]; t != 0 && p.Title != 0 && t != p.Title {
				continue
			}
			if d := Distance(ix.sims[cand], p.Sim); d < bestD || d == bestD && cand < best {
				best, bestD = cand, d
			}
		}
	}
	if best < 0 {
		return 0, false, false
	}
	return best, false, true
}

// Add records a kept posting. Ids must be 0, 1, 2, ... in order.
func (ix *Index) Add(id int32, p Print) {
	ix.exact[p.Exact] = id
	ix.sims = append(ix.sims, p.Sim)
	ix.titles = append(ix.titles, p.Title)
	if p.Shingles < MinShingles {
		// Too short for near matching; keep the slot so ids line up, but
		// make it unreachable through the blocks.
		return
	}
	for i := range ix.blocks {
		b := &ix.blocks[i][block(p.Sim, i)]
		*b = append(*b, entry{id, check(p.Sim, i)})
	}
}

// Len is the number of postings in the index.
func (ix *Index) Len() int { return len(ix.sims) }
