// Package aho finds many literal patterns in one pass over a text: an
// Aho-Corasick automaton compiled to a full DFA over byte classes.
//
// Every byte of the text costs one table lookup and no branch on failure
// links, which makes a walk several times faster than a trie that follows
// failure links at run time. Bytes that no pattern uses share one class, so
// the table stays small: the taxonomy's ~4,600 spellings need about 45,000
// states × ~110 classes × 4 bytes. ASCII letters can be folded, so a walk
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

	// The trie: goto[state*nc+class], 0 = no child (the root is state 0
	// and is never a child).
	goTo := make([]int32, nc, 1024*nc)
	own := [][]int32{nil} // patterns ending at each state
	for id, p := range patterns {
		a.lens[id] = int32(len(p))
		if p == "" {
			continue
		}
		s := 0
		for i := 0; i < len(p); i++ {
			cl := int(a.class[norm(p[i])])
			t := int(goTo[s*nc+cl])
			if t == 0 {
				t = len(own)
				own = append(own, nil)
				goTo = append(goTo, make([]int32, nc)...)
				goTo[s*nc+cl] = int32(t)
			}
			s = t
		}
		own[s] = append(own[s], int32(id))
	}
	states := len(own)

	// Breadth-first: failure links, outputs, and the missing transitions
	// filled from the failure state, whose row is already complete.
	fail := make([]int32, states)
	outs := make([][]int32, states)
	queue := make([]int32, 0, states)
	for cl := 0; cl < nc; cl++ {
		if t := goTo[cl]; t != 0 {
			queue = append(queue, t)
		}
	}
	for qi := 0; qi < len(queue); qi++ {
		s := int(queue[qi])
		f := int(fail[s])
		outs[s] = append(append([]int32(nil), own[s]...), outs[f]...)
		for cl := 0; cl < nc; cl++ {
			t := goTo[s*nc+cl]
			if t != 0 {
				fail[t] = goTo[f*nc+cl]
				queue = append(queue, t)
				continue
			}
			goTo[s*nc+cl] = goTo[f*nc+cl]
		}
	}

	// Renumber states breadth-first: walks spend most of their time near
	// the root, and keeping those rows together keeps them in cache.
	order := append([]int32{0}, queue...)
	rank := make([]int32, states)
	for r, s := range order {
		rank[s] = int32(r)
	}
	a.outAt = make([]int32, states+1)
	for r, s := range order {
		a.outAt[r+1] = a.outAt[r] + int32(len(outs[s]))
	}
	a.outs = make([]int32, 0, a.outAt[states])
	for _, s := range order {
		a.outs = append(a.outs, outs[s]...)
	}
	a.delta = make([]int32, len(goTo))
	for r, s := range order {
		row, old := a.delta[r*nc:(r+1)*nc], goTo[int(s)*nc:(int(s)+1)*nc]
		for cl, t := range old {
			v := rank[t] * int32(nc) << 1
			if len(outs[t]) > 0 {
				v |= 1
			}
			row[cl] = v
		}
	}
	return a
}

// Size reports the automaton's states and byte classes; its table holds
// states × classes entries of 4 bytes.
func (a *Automaton) Size() (states, classes int) { return len(a.outAt) - 1, int(a.nclass) }

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
