package extract

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"maps"
	"math/bits"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"

	"github.com/jobstack/jobstack/internal/hangul"
)

// Field roles a record's fields are read for.
const (
	RoleTitle            = "title"
	RoleCompany          = "company"
	RoleURL              = "url"
	RoleText             = "text"
	RoleResponsibilities = "responsibilities"
	RoleRequirements     = "requirements"
	RolePreferred        = "preferred"
	RoleBenefits         = "benefits"
	RoleCompanyInfo      = "company_info"
	RoleProcess          = "process"
	RoleTags             = "tags"
	RoleExperience       = "experience"
	RoleEducation        = "education"
	RoleLocation         = "location"
	RoleDate             = "date"
	RoleValidThrough     = "valid_through"
	RoleEmployment       = "employment_type"
	RoleHeadcount        = "headcount"
	RoleIndustry         = "industry"
	RoleSalary           = "salary"
)

// DefaultFields are the record field names real scrapes use, per role, in
// order of preference. Names are matched after folding: lower case, spaces
// and hyphens as underscores.
func DefaultFields() map[string][]string {
	return map[string][]string{
		RoleTitle:   {"title", "position", "job_title", "jobtitle", "job_name", "position_name", "공고명", "제목", "포지션", "직무명"},
		RoleCompany: {"company", "company_name", "comp_name", "companyname", "hiringorganization", "hiring_organization", "employer", "organization", "회사", "회사명", "기업명"},
		RoleURL:     {"url", "page_url", "job_info_url", "job_url", "joburl", "link", "apply_url", "href"},
		RoleText: {"description", "job_description", "jobdescription", "text", "html", "content", "body", "description_html", "descriptionhtml",
			"description_text", "descriptionplain", "description_plain", "job_description_html", "job_description_text", "body_html",
			"content_html", "html_content", "내용", "상세내용", "공고내용"},
		RoleResponsibilities: {"responsibilities", "responsibility", "work", "main_task", "main_tasks", "tasks", "duties", "what_you_will_do", "주요업무", "담당업무", "role"},
		RoleRequirements:     {"qualifications", "qualification", "requirement", "requirements", "must_have", "required_qualifications", "minimum_qualifications", "자격요건", "지원자격"},
		RolePreferred:        {"preferred", "favor", "preferred_qualifications", "nice_to_have", "bonus", "preferred_skills", "우대사항"},
		RoleBenefits:         {"benefits", "welfare", "perks", "혜택", "복지", "복지_및_혜택"},
		RoleCompanyInfo:      {"intro", "company_description", "company_intro", "about", "about_company", "회사소개"},
		RoleProcess:          {"procedure", "process", "hiring_process", "채용절차", "채용절차_및_기타_지원_유의사항"},
		RoleTags:             {"skill_stack", "tech_stack", "skills", "tags", "기술스택", "main_skill", "stack", "techstack", "skill_tags"},
		RoleExperience:       {"experience", "experiencerequirements", "experience_requirements", "career", "years_of_experience", "경력"},
		RoleEducation:        {"education", "educationrequirements", "education_requirements", "degree", "학력"},
		RoleLocation:         {"location", "place", "joblocation", "job_location", "comp_addr", "address", "city", "근무지역", "근무지"},
		RoleDate:             {"dateposted", "date_posted", "posted_at", "date", "time_posted", "created_at", "published_at"},
		RoleValidThrough:     {"validthrough", "valid_through", "due", "deadline", "마감일"},
		RoleEmployment:       {"employment_type", "employmenttype", "job_type", "고용형태"},
		RoleHeadcount:        {"employee", "employee_count", "employees", "headcount", "company_size", "size", "전체_직원수"},
		RoleIndustry:         {"industry", "sector", "산업", "업종"},
		RoleSalary:           {"salary", "salary_estimate", "pay", "급여", "연봉"},
	}
}

// Config sets how a Reader reads inputs.
type Config struct {
	// Fields overrides or extends DefaultFields: a role maps to the record
	// field names to try first (the --map flag).
	Fields map[string][]string
	// MinText is the fewest runes of text a posting needs; fewer is
	// rejected as no_text. Zero means 40.
	MinText int
}

// Reader turns inputs into postings. It holds no per-call state and is safe
// for concurrent use.
type Reader struct {
	fields  map[string][]string
	minText int
}

// NewReader returns a Reader for cfg.
func NewReader(cfg Config) *Reader {
	fields := DefaultFields()
	for role, names := range cfg.Fields {
		folded := make([]string, 0, len(names))
		for _, n := range names {
			folded = append(folded, foldKey(n))
		}
		fields[role] = append(folded, fields[role]...)
	}
	minText := cfg.MinText
	if minText == 0 {
		minText = 40
	}
	return &Reader{fields: fields, minText: minText}
}

// Parse reads one input. It returns a *Reject when the input holds no
// posting.
func (rd *Reader) Parse(in Input) (*Posting, error) {
	if in.Err != nil {
		return nil, in.Err
	}
	var p *Posting
	var err error
	switch in.Format {
	case FormatHTML:
		p, err = rd.parseHTML(in.Source, in.Data)
	case FormatText:
		if isHTMLPage(in.Data) {
			// A page saved under a text name (scrapers write body.txt).
			p, err = rd.parseHTML(in.Source, in.Data)
		} else {
			p, err = rd.parseText(in.Source, in.Data)
		}
	case FormatRecord:
		p, err = rd.parseRecord(in.Source, in.Record)
		if err == nil && in.Encoding != "" {
			p.Encoding = in.Encoding
		}
	default:
		return nil, reject(ReasonUnsupportedType, "%s: unknown input format %q", in.Source, in.Format)
	}
	if err != nil {
		return nil, err
	}
	// A rune is at most four bytes: a text of four times the minimum is
	// long enough without counting.
	if text := strings.TrimSpace(p.Text); len(text)/utf8.UTFMax < rd.minText {
		if n := hangul.RuneCount(text); n < rd.minText {
			if n == 0 {
				if in.Format == FormatRecord {
					if path := emptyList(in.Record); path != "" {
						return nil, reject(ReasonNoText, "%s: a page of results with no postings: %q is empty", where(in), path)
					}
					return nil, reject(ReasonNoText, "%s: no posting text found in the record's fields (%s); name the text field with --map 'text=FIELD'", where(in), fieldNames(in.Record, 8))
				}
				return nil, reject(ReasonNoText, "%s: no posting text found", where(in))
			}
			return nil, reject(ReasonNoText, "%s: only %d characters of text, fewer than %d", where(in), n, rd.minText)
		}
	}
	return p, nil
}

// where names an input for a reject's detail: its source, and for a
// record whose source does not give its line (a CSV row after cells of
// several lines) that line too, as "jobs.csv#3 (line 7)".
func where(in Input) string {
	if in.Line > 0 && !strings.HasSuffix(in.Source, "#"+strconv.Itoa(in.Line)) {
		return in.Source + " (line " + strconv.Itoa(in.Line) + ")"
	}
	return in.Source
}

// fieldNames lists a record's top-level field names, sorted, at most max
// of them.
func fieldNames(rec map[string]any, max int) string {
	names := slices.Sorted(maps.Keys(rec))
	more := ""
	if len(names) > max {
		more = fmt.Sprintf(", and %d more", len(names)-max)
		names = names[:max]
	}
	if len(names) == 0 {
		return "none"
	}
	return strings.Join(names, ", ") + more
}

// checkFile rejects empty and binary files before they are parsed, and
// returns the text of the others without the NUL bytes a text file may
// carry by accident (withoutNULs).
func checkFile(source string, data []byte) ([]byte, *Reject) {
	if len(data) == 0 {
		return nil, reject(ReasonEmpty, "%s: file is empty", source)
	}
	text, nuls := withoutNULs(data)
	if nuls > 0 {
		if len(bytes.TrimSpace(text)) == 0 {
			what := "NUL bytes"
			if len(text) > 0 {
				what = "NUL bytes and white space"
			}
			return nil, reject(ReasonEmpty, "%s: file holds only %s, as a write that was cut short leaves a file", source, what)
		}
		if _, known := binaryKind(source, data); known {
			return nil, reject(ReasonBinary, "%s: %s", source, binaryDetail(source, data))
		}
	}
	if IsBinary(text) {
		return nil, reject(ReasonBinary, "%s: %s", source, binaryDetail(source, data))
	}
	if len(bytes.TrimSpace(text)) == 0 {
		return nil, reject(ReasonEmpty, "%s: file has only white space", source)
	}
	return text, nil
}

// withoutNULs returns a text file's bytes without the NULs it carries by
// accident, and how many it dropped: the padding of a write cut short
// (unpadded), and strays, at most one byte in twenty of the rest. Random
// binary bytes have fewer NULs than that, but IsBinary knows them by
// their other control bytes. UTF-16 text keeps its NULs (one in each
// ASCII character) and loses only the padding. Data with more NULs is
// returned as it is, for IsBinary to judge.
func withoutNULs(data []byte) ([]byte, int) {
	if bytes.IndexByte(data, 0) < 0 {
		return data, 0
	}
	body := unpadded(data)
	if _, ok := utf16Of(body); ok {
		return body, len(data) - len(body)
	}
	n := bytes.Count(body, []byte{0})
	switch {
	case n*20 > len(body):
		return data, 0
	case n == 0:
		return body, len(data) - len(body)
	}
	return bytes.ReplaceAll(body, []byte{0}, nil), len(data) - len(body) + n
}

// unpadded returns data without the run of NUL bytes that ends it: a
// write cut short (a crash, a full disk) leaves a file's last blocks
// zeroed. UTF-16 text keeps the NUL of its last character.
func unpadded(data []byte) []byte {
	end := len(bytes.TrimRight(data, "\x00"))
	if end == len(data) {
		return data
	}
	if even := min(end+1, len(data)) &^ 1; even > 0 {
		if _, ok := utf16Of(data[:even]); ok {
			return data[:even]
		}
	}
	return data[:end]
}

// nulTail passes a stream on but for a run of NUL bytes that ends it,
// the padding unpadded drops from a file, in constant memory: a run
// followed by more data is passed on whole.
type nulTail struct {
	r    io.Reader
	in   []byte
	owed int    // NULs to pass on before out: data followed them
	out  []byte // read and not yet passed on
	held int    // NULs at the end of what was read, dropped at the end
	err  error
}

func newNulTail(r io.Reader) *nulTail {
	return &nulTail{r: r, in: make([]byte, 32<<10)}
}

func (t *nulTail) Read(p []byte) (int, error) {
	for {
		switch {
		case len(p) == 0:
			return 0, nil
		case t.owed > 0:
			n := min(t.owed, len(p))
			clear(p[:n])
			t.owed -= n
			return n, nil
		case len(t.out) > 0:
			n := copy(p, t.out)
			t.out = t.out[n:]
			return n, nil
		case t.err != nil:
			return 0, t.err
		}
		n, err := t.r.Read(t.in)
		t.err = err
		end := len(bytes.TrimRight(t.in[:n], "\x00"))
		if end > 0 {
			t.owed, t.held = t.held, 0
			t.out = t.in[:end]
		}
		t.held += n - end
	}
}

// repair decodes raw text fields: mojibake fixed, normalised.
func (p *Posting) repairText(s string) string {
	if fixed, ok := RepairMojibake(s); ok {
		p.Repaired = true
		s = fixed
	}
	return s
}

func (rd *Reader) parseHTML(source string, data []byte) (*Posting, error) {
	data, rej := checkFile(source, data)
	if rej != nil {
		return nil, rej
	}
	src, enc := Decode(data, true)
	p := &Posting{Source: source, Format: FormatHTML, Encoding: enc}
	src = p.repairText(src)
	page := parseHTML(src, true)

	var extra []string
	var b builder
	jp, hasLD := findJobPosting(page.jsonLD, page.title, page.h1, page.meta["og:title"])
	useLD := false
	if hasLD {
		p.Title = cleanTitle(jp.title)
		p.Company = jp.company
		p.URL = jp.url
		p.DatePosted, p.ValidThrough, p.Industry = jp.datePosted, jp.validThrough, jp.industry
		p.Requirements.Location = jp.location
		p.Requirements.Remote = jp.remote
		p.Requirements.EmploymentType = normEmployment(jp.employmentType)
		p.Requirements.Salary = jp.salary
		if jp.experience != "" {
			extra = append(extra, jp.experience)
		}
		if jp.education != "" {
			extra = append(extra, jp.education)
		}
		// The description in JSON-LD is the employer's own text; the page
		// may wrap it in more of the site. Use whichever holds more of the
		// posting, never both, so no skill is counted twice.
		ldLines := HTMLText(jp.description)
		if textLen(ldLines) >= textLen(page.content)*6/10 || textLen(page.content) < 200 {
			useLD = true
			b.addLines(ldLines, SectionOther)
			if jp.responsibilities != "" {
				b.open(SectionResponsibilities, "responsibilities")
				b.addLinesIn(HTMLText(jp.responsibilities), SectionResponsibilities)
			}
			if jp.qualifications != "" {
				b.addLinesIn(HTMLText(jp.qualifications), SectionRequirements)
			}
			if jp.skills != "" {
				b.addLinesIn([]Line{{Text: "Skills: " + jp.skills}}, SectionOther)
			}
		}
	}
	if !useLD {
		b.addLines(page.content, SectionOther)
	}
	if page.microdata && (!hasLD || p.Title == "") {
		rd.microdata(p, src)
	}
	var companyGuess string
	if p.Title == "" {
		// The first candidate that names a job wins; a site logo in an
		// <h1> does not.
		for pass := 0; pass < 2 && p.Title == ""; pass++ {
			for _, c := range []string{page.meta["og:title"], page.meta["twitter:title"], page.h1, page.title} {
				t, co := splitPageTitle(cleanTitle(c))
				if t != "" && (pass == 1 || hasJobWord(t)) {
					p.Title, companyGuess = t, co
					break
				}
			}
		}
	}
	p.Text, p.Sections = b.finish()
	if p.Company == "" {
		p.Company = firstNonEmpty(companyFromText(p.Text), companyGuess)
	}
	rd.finish(p, extra)
	return p, nil
}

// microdata reads a JobPosting marked up with itemprop attributes. Pages
// that do this are few, so the DOM is built only for them.
func (rd *Reader) microdata(p *Posting, src string) {
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(src))
	if err != nil {
		return
	}
	scope := doc.Find(`[itemtype*="JobPosting"]`).First()
	prop := func(name string) string {
		sel := scope.Find(`[itemprop="` + name + `"]`).First()
		if v, ok := sel.Attr("content"); ok {
			return strings.TrimSpace(v)
		}
		return collapseSpace(sel.Text())
	}
	if p.Title == "" {
		p.Title = cleanTitle(prop("title"))
	}
	if p.Company == "" {
		org := scope.Find(`[itemprop="hiringOrganization"]`).First()
		name := org.Find(`[itemprop="name"]`).First()
		if v, ok := name.Attr("content"); ok {
			p.Company = strings.TrimSpace(v)
		} else if t := collapseSpace(name.Text()); t != "" {
			p.Company = t
		} else {
			p.Company = collapseSpace(org.Text())
		}
	}
	if p.DatePosted == "" {
		p.DatePosted = prop("datePosted")
	}
}

func (b *builder) addLinesIn(lines []Line, k SectionKind) {
	b.open(k, "")
	for _, l := range lines {
		for _, part := range strings.Split(Normalize(l.Text), "\n") {
			b.line(part)
		}
	}
	b.close()
}

// isHTMLPage reports whether data, a text file, is an HTML page: it starts,
// after a byte-order mark and white space, with a doctype, or with an
// <html> tag and has a <head> or <body>.
func isHTMLPage(data []byte) bool {
	data = bytes.TrimPrefix(data, []byte{0xEF, 0xBB, 0xBF})
	data = bytes.TrimLeft(data[:min(len(data), 4096)], " \t\r\n")
	if len(data) >= 14 && bytes.EqualFold(data[:14], []byte("<!doctype html")) {
		return true
	}
	if len(data) < 6 || !bytes.EqualFold(data[:5], []byte("<html")) || !strings.ContainsRune("> \t\r\n", rune(data[5])) {
		return false
	}
	low := bytes.ToLower(data)
	return bytes.Contains(low, []byte("<head")) || bytes.Contains(low, []byte("<body"))
}

func textLen(lines []Line) int {
	n := 0
	for _, l := range lines {
		n += len(l.Text)
	}
	return n
}

func (rd *Reader) parseText(source string, data []byte) (*Posting, error) {
	data, rej := checkFile(source, data)
	if rej != nil {
		return nil, rej
	}
	src, enc := Decode(data, false)
	p := &Posting{Source: source, Format: FormatText, Encoding: enc}
	src = p.repairText(src)
	if n, ok := tokenPerLine(src); ok {
		return nil, reject(ReasonNotPosting, "%s: a token-per-line annotation file (a word and a B-/I-/O tag on %d lines, as CoNLL writes them), not posting text", source, n)
	}
	if t, ok := rd.table(src); ok {
		return nil, reject(ReasonNotPosting, "%s: a table, not one posting: a header row (%s) and %d rows of %d columns separated by %s; rename the file to end in %s and each row is read as a posting",
			source, strings.Join(t.header, ", "), t.rows, len(t.header), delimName(t.comma), delimExt(t.comma))
	}
	norm := Normalize(src)
	lines := make([]Line, 0, strings.Count(norm, "\n")+1)
	for _, l := range strings.Split(norm, "\n") {
		text, head := stripMarkdown(l)
		lines = append(lines, Line{Text: text, Heading: head, normal: true})
	}
	var b builder
	b.text.Grow(len(norm)) // the text is at most the lines and their newlines
	b.addLines(lines, SectionOther)
	p.Text, p.Sections = b.finish()
	p.Title, p.Company = titleCompanyFromText(p.Text)
	rd.finish(p, nil)
	return p, nil
}

// tokenPerLine reports whether a text is a token-level annotation file:
// one token a line with its tag last ("Python B-Skill", "to O"), as NER
// data sets are written. It returns how many lines were tagged. A posting
// never has 20 such lines making up nine tenths of its lines, and one
// whose first line is not tagged is passed after that line alone.
func tokenPerLine(s string) (int, bool) {
	lines, tagged := 0, 0
	for len(s) > 0 {
		line := s
		if i := strings.IndexByte(s, '\n'); i >= 0 {
			line, s = s[:i], s[i+1:]
		} else {
			s = ""
		}
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		lines++
		last := line[strings.LastIndexAny(line, " \t")+1:]
		if bioTag(last) && strings.Count(line, " ")+strings.Count(line, "\t") <= 8 {
			tagged++
			continue
		}
		if tagged == 0 || lines >= 20 && 10*(lines-tagged) > lines {
			return tagged, false
		}
	}
	return tagged, tagged >= 20 && 10*tagged >= 9*lines
}

// textTable is a table found in a text file.
type textTable struct {
	header []string
	rows   int
	comma  rune
}

// table reports whether a text file is a table of postings: Excel's
// "Unicode Text" (UTF-16, tab-separated) or a CSV export saved as .txt.
// Its first line must be a header row of record field names, two at
// least, one of them a posting's text or title ("description",
// "공고내용", "title"): "Title<tab>Data Engineer" opens a posting written
// as names and values. And nearly all the rows after it (nine in ten,
// and one at least) must have as many columns: a posting whose first
// line reads "Description, Requirements" has a comma or two on some
// lines, not on every one.
func (rd *Reader) table(src string) (textTable, bool) {
	src = strings.TrimLeft(src, "\r\n\t ")
	first, _, _ := strings.Cut(src, "\n")
	first = strings.TrimSuffix(first, "\r")
	if len(first) > 600 {
		return textTable{}, false
	}
	comma := sniffDelimiter([]byte(first))
	if !strings.ContainsRune(first, comma) {
		return textTable{}, false
	}
	// The header's names first, split plainly: a title line with a comma
	// in it ("Data Engineer, Platform") is no header and needs no CSV
	// reader.
	header := strings.Split(first, string(comma))
	named, known := false, 0
	for i, h := range header {
		h = strings.Trim(strings.TrimSpace(h), `"`)
		if h == "" {
			header[i] = `""`
			continue // a data frame's unnamed index column
		}
		header[i] = h
		if utf8.RuneCountInString(h) > 40 {
			return textTable{}, false
		}
		k := foldKey(h)
		named = named || slices.Contains(rd.fields[RoleText], k) || slices.Contains(rd.fields[RoleTitle], k)
		for _, names := range rd.fields {
			if slices.Contains(names, k) {
				known++
				break
			}
		}
	}
	if !named || known < 2 {
		return textTable{}, false
	}
	r := csv.NewReader(strings.NewReader(src))
	r.Comma, r.LazyQuotes, r.FieldsPerRecord, r.ReuseRecord = comma, true, -1, true
	if rec, err := r.Read(); err != nil || len(rec) != len(header) {
		return textTable{}, false
	}
	rows, all := 0, 0
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		all++
		if err == nil && len(rec) == len(header) {
			rows++
		}
	}
	return textTable{header: header, rows: rows, comma: comma}, rows > 0 && 10*rows >= 9*all
}

// delimName names a delimiter in a reject's detail.
func delimName(c rune) string {
	switch c {
	case '\t':
		return "tabs"
	case ';':
		return "semicolons"
	}
	return "commas"
}

// delimExt is the extension that reads a file with this delimiter as
// records.
func delimExt(c rune) string {
	if c == '\t' {
		return ".tsv"
	}
	return ".csv"
}

// bioTag reports whether a field is a BIO or BIOES tag: "O", or one of
// B I E S L U and a hyphen before a label ("B-Skill", "I-PER").
func bioTag(f string) bool {
	if f == "O" {
		return true
	}
	return len(f) > 2 && f[1] == '-' && strings.IndexByte("BIESLU", f[0]) >= 0
}

// stripMarkdown removes markdown markup from a line and says whether it was
// a heading ("## 자격요건", "**Requirements**").
func stripMarkdown(l string) (string, bool) {
	s := trimSpace(l)
	head := false
	if strings.HasPrefix(s, "#") {
		s = strings.TrimLeft(s, "#")
		head = true
	}
	if strings.HasPrefix(s, "**") && strings.HasSuffix(s, "**") && len(s) > 4 {
		s = s[2 : len(s)-2]
		head = true
	}
	if strings.IndexByte(s, '*') >= 0 { // most lines have no markup
		s = strings.ReplaceAll(s, "**", "")
	}
	if strings.IndexByte(s, '_') >= 0 {
		s = strings.ReplaceAll(s, "__", "")
	}
	return trimSpace(s), head
}

func (rd *Reader) parseRecord(source string, rec map[string]any) (*Posting, error) {
	flat := flatten(rec)
	p := &Posting{Source: source, Format: FormatRecord, Encoding: EncUTF8}
	get := func(role string) string {
		for _, name := range rd.fields[role] {
			if v, ok := flat[name]; ok {
				if s := p.repairText(str(v)); s != "" && !placeholder(s) {
					return s
				}
			}
		}
		return ""
	}
	p.Title = cleanTitle(firstLine(get(RoleTitle)))
	p.Company = cleanCompany(get(RoleCompany))
	p.URL = get(RoleURL)
	p.DatePosted = get(RoleDate)
	p.ValidThrough = get(RoleValidThrough)
	p.Industry = firstLine(get(RoleIndustry))
	p.Requirements.Location = firstLine(get(RoleLocation))
	p.Requirements.EmploymentType = normEmployment(get(RoleEmployment))
	p.Headcount, p.HeadcountMax = parseHeadcount(get(RoleHeadcount))
	for _, name := range rd.fields[RoleTags] {
		if v, ok := flat[name]; ok {
			p.SiteTags = splitTags(v)
			if len(p.SiteTags) > 0 {
				break
			}
		}
	}

	var b builder
	whole := get(RoleText)
	if whole != "" {
		b.addLines(fieldLines(whole), SectionOther)
	}
	sections := []struct {
		role string
		kind SectionKind
	}{
		{RoleCompanyInfo, SectionCompany},
		{RoleResponsibilities, SectionResponsibilities},
		{RoleRequirements, SectionRequirements},
		{RolePreferred, SectionPreferred},
		{RoleBenefits, SectionBenefits},
		{RoleProcess, SectionProcess},
	}
	// A scrape may put the same text in two section fields (Programmers'
	// duties and requirements): read it once, under the stronger section.
	strongest := map[string]SectionKind{}
	for _, s := range sections {
		if v := get(s.role); v != "" && s.kind > strongest[v] {
			strongest[v] = s.kind
		}
	}
	seen := map[string]bool{}
	for _, s := range sections {
		v := get(s.role)
		if v == "" || seen[v] || strongest[v] != s.kind {
			continue
		}
		// "role" is a duties field in some scrapes and a job category in
		// others; a one-liner is the category.
		if s.role == RoleResponsibilities && flatKeyFor(flat, rd.fields[s.role], v) == "role" && utf8.RuneCountInString(v) < 30 {
			continue
		}
		// A whole-text field that already holds the section is not read twice.
		if whole != "" && strings.Contains(whole, firstLine(v)) {
			continue
		}
		seen[v] = true
		b.open(s.kind, "")
		// A section field can itself hold sub-headings ("우대사항" inside a
		// qualifications cell); they open their own sections.
		for _, l := range fieldLines(v) {
			text := Normalize(l.Text)
			for _, part := range strings.Split(text, "\n") {
				// A generic sub-heading ("Skills:") stays in the field's
				// section; a specific one ("우대사항") opens its own.
				if k, ok := HeadingKind(part, l.Heading); ok && k != s.kind && k != SectionOther {
					b.open(k, strings.TrimSpace(part))
				}
				b.line(part)
			}
		}
		b.close()
	}
	p.Text, p.Sections = b.finish()
	if p.Title == "" {
		p.Title, _ = titleCompanyFromText(p.Text)
	}
	if p.Company == "" {
		p.Company = companyFromText(p.Text)
	}
	var extra []string
	if v := get(RoleExperience); v != "" {
		extra = append(extra, "경력 "+v)
	}
	if v := get(RoleEducation); v != "" {
		// The field name carries the meaning: Jumpit's 학력 is just "무관".
		extra = append(extra, "학력 "+v)
	}
	if v := get(RoleSalary); v != "" {
		p.Requirements.Salary = ParseSalary(v)
	}
	rd.finish(p, extra)
	return p, nil
}

func flatKeyFor(flat map[string]any, names []string, value string) string {
	for _, n := range names {
		if v, ok := flat[n]; ok && str(v) == value {
			return n
		}
	}
	return ""
}

// fieldLines splits a record field into lines, reading HTML when the field
// holds markup.
func fieldLines(v string) []Line {
	if looksLikeHTML(v) {
		var out []Line
		for _, l := range HTMLText(v) {
			if strings.Count(l.Text, "|") >= 2 {
				for _, part := range strings.Split(l.Text, "|") {
					out = append(out, Line{Text: part})
				}
				continue
			}
			out = append(out, l)
		}
		return out
	}
	parts := strings.Split(v, "\n")
	// Some scrapes join a field's lines with "|" ("ᆞ개발 경험|ᆞSQL 운영 경험").
	if len(parts) == 1 && strings.Count(v, "|") >= 2 {
		parts = strings.Split(v, "|")
	}
	lines := make([]Line, 0, len(parts))
	for _, s := range parts {
		text, head := stripMarkdown(s)
		lines = append(lines, Line{Text: text, Heading: head})
	}
	return lines
}

// foldKey folds a record field name: lower case, spaces and hyphens as
// underscores.
func foldKey(k string) string {
	k = strings.ToLower(strings.TrimSpace(k))
	return strings.Map(func(r rune) rune {
		if r == ' ' || r == '-' {
			return '_'
		}
		return r
	}, k)
}

// flatten folds a record's keys and lifts the fields of nested objects
// (Jumpit's job_description: {주요업무, 자격요건, ...}) to the top level;
// an outer field of the same name wins.
func flatten(rec map[string]any) map[string]any {
	out := make(map[string]any, len(rec)*2)
	var walk func(m map[string]any, depth int)
	walk = func(m map[string]any, depth int) {
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		var nested []map[string]any
		for _, k := range keys {
			fk := foldKey(k)
			v := m[k]
			if sub, ok := v.(map[string]any); ok && depth < 4 && !isNamed(sub) {
				nested = append(nested, sub)
				continue
			}
			if _, ok := out[fk]; !ok {
				out[fk] = v
			}
		}
		for _, sub := range nested {
			walk(sub, depth+1)
		}
	}
	walk(rec, 0)
	return out
}

// isNamed reports whether a nested object is a value with a name (an
// Organization) rather than a group of fields.
func isNamed(m map[string]any) bool {
	_, hasName := m["name"]
	_, hasType := m["@type"]
	return hasName || hasType
}

func splitTags(v any) []string {
	var raw []string
	switch x := v.(type) {
	case []any:
		for _, e := range x {
			raw = append(raw, str(e))
		}
	default:
		s := str(x)
		s = strings.TrimPrefix(strings.TrimSuffix(strings.TrimSpace(s), "]"), "[")
		raw = strings.FieldsFunc(s, func(r rune) bool { return r == '\n' || r == ',' || r == '|' || r == ';' })
	}
	out := make([]string, 0, len(raw))
	seen := map[string]bool{}
	for _, t := range raw {
		t = strings.Trim(strings.TrimSpace(t), `'"`)
		if t != "" && !seen[t] {
			seen[t] = true
			out = append(out, t)
		}
	}
	return out
}

var digitsRe = regexp.MustCompile(`\d[\d,]*`)

// parseHeadcount reads a company size as its bounds: "35" and "12,000명"
// are exact (both bounds), "1001 to 5000 employees" and "51-200" a band,
// "10000+ employees" and "500명 이상" open above (max 0). "Unknown" and
// other text without a number give 0, 0.
func parseHeadcount(s string) (lo, hi int) {
	ms := digitsRe.FindAllString(s, 2)
	if len(ms) == 0 {
		return 0, 0
	}
	atoi := func(m string) int {
		n, _ := strconv.Atoi(strings.ReplaceAll(m, ",", ""))
		return n
	}
	lo = atoi(ms[0])
	switch {
	case len(ms) == 2:
		if hi = atoi(ms[1]); hi < lo {
			hi = 0
		}
	case strings.Contains(s, "+") || strings.Contains(s, "이상") || strings.Contains(strings.ToLower(s), "more"):
	default:
		hi = lo
		if lo == 1 {
			// A company of one does not post for a data team: in the
			// Wanted data set "1" is what 야놀자, 무신사, 크래프톤,
			// LINE Plus and CJ ENM carry, a stand-in for unknown.
			return 0, 0
		}
	}
	return lo, hi
}

// placeholders are what job sites put in a field they have no value for.
var placeholders = []string{"없음", "해당없음", "해당 없음", "정보없음", "정보 없음", "미정", "미기재", "n/a", "na", "none", "null", "nil",
	"nan", "unknown", "-", "--", "—", "-1", "."}

// placeholder reports whether a field's value stands for no value: "없음",
// "N/A", "-1" (Glassdoor's unknown).
func placeholder(s string) bool {
	s = strings.TrimSpace(s)
	if len(s) > len("해당 없음") {
		return false
	}
	for _, p := range placeholders {
		if strings.EqualFold(s, p) {
			return true
		}
	}
	return false
}

func normEmployment(s string) string {
	if s == "" {
		return ""
	}
	return employmentType(strings.ReplaceAll(s, "_", "-"))
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" {
			return s
		}
	}
	return ""
}

func firstLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	return strings.TrimSpace(s)
}

// siteSuffix matches the job board's name after a title: "Data Engineer |
// 원티드", "채용 - 잡코리아", "Job at X - LinkedIn".
var siteSuffix = regexp.MustCompile(`\s*(?:\||::|ㅣ|–|—| - )\s*(?i:원티드|wanted|점핏|jumpit|프로그래머스|programmers|사람인|saramin|잡코리아|jobkorea|인크루트|incruit|linkedin|indeed|glassdoor|remote ?ok|nofluffjobs|로켓펀치|rocketpunch|잡플래닛|jobplanet|greenhouse|lever|workable|careers?|채용|채용정보|job board)[^|]*$`)

// siteSeparators are the separators siteSuffix needs before a site name.
var siteSeparators = []string{"|", "::", "ㅣ", "–", "—", " - "}

// cleanTitle strips a site suffix and surrounding noise from a title.
func cleanTitle(s string) string {
	s = collapseSpace(Normalize(s))
	// The regexp is run only on titles with one of its separators: most
	// have none, and the regexp would try every position.
	for containsAnyOf(s, siteSeparators...) {
		t := siteSuffix.ReplaceAllString(s, "")
		if t == s {
			break
		}
		s = t
	}
	return strings.TrimSpace(s)
}

// cleanCompany keeps the first line of a company field: Glassdoor appends
// the rating on the next line.
func cleanCompany(s string) string {
	return collapseSpace(firstLine(Normalize(s)))
}

var (
	companyLabel  = regexp.MustCompile(`^(?:회사|회사명|기업명|기업|company|employer|hiring company)\s*[:：]\s*(.{2,60})$`)
	companyKorean = regexp.MustCompile(`(?:주식회사|\(주\)|㈜)\s*([\p{Hangul}A-Za-z0-9&.\-]{2,30})|([\p{Hangul}A-Za-z0-9&.\-]{2,30})\s*(?:주식회사|\(주\)|㈜)`)
	companyLatin  = regexp.MustCompile(`\b([A-Z][A-Za-z0-9&.\-]*(?:\s+[A-Z][A-Za-z0-9&.\-]*){0,3}),?\s+(?:Inc\.?|Corp\.?|Corporation|LLC|Ltd\.?|Co\.,?\s*Ltd\.?|GmbH|S\.A\.|Pte\.? Ltd\.?)(?:\W|$)`)
)

// jobWords mark the segment of a page title that names the job.
var jobWords = []string{"engineer", "developer", "analyst", "scientist", "manager", "lead", "designer", "researcher",
	"specialist", "accountant", "executive", "architect", "intern", "director", "head of", "mlops", "devops", "data",
	"엔지니어", "개발자", "분석가", "사이언티스트", "채용", "모집", "담당", "팀장", "리드", "인턴", "신입", "경력", "연구원",
	"간호사", "디자이너", "마케터", "매니저", "데이터", "개발"}

func hasJobWord(s string) bool {
	low := strings.ToLower(s)
	for _, w := range jobWords {
		if strings.Contains(low, w) {
			return true
		}
	}
	return false
}

// splitPageTitle reads a page title made of segments ("Company | Job -
// Site", "Job – Company – Site") and returns the job segment and, when the
// shape shows it, the company. A title with one segment is returned whole.
func splitPageTitle(s string) (string, string) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", ""
	}
	parts := pageTitleSep.Split(s, -1)
	if len(parts) == 1 {
		return s, ""
	}
	at := -1
	for i, part := range parts {
		low := strings.ToLower(part)
		for _, w := range jobWords {
			if strings.Contains(low, w) {
				at = i
				break
			}
		}
		if at >= 0 {
			break
		}
	}
	if at < 0 {
		return s, ""
	}
	title := strings.TrimSpace(parts[at])
	company := ""
	switch {
	case at > 0:
		company = parts[at-1]
	case len(parts) >= 3:
		company = parts[1]
	case strings.HasSuffix(strings.TrimSpace(parts[1]), " 채용"):
		company = strings.TrimSuffix(strings.TrimSpace(parts[1]), " 채용")
	}
	return title, strings.TrimSpace(company)
}

var pageTitleSep = regexp.MustCompile(`\s+(?:\||-|–|—|::|·|ㅣ)\s+`)

// titleCompanyFromText takes the title from the first line of a text
// posting and the company from a labelled or recognisable line.
func titleCompanyFromText(text string) (string, string) {
	lines := strings.SplitN(text, "\n", 16)
	title := ""
	for _, l := range lines {
		l = strings.TrimSpace(l)
		if l == "" {
			continue
		}
		if _, isHead := HeadingKind(l, false); isHead {
			break
		}
		if utf8.RuneCountInString(l) <= 120 && !(companyLabelStart(l) && companyLabel.MatchString(strings.ToLower(l))) {
			title = cleanTitle(strings.TrimPrefix(strings.TrimPrefix(l, "제목:"), "Title:"))
		}
		break
	}
	company := companyFromText(text)
	if company == "" && title != "" {
		// A posting written as text often has the company on the line
		// after the title: "Brambleford Outdoor Co.", "펀디랩 | 서울 ...".
		n := 0
		for _, l := range lines {
			if l = strings.TrimSpace(l); l == "" {
				continue
			}
			n++
			if n == 1 {
				continue
			}
			if _, isHead := HeadingKind(l, false); isHead {
				break
			}
			seg := strings.TrimSpace(pageTitleSep.Split(l, 2)[0])
			if r := utf8.RuneCountInString(seg); r >= 2 && r <= 40 && !strings.ContainsAny(seg, ".:!?") || strings.HasSuffix(seg, "Co.") || strings.HasSuffix(seg, "Inc.") {
				company = seg
			}
			break
		}
	}
	return title, company
}

// companyFromText finds the company in the first lines of a posting:
// "회사: X", "Company: X", "(주)X", "X 주식회사", "X Inc.".
func companyFromText(text string) string {
	lines := strings.SplitN(text, "\n", 20)
	if len(lines) > 19 {
		lines = lines[:19]
	}
	for _, l := range lines {
		// A label line has a colon; most lines have none.
		if !strings.Contains(l, ":") && !strings.Contains(l, "：") {
			continue
		}
		l = strings.TrimSpace(l)
		if !companyLabelStart(l) {
			continue
		}
		if m := companyLabel.FindStringSubmatch(strings.ToLower(l)); m != nil {
			// Keep the original case of the value.
			return strings.TrimSpace(l[len(l)-len(m[1]):])
		}
	}
	// The regular expressions backtrack a lot; run them only on lines
	// that hold a company marker.
	for _, l := range lines {
		if !strings.Contains(l, "주식회사") && !strings.Contains(l, "(주)") && !strings.Contains(l, "㈜") {
			continue
		}
		if m := companyKorean.FindStringSubmatch(l); m != nil {
			return strings.TrimSpace(m[0])
		}
	}
	for _, l := range lines {
		if c := latinCompany(l); c != "" {
			return c
		}
	}
	return ""
}

// companyLabelStart reports whether a line may start with a company label
// ("회사명:", "Company:"), the only lines companyLabel can match: a cheap
// test on the line's first bytes before the regular expression, which
// lowers and scans the whole line.
func companyLabelStart(l string) bool {
	head := strings.ToLower(l[:min(len(l), 64)])
	for _, w := range []string{"회사", "기업", "company", "employer", "hiring company"} {
		if strings.HasPrefix(head, w) {
			return true
		}
	}
	return false
}

// latinCompany finds "Name Inc."-style company names in a line. A match of
// companyLatin holds only letters, digits, "&.-," and spaces, so it lies
// inside one run of them; the regular expression runs on the words of that
// run around each suffix word after a space, in order, instead of on the
// whole line (descriptions saved as text are often one line of kilobytes,
// and a run of plain words can be most of it).
func latinCompany(l string) string {
	for i := 1; i < len(l); {
		// Suffix words start with a capital: skip eight bytes without one,
		// or to the first capital of the eight.
		if i+8 <= len(l) {
			c := capitals(load64(l, i))
			if c == 0 {
				i += 8
				continue
			}
			i += bits.TrailingZeros64(c) >> 3
		}
		if !isSpaceASCII(l[i-1]) || !latinSuffixAt(l, i) {
			i++
			continue
		}
		lo, hi := i, i
		for lo > 0 && latinNameByte(l[lo-1]) {
			lo--
		}
		for hi < len(l) && latinNameByte(l[hi]) {
			hi++
		}
		// A match holds at most four words before its suffix and, from
		// its start, six words and a byte ("A B C D, Co., Ltd.;"): the
		// expression reads four words back and eight on. A match that
		// starts after this suffix is left to the window of its own.
		start, end := i, i
		for range 4 {
			start = wordBefore(l, lo, start)
		}
		for range 8 {
			end = wordAfter(l, end, hi)
		}
		if m := companyLatin.FindStringIndex(l[start:end]); m != nil && start+m[0] <= i {
			return strings.TrimSpace(strings.TrimRight(l[start+m[0]:start+m[1]], " ,;:)"))
		}
		i++
	}
	return ""
}

// wordBefore is the start of the word before i, white space between
// them, not before lo.
func wordBefore(l string, lo, i int) int {
	for i > lo && isSpaceASCII(l[i-1]) {
		i--
	}
	for i > lo && !isSpaceASCII(l[i-1]) {
		i--
	}
	return i
}

// wordAfter is the end of the word at or after i, white space before it,
// not after hi.
func wordAfter(l string, i, hi int) int {
	for i < hi && isSpaceASCII(l[i]) {
		i++
	}
	for i < hi && !isSpaceASCII(l[i]) {
		i++
	}
	return i
}

// latinSuffixAt reports whether a company suffix word starts at l[i].
func latinSuffixAt(l string, i int) bool {
	if i >= len(l) {
		return false
	}
	switch l[i] {
	case 'I', 'C', 'L', 'G', 'S', 'P':
		for _, w := range []string{"Inc", "Corp", "LLC", "Ltd", "Co.", "GmbH", "S.A.", "Pte"} {
			if strings.HasPrefix(l[i:], w) {
				return true
			}
		}
	}
	return false
}

// latinNameByte reports whether a byte may be part of a companyLatin match.
func latinNameByte(c byte) bool {
	return isAlnum(c) || isSpaceASCII(c) || c == '&' || c == '.' || c == '-' || c == ','
}

// isSpaceASCII reports whether c is one of the spaces of \s in a regular
// expression.
func isSpaceASCII(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

// finish fills in what every format derives from the text.
func (rd *Reader) finish(p *Posting, extra []string) {
	p.Title = snippet(p.Title, 200)
	p.Company = snippet(p.Company, 120)
	p.Language, p.runes = detectLanguage(p.Title, p.Text)
	p.lower, p.finished = asciiLower(p.Text), p.Text
	ParseRequirements(p, extra)
}
