package extract

import (
	"math/rand/v2"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

func lineTexts(lines []Line) []string {
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = Normalize(l.Text)
	}
	return out
}

func TestHTMLBlockStructure(t *testing.T) {
	t.Parallel()
	src := `<html><head><title>x</title><style>.a{color:red}</style><script>var skill="Kafka";</script></head>
<body><nav><a href="/">Jobs</a> <a href="/r">Rust jobs</a></nav>
<main><h2>자격요건</h2><ul><li>Python<b>과</b> SQL</li><li>Airflow&nbsp;경험</li></ul>
<p>first line<br>second&amp;line</p><div>a</div><div>b</div><span>glued</span><span>word</span>
<noscript>enable js</noscript></main><footer>© Site</footer></body></html>`
	got := lineTexts(HTMLText(src))
	want := []string{"자격요건", "Python과 SQL", "Airflow 경험", "first line", "second&line", "a", "b", "gluedword"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("HTMLText lines = %q\nwant %q", got, want)
	}
	for _, l := range HTMLText(src) {
		if l.Text == "자격요건" && !l.Heading {
			t.Errorf("<h2> line not marked as heading")
		}
	}
}

func TestHTMLMainBlock(t *testing.T) {
	t.Parallel()
	var side strings.Builder
	for i := 0; i < 30; i++ {
		side.WriteString(`<li><a href="/j">Senior Rust Developer at Other Company</a></li>`)
	}
	src := `<html><body><div class="wrap"><div class="sidebar-jobs"><ul>` + side.String() + `</ul></div>
<div class="job-description"><h3>Responsibilities</h3><p>Build data pipelines with Airflow and Spark for our analytics team.</p>
<h3>Requirements</h3><ul><li>3+ years of experience with Python and SQL in production environments.</li><li>Experience with AWS.</li></ul></div>
<div class="cookie">We use cookies</div></div></body></html>`
	page := parseHTML(src, true)
	got := strings.Join(lineTexts(page.content), "\n")
	if strings.Contains(got, "Rust") {
		t.Errorf("main block includes the sidebar:\n%s", got)
	}
	if !strings.Contains(got, "Airflow and Spark") || !strings.Contains(got, "Experience with AWS.") {
		t.Errorf("main block misses the posting:\n%s", got)
	}
}

func TestHTMLTruncatedAndNested(t *testing.T) {
	t.Parallel()
	// A page cut off mid-tag, and absurd nesting, still give their text.
	cut := `<html><body><div><h3>Requirements</h3><ul><li>Python and Kafka</li><li>Spa`
	if got := strings.Join(lineTexts(HTMLText(cut)), "|"); got != "Requirements|Python and Kafka|Spa" {
		t.Errorf("truncated page: %q", got)
	}
	deep := strings.Repeat("<div>", 5000) + "deep text" + strings.Repeat("</div>", 5000)
	if got := lineTexts(parseHTML(deep, true).content); len(got) != 1 || got[0] != "deep text" {
		t.Errorf("deep nesting: %q", got)
	}
}

func TestJSONLD(t *testing.T) {
	t.Parallel()
	page := `<html><head><script type="application/ld+json">{"@context":"https://schema.org","@graph":[
{"@type":"Organization","name":"Wrong"},
{"@type":"JobPosting","title":"Data Engineer | 원티드","hiringOrganization":{"@type":"Organization","name":"루미너리"},
 "datePosted":"2026-10-01","employmentType":["FULL_TIME"],"jobLocationType":"TELECOMMUTE",
 "experienceRequirements":{"@type":"OccupationalExperienceRequirements","monthsOfExperience":36},
 "educationRequirements":{"credentialCategory":"bachelor degree"},
 "baseSalary":{"@type":"MonetaryAmount","currency":"USD","value":{"minValue":100000,"maxValue":130000,"unitText":"YEAR"}},
 "description":"&lt;h3&gt;Requirements&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;Python and Airflow experience&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;Nice to have&lt;/h3&gt;&lt;p&gt;Kafka&lt;/p&gt;"}]}
</script></head><body><nav>menu</nav><p>short page text</p></body></html>`
	p, err := NewReader(Config{}).Parse(Input{Source: "x.html", Format: FormatHTML, Data: []byte(page)})
	if err != nil {
		t.Fatal(err)
	}
	if p.Title != "Data Engineer" || p.Company != "루미너리" || p.DatePosted != "2026-10-01" {
		t.Errorf("title, company, date = %q, %q, %q", p.Title, p.Company, p.DatePosted)
	}
	r := p.Requirements
	if !r.HasYears || r.YearsMin != 3 || r.Degree != DegreeBachelor || r.Remote != "remote" || r.EmploymentType != "full_time" {
		t.Errorf("requirements = %+v", r)
	}
	if r.Salary.Min != 100000 || r.Salary.Max != 130000 || r.Salary.Currency != "USD" {
		t.Errorf("salary = %+v", r.Salary)
	}
	if !p.HasSection(SectionRequirements) || !p.HasSection(SectionPreferred) {
		t.Errorf("sections from the JSON-LD description: %+v", p.Sections)
	}
	if strings.Contains(p.Text, "short page text") {
		t.Errorf("page text was used although JSON-LD carries the fuller description")
	}
}

// TestJSONLDSalary: a baseSalary's bounds are one range, so swapped bounds
// are put in order, an unusable bound (zero, negative, not a number) leaves
// the other, and a range with no usable bound is no salary.
func TestJSONLDSalary(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, value string // the QuantitativeValue in baseSalary
		min, max    float64
		period      string
	}{
		{"in order", `{"minValue":100000,"maxValue":130000,"unitText":"YEAR"}`, 100000, 130000, "year"},
		{"swapped", `{"minValue":130000,"maxValue":100000,"unitText":"YEAR"}`, 100000, 130000, "year"},
		{"swapped monthly strings", `{"minValue":"6,000","maxValue":"5,000","unitText":"MONTH"}`, 60000, 72000, "month"},
		{"min only", `{"minValue":90000}`, 90000, 90000, "year"},
		{"max only", `{"maxValue":90000}`, 90000, 90000, "year"},
		{"zero min", `{"minValue":0,"maxValue":90000}`, 90000, 90000, "year"},
		{"negative min", `{"minValue":-1,"maxValue":90000}`, 90000, 90000, "year"},
		{"negative max", `{"minValue":90000,"maxValue":-90000}`, 90000, 90000, "year"},
		{"single value", `{"value":40,"unitText":"HOUR"}`, 83200, 83200, "hour"},
		{"zero", `{"minValue":0,"maxValue":0}`, 0, 0, ""},
		{"zero value", `{"value":0}`, 0, 0, ""},
		{"negative", `{"minValue":-5,"maxValue":-1}`, 0, 0, ""},
		{"NaN", `{"minValue":"NaN","maxValue":"NaN"}`, 0, 0, ""},
		{"NaN min", `{"minValue":"NaN","maxValue":90000}`, 90000, 90000, "year"},
		{"infinite max", `{"minValue":90000,"maxValue":"Infinity"}`, 90000, 90000, "year"},
		{"overflowing string", `{"minValue":"1e999"}`, 0, 0, ""},
		{"overflowing once a year", `{"minValue":1e307,"unitText":"HOUR"}`, 0, 0, ""},
		{"the amount itself", `50000`, 50000, 50000, "year"},
		{"the amount as text", `"50,000"`, 50000, 50000, "year"},
		{"a list", `[50000]`, 0, 0, ""},
	}
	for _, tt := range tests {
		block := `{"@type":"JobPosting","title":"Data Engineer","baseSalary":{"@type":"MonetaryAmount","currency":"USD","value":` + tt.value + `}}`
		jp, ok := findJobPosting([][]byte{[]byte(block)})
		if !ok {
			t.Errorf("%s: no JobPosting in %s", tt.name, block)
			continue
		}
		s := jp.salary
		if s.Min != tt.min || s.Max != tt.max || s.Period != tt.period || (tt.period != "") != (s.Currency == "USD") {
			t.Errorf("%s: salary %+v; want %v–%v per %q", tt.name, s, tt.min, tt.max, tt.period)
		}
		// The text says the amounts as the page gave them, and a period.
		if tt.period != "" && (!strings.HasPrefix(s.Text, "USD ") || !strings.HasSuffix(s.Text, " per "+tt.period) || strings.Contains(s.Text, "– ") || strings.Contains(s.Text, " –")) {
			t.Errorf("%s: salary text %q", tt.name, s.Text)
		}
	}
}

// TestJSONLDNumbers: a number too large for a float64 is one absent value,
// not a reason to drop the block; numbers elsewhere read as before, and a
// block that is not JSON is still skipped.
func TestJSONLDNumbers(t *testing.T) {
	t.Parallel()
	const salary = `"baseSalary":{"currency":"USD","value":{"minValue":100000,"maxValue":130000}}`
	tests := []struct {
		name, block                 string
		title, industry, experience string
		min, max                    float64
	}{
		{"plain numbers", `{"@type":"JobPosting","title":"Data Engineer","industry":1.50,"experienceRequirements":{"monthsOfExperience":36},` + salary + `}`,
			"Data Engineer", "1.5", "경력 3년 이상 experience", 100000, 130000},
		{"exponents", `{"@type":"JobPosting","title":"Data Engineer","industry":5112e0,"experienceRequirements":{"monthsOfExperience":6E1},"baseSalary":{"currency":"USD","value":{"minValue":1e5,"maxValue":1.3e5}}}`,
			"Data Engineer", "5112", "경력 5년 이상 experience", 100000, 130000},
		{"overflow in a field not read", `{"@type":"JobPosting","title":"Data Engineer","identifier":{"@type":"PropertyValue","value":1e999},` + salary + `}`,
			"Data Engineer", "", "", 100000, 130000},
		{"overflow in another node", `{"@graph":[{"@type":"Organization","numberOfEmployees":-1e999},{"@type":"JobPosting","title":"Data Engineer",` + salary + `}]}`,
			"Data Engineer", "", "", 100000, 130000},
		{"overflow in a read field", `{"@type":"JobPosting","title":"Data Engineer","industry":1e999,"experienceRequirements":{"monthsOfExperience":1e999},` + salary + `}`,
			"Data Engineer", "", "", 100000, 130000},
		{"overflowing salary bound", `{"@type":"JobPosting","title":"Data Engineer","baseSalary":{"currency":"USD","value":{"minValue":1e999,"maxValue":130000}}}`,
			"Data Engineer", "", "", 130000, 130000},
		{"overflowing salary", `{"@type":"JobPosting","title":"Data Engineer","baseSalary":{"currency":"USD","value":{"minValue":-1e999,"maxValue":1e400}}}`,
			"Data Engineer", "", "", 0, 0},
		{"negative months", `{"@type":"JobPosting","title":"Data Engineer","experienceRequirements":{"monthsOfExperience":-36}}`,
			"Data Engineer", "", "", 0, 0},
		{"months beyond any career", `{"@type":"JobPosting","title":"Data Engineer","experienceRequirements":{"monthsOfExperience":1e300}}`,
			"Data Engineer", "", "", 0, 0},
		{"no months", `{"@type":"JobPosting","title":"Data Engineer","experienceRequirements":{"monthsOfExperience":0}}`,
			"Data Engineer", "", "경력 0년 이상 experience", 0, 0},
		{"trailing text", `{"@type":"JobPosting","title":"Data Engineer"} x`, "", "", "", 0, 0},
		{"trailing brace", `{"@type":"JobPosting","title":"Data Engineer"}}`, "", "", "", 0, 0},
		{"two values", `{"@type":"JobPosting","title":"Data Engineer"} {}`, "", "", "", 0, 0},
		{"cut off", `{"@type":"JobPosting","title":"Data Engineer"`, "", "", "", 0, 0},
	}
	for _, tt := range tests {
		jp, ok := findJobPosting([][]byte{[]byte(tt.block)})
		if !ok {
			if tt.title != "" {
				t.Errorf("%s: block dropped", tt.name)
			}
			continue
		}
		if tt.title == "" {
			t.Errorf("%s: read %q from a block that is not JSON", tt.name, jp.title)
			continue
		}
		if jp.title != tt.title || jp.industry != tt.industry || jp.experience != tt.experience {
			t.Errorf("%s: title, industry, experience = %q, %q, %q; want %q, %q, %q", tt.name, jp.title, jp.industry, jp.experience, tt.title, tt.industry, tt.experience)
		}
		if jp.salary.Min != tt.min || jp.salary.Max != tt.max {
			t.Errorf("%s: salary %+v; want %v–%v", tt.name, jp.salary, tt.min, tt.max)
		}
	}
}

// TestJSONLDChoice: one page is one posting, so when its JSON-LD holds
// several JobPostings one is chosen: the one whose title the page's
// <title>, <h1> or og:title names (the longest such title), else the first.
func TestJSONLDChoice(t *testing.T) {
	t.Parallel()
	const (
		de  = `{"@type":"JobPosting","title":"Data Engineer","description":"Build batch pipelines in Python and SQL on our data platform."}`
		sde = `{"@type":"JobPosting","title":"Senior Data Engineer | 원티드","description":"Lead the streaming platform team working with Spark and Kafka."}`
		mm  = `{"@type":"JobPosting","title":"Marketing Manager","description":"Plan and run the marketing campaigns for our product launches."}`
		org = `{"@type":"Organization","name":"Acme"}`
	)
	ld := func(block string) string { return `<script type="application/ld+json">` + block + `</script>` }
	tests := []struct{ name, head, body, want string }{
		{"graph, named in <title>", `<title>Data Engineer - Acme</title>` + ld(`{"@graph":[`+org+`,`+mm+`,`+de+`]}`), "", "Data Engineer"},
		{"graph, named in <h1>", `<title>Acme careers</title>` + ld(`{"@graph":[`+mm+`,`+de+`]}`), `<h1>data   engineer</h1>`, "Data Engineer"},
		{"named in og:title", `<meta property="og:title" content="Marketing Manager at Acme">` + ld(`[`+de+`,`+mm+`]`), "", "Marketing Manager"},
		{"array, named nowhere", `<title>Acme careers</title>` + ld(`[`+mm+`,`+de+`]`), `<h1>Open roles</h1>`, "Marketing Manager"},
		{"no page title", ld(`[` + de + `,` + mm + `]`), "", "Data Engineer"},
		{"second block", `<title>Marketing Manager | Acme</title>` + ld(de) + ld(org) + ld(mm), "", "Marketing Manager"},
		{"broken first block", `<title>Acme</title>` + ld(`{"@type":"JobPosting","title":"Broken"`) + ld(`[`+mm+`,`+de+`]`), "", "Marketing Manager"},
		{"longest title named", `<title>Senior Data Engineer - Acme</title>` + ld(`[`+de+`,`+sde+`]`), "", "Senior Data Engineer"},
		{"both named, first wins", `<title>Data Engineer or Marketing Manager</title>` + ld(`[`+mm+`,`+de+`]`), "", "Marketing Manager"},
	}
	for _, tt := range tests {
		page := `<html><head>` + tt.head + `</head><body>` + tt.body + `<p>short page text</p></body></html>`
		p, err := NewReader(Config{}).Parse(Input{Source: "x.html", Format: FormatHTML, Data: []byte(page)})
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if p.Title != tt.want {
			t.Errorf("%s: title %q; want %q", tt.name, p.Title, tt.want)
		}
	}
}

func TestPageTitle(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, title, company string }{
		{"누리온 | 추천 데이터 사이언티스트 (경력무관) - 커리어노트", "추천 데이터 사이언티스트 (경력무관)", "누리온"},
		{"Data Analyst, Ecommerce – Fernhollow Goods – Workwell Jobs", "Data Analyst, Ecommerce", "Fernhollow Goods"},
		{"[시니어] 백엔드 개발자 (Java/Spring) - 바로정산 채용", "[시니어] 백엔드 개발자 (Java/Spring)", "바로정산"},
		{"Data Engineer", "Data Engineer", ""},
		{"Acme Careers", "Acme Careers", ""},
	}
	for _, tt := range tests {
		title, company := splitPageTitle(tt.in)
		if title != tt.title || company != tt.company {
			t.Errorf("splitPageTitle(%q) = %q, %q; want %q, %q", tt.in, title, company, tt.title, tt.company)
		}
	}
	for in, want := range map[string]string{
		"데이터 엔지니어 (Python) | 원티드":         "데이터 엔지니어 (Python)",
		"Data Engineer | Careers at Acme": "Data Engineer",
		"Data Engineer - LinkedIn":        "Data Engineer",
		"Data Engineer — Jobs at Acme":    "Data Engineer — Jobs at Acme",
	} {
		if got := cleanTitle(in); got != want {
			t.Errorf("cleanTitle(%q) = %q, want %q", in, got, want)
		}
	}
}

// tagAtom must name every tag as the tokenizer's TagName does, on odd
// markup too: upper case, NUL bytes, attributes without spaces, end tags
// with attributes, names longer than any atom.
func TestTagAtom(t *testing.T) {
	pieces := []string{"<div>", "<DIV class=x>", "</Div >", "<p/>", "<br\t/>", "<meta\nname=a content=b>", "<script type='ld+json'>",
		"</script>", "<h\x001>", "<a\x00b>", "</p foo=bar>", "<abcdefghijklmnopqrstuvwxyzabcdefghij>", "<table>", "<td>", "text",
		"<!-- c -->", "<!DOCTYPE html>", "<", ">", "</", "<\xff>", "<svg:rect>", "<annotation-xml>", "<title>", "</title>", "&amp;"}
	r := rand.New(rand.NewPCG(3, 4))
	for round := 0; round < 2000; round++ {
		src := randomMix(r, pieces, 1+r.IntN(12))
		a, z := html.NewTokenizer(strings.NewReader(src)), html.NewTokenizer(strings.NewReader(src))
		for {
			tt := a.Next()
			z.Next()
			if tt == html.ErrorToken {
				break
			}
			if tt != html.StartTagToken && tt != html.EndTagToken && tt != html.SelfClosingTagToken {
				continue
			}
			got := tagAtom(a.Raw())
			name, _ := z.TagName()
			if want := atom.Lookup(name); got != want {
				t.Fatalf("%q: tag %q is %v, want %v (%q)", src, a.Raw(), got, want, name)
			}
		}
	}
}

// TestCleanTitleReference compares cleanTitle, which runs the site-suffix
// regexp only on titles with a separator, with running it always.
func TestCleanTitleReference(t *testing.T) {
	t.Parallel()
	ref := func(s string) string {
		s = collapseSpace(Normalize(s))
		for {
			t := siteSuffix.ReplaceAllString(s, "")
			if t == s {
				break
			}
			s = t
		}
		return strings.TrimSpace(s)
	}
	r := rand.New(rand.NewPCG(29, 30))
	pieces := []string{"Data Engineer", "데이터 엔지니어", " ", "|", "::", ":", "ㅣ", "–", "—", " - ", "-", "원티드", "wanted", "LinkedIn", "linkedin", "remote ok", "careers", "채용", "x"}
	for range 20000 {
		title := randomMix(r, pieces, r.IntN(8))
		if got, want := cleanTitle(title), ref(title); got != want {
			t.Fatalf("cleanTitle(%q) = %q, want %q", title, got, want)
		}
	}
}
