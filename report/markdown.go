package report

import (
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"
)

// RunInfo is what the report says about the run as a whole. It holds no
// clock time, so the same inputs give the same report.
type RunInfo struct {
	Version          string
	TaxonomyVersion  string
	RulesVersion     string
	Inputs           int
	Postings         int
	Duplicates       int
	Rejected         int
	RejectedByReason map[string]int
	RejectExamples   map[string][]string // reason → a few "source: detail" lines
	DuplicateFolds   int                 // postings that absorbed at least one duplicate
	RejectFiles      []KV                // the files with the most rejected inputs, most first
}

// classOrder is the order maturity classes are shown in.
var classOrder = []string{"early_service", "cloud_startup", "data_platform", "undetermined"}

// guidance says what working in each class is like, after seed 004, in our
// own words, in English and Korean.
var guidance = map[string][2]string{
	"early_service": {
		"A company that is only starting to use data. The data work serves the product and the managers: ETL for a feature, internal dashboards, a small pipeline. Expect a small web-service stack, little volume, and colleagues who may not know data engineering; backend work usually comes with the job, and a distributed system may well be over-engineering. Quick, practical use of tools matters more than depth.",
		"데이터 활용을 막 시작하는 회사입니다. 데이터 업무는 서비스와 경영을 돕는 일(기능을 위한 ETL, 사내 대시보드, 작은 파이프라인)에 집중됩니다. 스택은 작은 웹 서비스 수준이고 데이터 양도 많지 않으며, 주변 엔지니어가 데이터 엔지니어링을 잘 모를 수 있습니다. 백엔드 업무를 함께 맡는 경우가 많고, 분산 시스템 도입은 오버엔지니어링일 수 있습니다. 깊이보다 빠른 활용이 중요합니다.",
	},
	"cloud_startup": {
		"A startup whose data system already runs on commercial cloud products (Airflow, EMR, Glue, Kinesis, EKS, a data lake) and still has much to build. Most of the work is running and tuning those managed services well: reading vendor manuals and community posts, watching the bill, and moving parts to open source when cost demands it. Knowing the open source inside the products helps; backend work may come along.",
		"상용 클라우드 제품(Airflow, EMR, Glue, Kinesis, EKS, 데이터 레이크)으로 데이터 시스템을 이미 운영하지만 더 만들 것이 많은 스타트업입니다. 관리형 서비스를 잘 운영하고 효율화하는 일이 중심이며, 매뉴얼과 커뮤니티 글을 읽고 대응하는 일이 많습니다. 비용이 문제가 되면 오픈소스로 옮기기도 합니다. 제품 내부의 오픈소스를 이해하면 큰 도움이 되고, 백엔드 업무가 따라올 수 있습니다.",
	},
	"data_platform": {
		"A large organisation with an established in-house platform and specialised teams: separate teams run Hadoop/Hive/Spark/HBase and multi-tenant Kubernetes, and data engineers build on top as analytics or platform engineers. Expect scale, governance, SLAs and a narrower, deeper role.",
		"사내 플랫폼과 전문 조직이 갖춰진 큰 조직입니다. Hadoop/Hive/Spark/HBase, 멀티테넌트 Kubernetes를 운영하는 팀이 따로 있고, 데이터 엔지니어는 그 위에서 분석 또는 플랫폼 엔지니어로 일합니다. 대규모 데이터, 거버넌스, SLA가 따르며 역할은 좁고 깊습니다.",
	},
	"undetermined": {
		"Not a data role, a data role whose posting says too little about the company's data system to tell, or a staffing or consultancy post whose client company is unknown.",
		"데이터 직무가 아니거나, 공고만으로는 회사의 데이터 성숙도를 판단하기 어렵거나, 고객사를 알 수 없는 파견·컨설팅 공고인 경우입니다.",
	},
}

// undeterminedWhy lists the undetermined postings by reason, most first;
// esc escapes the reason keys for the output format.
func undeterminedWhy(c Counter, esc func(string) string) string {
	names := map[string]string{"not_data_role": "not a data role", "little_evidence": "too little evidence", "client_work": "staffing or consultancy post"}
	var parts []string
	for _, kv := range c.Top(0) {
		name := names[kv.Key]
		if name == "" {
			name = esc(kv.Key)
		}
		parts = append(parts, fmt.Sprintf("%s %d (%s)", name, kv.N, esc(kv.Key)))
	}
	return strings.Join(parts, ", ")
}

// techIntro opens the top technologies table, in both reports.
const techIntro = "Top technologies overall: share of postings that mention each, and where the postings ask for it: " +
	"required, only preferred, or in the duties at most (the rest name it elsewhere: the team's stack, the company's introduction)."

// EscapeCell makes input text safe inside a markdown table cell: no pipes,
// newlines, HTML, links or code spans from a posting can break the table or
// inject markup.
func EscapeCell(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '|':
			b.WriteString(`\|`)
		case '\n', '\r', '\t':
			b.WriteByte(' ')
		case '`':
			b.WriteString("\\`")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '&':
			b.WriteString("&amp;")
		case '[', ']', '*', '_', '\\', '#', '!':
			b.WriteByte('\\')
			b.WriteRune(r)
		default:
			b.WriteRune(r)
		}
	}
	return strings.TrimSpace(b.String())
}

// mermaidLabel keeps a label safe inside a quoted mermaid string.
func mermaidLabel(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case '"', '\n', '\r', '`', '<', '>', '#', ';', '[', ']', '{', '}':
			return ' '
		}
		return r
	}, s)
}

func pct(n, d int) string {
	if d == 0 {
		return "0%"
	}
	return fmt.Sprintf("%.0f%%", 100*float64(n)/float64(d))
}

// WriteMarkdown writes report.md.
func WriteMarkdown(w io.Writer, st *Stats, info RunInfo) error {
	var b strings.Builder
	p := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }

	p("# jobstack report\n\n")
	p("%d unique postings from %d inputs (%d duplicates folded, %d rejected). jobstack %s, taxonomy %s, rules %s.\n\n",
		info.Postings, info.Inputs, info.Duplicates, info.Rejected, info.Version, info.TaxonomyVersion, info.RulesVersion)
	p("Contents: [Summary](#summary) · [Maturity](#company-data-maturity) · [Stacks](#technologies) · [Roles](#roles-and-seniority) · [Companies](#companies) · [New terms](#new-terms) · [Data quality](#data-quality) · [Postings](#postings)\n\n")

	p("## Summary\n\n")
	p("| | |\n|---|---:|\n")
	p("| inputs read | %d |\n| unique postings | %d |\n| duplicates folded | %d |\n| rejected | %d |\n", info.Inputs, info.Postings, info.Duplicates, info.Rejected)
	for _, kv := range st.Languages.Top(0) {
		p("| language %s | %d |\n", EscapeCell(kv.Key), kv.N)
	}
	if st.DateMin != "" {
		p("| posted between | %s – %s |\n", st.DateMin, st.DateMax)
	}
	p("\nRun time and machine details are in `manifest.json`, so this report stays the same for the same inputs.\n\n")

	p("## Company data maturity\n\n")
	p("| maturity | postings | share |\n|---|---:|---:|\n")
	for _, c := range classOrder {
		p("| %s | %d | %s |\n", c, st.Maturity[c], pct(st.Maturity[c], st.Postings))
	}
	if st.Postings > 0 {
		p("\n```mermaid\npie showData title Company data maturity\n")
		for _, c := range classOrder {
			if st.Maturity[c] > 0 {
				p("    \"%s\" : %d\n", c, st.Maturity[c])
			}
		}
		p("```\n")
	}
	if n := st.Maturity["undetermined"]; n > 0 {
		p("\nWhy undetermined: %s.\n", undeterminedWhy(st.Undetermined, EscapeCell))
	}
	p("\nWhat the job is like in each class (after seed 004):\n\n")
	for _, c := range classOrder {
		g := guidance[c]
		p("- **%s** — %s\n  %s\n", c, g[0], g[1])
	}
	p("\n")

	p("## Technologies\n\n")
	techs := topTech(st, "", 25)
	if len(techs) == 0 {
		p("No technologies found.\n\n")
	} else {
		p("%s\n\n", techIntro)
		p("| # | technology | postings | share | required | preferred | in duties |\n|---:|---|---:|---:|---:|---:|---:|\n")
		for i, t := range techs {
			ts := st.Tech[t]
			p("| %d | %s | %d | %s | %s | %s | %s |\n", i+1, EscapeCell(t), ts.Postings, pct(ts.Postings, st.Postings),
				pct(ts.Required, ts.Postings), pct(ts.Preferred, ts.Postings), pct(ts.Duties, ts.Postings))
		}
		p("\n")
		writeBarChart(&b, "Top technologies", techs[:min(12, len(techs))], func(t string) int { return st.Tech[t].Postings })
	}
	for _, c := range classOrder {
		if st.Maturity[c] == 0 {
			continue
		}
		top := topTech(st, c, 10)
		p("### %s (%d postings)\n\n", c, st.Maturity[c])
		if len(top) == 0 {
			p("No technologies found.\n\n")
			continue
		}
		p("| # | technology | postings | share of class |\n|---:|---|---:|---:|\n")
		for i, t := range top {
			n := st.Tech[t].ByClass[c]
			p("| %d | %s | %d | %s |\n", i+1, EscapeCell(t), n, pct(n, st.Maturity[c]))
		}
		p("\n")
		writeBarChart(&b, c, top, func(t string) int { return st.Tech[t].ByClass[c] })
		if d := distinctive(st, c, 8); len(d) > 0 {
			p("Most distinctive for %s (lift = share in class ÷ share elsewhere, at least 2 postings): %s.\n\n", c, strings.Join(d, ", "))
		}
	}
	if pairs := st.Pairs.Top(15); len(pairs) > 0 {
		p("### Technologies asked for together\n\n| pair | postings |\n|---|---:|\n")
		for _, kv := range pairs {
			if kv.N < 2 {
				break
			}
			p("| %s | %d |\n", EscapeCell(kv.Key), kv.N)
		}
		p("\n")
	}
	if concepts := st.Concepts.Top(15); len(concepts) > 0 {
		p("### Concepts\n\n| concept | postings |\n|---|---:|\n")
		for _, kv := range concepts {
			p("| %s | %d |\n", EscapeCell(kv.Key), kv.N)
		}
		p("\n")
	}

	p("## Roles and seniority\n\n")
	p("| role |")
	for _, c := range classOrder {
		p(" %s |", c)
	}
	p(" total |\n|---|")
	for range classOrder {
		p("---:|")
	}
	p("---:|\n")
	for _, kv := range st.Roles.Top(0) {
		p("| %s |", EscapeCell(kv.Key))
		for _, c := range classOrder {
			p(" %d |", st.RoleByMaturity[kv.Key][c])
		}
		p(" %d |\n", kv.N)
	}
	p("\n| seniority | postings |\n|---|---:|\n")
	for _, s := range seniorityOrder {
		p("| %s | %d |\n", s, st.Seniority[s])
	}
	p("\n| years of experience (minimum) | postings |\n|---|---:|\n")
	for _, y := range yearsOrder {
		if st.Years[y] > 0 {
			p("| %s | %d |\n", y, st.Years[y])
		}
	}
	p("\n| degree (minimum) | postings |\n|---|---:|\n")
	for _, d := range degreeOrder {
		p("| %s | %d |\n", d, st.Degrees[d])
	}
	if len(st.DEFocus) > 0 {
		p("\nData engineers by focus (seed 001: analytics DE vs platform DE): ")
		parts := []string{}
		for _, kv := range st.DEFocus.Top(0) {
			parts = append(parts, fmt.Sprintf("%s %d", kv.Key, kv.N))
		}
		p("%s.\n", strings.Join(parts, ", "))
	}
	p("\n### Salary\n\n")
	if st.SalaryPostings == 0 {
		p("No posting states a salary range.\n\n")
	} else {
		p("%d of %d postings state a salary (normalised to a year; the midpoint of each range).\n\n", st.SalaryPostings, st.Postings)
		p("| currency | postings | min | median | max |\n|---|---:|---:|---:|---:|\n")
		curs := make([]string, 0, len(st.Salaries))
		for c := range st.Salaries {
			curs = append(curs, c)
		}
		sort.Strings(curs)
		for _, c := range curs {
			v := append([]float64(nil), st.Salaries[c]...)
			sort.Float64s(v)
			p("| %s | %d | %s | %s | %s |\n", c, len(v), money(v[0]), money(v[len(v)/2]), money(v[len(v)-1]))
		}
		p("\n")
	}

	p("## Companies\n\n")
	if cos := topCompanies(st, 50); len(cos) == 0 {
		p("No company has two or more postings.\n\n")
	} else {
		p("%s\n\n", companiesIntro)
		p("| company | postings | maturity vote | most named technologies |\n|---|---:|---|---|\n")
		for _, c := range cos {
			p("| %s | %d | %s | %s |\n", EscapeCell(c.Name), c.Postings, kvList(c.Votes, 0, same), kvList(c.Stack, c.More, EscapeCell))
		}
		p("\n")
		if st.CompaniesCapped {
			p("%s\n\n", companiesCappedNote)
		}
	}

	p("## New terms\n\n")
	terms := topTerms(st, 20)
	if len(terms) == 0 {
		p("No frequent unmatched technology-like terms.\n\n")
	} else {
		p("Technology-like terms that matched nothing in the taxonomy and stand in a list beside a technology it knows (\"Airflow, Dagster\"): the likeliest products to add with `--taxonomy`. `unknown_terms.jsonl` lists every technology-like term with both counts.\n\n")
		p("| term | in lists | postings | example |\n|---|---:|---:|---|\n")
		for _, t := range terms {
			p("| %s | %d | %d | %s |\n", EscapeCell(t), st.Terms[t].Listed, st.Terms[t].Postings, EscapeCell(st.Terms[t].Example))
		}
		p("\n")
	}

	p("## Data quality\n\n")
	p("| | |\n|---|---:|\n")
	p("| rejected inputs | %d |\n| duplicates folded | %d (into %d postings) |\n| encodings repaired (mojibake) | %d |\n| postings without a requirements section | %d |\n",
		info.Rejected, info.Duplicates, info.DuplicateFolds, st.Repaired, st.NoRequirements)
	for _, kv := range st.Encodings.Top(0) {
		p("| read as %s | %d |\n", EscapeCell(kv.Key), kv.N)
	}
	p("\n")
	if len(info.RejectedByReason) > 0 {
		p("| reject reason | inputs | examples |\n|---|---:|---|\n")
		reasons := make([]string, 0, len(info.RejectedByReason))
		for r := range info.RejectedByReason {
			reasons = append(reasons, r)
		}
		sort.Strings(reasons)
		for _, r := range reasons {
			p("| %s | %d | %s |\n", EscapeCell(r), info.RejectedByReason[r], EscapeCell(strings.Join(info.RejectExamples[r], "; ")))
		}
		p("\n")
	}
	if len(info.RejectFiles) > 0 {
		p("%s\n\n| file | rejected |\n|---|---:|\n", rejectFilesIntro)
		for _, kv := range info.RejectFiles {
			p("| %s | %d |\n", EscapeCell(kv.Key), kv.N)
		}
		p("\n")
	}

	p("## Postings\n\n")
	if st.Postings > len(st.Index) {
		p("The first %d of %d postings; `postings.parquet` has all of them.\n\n", len(st.Index), st.Postings)
	}
	p("| title | company | maturity | role | top skills | source |\n|---|---|---|---|---|---|\n")
	for _, r := range st.Index {
		p("| %s | %s | %s | %s | %s | %s |\n", EscapeCell(r.Title), EscapeCell(r.Company), r.Maturity, r.Role, EscapeCell(strings.Join(r.Skills, ", ")), EscapeCell(r.Source))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func money(v float64) string {
	switch {
	case v >= 1e9:
		return fmt.Sprintf("%.2fB", v/1e9)
	case v >= 1e6:
		return fmt.Sprintf("%.1fM", v/1e6)
	case v >= 1e3:
		return fmt.Sprintf("%.0fk", v/1e3)
	}
	return fmt.Sprintf("%.0f", v)
}

// topTech returns the n most frequent technologies overall (class "") or in
// one maturity class.
func topTech(st *Stats, class string, n int) []string {
	c := Counter{}
	for t, ts := range st.Tech {
		if class == "" {
			c[t] = ts.Postings
		} else if ts.ByClass[class] > 0 {
			c[t] = ts.ByClass[class]
		}
	}
	out := []string{}
	for _, kv := range c.Top(n) {
		out = append(out, kv.Key)
	}
	return out
}

// distinctive formats distinctiveLifts for the markdown report.
func distinctive(st *Stats, class string, n int) []string {
	var s []string
	for _, x := range distinctiveLifts(st, class, n) {
		s = append(s, fmt.Sprintf("%s ×%.1f (%d vs %d)", EscapeCell(x.Tech), x.Lift, x.InClass, x.Outside))
	}
	return s
}

// topTerms returns the n unknown terms to show: those in two postings or
// more that stand in a list beside a known technology in one at least,
// the most often listed first. A term never listed is mostly an acronym
// of the trade ("NDC", "CCTV") or a capitalised word, however frequent.
func topTerms(st *Stats, n int) []string {
	out := []string{}
	for t, ts := range st.Terms {
		if ts.Postings >= 2 && ts.Listed > 0 {
			out = append(out, t)
		}
	}
	slices.SortFunc(out, st.CompareTerms)
	if len(out) > n {
		out = out[:n]
	}
	return out
}

func writeBarChart(b *strings.Builder, title string, keys []string, value func(string) int) {
	if len(keys) == 0 {
		return
	}
	labels := make([]string, len(keys))
	vals := make([]string, len(keys))
	top := 0
	for i, k := range keys {
		labels[i] = `"` + mermaidLabel(k) + `"`
		v := value(k)
		vals[i] = fmt.Sprint(v)
		top = max(top, v)
	}
	fmt.Fprintf(b, "```mermaid\nxychart-beta\n    title \"%s\"\n    x-axis [%s]\n    y-axis \"postings\" 0 --> %d\n    bar [%s]\n```\n\n",
		mermaidLabel(title), strings.Join(labels, ", "), top+1, strings.Join(vals, ", "))
}
