package extract

import (
	"bytes"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Line is one block of visible text.
type Line struct {
	Text    string
	Heading bool // an <h1>–<h6>, <dt>, or a line that is wholly bold
	normal  bool // Text is already normalised
}

// htmlPage is what one tokenizer pass over a page yields.
type htmlPage struct {
	lines     []Line
	content   []Line // the lines of the main content block
	title     string // <title>
	h1        string // first <h1>
	meta      map[string]string
	jsonLD    [][]byte
	microdata bool // the page marks up a schema.org JobPosting with itemprop
}

// maxDepth bounds the element stack; deeper nesting (hostile or broken
// pages) is flattened into its parent rather than tracked.
const maxDepth = 256

// skipped elements hold no posting text.
func skipped(a atom.Atom) bool {
	switch a {
	case atom.Script, atom.Style, atom.Noscript, atom.Nav, atom.Header, atom.Footer,
		atom.Aside, atom.Form, atom.Svg, atom.Iframe, atom.Template, atom.Button,
		atom.Select, atom.Head, atom.Object, atom.Canvas, atom.Math, atom.Dialog:
		return true
	}
	return false
}

// block elements end the current line.
func block(a atom.Atom) bool {
	switch a {
	case atom.P, atom.Div, atom.Li, atom.Ul, atom.Ol, atom.H1, atom.H2, atom.H3, atom.H4,
		atom.H5, atom.H6, atom.Tr, atom.Table, atom.Tbody, atom.Thead, atom.Section,
		atom.Article, atom.Main, atom.Br, atom.Dt, atom.Dd, atom.Dl, atom.Blockquote,
		atom.Pre, atom.Hr, atom.Address, atom.Figure, atom.Figcaption, atom.Summary,
		atom.Details, atom.Center, atom.Body, atom.Html, atom.Caption, atom.Fieldset,
		atom.Legend, atom.Label:
		return true
	}
	return false
}

func void(a atom.Atom) bool {
	switch a {
	case atom.Br, atom.Img, atom.Hr, atom.Input, atom.Meta, atom.Link, atom.Wbr, atom.Area,
		atom.Base, atom.Col, atom.Embed, atom.Source, atom.Track, atom.Param:
		return true
	}
	return false
}

func heading(a atom.Atom) bool {
	switch a {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Dt:
		return true
	}
	return false
}

func bold(a atom.Atom) bool {
	return a == atom.Strong || a == atom.B
}

// node is an open or closed element, for the content-block score.
type node struct {
	a         atom.Atom
	hint      int8  // +1 the class/id suggests content, -1 boilerplate
	text      int32 // bytes of visible text in the subtree
	link      int32 // bytes of that inside <a>
	firstLine int32 // lines[firstLine:endLine] are inside the element
	endLine   int32
}

// htmlParser holds the state of one pass; it is reset per page.
type htmlParser struct {
	nodes      []node
	stack      []int32 // open elements, indexes into nodes
	lines      []Line
	cur        []byte
	curBold    int // bytes of the current line inside <b>/<strong>
	curHead    bool
	skip       int // depth inside skipped elements
	skipScript int // depth inside <script>/<style>
	pre        int
	inLink     int
	inBold     int
	inHead     int
	inTitle    bool
	inH1       bool
	inJSONLD   bool
	title      strings.Builder
	h1         strings.Builder
	ld         bytes.Buffer
	page       htmlPage
}

// parseHTML tokenizes a page once. With findContent it also picks the main
// content block; without, every visible line is content (a description
// field that is itself HTML).
func parseHTML(src string, findContent bool) *htmlPage {
	p := &htmlParser{}
	p.page.meta = map[string]string{}
	z := html.NewTokenizer(strings.NewReader(src))
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			p.finish()
			return p.result(findContent)
		case html.TextToken:
			// Text inside skipped elements (scripts, navigation) is not
			// unescaped unless the title, <h1> or JSON-LD wants it.
			if p.skip == 0 || p.inJSONLD || p.inTitle || p.inH1 && p.skipScript == 0 {
				p.text(z.Text())
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			a := tagAtom(z.Raw())
			var attrs tagAttrs
			// Inside skipped elements only <meta> and <script type>
			// attributes matter (the <head> is skipped too).
			if p.skip == 0 || a == atom.Meta || a == atom.Script {
				attrs.read(z)
			}
			p.start(a, &attrs, tt == html.SelfClosingTagToken)
		case html.EndTagToken:
			p.end(tagAtom(z.Raw()))
		}
	}
}

// tagAtom is the atom of a start or end tag's name, read from the tag's
// raw bytes. The tokenizer's TagName copies every name to replace NUL
// bytes, one allocation per tag of pages with thousands; a name with a NUL
// byte is no atom either way.
func tagAtom(raw []byte) atom.Atom {
	i := 1 // past '<'
	if i < len(raw) && raw[i] == '/' {
		i++
	}
	var buf [32]byte // longer than any atom
	n := 0
	for ; i < len(raw); i++ {
		c := raw[i]
		if c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '/' || c == '>' {
			break
		}
		if n == len(buf) {
			return 0
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[n] = c
		n++
	}
	return atom.Lookup(buf[:n])
}

// tagAttrs are the attributes the parser reads; others are skipped. The
// values point into the tokenizer's buffer and are valid until its next
// token (pages carry thousands of tags): whatever outlives the tag is
// copied.
type tagAttrs struct {
	class, id, typ, itemtype, property, name, itemprop, content []byte
}

func (t *tagAttrs) read(z *html.Tokenizer) {
	for {
		k, v, more := z.TagAttr()
		if k == nil && !more {
			return // no attributes
		}
		switch string(k) {
		case "class":
			t.class = v
		case "id":
			t.id = v
		case "type":
			t.typ = v
		case "itemtype":
			t.itemtype = v
		case "property":
			t.property = v
		case "name":
			t.name = v
		case "itemprop":
			t.itemprop = v
		case "content":
			t.content = v
		}
		if !more {
			return
		}
	}
}

var contentHints = []string{"content", "article", "job", "posting", "description", "detail", "main", "body", "view", "position", "recruit", "jd"}
var boilerHints = []string{"comment", "sidebar", "footer", "nav", "menu", "related", "recommend", "banner", "share", "social", "cookie", "popup", "modal", "breadcrumb", "similar", "other-jobs", "ad-", "advert", "gnb", "lnb"}

// hintWords tell content blocks from boilerplate by class and id.
var hintWords = newPhraseSet(boilerHints, contentHints)

var (
	maskBoiler  = hintWords.mask(boilerHints...)
	maskContent = hintWords.mask(contentHints...)
)

func hintOf(attrs *tagAttrs) int8 {
	if len(attrs.class) == 0 && len(attrs.id) == 0 {
		return 0
	}
	// One pass over "class id", as the hints could span the two.
	var buf [256]byte
	s := append(append(append(buf[:0], attrs.class...), ' '), attrs.id...)
	w := hintWords.scan(unsafeString(s))
	switch {
	case w.any(maskBoiler):
		return -1
	case w.any(maskContent):
		return 1
	}
	return 0
}

func (p *htmlParser) start(a atom.Atom, attrs *tagAttrs, selfClosing bool) {
	switch a {
	case atom.Meta:
		p.meta(attrs)
		return
	case atom.Title:
		if !selfClosing {
			p.inTitle = true
		}
		return
	}
	if bytes.Contains(attrs.itemtype, []byte("JobPosting")) {
		p.page.microdata = true
	}
	if a == atom.Script && bytes.Contains(bytes.ToLower(attrs.typ), []byte("ld+json")) && !selfClosing {
		p.inJSONLD = true
		p.ld.Reset()
		return
	}
	if a == atom.H1 && p.page.h1 == "" && p.h1.Len() == 0 && !selfClosing && p.skipScript == 0 {
		p.inH1 = true
	}
	if p.skip > 0 {
		if skipped(a) && !void(a) && !selfClosing {
			p.skip++
			if a == atom.Script || a == atom.Style {
				p.skipScript++
			}
		}
		return
	}
	if skipped(a) {
		if a == atom.Script || a == atom.Style {
			p.skipScript++
		}
		if !void(a) && !selfClosing {
			p.skip++
		}
		return
	}
	if a == atom.Br {
		p.breakLine()
		return
	}
	if a == atom.Td || a == atom.Th {
		if len(p.cur) > 0 {
			p.cur = append(p.cur, ' ')
		}
	}
	if block(a) {
		p.breakLine()
	}
	if void(a) || selfClosing {
		return
	}
	// Implicit ends: a <p> or <li> closes an open one of the same kind.
	if (a == atom.P || a == atom.Li || a == atom.Dt || a == atom.Dd || a == atom.Tr || a == atom.Td || a == atom.Th) && len(p.stack) > 0 {
		if top := p.nodes[p.stack[len(p.stack)-1]].a; top == a {
			p.pop()
		}
	}
	switch {
	case a == atom.Pre:
		p.pre++
	case a == atom.A:
		p.inLink++
	case bold(a):
		p.inBold++
	case heading(a):
		p.inHead++
	}
	if len(p.stack) >= maxDepth {
		return
	}
	p.nodes = append(p.nodes, node{a: a, hint: hintOf(attrs), firstLine: int32(len(p.lines))})
	p.stack = append(p.stack, int32(len(p.nodes)-1))
}

func (p *htmlParser) end(a atom.Atom) {
	switch a {
	case atom.Title:
		p.inTitle = false
		return
	case atom.Script:
		if p.inJSONLD {
			p.inJSONLD = false
			p.page.jsonLD = append(p.page.jsonLD, bytes.Clone(p.ld.Bytes()))
			return
		}
	}
	if a == atom.H1 && p.inH1 {
		p.inH1 = false
		p.page.h1 = strings.TrimSpace(collapseSpace(p.h1.String()))
	}
	if p.skip > 0 {
		if skipped(a) {
			p.skip--
			if (a == atom.Script || a == atom.Style) && p.skipScript > 0 {
				p.skipScript--
			}
		}
		return
	}
	if skipped(a) || void(a) {
		return
	}
	switch {
	case a == atom.Pre && p.pre > 0:
		p.pre--
	case a == atom.A && p.inLink > 0:
		p.inLink--
	case bold(a) && p.inBold > 0:
		p.inBold--
	case heading(a) && p.inHead > 0:
		p.inHead--
	}
	if block(a) || a == atom.Td || a == atom.Th {
		p.breakLine()
	}
	// Pop up to the matching element; a stray end tag is ignored.
	for i := len(p.stack) - 1; i >= 0; i-- {
		if p.nodes[p.stack[i]].a == a {
			for len(p.stack) > i {
				p.pop()
			}
			return
		}
	}
}

func (p *htmlParser) pop() {
	n := len(p.stack) - 1
	idx := p.stack[n]
	p.stack = p.stack[:n]
	nd := &p.nodes[idx]
	nd.endLine = int32(len(p.lines))
	if len(p.cur) > 0 {
		nd.endLine++ // the open line belongs to it too
	}
	if n > 0 {
		parent := &p.nodes[p.stack[n-1]]
		parent.text += nd.text
		parent.link += nd.link
	}
}

func (p *htmlParser) meta(attrs *tagAttrs) {
	k := attrs.property
	if len(k) == 0 {
		k = attrs.name
	}
	if len(k) == 0 {
		k = attrs.itemprop
	}
	if len(k) == 0 {
		return
	}
	key := strings.ToLower(string(k))
	if _, ok := p.page.meta[key]; !ok {
		p.page.meta[key] = strings.TrimSpace(string(attrs.content))
	}
}

func (p *htmlParser) text(t []byte) {
	switch {
	case p.inJSONLD:
		if p.ld.Len() < 4<<20 {
			p.ld.Write(t)
		}
		return
	case p.inTitle:
		p.title.Write(t)
		return
	}
	if p.inH1 && p.skipScript == 0 {
		p.h1.Write(t)
	}
	if p.skip > 0 {
		return
	}
	if p.pre > 0 {
		for i, part := range bytes.Split(t, []byte{'\n'}) {
			if i > 0 {
				p.breakLine()
			}
			p.appendText(part)
		}
		return
	}
	p.appendText(t)
}

// appendText adds text to the current line, collapsing white space as a
// browser does.
func (p *htmlParser) appendText(t []byte) {
	start := len(p.cur)
	for len(t) > 0 {
		i := 0
		for i < len(t) && !htmlSpace[t[i]] {
			i++
		}
		p.cur = append(p.cur, t[:i]...)
		if i == len(t) {
			break
		}
		if len(p.cur) > 0 && p.cur[len(p.cur)-1] != ' ' {
			p.cur = append(p.cur, ' ')
		}
		t = t[i+1:]
	}
	n := int32(len(p.cur) - start)
	if n == 0 {
		return
	}
	if len(p.stack) > 0 {
		nd := &p.nodes[p.stack[len(p.stack)-1]]
		nd.text += n
		if p.inLink > 0 {
			nd.link += n
		}
	}
	if p.inBold > 0 {
		p.curBold += int(n)
	}
	if p.inHead > 0 {
		p.curHead = true
	}
}

// htmlSpace is HTML's white space: space, tab, newline, carriage return
// and form feed.
var htmlSpace = [256]bool{' ': true, '\t': true, '\n': true, '\r': true, '\f': true}

func (p *htmlParser) breakLine() {
	trimmed := bytes.TrimSpace(p.cur)
	if len(trimmed) > 0 {
		isHead := p.curHead || (p.curBold > 0 && p.curBold >= len(trimmed)-1)
		p.lines = append(p.lines, Line{Text: string(trimmed), Heading: isHead})
	}
	p.cur = p.cur[:0]
	p.curBold = 0
	p.curHead = false
}

func (p *htmlParser) finish() {
	p.breakLine()
	for len(p.stack) > 0 {
		p.pop()
	}
	p.page.title = strings.TrimSpace(collapseSpace(p.title.String()))
	if p.page.h1 == "" {
		p.page.h1 = strings.TrimSpace(collapseSpace(p.h1.String()))
	}
	if p.inJSONLD && p.ld.Len() > 0 {
		p.page.jsonLD = append(p.page.jsonLD, bytes.Clone(p.ld.Bytes()))
	}
}

func (p *htmlParser) result(findContent bool) *htmlPage {
	p.page.lines = p.lines
	p.page.content = p.lines
	if findContent {
		p.page.content = p.mainBlock()
	}
	return &p.page
}

// mainBlock picks the element whose text best looks like the posting: the
// most non-link text, with link text counting against it (menus, "other
// jobs" lists) and class/id hints nudging the score. Among near-equal
// candidates the smallest wins, so a wrapper that adds only boilerplate
// loses to the block inside it.
func (p *htmlParser) mainBlock() []Line {
	if len(p.nodes) == 0 {
		return p.lines
	}
	score := func(n *node) float64 {
		s := float64(n.text-n.link) - 2*float64(n.link)
		switch n.hint {
		case 1:
			s *= 1.1
		case -1:
			s *= 0.5
		}
		return s
	}
	best := -1.0
	for i := range p.nodes {
		if s := score(&p.nodes[i]); s > best {
			best = s
		}
	}
	if best <= 0 {
		return p.lines
	}
	pick := -1
	for i := range p.nodes {
		n := &p.nodes[i]
		if score(n) < 0.92*best || n.endLine <= n.firstLine {
			continue
		}
		if pick < 0 || n.text < p.nodes[pick].text {
			pick = i
		}
	}
	if pick < 0 {
		return p.lines
	}
	n := p.nodes[pick]
	end := int(n.endLine)
	if end > len(p.lines) {
		end = len(p.lines)
	}
	return p.lines[n.firstLine:end]
}

func collapseSpace(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// HTMLText returns the visible text of an HTML fragment as lines, keeping
// block structure. It is used for description fields that hold HTML.
func HTMLText(src string) []Line {
	// JSON-LD descriptions are often HTML escaped once more
	// ("&lt;p&gt;..."): unescape when the text holds no real tags.
	if !strings.Contains(src, "<") && strings.Contains(src, "&lt;") {
		src = html.UnescapeString(src)
	}
	return parseHTML(src, false).lines
}

// looksLikeHTML reports whether a record field holds markup rather than text.
func looksLikeHTML(s string) bool {
	i := strings.IndexByte(s, '<')
	if i < 0 {
		return false
	}
	low := strings.ToLower(s[i:min(len(s), i+4096)])
	for _, tag := range []string{"<p>", "<p ", "<br", "<div", "<li>", "<ul", "<span", "</", "<h1", "<h2", "<h3", "<strong", "<b>", "<table"} {
		if strings.Contains(low, tag) {
			return true
		}
	}
	return false
}
