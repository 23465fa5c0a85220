package report

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// hostileStats is three postings, one of them written to break the page.
func hostileStats() (*Stats, RunInfo) {
	st := NewStats()
	rows := []struct {
		row    PostingRow
		skills []SkillRow
		terms  []Term
	}{
		{PostingRow{Source: "javascript:alert(1)", Title: "<script>alert(1)</script>", Company: "<img src=x onerror=alert(1)>", Language: "en", Maturity: "cloud_startup", Role: "data_engineer", Seniority: "mid", DegreeMin: "bachelor", YearsMin: i32(3)},
			[]SkillRow{{Skill: "Airflow", Kind: "technology", Requirement: "required"}, {Skill: `"><svg onload=alert(1)>`, Kind: "technology", Requirement: "preferred"}, {Skill: "ETL", Kind: "concept", Requirement: "required"}},
			[]Term{{Name: "</title><script>alert(2)</script>", Listed: true}}},
		{PostingRow{Source: "b.html", Title: "Data Engineer", Company: "<img src=x onerror=alert(1)>", Language: "ko", Maturity: "cloud_startup", Role: "data_engineer", Seniority: "senior", DegreeMin: "unspecified"},
			[]SkillRow{{Skill: "Airflow", Kind: "technology", Requirement: "preferred"}, {Skill: `"><svg onload=alert(1)>`, Kind: "technology", Requirement: "required"}},
			[]Term{{Name: "</title><script>alert(2)</script>", Listed: true}}},
		{PostingRow{Source: "c.txt", Title: "데이터 분석가", Language: "ko", Maturity: "early_service", Role: "data_analyst", Seniority: "junior", DegreeMin: "none", YearsMin: i32(0)},
			[]SkillRow{{Skill: "SQL", Kind: "technology", Requirement: "required"}, {Skill: "dbt", Kind: "technology", Requirement: "responsibility"}}, nil},
	}
	for _, r := range rows {
		st.Add(&r.row, r.skills, r.terms)
	}
	info := RunInfo{Version: "t", Inputs: 5, Postings: 3, Duplicates: 1, Rejected: 1,
		RejectedByReason: map[string]int{"binary": 1}, RejectExamples: map[string][]string{"binary": {"<b>x.html</b>: binary"}}}
	return st, info
}

func writeHTML(t *testing.T, st *Stats, info RunInfo) string {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteHTML(&buf, st, info); err != nil {
		t.Fatalf("WriteHTML: %v", err)
	}
	return buf.String()
}

func parseHTML(t *testing.T, page string) *html.Node {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatalf("html.Parse: %v", err)
	}
	return doc
}

// walk calls f on every element under n.
func walk(n *html.Node, f func(*html.Node)) {
	if n.Type == html.ElementNode {
		f(n)
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(c, f)
	}
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func byID(doc *html.Node, id string) *html.Node {
	var found *html.Node
	walk(doc, func(n *html.Node) {
		if found == nil && attr(n, "id") == id {
			found = n
		}
	})
	return found
}

// bodyRows returns the text of each cell of each row in a table's tbody.
func bodyRows(table *html.Node) [][]string {
	var rows [][]string
	walk(table, func(n *html.Node) {
		if n.Data != "tr" || n.Parent == nil || n.Parent.Data != "tbody" {
			return
		}
		var cells []string
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode && (c.Data == "td" || c.Data == "th") {
				cells = append(cells, textOf(c))
			}
		}
		rows = append(rows, cells)
	})
	return rows
}

func textOf(n *html.Node) string {
	var b strings.Builder
	var f func(*html.Node)
	f = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			f(c)
		}
	}
	f(n)
	return strings.TrimSpace(b.String())
}

func TestHTMLEscapesPostings(t *testing.T) {
	t.Parallel()
	st, info := hostileStats()
	page := writeHTML(t, st, info)
	for _, want := range []string{
		"&lt;script&gt;alert(1)&lt;/script&gt;",
		"&lt;img src=x onerror=alert(1)&gt;",
		"&lt;/title&gt;&lt;script&gt;alert(2)&lt;/script&gt;",
		"&lt;b&gt;x.html&lt;/b&gt;: binary",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("WriteHTML(hostile postings) lacks the escaped text %q", want)
		}
	}
	for _, bad := range []string{"<script>alert", "<img", "<svg onload", `href="javascript:`, "<b>x.html"} {
		if strings.Contains(page, bad) {
			t.Errorf("WriteHTML(hostile postings) holds raw %q", bad)
		}
	}
	// What a browser builds: one script (ours), no images, no event
	// handlers, no links out of the page.
	doc := parseHTML(t, page)
	scripts := 0
	walk(doc, func(n *html.Node) {
		switch n.Data {
		case "script":
			scripts++
		case "img", "iframe", "object", "embed", "link":
			t.Errorf("page has a <%s> element", n.Data)
		}
		for _, a := range n.Attr {
			if strings.HasPrefix(a.Key, "on") {
				t.Errorf("<%s> has an event handler %s=%q", n.Data, a.Key, a.Val)
			}
			if (a.Key == "href" || a.Key == "src") && !strings.HasPrefix(a.Val, "#") {
				t.Errorf("<%s %s=%q> points outside the page", n.Data, a.Key, a.Val)
			}
		}
	})
	if scripts != 1 {
		t.Errorf("page has %d <script> elements, want 1 (the table sorter)", scripts)
	}
	if got := textOf(byID(doc, "postings")); !strings.Contains(got, "<script>alert(1)</script>") {
		t.Errorf("postings table text = %q, want the hostile title shown as text", got)
	}
}

func TestHTMLContent(t *testing.T) {
	t.Parallel()
	st, info := hostileStats()
	doc := parseHTML(t, writeHTML(t, st, info))

	maturity := map[string]string{}
	for _, r := range bodyRows(byID(doc, "maturity")) {
		maturity[r[0]] = r[1] + " " + r[2]
	}
	for class, want := range map[string]string{"early_service": "1 33%", "cloud_startup": "2 67%", "data_platform": "0 0%", "undetermined": "0 0%"} {
		if got := maturity[class]; got != want {
			t.Errorf("maturity table: %s = %q, want %q", class, got, want)
		}
	}

	top := bodyRows(byID(doc, "top-technologies"))
	if len(top) != 4 || strings.Join(top[1], "|") != "2|Airflow|2|67%|50%|50%|0%" || strings.Join(top[3], "|") != "4|dbt|1|33%|0%|0%|100%" {
		t.Errorf("top technologies = %q, want 4 rows, the second 2|Airflow|2|67%%|50%%|50%%|0%%, the last 4|dbt|1|33%%|0%%|0%%|100%%", top)
	}

	roles := bodyRows(byID(doc, "roles"))
	if len(roles) == 0 || strings.Join(roles[0], "|") != "data_engineer|0|2|0|0|2" {
		t.Errorf("roles first row = %q, want data_engineer|0|2|0|0|2", roles)
	}

	rows := bodyRows(byID(doc, "postings"))
	if len(rows) != len(st.Index) {
		t.Errorf("postings table has %d rows, want %d (one per index row)", len(rows), len(st.Index))
	}
	for i, r := range rows {
		if i < len(st.Index) && (r[0] != st.Index[i].Title || r[5] != st.Index[i].Source) {
			t.Errorf("postings row %d = %q, want title %q and source %q", i, r, st.Index[i].Title, st.Index[i].Source)
		}
	}

	// The Korean guidance is there, marked as Korean.
	ko := 0
	walk(doc, func(n *html.Node) {
		if attr(n, "lang") == "ko" && strings.Contains(textOf(n), "데이터") {
			ko++
		}
	})
	if ko != len(classOrder) {
		t.Errorf("page has %d Korean guidance paragraphs, want %d", ko, len(classOrder))
	}
}

func TestHTMLCharts(t *testing.T) {
	t.Parallel()
	hostile, hostileInfo := hostileStats()
	tests := []struct {
		name string
		st   *Stats
		info RunInfo
		want []string // chart ids, in page order
	}{
		{"empty", NewStats(), RunInfo{}, nil},
		{"two classes", hostile, hostileInfo, []string{"chart-maturity", "chart-top-technologies", "chart-early_service", "chart-cloud_startup"}},
	}
	for _, tt := range tests {
		doc := parseHTML(t, writeHTML(t, tt.st, tt.info))
		var got []string
		walk(doc, func(n *html.Node) {
			if n.Data != "svg" {
				return
			}
			got = append(got, attr(n, "id"))
			first := n.FirstChild
			for first != nil && first.Type != html.ElementNode {
				first = first.NextSibling
			}
			if first == nil || first.Data != "title" || textOf(first) == "" {
				t.Errorf("%s: <svg id=%q> does not start with a <title>", tt.name, attr(n, "id"))
			}
		})
		if strings.Join(got, " ") != strings.Join(tt.want, " ") {
			t.Errorf("%s: WriteHTML charts = %q, want %q", tt.name, got, tt.want)
		}
	}
}

// TestHTMLAnchors checks that every link in report.md's contents line has a
// target in the HTML page, so the same links work in both.
func TestHTMLAnchors(t *testing.T) {
	t.Parallel()
	st, info := hostileStats()
	var md bytes.Buffer
	if err := WriteMarkdown(&md, st, info); err != nil {
		t.Fatal(err)
	}
	doc := parseHTML(t, writeHTML(t, st, info))
	links := regexp.MustCompile(`\]\(#([^)]+)\)`).FindAllStringSubmatch(md.String(), -1)
	if len(links) < 8 {
		t.Fatalf("report.md has %d contents links, want 8 or more", len(links))
	}
	for _, l := range links {
		if byID(doc, l[1]) == nil {
			t.Errorf("report.md links to #%s; report.html has no such id", l[1])
		}
	}
	for _, id := range []string{"early_service-1-postings", "cloud_startup-2-postings", "technologies-asked-for-together", "concepts", "salary"} {
		if byID(doc, id) == nil {
			t.Errorf("report.html has no id %q (the markdown heading's anchor)", id)
		}
	}
}

func TestAnchor(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"Company data maturity", "company-data-maturity"},
		{"early_service (12 postings)", "early_service-12-postings"},
		{"Technologies asked for together", "technologies-asked-for-together"},
		{"Roles and seniority", "roles-and-seniority"},
		{"데이터 성숙도", "데이터-성숙도"},
	}
	for _, tt := range tests {
		if got := anchor(tt.in); got != tt.want {
			t.Errorf("anchor(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestHTMLPolicy checks that the Content-Security-Policy allows exactly the
// page's own style and script: a change to either that forgets the hash
// would leave the page unstyled or unsortable in a browser.
func TestHTMLPolicy(t *testing.T) {
	t.Parallel()
	st, info := hostileStats()
	doc := parseHTML(t, writeHTML(t, st, info))
	var csp string
	inline := map[string]string{}
	walk(doc, func(n *html.Node) {
		switch {
		case n.Data == "meta" && attr(n, "http-equiv") == "Content-Security-Policy":
			csp = attr(n, "content")
		case n.Data == "style" || n.Data == "script":
			inline[n.Data] = textOf(n)
		}
	})
	if !strings.Contains(csp, "default-src 'none'") {
		t.Fatalf("Content-Security-Policy = %q, want default-src 'none'", csp)
	}
	for _, kind := range []string{"style", "script"} {
		// textOf trims; the hash is over the exact text, so take it from
		// the constants and check the page carries them unchanged.
		full := map[string]string{"style": htmlCSS, "script": htmlScript}[kind]
		if inline[kind] != strings.TrimSpace(full) {
			t.Errorf("<%s> in the page differs from the constant it is hashed from", kind)
		}
		sum := sha256.Sum256([]byte(full))
		want := kind + "-src 'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
		if !strings.Contains(csp, want) {
			t.Errorf("Content-Security-Policy = %q, want %q", csp, want)
		}
	}
}

func TestHTMLDeterministic(t *testing.T) {
	t.Parallel()
	// Ties everywhere: equal counts, so only the tie-breaks order them.
	st := NewStats()
	for i, c := range []string{"early_service", "cloud_startup", "data_platform", "undetermined", "cloud_startup", "early_service"} {
		row := PostingRow{Source: string(rune('a'+i)) + ".txt", Title: "t", Company: "Same Co", Language: "en", Maturity: c, Role: "data_engineer", Seniority: "mid", DegreeMin: "none",
			SalaryMin: ptrF(float64(1000 * (i + 1))), SalaryMax: ptrF(float64(2000 * (i + 1))), SalaryCurrency: []string{"KRW", "USD"}[i%2]}
		var sk []SkillRow
		for _, s := range []string{"Zeta", "Alpha", "Mu", "Beta", "Kappa", "Eta", "Nu", "Xi"} {
			sk = append(sk, SkillRow{Skill: s, Kind: "technology", Requirement: "required"})
		}
		st.Add(&row, sk, []Term{{Name: "TermA", Listed: true}, {Name: "TermB", Listed: true}, {Name: "TermC"}})
	}
	info := RunInfo{Inputs: 6, Postings: 6, RejectedByReason: map[string]int{"binary": 1, "empty": 2, "too_large": 1}}
	first := writeHTML(t, st, info)
	for i := range 5 {
		if got := writeHTML(t, st, info); got != first {
			t.Fatalf("WriteHTML write %d differs from the first", i+2)
		}
	}
}

func ptrF(v float64) *float64 { return &v }
