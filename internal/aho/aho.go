// Package aho finds many literal patterns in one pass over a text: an
// Aho-Corasick automaton compiled to a full DFA over byte classes.
//
// Every byte of the text costs one table lookup and no branch on failure
// links, which makes a walk several times faster than a trie that follows
// failure links at run time. Bytes that no pattern uses share one class, so
// the table stays small: the taxonomy's ~4,600 spellings need about 29,500
// states × 115 classes × 4 bytes, 13.6 MB. ASCII letters can be folded, so a walk
// over mixed-case text finds lower-case patterns without lowering it first.
package aho

import (
	"math"
	"sync"
)

// Automaton is immutable after Build and safe for concurrent walks.
type Automaton struct {
	class  [256]uint8
	nclass int32
	// delta[row+class] is the next state's row (state×nclass) shifted
	// left by one; the low bit says the state has outputs.
	delta []int32
	outAt []int32 // state → first index in outs; outAt[state+1] ends it
	outs  []int32 // pattern ids, longest first
	lens  []int32 // pattern id → length in bytes
	// A row offset r = state×nclass is divided exactly by nclass as
	// (r >> shift) × inv mod 2³², inv the inverse of nclass's odd part.
	shift uint8
	inv   uint32
	// maxLen is the longest pattern's length: the state after any
	// maxLen bytes does not depend on the bytes before them.
	maxLen int
}

// Build compiles patterns. With fold, ASCII upper-case letters in patterns
// and in walked text are treated as lower-case. Empty patterns never match.
func Build(patterns []string, fold bool) *Automaton {
	a := &Automaton{lens: make([]int32, len(patterns))}
	norm := func(c byte) byte {
		if fold && 'A' <= c && c <= 'Z' {
			return c + 'a' - 'A'
		}
		return c
	}
	// Byte classes: class 0 for bytes no pattern uses.
	var used [256]bool
	for _, p := range patterns {
		for i := 0; i < len(p); i++ {
			used[norm(p[i])] = true
		}
	}
	n := int32(1)
	for c := 0; c < 256; c++ {
		if used[c] {
			a.class[c] = uint8(n)
			n++
		}
	}
	if n > 256 {
		// Every byte value is used: give up the spare class 0 and map
		// bytes one to one. 256 classes fit a uint8 only as 0..255.
		n = 256
		for c := 0; c < 256; c++ {
			a.class[c] = uint8(c)
		}
	}
	if fold {
		for c := 'A'; c <= 'Z'; c++ {
			a.class[c] = a.class[c+'a'-'A']
		}
	}
	a.nclass = n
	nc := int(n)
	for n>>a.shift&1 == 0 {
		a.shift++
	}
	odd := uint32(n) >> a.shift
	a.inv = odd // Newton's iteration doubles the correct low bits: 3, 6, 12, 24, 48
	for range 4 {
		a.inv *= 2 - odd*a.inv
	}

	// The trie, sparse: each state's children as a sibling list, so it
	// is built without knowing how many states there will be.
	type node struct {
		child, sibling int32 // first child, next sibling; 0 = none
		class          uint8
		pattern        int32 // a pattern ending here, or -1
	}
	nodes := make([]node, 1, 1024)
	nodes[0].pattern = -1
	dupOf := make([]int32, len(patterns)) // pattern id → an earlier identical pattern, or -1
	for id, p := range patterns {
		a.lens[id] = int32(len(p))
		a.maxLen = max(a.maxLen, len(p))
		dupOf[id] = -1
		if p == "" {
			continue
		}
		s := int32(0)
		for i := 0; i < len(p); i++ {
			cl := a.class[norm(p[i])]
			t := nodes[s].child
			for t != 0 && nodes[t].class != cl {
				t = nodes[t].sibling
			}
			if t == 0 {
				t = int32(len(nodes))
				nodes = append(nodes, node{class: cl, sibling: nodes[s].child, pattern: -1})
				nodes[s].child = t
			}
			s = t
		}
		if nodes[s].pattern < 0 {
			nodes[s].pattern = int32(id)
		} else {
			dupOf[id] = nodes[s].pattern
		}
	}
	states := len(nodes)
	// Identical patterns end at one state: list them together.
	same := map[int32][]int32{}
	for id, d := range dupOf {
		if d >= 0 {
			same[d] = append(same[d], int32(id))
		}
	}

	// Breadth-first order, which is also the final numbering: walks spend
	// most of their time near the root, and keeping those rows together
	// keeps them in cache. Failure links and output counts on the way.
	order := make([]int32, 1, states)
	fail := make([]int32, states)
	nout := make([]int32, states)
	for qi := 0; qi < len(order); qi++ {
		s := order[qi]
		for t := nodes[s].child; t != 0; t = nodes[t].sibling {
			order = append(order, t)
			if s != 0 {
				// The longest proper suffix that is in the trie.
				f := fail[s]
				for {
					u := nodes[f].child
					for u != 0 && nodes[u].class != nodes[t].class {
						u = nodes[u].sibling
					}
					if u != 0 {
						fail[t] = u
						break
					}
					if f == 0 {
						break
					}
					f = fail[f]
				}
			}
			own := int32(0)
			if p := nodes[t].pattern; p >= 0 {
				own = 1 + int32(len(same[p]))
			}
			nout[t] = own + nout[fail[t]]
		}
	}
	rank := make([]int32, states)
	for r, s := range order {
		rank[s] = int32(r)
	}

	// Outputs, longest first: a state's own patterns, then its failure
	// state's (already filled: it comes earlier in the order).
	a.outAt = make([]int32, states+1)
	for r, s := range order {
		a.outAt[r+1] = a.outAt[r] + nout[s]
	}
	a.outs = make([]int32, a.outAt[states])
	for r, s := range order {
		at := a.outAt[r]
		if p := nodes[s].pattern; p >= 0 {
			a.outs[at] = p
			at++
			for _, d := range same[p] {
				a.outs[at] = d
				at++
			}
		}
		if s != 0 {
			fr := rank[fail[s]]
			copy(a.outs[at:a.outAt[r+1]], a.outs[a.outAt[fr]:a.outAt[fr+1]])
		}
	}

	// The dense table in rank order: a state's row is its failure state's
	// row with its own children written over it.
	a.delta = make([]int32, states*nc)
	entry := func(t int32) int32 {
		v := rank[t] * int32(nc) << 1
		if nout[t] > 0 {
			v |= 1
		}
		return v
	}
	for r, s := range order {
		row := a.delta[r*nc : (r+1)*nc]
		if s != 0 {
			fr := int(rank[fail[s]])
			copy(row, a.delta[fr*nc:(fr+1)*nc])
		}
		for t := nodes[s].child; t != 0; t = nodes[t].sibling {
			row[nodes[t].class] = entry(t)
		}
	}
	return a
}

// Walk calls fn for every occurrence of every pattern in text, in order of
// end position, and for one end position longest pattern first. start and
// end are byte offsets (end exclusive). Returning false stops the walk.
//
// A walk is a chain of dependent loads, and when the table is larger than
// a core's cache each load waits on memory. A long text is then walked as
// four lanes in step: each lane's load does not wait for the others', and
// the core keeps four in flight. Lane k starts maxLen-1 bytes before the
// end of lane k-1, which puts it in the state a single walk would have by
// the first end it reports. The lanes note their ends without a branch and
// fn hears of them afterwards, lane by lane, so the order is a single
// walk's. Ends are noted as int32, so a text of 2 GB or more is walked
// once.
func (a *Automaton) Walk(text string, fn func(start, end, pattern int) bool) {
	if len(a.delta) < laneTable || len(text) < laneMin || len(text) < 16*a.maxLen || len(text) > math.MaxInt32 {
		a.walkOne(text, fn)
		return
	}
	over := a.maxLen - 1
	q := (len(text) + 3*over) / 4 // bytes per lane; lane 3 also takes the rest
	step := q - over              // lane k starts at k×step
	l := lanePool.Get().(*lanes)
	defer l.put()
	for k := range l.ends {
		l.ends[k] = l.ends[k][:0]
	}
	var v [4]int32
	for at := 0; at < q; at += laneChunk {
		top := min(at+laneChunk, q)
		a.walkLanes(text, at, top, step, &v, l)
	}
	// Lane 3 takes the bytes past 4 lanes of q.
	if rest := 3*step + q; rest < len(text) {
		v3 := v[3]
		for i := rest; i < len(text); i++ {
			v3 = a.delta[v3>>1+int32(a.class[text[i]])]
			if v3&1 != 0 {
				l.ends[3] = append(l.ends[3], end(i+1, v3))
			}
		}
	}
	// Lane k reports only ends past lane k-1's last byte.
	for k, ends := range l.ends {
		from := int32(k * step)
		if k > 0 {
			from += int32(over)
		}
		for _, e := range ends {
			if at := int32(e >> 32); at > from && !a.emit(int32(e), int(at), fn) {
				return
			}
		}
	}
}

// walkLanes walks bytes [at, top) of each lane, lane k's from k×step, from
// the states in v, leaves the states reached in v and adds the ends with
// outputs to l.ends. Each lane writes every byte's table entry to its
// chunk buffer, and moves past the entry only when it has outputs: a store
// and an addition instead of a branch that the text decides. The entry
// goes with its offset in the chunk, which the lanes share; the lane's
// start is added to the few kept.
func (a *Automaton) walkLanes(text string, at, top, step int, v *[4]int32, l *lanes) {
	delta, class := a.delta, &a.class
	t0 := text[at:top]
	t1 := text[step+at : step+top]
	t2 := text[2*step+at : 2*step+top]
	t3 := text[3*step+at : 3*step+top]
	t1, t2, t3 = t1[:len(t0)], t2[:len(t0)], t3[:len(t0)]
	b := &l.buf
	v0, v1, v2, v3 := v[0], v[1], v[2], v[3]
	var n0, n1, n2, n3 int
	var e int64 = 1 << 32 // the end of byte i, i+1, in the high half
	for i := 0; i < len(t0); i++ {
		v0 = delta[v0>>1+int32(class[t0[i]])]
		v1 = delta[v1>>1+int32(class[t1[i]])]
		v2 = delta[v2>>1+int32(class[t2[i]])]
		v3 = delta[v3>>1+int32(class[t3[i]])]
		b[0][n0&(laneChunk-1)] = e | int64(uint32(v0))
		b[1][n1&(laneChunk-1)] = e | int64(uint32(v1))
		b[2][n2&(laneChunk-1)] = e | int64(uint32(v2))
		b[3][n3&(laneChunk-1)] = e | int64(uint32(v3))
		n0 += int(v0 & 1)
		n1 += int(v1 & 1)
		n2 += int(v2 & 1)
		n3 += int(v3 & 1)
		e += 1 << 32
	}
	v[0], v[1], v[2], v[3] = v0, v1, v2, v3
	for k, n := range [4]int{n0, n1, n2, n3} {
		base := int64(k*step+at) << 32
		for _, x := range b[k][:n] {
			l.ends[k] = append(l.ends[k], x+base)
		}
	}
}

// end packs an end offset and the table entry reached there.
func end(at int, v int32) int64 { return int64(at)<<32 | int64(uint32(v)) }

// laneTable is the smallest table, in entries (1 MB), walked in lanes. A
// table well inside a core's 2 MB cache is walked faster once: the lanes'
// stores then cost more than the loads they overlap (the requirement
// phrases' 0.5 MB table: 230 against 185 MB/s), while the rules' 1.35 MB
// table already gains (BenchmarkClassify 51 to 65 MB/s). Tests lower it.
var laneTable = 256 << 10

const (
	// laneMin is the shortest text walked in lanes; shorter ones are
	// walked once, where the lanes' set-up would cost more than it saves.
	laneMin = 512
	// laneChunk is how many bytes each lane walks at a time: a chunk's
	// ends fit its buffer even when every byte is one.
	laneChunk = 1024
)

// lanes holds the lanes' buffers between walks: a chunk's ends, and every
// end so far of each lane.
type lanes struct {
	buf  [4][laneChunk]int64
	ends [4][]int64
}

var lanePool = sync.Pool{New: func() any { return new(lanes) }}

// put returns l to the pool unless a pathological text grew its buffers
// past 1 MB, which would then stay pinned.
func (l *lanes) put() {
	size := 0
	for _, e := range l.ends {
		size += 8 * cap(e)
	}
	if size <= 1<<20 {
		lanePool.Put(l)
	}
}

// walkOne walks text in a single pass.
func (a *Automaton) walkOne(text string, fn func(start, end, pattern int) bool) {
	delta, class := a.delta, &a.class
	var v int32
	for i := 0; i < len(text); i++ {
		v = delta[v>>1+int32(class[text[i]])]
		if v&1 != 0 && !a.emit(v, i+1, fn) {
			return
		}
	}
}

// emit reports the outputs of table entry v, a state with outputs, for
// an occurrence ending at end, and says whether to go on.
func (a *Automaton) emit(v int32, end int, fn func(start, end, pattern int) bool) bool {
	s := uint32(v>>1) >> a.shift * a.inv
	for _, p := range a.outs[a.outAt[s]:a.outAt[s+1]] {
		if !fn(end-int(a.lens[p]), end, int(p)) {
			return false
		}
	}
	return true
}
