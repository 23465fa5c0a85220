// Package dedup folds reposts of one posting: exact duplicates (the same
// text once normalised) and near duplicates (the same posting with a changed
// date, a tracking line, other white space or a site's header and footer).
//
// Near duplicates are found with a 64-bit SimHash over word 3-shingles. Two
// postings are near duplicates when their hashes differ in at most
// MaxDistance bits. The index splits each hash into four 16-bit blocks; two
// hashes within 3 bits share at least one block exactly (pigeonhole), so a
// lookup only compares the postings that share a block.
//
//	ix := dedup.NewIndex()
//	fp := dedup.Fingerprint(title + "\n" + text)
//	if first, ok := ix.Find(fp); ok { /* fold into first */ } else { ix.Add(id, fp) }
//
// Memory: about 60 bytes per unique posting (the two hashes and four index
// entries), so a million unique postings cost about 60 MB.
package dedup

import (
	"hash/fnv"
	"math/bits"
	"strings"
	"unicode"
)

// MaxDistance is the most SimHash bits two near duplicates may differ in.
// Measured on reposts written for the tests: whitespace, a changed date, a
// tracking line or a site footer move a posting of a few hundred words by
// 0–3 bits; different postings from one company differ by 10 or more.
const MaxDistance = 3

// MinShingles is the fewest shingles a text needs for near-duplicate
// matching; shorter texts are only folded when exactly equal, because a
// SimHash of a few words is too coarse.
const MinShingles = 24

// Print identifies a posting's text.
type Print struct {
	Exact    uint64 // hash of the normalised text
	Sim      uint64 // SimHash of its word 3-shingles
	Shingles int    // how many shingles the SimHash saw
}

// Normalize folds a text for comparison: lower case, URLs and e-mail
// addresses removed, every digit run as "0" (dates, ids, counts), and
// anything that is not a letter or digit as a single space.
func Normalize(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := true
	for _, tok := range strings.Fields(s) {
		low := strings.ToLower(tok)
		if strings.Contains(low, "://") || strings.HasPrefix(low, "www.") || strings.Contains(low, "@") && strings.Contains(low, ".") {
			continue
		}
		digit := false
		for _, r := range low {
			switch {
			case unicode.IsDigit(r):
				if !digit {
					if !space {
						b.WriteByte(' ')
					}
					b.WriteByte('0')
					space = false
				}
				digit = true
				continue
			case unicode.IsLetter(r):
				if digit {
					b.WriteByte(' ')
				}
				b.WriteRune(r)
				space = false
			default:
				if !space {
					b.WriteByte(' ')
					space = true
				}
			}
			digit = false
		}
		if !space {
			b.WriteByte(' ')
			space = true
		}
	}
	return strings.TrimSpace(b.String())
}

// Fingerprint computes the print of a posting's text.
func Fingerprint(text string) Print {
	norm := Normalize(text)
	h := fnv.New64a()
	h.Write([]byte(norm))
	p := Print{Exact: h.Sum64()}
	words := strings.Fields(norm)
	var v [64]int
	for i := 0; i+3 <= len(words); i++ {
		x := hash3(words[i], words[i+1], words[i+2])
		for b := 0; b < 64; b++ {
			if x&(1<<b) != 0 {
				v[b]++
			} else {
				v[b]--
			}
		}
		p.Shingles++
	}
	for b := 0; b < 64; b++ {
		if v[b] > 0 {
			p.Sim |= 1 << b
		}
	}
	return p
}

func hash3(a, b, c string) uint64 {
	// FNV-1a over the three words with separators, inlined to avoid
	// allocating per shingle.
	const offset, prime = 14695981039346656037, 1099511628211
	h := uint64(offset)
	for _, w := range [3]string{a, b, c} {
		for i := 0; i < len(w); i++ {
			h ^= uint64(w[i])
			h *= prime
		}
		h ^= ' '
		h *= prime
	}
	// FNV's low bits are weak for short input; mix them (splitmix64 finaliser).
	h ^= h >> 30
	h *= 0xbf58476d1ce4e5b9
	h ^= h >> 27
	h *= 0x94d049bb133111eb
	h ^= h >> 31
	return h
}

// Distance is the number of bits two SimHashes differ in.
func Distance(a, b uint64) int { return bits.OnesCount64(a ^ b) }

// Index holds the prints of the postings kept so far. It is not safe for
// concurrent use: the collector owns it.
type Index struct {
	exact  map[uint64]int32
	blocks [4]map[uint16][]int32
	sims   []uint64 // by posting id
}

// NewIndex returns an empty index.
func NewIndex() *Index {
	ix := &Index{exact: map[uint64]int32{}}
	for i := range ix.blocks {
		ix.blocks[i] = map[uint16][]int32{}
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
		key := uint16(p.Sim >> (16 * i))
		for _, cand := range ix.blocks[i][key] {
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
	if p.Shingles < MinShingles {
		// Too short for near matching; keep the slot so ids line up, but
		// make it unreachable through the blocks.
		return
	}
	for i := range ix.blocks {
		key := uint16(p.Sim >> (16 * i))
		ix.blocks[i][key] = append(ix.blocks[i][key], id)
	}
}

// Len is the number of postings in the index.
func (ix *Index) Len() int { return len(ix.sims) }
