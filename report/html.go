package report

import (
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"html/template"
	"io"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// classColor is the colour of each maturity class in the HTML charts.
var classColor = map[string]string{
	"early_service": "#2a9d8f",
	"cloud_startup": "#3a76c4",
	"data_platform": "#7b4fb8",
	"undetermined":  "#9aa0a6",
}

// Colours of the stacked top-technologies chart: where a technology was
// asked for.
const (
	colorRequired  = "#1f4e79"
	colorPreferred = "#6fa8dc"
	colorDuties    = "#9fc5e8"
	colorElsewhere = "#d9e6f2"
)

// countsTemplate is a two-column table of keys and posting counts.
const countsTemplate = `{{define "counts"}}<table{{if .ID}} id="{{.ID}}"{{end}}>
<thead><tr><th scope="col">{{.Header}}</th><th scope="col" class="n">postings</th></tr></thead>
<tbody>
{{- range .Rows}}
<tr><td>{{.Key}}</td><td class="n">{{.N}}</td></tr>
{{- end}}
</tbody>
</table>{{end}}`

// pairsTemplate is a table of row headings and values ([]htmlPair).
const pairsTemplate = `{{define "pairs"}}<table>
<tbody>
{{- range .}}
<tr><th scope="row">{{.Key}}</th><td class="n">{{.Value}}</td></tr>
{{- end}}
</tbody>
</table>{{end}}`

// countTable is what the counts template shows.
type countTable struct {
	ID, Header string
	Rows       []KV
}

func newCountTable(id, header string, rows []KV) countTable {
	return countTable{ID: id, Header: header, Rows: rows}
}

// htmlCSS is the page's only style sheet. The Content-Security-Policy allows
// this exact text (by its hash) and no other style, so the charts use SVG
// presentation attributes rather than style attributes.
const htmlCSS = `
:root{--fg:#1d232a;--muted:#5b6570;--line:#dde2e7;--zebra:#f6f8fa;--accent:#1f4e79}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;color:var(--fg);background:#fff;font:15px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans CJK KR","Noto Sans KR","Apple SD Gothic Neo","Malgun Gothic",sans-serif}
header,main{max-width:1120px;margin:0 auto;padding:0 24px}
header{padding-top:24px;padding-bottom:8px;border-bottom:1px solid var(--line)}
h1{font-size:28px;margin:0 0 6px}
h2{font-size:22px;margin:36px 0 12px;padding-top:8px;border-top:1px solid var(--line)}
main>section:first-child>h2{border-top:0;margin-top:20px}
h3{font-size:17px;margin:24px 0 8px}
p{margin:8px 0}
.meta{color:var(--muted);margin:0 0 10px}
nav ul{list-style:none;margin:0 0 8px;padding:0;display:flex;flex-wrap:wrap;gap:6px 18px}
a{color:var(--accent)}
table{border-collapse:collapse;margin:8px 0 16px;font-variant-numeric:tabular-nums}
th,td{padding:4px 10px;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
thead th{border-bottom:2px solid #b8c1ca;white-space:nowrap}
tbody tr:nth-child(even){background:var(--zebra)}
.n{text-align:right;white-space:nowrap}
.wide{width:100%}
.nowrap{white-space:nowrap}
td.name{min-width:12em}
.scroll{overflow-x:auto;max-width:100%}
code{font:13px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:var(--zebra);padding:1px 4px;border-radius:3px}
.row{display:flex;flex-wrap:wrap;gap:8px 40px;align-items:flex-start}
.pair{display:grid;grid-template-columns:minmax(0,26em) minmax(0,1fr);gap:8px 40px;align-items:start}
.pair table{width:100%}
@media (max-width:900px){.pair{grid-template-columns:minmax(0,1fr)}}
figure{margin:8px 0 16px}
svg.chart{max-width:100%;height:auto;display:block}
svg.chart text{font-size:12px;fill:#1d232a}
svg.chart text.big{font-size:30px;font-weight:600}
svg.chart text.small{font-size:11px;fill:#5b6570}
.guide{margin:12px 0 8px;padding:0;list-style:none}
.guide li{margin:0 0 14px;padding:8px 12px;border-left:4px solid var(--line);background:#fbfcfd}
.guide p{margin:4px 0}
.guide .ko{color:#2f3a45}
:lang(ko){word-break:keep-all;overflow-wrap:anywhere}
.badge{display:inline-block;padding:0 7px;border-radius:9px;font-size:12.5px;line-height:20px;white-space:nowrap;color:#fff;background:#6b7680}
.badge.early_service{background:#2a9d8f}
.badge.cloud_startup{background:#3a76c4}
.badge.data_platform{background:#7b4fb8}
.badge.undetermined{background:#80868c}
.guide li.early_service{border-left-color:#2a9d8f}
.guide li.cloud_startup{border-left-color:#3a76c4}
.guide li.data_platform{border-left-color:#7b4fb8}
.guide li.undetermined{border-left-color:#9aa0a6}
.distinct{color:var(--muted)}
#postings{font-size:13.5px;scroll-margin-top:3em}
#postings td{word-break:keep-all;overflow-wrap:anywhere}
#postings td.src{font-size:12px;color:var(--muted);overflow-wrap:anywhere;min-width:14em}
#postings td.skills{min-width:16em}
#postings thead th{position:sticky;top:0;background:#fff;cursor:pointer;user-select:none}
#postings thead th[aria-sort=ascending]::after{content:" \25B2";font-size:10px}
#postings thead th[aria-sort=descending]::after{content:" \25BC";font-size:10px}
footer{max-width:1120px;margin:32px auto 24px;padding:0 24px;color:var(--muted);font-size:13px}
@media print{#postings thead th{position:static}h2{break-after:avoid}}
`

// htmlScript sorts the postings table when a header is clicked (or focused
// and given Enter). It reads cells with textContent and only reorders rows,
// so nothing a posting says is ever parsed as markup. The page works without
// it; data-sortable tells a test that it ran under the page's CSP.
const htmlScript = `(function () {
  var table = document.getElementById("postings");
  if (!table || !table.tHead || !table.tBodies.length) { return; }
  var body = table.tBodies[0];
  var heads = table.tHead.rows[0].cells;
  function sortBy(col, th) {
    var asc = th.getAttribute("aria-sort") !== "ascending";
    for (var j = 0; j < heads.length; j++) { heads[j].removeAttribute("aria-sort"); }
    th.setAttribute("aria-sort", asc ? "ascending" : "descending");
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var c = a.cells[col].textContent.localeCompare(b.cells[col].textContent, undefined, {numeric: true});
      return asc ? c : -c;
    });
    for (var k = 0; k < rows.length; k++) { body.appendChild(rows[k]); }
  }
  for (var i = 0; i < heads.length; i++) {
    (function (col, th) {
      th.tabIndex = 0;
      th.title = "sort by " + th.textContent;
      th.addEventListener("click", function () { sortBy(col, th); });
      th.addEventListener("keydown", function (e) {
        if (e.key === "Enter" || e.key === " ") { e.preventDefault(); sortBy(col, th); }
      });
    })(i, heads[i]);
  }
  table.setAttribute("data-sortable", "yes");
})();`

// cspSource returns the CSP source that allows exactly this inline text.
func cspSource(s string) string {
	sum := sha256.Sum256([]byte(s))
	return "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
}

// htmlHead is the page's policy and style. Nothing from the postings goes
// into it; it is a template.HTML so the template does not touch the CSS
// (html/template drops comments and would change the hashed text).
func htmlHead() template.HTML {
	csp := "default-src 'none'; style-src " + cspSource(htmlCSS) + "; script-src " + cspSource(htmlScript) +
		"; img-src 'none'; font-src 'none'; connect-src 'none'; base-uri 'none'; form-action 'none'"
	return template.HTML(`<meta http-equiv="Content-Security-Policy" content="` + csp + `">` + "\n<style>" + htmlCSS + "</style>")
}

// The view types below hold plain text; the template escapes every string.

type htmlPair struct{ Key, Value string }

type htmlClass struct {
	Class, Share string
	N            int
	English      string
	Korean       string
}

type htmlTech struct {
	Rank                             int
	Name, Share, Required, Preferred string
	Duties                           string
	Postings                         int
	ClassShare                       string // per-class tables only
}

type htmlClassSection struct {
	ID, Class   string
	Postings    int
	Techs       []htmlTech
	Chart       *barChart
	Distinctive []string
}

type htmlRole struct {
	Role   string
	Counts []int
	Total  int
}

type htmlSalary struct {
	Currency         string
	N                int
	Min, Median, Max string
}

type htmlCompany struct {
	Name, Votes, Stack string
	Postings           int
}

type htmlTerm struct {
	Term, Example    string
	Listed, Postings int
}

type htmlReject struct {
	Reason, Examples string
	N                int
}

type htmlIndexRow struct {
	Title, Company, Maturity, Badge, Role, Skills, Source string
}

type htmlView struct {
	Head      template.HTML
	Script    template.HTML
	Info      RunInfo
	Summary   []htmlPair
	Classes   []htmlClass
	WhyUndet  string // undetermined postings by reason
	Donut     *donutChart
	HasTech   bool
	TechIntro string
	Techs     []htmlTech
	TechChart *barChart
	Sections  []htmlClassSection
	ShowPairs bool
	Pairs     []KV
	Concepts  []KV
	ClassCols []string
	Roles     []htmlRole
	Seniority []KV
	Years     []KV
	Degrees   []KV
	DEFocus   string
	Postings  int
	SalaryN   int
	Salaries  []htmlSalary
	Companies []htmlCompany
	// CompaniesIntro and CompaniesCapped are the text around the
	// companies table.
	CompaniesIntro, CompaniesCapped string
	Terms                           []htmlTerm
	Quality                         []htmlPair
	Rejects                         []htmlReject
	RejectFiles                     []KV
	RejectFilesIntro                string
	Truncated                       bool
	Index                           []htmlIndexRow
}

// barChart is a horizontal bar chart drawn as SVG.
type barChart struct {
	ID, Title     string
	Width, Height int
	LabelX        int // right edge of the labels
	Bars          []chartBar
	Legend        []legendItem
}

type chartBar struct {
	Label, Tip string
	Y, TextY   int
	Segs       []chartSeg
	Value      int
	ValueX     int
	BarH       int
}

type chartSeg struct {
	X, W  int
	Color string
}

type legendItem struct {
	X, Y, TX, TY int
	Color, Label string
}

// donutChart is the maturity distribution drawn as SVG.
type donutChart struct {
	Title  string
	Total  int
	Segs   []donutSeg
	Legend []legendItem
}

type donutSeg struct {
	Class, Color, Dash, Offset, Share string
	N                                 int
}

// Geometry of the bar charts, in SVG user units (pixels at 100%).
const (
	chartWideW  = 900 // the top-technologies chart, on a line of its own
	chartNarrW  = 560 // a class's chart, beside its table
	chartLabelW = 176 // room for the labels, right-aligned at this x
	chartRowH   = 22
	chartBarH   = 15
	chartLabelN = 26 // runes of a label before it is shortened
)

// shorten cuts a chart label to n runes; the full name stays in the bar's
// tooltip and in the table beside the chart.
func shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

// newBarChart lays out bars for keys; segs splits a key's bar into coloured
// parts (in postings), which add up to its value.
func newBarChart(id, title string, width int, keys []string, segs func(string) []int, colors []string, legend []string) *barChart {
	if len(keys) == 0 {
		return nil
	}
	c := &barChart{ID: id, Title: title, Width: width, LabelX: chartLabelW - 8}
	top := 0
	for _, k := range keys {
		sum := 0
		for _, v := range segs(k) {
			sum += v
		}
		top = max(top, sum)
	}
	barMax := width - chartLabelW - 48
	y := 6
	for _, k := range keys {
		parts := segs(k)
		b := chartBar{Label: shorten(k, chartLabelN), Y: y + (chartRowH-chartBarH)/2, TextY: y + chartRowH/2 + 4, BarH: chartBarH}
		x := chartLabelW
		end := chartLabelW
		for i, v := range parts {
			b.Value += v
			if v == 0 {
				continue
			}
			// Round the running end, not each width, so the parts add up
			// to the bar a single-colour chart would draw.
			next := chartLabelW + max(1, (b.Value*barMax+top/2)/max(top, 1))
			b.Segs = append(b.Segs, chartSeg{X: x, W: max(1, next-x), Color: colors[i]})
			x = next
			end = next
		}
		b.ValueX = end + 5
		tip := fmt.Sprintf("%s: %d postings", k, b.Value)
		if len(parts) > 1 {
			var ps []string
			for i, v := range parts {
				ps = append(ps, fmt.Sprintf("%s %d", legend[i], v))
			}
			tip += " (" + strings.Join(ps, ", ") + ")"
		}
		b.Tip = tip
		c.Bars = append(c.Bars, b)
		y += chartRowH
	}
	if len(legend) > 1 {
		x := chartLabelW
		y += 6
		for i, l := range legend {
			c.Legend = append(c.Legend, legendItem{X: x, Y: y, TX: x + 16, TY: y + 11, Color: colors[i], Label: l})
			x += 16 + 8*utf8.RuneCountInString(l) + 18
		}
		y += 18
	}
	c.Height = y + 6
	return c
}

// newDonut draws the maturity distribution; nil when there are no postings.
func newDonut(st *Stats) *donutChart {
	if st.Postings == 0 {
		return nil
	}
	const r = 70.0
	circ := 2 * 3.141592653589793 * r
	d := &donutChart{Total: st.Postings}
	var parts []string
	start := 0
	for i, c := range classOrder {
		n := st.Maturity[c]
		parts = append(parts, fmt.Sprintf("%s %d", c, n))
		d.Legend = append(d.Legend, legendItem{X: 220, Y: 44 + 30*i, TX: 242, TY: 56 + 30*i, Color: classColor[c],
			Label: fmt.Sprintf("%s — %d (%s)", c, n, pct(n, st.Postings))})
		if n == 0 {
			continue
		}
		length := circ * float64(n) / float64(st.Postings)
		offset := -circ * float64(start) / float64(st.Postings)
		d.Segs = append(d.Segs, donutSeg{Class: c, Color: classColor[c], N: n, Share: pct(n, st.Postings),
			Dash: fmt.Sprintf("%.2f %.2f", length, circ), Offset: fmt.Sprintf("%.2f", offset)})
		start += n
	}
	d.Title = "Company data maturity: " + strings.Join(parts, ", ")
	return d
}

// anchor is the id GitHub gives a markdown heading, so links into report.md
// work on report.html too.
func anchor(heading string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(heading) {
		switch {
		case r == ' ':
			b.WriteByte('-')
		case r == '-' || r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(r)
		}
	}
	return b.String()
}

// WriteHTML writes report.html: the content of report.md as one
// self-contained page with SVG charts. Everything from the postings is
// escaped by html/template, the page loads nothing, and a
// Content-Security-Policy allows only its own style and the small script
// that sorts the postings table. The same stats give the same bytes.
func WriteHTML(w io.Writer, st *Stats, info RunInfo) error {
	t, err := template.New("report.html").Funcs(template.FuncMap{"counts": newCountTable}).Parse(htmlTemplate + countsTemplate + pairsTemplate)
	if err != nil {
		return err
	}
	return t.Execute(w, newHTMLView(st, info))
}

func newHTMLView(st *Stats, info RunInfo) *htmlView {
	v := &htmlView{
		Head:     htmlHead(),
		Script:   template.HTML("<script>" + htmlScript + "</script>"),
		Info:     info,
		Postings: st.Postings,
	}
	v.Summary = []htmlPair{
		{"inputs read", fmt.Sprint(info.Inputs)},
		{"unique postings", fmt.Sprint(info.Postings)},
		{"duplicates folded", fmt.Sprint(info.Duplicates)},
		{"rejected", fmt.Sprint(info.Rejected)},
	}
	for _, kv := range st.Languages.Top(0) {
		v.Summary = append(v.Summary, htmlPair{"language " + kv.Key, fmt.Sprint(kv.N)})
	}
	if st.DateMin != "" {
		v.Summary = append(v.Summary, htmlPair{"posted between", st.DateMin + " – " + st.DateMax})
	}

	for _, c := range classOrder {
		g := guidance[c]
		v.Classes = append(v.Classes, htmlClass{Class: c, N: st.Maturity[c], Share: pct(st.Maturity[c], st.Postings), English: g[0], Korean: g[1]})
	}
	if st.Maturity["undetermined"] > 0 {
		v.WhyUndet = undeterminedWhy(st.Undetermined, func(k string) string { return k })
	}
	v.Donut = newDonut(st)

	techs := topTech(st, "", 25)
	v.HasTech = len(techs) > 0
	v.TechIntro = techIntro
	for i, t := range techs {
		ts := st.Tech[t]
		v.Techs = append(v.Techs, htmlTech{Rank: i + 1, Name: t, Postings: ts.Postings, Share: pct(ts.Postings, st.Postings),
			Required: pct(ts.Required, ts.Postings), Preferred: pct(ts.Preferred, ts.Postings), Duties: pct(ts.Duties, ts.Postings)})
	}
	if v.HasTech {
		top := techs[:min(15, len(techs))]
		v.TechChart = newBarChart("chart-top-technologies", "Top technologies: postings that mention each, by where they ask for it", chartWideW, top,
			func(t string) []int {
				ts := st.Tech[t]
				return []int{ts.Required, ts.Preferred, ts.Duties, ts.Postings - ts.Required - ts.Preferred - ts.Duties}
			},
			[]string{colorRequired, colorPreferred, colorDuties, colorElsewhere},
			[]string{"required", "preferred", "in duties", "elsewhere"})
	}
	for _, c := range classOrder {
		if st.Maturity[c] == 0 {
			continue
		}
		sec := htmlClassSection{ID: anchor(fmt.Sprintf("%s (%d postings)", c, st.Maturity[c])), Class: c, Postings: st.Maturity[c]}
		top := topTech(st, c, 10)
		for i, t := range top {
			n := st.Tech[t].ByClass[c]
			sec.Techs = append(sec.Techs, htmlTech{Rank: i + 1, Name: t, Postings: n, ClassShare: pct(n, st.Maturity[c])})
		}
		sec.Chart = newBarChart("chart-"+c, "Top technologies in "+c+" postings", chartNarrW, top,
			func(t string) []int { return []int{st.Tech[t].ByClass[c]} },
			[]string{classColor[c]}, []string{"postings"})
		for _, l := range distinctiveLifts(st, c, 8) {
			sec.Distinctive = append(sec.Distinctive, fmt.Sprintf("%s ×%.1f (%d vs %d)", l.Tech, l.Lift, l.InClass, l.Outside))
		}
		v.Sections = append(v.Sections, sec)
	}
	if pairs := st.Pairs.Top(15); len(pairs) > 0 {
		v.ShowPairs = true
		for _, kv := range pairs {
			if kv.N < 2 {
				break
			}
			v.Pairs = append(v.Pairs, kv)
		}
	}
	v.Concepts = st.Concepts.Top(15)

	v.ClassCols = classOrder
	for _, kv := range st.Roles.Top(0) {
		r := htmlRole{Role: kv.Key, Total: kv.N}
		for _, c := range classOrder {
			r.Counts = append(r.Counts, st.RoleByMaturity[kv.Key][c])
		}
		v.Roles = append(v.Roles, r)
	}
	for _, s := range seniorityOrder {
		v.Seniority = append(v.Seniority, KV{s, st.Seniority[s]})
	}
	for _, y := range yearsOrder {
		if st.Years[y] > 0 {
			v.Years = append(v.Years, KV{y, st.Years[y]})
		}
	}
	for _, d := range degreeOrder {
		v.Degrees = append(v.Degrees, KV{d, st.Degrees[d]})
	}
	if len(st.DEFocus) > 0 {
		var parts []string
		for _, kv := range st.DEFocus.Top(0) {
			parts = append(parts, fmt.Sprintf("%s %d", kv.Key, kv.N))
		}
		v.DEFocus = strings.Join(parts, ", ")
	}
	v.SalaryN = st.SalaryPostings
	curs := make([]string, 0, len(st.Salaries))
	for c := range st.Salaries {
		curs = append(curs, c)
	}
	sort.Strings(curs)
	for _, c := range curs {
		vals := append([]float64(nil), st.Salaries[c]...)
		if len(vals) == 0 {
			continue
		}
		sort.Float64s(vals)
		v.Salaries = append(v.Salaries, htmlSalary{Currency: c, N: len(vals), Min: money(vals[0]), Median: money(vals[len(vals)/2]), Max: money(vals[len(vals)-1])})
	}

	v.Companies, v.CompaniesIntro = htmlCompanies(st), companiesIntro
	if st.CompaniesCapped {
		v.CompaniesCapped = companiesCappedNote
	}
	for _, t := range topTerms(st, 20) {
		ts := st.Terms[t]
		v.Terms = append(v.Terms, htmlTerm{Term: t, Listed: ts.Listed, Postings: ts.Postings, Example: ts.Example})
	}

	v.Quality = []htmlPair{
		{"rejected inputs", fmt.Sprint(info.Rejected)},
		{"duplicates folded", fmt.Sprintf("%d (into %d postings)", info.Duplicates, info.DuplicateFolds)},
		{"encodings repaired (mojibake)", fmt.Sprint(st.Repaired)},
		{"postings without a requirements section", fmt.Sprint(st.NoRequirements)},
	}
	for _, kv := range st.Encodings.Top(0) {
		v.Quality = append(v.Quality, htmlPair{"read as " + kv.Key, fmt.Sprint(kv.N)})
	}
	reasons := make([]string, 0, len(info.RejectedByReason))
	for r := range info.RejectedByReason {
		reasons = append(reasons, r)
	}
	sort.Strings(reasons)
	for _, r := range reasons {
		v.Rejects = append(v.Rejects, htmlReject{Reason: r, N: info.RejectedByReason[r], Examples: strings.Join(info.RejectExamples[r], "; ")})
	}
	v.RejectFiles, v.RejectFilesIntro = info.RejectFiles, rejectFilesIntro

	v.Truncated = st.Postings > len(st.Index)
	for _, r := range st.Index {
		badge := "other"
		if _, ok := classColor[r.Maturity]; ok {
			badge = r.Maturity
		}
		v.Index = append(v.Index, htmlIndexRow{Title: r.Title, Company: r.Company, Maturity: r.Maturity, Badge: badge,
			Role: r.Role, Skills: strings.Join(r.Skills, ", "), Source: r.Source})
	}
	return v
}

// htmlCompanies is the companies table: those with two or more postings,
// most postings first, at most 50. The template escapes the names.
func htmlCompanies(st *Stats) []htmlCompany {
	var out []htmlCompany
	for _, c := range topCompanies(st, 50) {
		out = append(out, htmlCompany{Name: c.Name, Postings: c.Postings, Votes: kvList(c.Votes, 0, same), Stack: kvList(c.Stack, c.More, same)})
	}
	return out
}

// htmlTemplate is the page. Keep it free of comments inside <script> and
// <style>: the head and script come in whole as template.HTML.
const htmlTemplate = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<meta name="referrer" content="no-referrer">
<meta name="generator" content="jobstack {{.Info.Version}}">
<title>jobstack report</title>
{{.Head}}
</head>
<body>
<header>
<h1>jobstack report</h1>
<p class="meta">{{.Info.Postings}} unique postings from {{.Info.Inputs}} inputs ({{.Info.Duplicates}} duplicates folded, {{.Info.Rejected}} rejected). jobstack {{.Info.Version}}, taxonomy {{.Info.TaxonomyVersion}}, rules {{.Info.RulesVersion}}.</p>
<nav aria-label="Contents"><ul>
<li><a href="#summary">Summary</a></li>
<li><a href="#company-data-maturity">Maturity</a></li>
<li><a href="#technologies">Stacks</a></li>
<li><a href="#roles-and-seniority">Roles</a></li>
<li><a href="#companies">Companies</a></li>
<li><a href="#new-terms">New terms</a></li>
<li><a href="#data-quality">Data quality</a></li>
<li><a href="#postings">Postings</a></li>
</ul></nav>
</header>
<main>

<section aria-labelledby="summary">
<h2 id="summary">Summary</h2>
{{template "pairs" .Summary}}
<p class="meta">Run time and machine details are in <code>manifest.json</code>, so this report stays the same for the same inputs.</p>
</section>

<section aria-labelledby="company-data-maturity">
<h2 id="company-data-maturity">Company data maturity</h2>
<div class="row">
<table id="maturity">
<thead><tr><th scope="col">maturity</th><th scope="col" class="n">postings</th><th scope="col" class="n">share</th></tr></thead>
<tbody>
{{- range .Classes}}
<tr><td><span class="badge {{.Class}}">{{.Class}}</span></td><td class="n">{{.N}}</td><td class="n">{{.Share}}</td></tr>
{{- end}}
</tbody>
</table>
{{- with .Donut}}
<figure>
<svg class="chart" id="chart-maturity" viewBox="0 0 460 180" width="460" height="180" role="img" aria-labelledby="chart-maturity-title"><title id="chart-maturity-title">{{.Title}}</title>
<g transform="rotate(-90 90 90)">
<circle cx="90" cy="90" r="70" fill="none" stroke="#eceff1" stroke-width="32"/>
{{- range .Segs}}
<circle cx="90" cy="90" r="70" fill="none" stroke="{{.Color}}" stroke-width="32" stroke-dasharray="{{.Dash}}" stroke-dashoffset="{{.Offset}}"><title>{{.Class}}: {{.N}} postings ({{.Share}})</title></circle>
{{- end}}
</g>
<text x="90" y="94" text-anchor="middle" class="big">{{.Total}}</text>
<text x="90" y="114" text-anchor="middle" class="small">postings</text>
{{- range .Legend}}
<rect x="{{.X}}" y="{{.Y}}" width="14" height="14" rx="2" fill="{{.Color}}"/><text x="{{.TX}}" y="{{.TY}}">{{.Label}}</text>
{{- end}}
</svg>
</figure>
{{- end}}
</div>
{{- with .WhyUndet}}
<p>Why undetermined: {{.}}.</p>
{{- end}}
<p>What the job is like in each class (after seed 004):</p>
<ul class="guide">
{{- range .Classes}}
<li class="{{.Class}}"><p><span class="badge {{.Class}}">{{.Class}}</span></p><p lang="en">{{.English}}</p><p class="ko" lang="ko">{{.Korean}}</p></li>
{{- end}}
</ul>
</section>

<section aria-labelledby="technologies">
<h2 id="technologies">Technologies</h2>
{{- if not .HasTech}}
<p>No technologies found.</p>
{{- else}}
<p>{{.TechIntro}}</p>
{{- with .TechChart}}
<figure>{{template "bars" .}}</figure>
{{- end}}
<div class="scroll">
<table id="top-technologies">
<thead><tr><th scope="col" class="n">#</th><th scope="col">technology</th><th scope="col" class="n">postings</th><th scope="col" class="n">share</th><th scope="col" class="n">required</th><th scope="col" class="n">preferred</th><th scope="col" class="n">in duties</th></tr></thead>
<tbody>
{{- range .Techs}}
<tr><td class="n">{{.Rank}}</td><td>{{.Name}}</td><td class="n">{{.Postings}}</td><td class="n">{{.Share}}</td><td class="n">{{.Required}}</td><td class="n">{{.Preferred}}</td><td class="n">{{.Duties}}</td></tr>
{{- end}}
</tbody>
</table>
</div>
{{- end}}
{{- range .Sections}}
<section aria-labelledby="{{.ID}}">
<h3 id="{{.ID}}"><span class="badge {{.Class}}">{{.Class}}</span> ({{.Postings}} postings)</h3>
{{- if not .Techs}}
<p>No technologies found.</p>
{{- else}}
<div class="pair">
<table>
<thead><tr><th scope="col" class="n">#</th><th scope="col">technology</th><th scope="col" class="n">postings</th><th scope="col" class="n">share of class</th></tr></thead>
<tbody>
{{- range .Techs}}
<tr><td class="n">{{.Rank}}</td><td>{{.Name}}</td><td class="n">{{.Postings}}</td><td class="n">{{.ClassShare}}</td></tr>
{{- end}}
</tbody>
</table>
{{- with .Chart}}
<figure>{{template "bars" .}}</figure>
{{- end}}
</div>
{{- if .Distinctive}}
<p class="distinct">Most distinctive for {{.Class}} (lift = share in class ÷ share elsewhere, at least 2 postings): {{range $i, $d := .Distinctive}}{{if $i}}, {{end}}{{$d}}{{end}}.</p>
{{- end}}
{{- end}}
</section>
{{- end}}
<div class="row">
{{- if .ShowPairs}}
<div>
<h3 id="technologies-asked-for-together">Technologies asked for together</h3>
{{- if .Pairs}}
{{template "counts" (counts "" "pair" .Pairs)}}
{{- else}}
<p>No two technologies are asked for together in more than one posting.</p>
{{- end}}
</div>
{{- end}}
{{- if .Concepts}}
<div>
<h3 id="concepts">Concepts</h3>
{{template "counts" (counts "" "concept" .Concepts)}}
</div>
{{- end}}
</div>
</section>

<section aria-labelledby="roles-and-seniority">
<h2 id="roles-and-seniority">Roles and seniority</h2>
<div class="scroll">
<table id="roles">
<thead><tr><th scope="col">role</th>{{range .ClassCols}}<th scope="col" class="n">{{.}}</th>{{end}}<th scope="col" class="n">total</th></tr></thead>
<tbody>
{{- range .Roles}}
<tr><td>{{.Role}}</td>{{range .Counts}}<td class="n">{{.}}</td>{{end}}<td class="n">{{.Total}}</td></tr>
{{- end}}
</tbody>
</table>
</div>
<div class="row">
{{template "counts" (counts "seniority" "seniority" .Seniority)}}
{{template "counts" (counts "years" "years of experience (minimum)" .Years)}}
{{template "counts" (counts "degrees" "degree (minimum)" .Degrees)}}
</div>
{{- if .DEFocus}}
<p>Data engineers by focus (seed 001: analytics DE vs platform DE): {{.DEFocus}}.</p>
{{- end}}
<h3 id="salary">Salary</h3>
{{- if eq .SalaryN 0}}
<p>No posting states a salary range.</p>
{{- else}}
<p>{{.SalaryN}} of {{.Postings}} postings state a salary (normalised to a year; the midpoint of each range).</p>
<table>
<thead><tr><th scope="col">currency</th><th scope="col" class="n">postings</th><th scope="col" class="n">min</th><th scope="col" class="n">median</th><th scope="col" class="n">max</th></tr></thead>
<tbody>
{{- range .Salaries}}
<tr><td>{{.Currency}}</td><td class="n">{{.N}}</td><td class="n">{{.Min}}</td><td class="n">{{.Median}}</td><td class="n">{{.Max}}</td></tr>
{{- end}}
</tbody>
</table>
{{- end}}
</section>

<section aria-labelledby="companies">
<h2 id="companies">Companies</h2>
{{- if not .Companies}}
<p>No company has two or more postings.</p>
{{- else}}
<p>{{.CompaniesIntro}}</p>
<div class="scroll">
<table class="wide">
<thead><tr><th scope="col">company</th><th scope="col" class="n">postings</th><th scope="col">maturity vote</th><th scope="col">most named technologies</th></tr></thead>
<tbody>
{{- range .Companies}}
<tr><td class="name">{{.Name}}</td><td class="n">{{.Postings}}</td><td class="nowrap">{{.Votes}}</td><td>{{.Stack}}</td></tr>
{{- end}}
</tbody>
</table>
</div>
{{- if .CompaniesCapped}}
<p>{{.CompaniesCapped}}</p>
{{- end}}
{{- end}}
</section>

<section aria-labelledby="new-terms">
<h2 id="new-terms">New terms</h2>
{{- if not .Terms}}
<p>No frequent unmatched technology-like terms.</p>
{{- else}}
<p>Technology-like terms that matched nothing in the taxonomy and stand in a list beside a technology it knows (“Airflow, Dagster”): the likeliest products to add with <code>--taxonomy</code>. <code>unknown_terms.jsonl</code> lists every technology-like term with both counts.</p>
<table>
<thead><tr><th scope="col">term</th><th scope="col" class="n">in lists</th><th scope="col" class="n">postings</th><th scope="col">example</th></tr></thead>
<tbody>
{{- range .Terms}}
<tr><td>{{.Term}}</td><td class="n">{{.Listed}}</td><td class="n">{{.Postings}}</td><td>{{.Example}}</td></tr>
{{- end}}
</tbody>
</table>
{{- end}}
</section>

<section aria-labelledby="data-quality">
<h2 id="data-quality">Data quality</h2>
{{template "pairs" .Quality}}
{{- if .Rejects}}
<div class="scroll">
<table>
<thead><tr><th scope="col">reject reason</th><th scope="col" class="n">inputs</th><th scope="col">examples</th></tr></thead>
<tbody>
{{- range .Rejects}}
<tr><td>{{.Reason}}</td><td class="n">{{.N}}</td><td>{{.Examples}}</td></tr>
{{- end}}
</tbody>
</table>
</div>
{{- end}}
{{- if .RejectFiles}}
<p>{{.RejectFilesIntro}}</p>
<div class="scroll">
<table>
<thead><tr><th scope="col">file</th><th scope="col" class="n">rejected</th></tr></thead>
<tbody>
{{- range .RejectFiles}}
<tr><td>{{.Key}}</td><td class="n">{{.N}}</td></tr>
{{- end}}
</tbody>
</table>
</div>
{{- end}}
</section>

<section aria-label="Postings">
<h2>Postings</h2>
{{- if .Truncated}}
<p>The first {{len .Index}} of {{.Postings}} postings; <code>postings.parquet</code> has all of them.</p>
{{- end}}
<p class="meta">Click a column header to sort.</p>
<div class="scroll">
<table id="postings" class="wide">
<thead><tr><th scope="col">title</th><th scope="col">company</th><th scope="col">maturity</th><th scope="col">role</th><th scope="col">top skills</th><th scope="col">source</th></tr></thead>
<tbody>
{{- range .Index}}
<tr><td>{{.Title}}</td><td>{{.Company}}</td><td><span class="badge {{.Badge}}">{{.Maturity}}</span></td><td>{{.Role}}</td><td class="skills">{{.Skills}}</td><td class="src">{{.Source}}</td></tr>
{{- end}}
</tbody>
</table>
</div>
</section>
</main>
<footer>Written by jobstack {{.Info.Version}}. This page loads nothing from the network; the tables hold the same numbers as report.md.</footer>
{{.Script}}
</body>
</html>
{{define "bars"}}<svg class="chart" id="{{.ID}}" viewBox="0 0 {{.Width}} {{.Height}}" width="{{.Width}}" height="{{.Height}}" role="img" aria-labelledby="{{.ID}}-title"><title id="{{.ID}}-title">{{.Title}}</title>
{{- range $b := .Bars}}
<g><title>{{$b.Tip}}</title><text x="{{$.LabelX}}" y="{{$b.TextY}}" text-anchor="end">{{$b.Label}}</text>
{{- range $b.Segs}}<rect x="{{.X}}" y="{{$b.Y}}" width="{{.W}}" height="{{$b.BarH}}" fill="{{.Color}}"/>{{end}}
<text x="{{$b.ValueX}}" y="{{$b.TextY}}" class="small">{{$b.Value}}</text></g>
{{- end}}
{{- range .Legend}}
<rect x="{{.X}}" y="{{.Y}}" width="12" height="12" rx="2" fill="{{.Color}}"/><text x="{{.TX}}" y="{{.TY}}" class="small">{{.Label}}</text>
{{- end}}
</svg>{{end}}`
