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
func (a *Automaton) Walk(text string, fn func(start, end, pattern int) bool) {
	delta, class := a.delta, &a.class
	var v int32
	for i := 0; i < len(text); i++ {
		v = delta[v>>1+int32(class[text[i]])]
		if v&1 == 0 {
			continue
		}
		s := v >> 1 / a.nclass
		for _, p := range a.outs[a.outAt[s]:a.outAt[s+1]] {
			if !fn(i+1-int(a.lens[p]), i+1, int(p)) {
				return
			}
		}
	}
}
