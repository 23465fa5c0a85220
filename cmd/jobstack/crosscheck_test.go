package main

import (
	"fmt"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// The cross-check reads report.md as a person would, recomputes the same
// numbers from postings.parquet and skills.parquet with DuckDB (a reader
// that is not ours), and compares the two as flat facts: "table/row" →
// "cell|cell|...". The report and the Parquet files come from separate code
// paths (report.Stats counts as postings stream by; the Parquet rows are
// written from the spill), so a counting bug in either shows up here.

// mdTable is one GitHub table of report.md, cells unescaped.
type mdTable struct {
	Header []string
	Rows   [][]string
}

// mdSection is the text under one heading of report.md.
type mdSection struct {
	Heading string // without the leading #s
	Lines   []string
	Tables  []mdTable
}

// parseReport splits report.md into sections and their tables.
func parseReport(md string) []mdSection {
	var secs []mdSection
	cur := &mdSection{}
	lines := strings.Split(md, "\n")
	for i := 0; i < len(lines); i++ {
		line := lines[i]
		if strings.HasPrefix(line, "#") {
			secs = append(secs, *cur)
			cur = &mdSection{Heading: strings.TrimSpace(strings.TrimLeft(line, "#"))}
			continue
		}
		if strings.HasPrefix(line, "|") && i+1 < len(lines) && strings.HasPrefix(lines[i+1], "|---") {
			tb := mdTable{Header: splitRow(line)}
			for i += 2; i < len(lines) && strings.HasPrefix(lines[i], "|"); i++ {
				tb.Rows = append(tb.Rows, splitRow(lines[i]))
			}
			i--
			cur.Tables = append(cur.Tables, tb)
			continue
		}
		cur.Lines = append(cur.Lines, line)
	}
	return append(secs, *cur)
}

// splitRow splits a table row on the pipes that report.EscapeCell did not
// escape, and undoes EscapeCell on each cell.
func splitRow(line string) []string {
	line = strings.TrimSpace(line)
	line = strings.TrimPrefix(line, "|")
	var cells []string
	var b strings.Builder
	for i := 0; i < len(line); i++ {
		switch c := line[i]; {
		case c == '\\' && i+1 < len(line):
			b.WriteByte(line[i+1])
			i++
		case c == '|':
			cells = append(cells, html.UnescapeString(strings.TrimSpace(b.String())))
			b.Reset()
		default:
			b.WriteByte(c)
		}
	}
	if rest := strings.TrimSpace(b.String()); rest != "" {
		cells = append(cells, html.UnescapeString(rest))
	}
	return cells
}

func section(secs []mdSection, heading string) *mdSection {
	for i := range secs {
		if secs[i].Heading == heading {
			return &secs[i]
		}
	}
	return nil
}

var (
	headerLine   = regexp.MustCompile(`^(\d+) unique postings from (\d+) inputs \((\d+) duplicates folded, (\d+) rejected\)`)
	classHeading = regexp.MustCompile(`^(\S+) \((\d+) postings\)$`)
	salaryLine   = regexp.MustCompile(`^(\d+) of (\d+) postings state a salary`)
)

// reportFacts flattens the numbers report.md states into facts. Missing
// sections are facts too ("missing/..."), so a report that drops a table
// fails rather than comparing nothing.
// undeterminedPart is one "reason N (key)" of the "Why undetermined" line.
var undeterminedPart = regexp.MustCompile(`(\d+) \(([^)]+)\)`)

func reportFacts(md string) map[string]string {
	f := map[string]string{}
	secs := parseReport(md)
	top := section(secs, "jobstack report")
	if top == nil {
		top = &mdSection{}
	}
	for _, l := range top.Lines {
		if m := headerLine.FindStringSubmatch(l); m != nil {
			f["header/postings"], f["header/inputs"], f["header/duplicates"], f["header/rejected"] = m[1], m[2], m[3], m[4]
		}
	}
	table := func(heading string, n int) *mdTable {
		s := section(secs, heading)
		if s == nil || len(s.Tables) <= n {
			f["missing/"+heading+"#"+strconv.Itoa(n)] = "yes"
			return nil
		}
		return &s.Tables[n]
	}
	if t := table("Summary", 0); t != nil {
		for _, r := range t.Rows {
			f["summary/"+r[0]] = r[1]
		}
	}
	if t := table("Company data maturity", 0); t != nil {
		for _, r := range t.Rows {
			f["maturity/"+r[0]] = r[1] + "|" + r[2]
		}
	}
	if s := section(secs, "Company data maturity"); s != nil {
		for _, l := range s.Lines {
			if rest, ok := strings.CutPrefix(l, "Why undetermined: "); ok {
				for _, m := range undeterminedPart.FindAllStringSubmatch(rest, -1) {
					f["undetermined/"+strings.ReplaceAll(m[2], `\`, "")] = m[1]
				}
			}
		}
	}
	if t := table("Technologies", 0); t != nil {
		for _, r := range t.Rows {
			f["technologies/#"+r[0]] = strings.Join(r[1:], "|")
		}
	}
	for _, s := range secs {
		m := classHeading.FindStringSubmatch(s.Heading)
		if m == nil {
			continue
		}
		f["class/"+m[1]+"/postings"] = m[2]
		for _, t := range s.Tables {
			for _, r := range t.Rows {
				f["class/"+m[1]+"/#"+r[0]] = strings.Join(r[1:], "|")
			}
		}
	}
	if t := table("Roles and seniority", 0); t != nil {
		f["roles/columns"] = strings.Join(t.Header, "|")
		for i, r := range t.Rows {
			f["roles/#"+strconv.Itoa(i+1)] = strings.Join(r, "|")
		}
	}
	for i, name := range []string{"seniority", "years", "degree"} {
		if t := table("Roles and seniority", i+1); t != nil {
			for _, r := range t.Rows {
				f[name+"/"+r[0]] = r[1]
			}
		}
	}
	if s := section(secs, "Salary"); s != nil {
		for _, l := range s.Lines {
			if m := salaryLine.FindStringSubmatch(l); m != nil {
				f["salary/postings"] = m[1]
			}
		}
		for _, t := range s.Tables {
			for _, r := range t.Rows {
				f["salary/"+r[0]] = strings.Join(r[1:], "|")
			}
		}
	}
	if t := table("Data quality", 0); t != nil {
		for _, r := range t.Rows {
			f["quality/"+r[0]] = r[1]
		}
	}
	return f
}

// parquetFacts computes the same facts from the Parquet files and the
// manifest. The shares use the report's rounding: Go's %.0f of
// 100*n/d in float64, which rounds halves to even (round_even in DuckDB).
func parquetFacts(t *testing.T, out string, m manifest) map[string]string {
	t.Helper()
	p := "'" + filepath.Join(out, filePostings) + "'"
	s := "'" + filepath.Join(out, fileSkills) + "'"
	res := duckdb(t,
		`CREATE MACRO pct(n, d) AS CASE WHEN d = 0 THEN '0%' ELSE round_even(100 * n::DOUBLE / d, 0)::BIGINT::VARCHAR || '%' END`,
		`CREATE MACRO money(v) AS CASE WHEN v >= 1e9 THEN printf('%.2fB', v / 1e9) WHEN v >= 1e6 THEN printf('%.1fM', v / 1e6)
			WHEN v >= 1e3 THEN printf('%.0fk', v / 1e3) ELSE printf('%.0f', v) END`,
		// 2: counts for the header, summary and data quality
		`SELECT count(*)::VARCHAR, count(*) FILTER (WHERE NOT has_requirements_section)::VARCHAR,
			count(*) FILTER (WHERE duplicate_count > 0)::VARCHAR, count(*) FILTER (WHERE encoding_repaired)::VARCHAR,
			min(left(date_posted, 10)) FILTER (WHERE regexp_full_match(left(date_posted, 10), '\d{4}-\d{2}-\d{2}')),
			max(left(date_posted, 10)) FILTER (WHERE regexp_full_match(left(date_posted, 10), '\d{4}-\d{2}-\d{2}')) FROM `+p,
		`SELECT 'summary/language ' || language, count(*)::VARCHAR FROM `+p+` GROUP BY language`,
		`SELECT 'quality/read as ' || encoding, count(*)::VARCHAR FROM `+p+` GROUP BY encoding`,
		// 5, 6: maturity, undetermined by reason
		`SELECT 'maturity/' || maturity, count(*)::VARCHAR || '|' || pct(count(*), (SELECT count(*) FROM `+p+`)) FROM `+p+` GROUP BY maturity`,
		`SELECT 'undetermined/' || undetermined_reason, count(*)::VARCHAR FROM `+p+` WHERE maturity = 'undetermined' GROUP BY ALL`,
		// 7: top technologies: postings, share, required, preferred, in duties
		`WITH t AS (SELECT skill, count(DISTINCT posting_id) AS n,
				count(DISTINCT posting_id) FILTER (WHERE requirement = 'required') AS req,
				count(DISTINCT posting_id) FILTER (WHERE requirement = 'preferred') AS pref,
				count(DISTINCT posting_id) FILTER (WHERE requirement = 'responsibility') AS duties
			FROM `+s+` WHERE kind = 'technology' GROUP BY skill)
		SELECT 'technologies/#' || row_number() OVER (ORDER BY n DESC, skill),
			concat_ws('|', skill, n, pct(n, (SELECT count(*) FROM `+p+`)), pct(req, n), pct(pref, n), pct(duties, n))
		FROM t ORDER BY n DESC, skill LIMIT 25`,
		// 8: top technologies per maturity class, the class from postings.parquet
		`WITH c AS (SELECT maturity, count(*) AS total FROM `+p+` GROUP BY maturity),
		t AS (SELECT p.maturity, s.skill, count(DISTINCT s.posting_id) AS n
			FROM `+s+` s JOIN `+p+` p USING (posting_id) WHERE s.kind = 'technology' GROUP BY ALL)
		SELECT 'class/' || t.maturity || '/#' || row_number() OVER (PARTITION BY t.maturity ORDER BY n DESC, skill),
			concat_ws('|', skill, n, pct(n, c.total))
		FROM t JOIN c USING (maturity)
		QUALIFY row_number() OVER (PARTITION BY t.maturity ORDER BY n DESC, skill) <= 10`,
		`SELECT 'class/' || maturity || '/postings', count(*)::VARCHAR FROM `+p+` GROUP BY maturity`,
		// 10: role × maturity, most postings first, ties by role
		`SELECT 'roles/#' || row_number() OVER (ORDER BY count(*) DESC, role),
			concat_ws('|', role, count(*) FILTER (WHERE maturity = 'early_service'), count(*) FILTER (WHERE maturity = 'cloud_startup'),
				count(*) FILTER (WHERE maturity = 'data_platform'), count(*) FILTER (WHERE maturity = 'undetermined'), count(*))
		FROM `+p+` GROUP BY role`,
		`SELECT 'seniority/' || seniority, count(*)::VARCHAR FROM `+p+` GROUP BY seniority`,
		`SELECT 'years/' || CASE WHEN years_min IS NULL THEN 'unstated' WHEN years_min >= 10 THEN '10+' ELSE years_min::VARCHAR END, count(*)::VARCHAR
		FROM `+p+` GROUP BY ALL`,
		`SELECT 'degree/' || degree_min, count(*)::VARCHAR FROM `+p+` GROUP BY degree_min`,
		// 14: salary: postings per currency and min, median (the upper middle, as the report takes it) and max of the yearly midpoints
		`WITH v AS (SELECT salary_currency AS cur, list_sort(list((salary_min + salary_max) / 2)) AS mids
			FROM `+p+` WHERE salary_min IS NOT NULL AND salary_currency <> '' GROUP BY cur)
		SELECT 'salary/' || cur, concat_ws('|', len(mids), money(mids[1]), money(mids[len(mids) // 2 + 1]), money(mids[len(mids)])) FROM v`,
	)
	f := map[string]string{}
	for _, r := range res[3:] {
		for _, row := range r.Rows {
			f[fmt.Sprint(row[0])] = fmt.Sprint(row[1])
		}
	}
	counts := res[2].Rows[0]
	postings := fmt.Sprint(counts[0])
	if postings != strconv.Itoa(m.Postings) {
		t.Errorf("postings.parquet has %s rows; manifest.json says %d postings", postings, m.Postings)
	}
	f["header/postings"], f["summary/unique postings"] = postings, postings
	f["header/inputs"], f["summary/inputs read"] = strconv.Itoa(m.Inputs), strconv.Itoa(m.Inputs)
	f["header/duplicates"], f["summary/duplicates folded"] = strconv.Itoa(m.Duplicates), strconv.Itoa(m.Duplicates)
	f["header/rejected"], f["summary/rejected"], f["quality/rejected inputs"] = strconv.Itoa(m.Rejected), strconv.Itoa(m.Rejected), strconv.Itoa(m.Rejected)
	f["quality/duplicates folded"] = fmt.Sprintf("%d (into %s postings)", m.Duplicates, counts[2])
	f["quality/postings without a requirements section"] = fmt.Sprint(counts[1])
	f["quality/encodings repaired (mojibake)"] = fmt.Sprint(counts[3])
	if counts[4] != nil {
		f["summary/posted between"] = fmt.Sprintf("%s – %s", counts[4], counts[5])
	}
	salaried := 0
	for _, row := range res[14].Rows {
		n, _ := strconv.Atoi(strings.SplitN(fmt.Sprint(row[1]), "|", 2)[0])
		salaried += n
	}
	f["salary/postings"] = strconv.Itoa(salaried)
	f["roles/columns"] = "role|early_service|cloud_startup|data_platform|undetermined|total"
	return f
}

// diffFacts lists the facts on which the report and the Parquet files
// disagree. A fact whose every cell is zero counts as absent, since the
// report lists classes, seniorities and degrees with no postings and a
// GROUP BY does not.
func diffFacts(report, parquet map[string]string) []string {
	zero := func(v string) bool {
		for _, c := range strings.Split(v, "|") {
			if c != "0" && c != "0%" {
				return false
			}
		}
		return true
	}
	keys := map[string]bool{}
	for k := range report {
		keys[k] = true
	}
	for k := range parquet {
		keys[k] = true
	}
	var diffs []string
	for k := range keys {
		r, rok := report[k]
		p, pok := parquet[k]
		switch {
		case rok && pok && r == p:
		case !rok && zero(p), !pok && zero(r):
		case !rok:
			diffs = append(diffs, fmt.Sprintf("%s: report.md has nothing, the Parquet files say %q", k, p))
		case !pok:
			diffs = append(diffs, fmt.Sprintf("%s: report.md says %q, the Parquet files have nothing", k, r))
		default:
			diffs = append(diffs, fmt.Sprintf("%s: report.md says %q, the Parquet files say %q", k, r, p))
		}
	}
	sort.Strings(diffs)
	return diffs
}

// TestReportMatchesParquet is the cross-check on the bundled sample; then it
// tampers with one number of each checked table and expects the check to
// notice, so a parser that silently reads nothing cannot pass.
func TestReportMatchesParquet(t *testing.T) {
	out, _ := analyzeInto(t, sample)
	data, err := os.ReadFile(filepath.Join(out, fileReport))
	if err != nil {
		t.Fatal(err)
	}
	md := string(data)
	want := parquetFacts(t, out, readManifest(t, out))
	got := reportFacts(md)
	for _, prefix := range []string{"header/", "summary/", "maturity/", "undetermined/", "technologies/#25", "class/", "roles/#", "seniority/", "years/", "degree/", "salary/", "quality/"} {
		found := false
		for k := range got {
			found = found || strings.HasPrefix(k, prefix)
		}
		if !found {
			t.Errorf("reportFacts(report.md) has no %s facts; the report's layout changed?", prefix)
		}
	}
	baseline := map[string]bool{}
	for _, d := range diffFacts(got, want) {
		t.Error(d)
		baseline[d] = true
	}

	tamper := []struct {
		name string
		re   string // the first match's last number is changed
		fact string
	}{
		{"summary", `\| unique postings \| (\d+) \|`, "summary/unique postings"},
		{"maturity", `\| early_service \| (\d+) \|`, "maturity/early_service"},
		{"undetermined reason", `Why undetermined: not a data role (\d+)`, "undetermined/not_data_role"},
		{"technology postings", `\| 1 \| [^|]+ \| (\d+) \|`, "technologies/#1"},
		{"required share", `\| 2 \| [^|]+ \| \d+ \| \d+% \| (\d+)% \|`, "technologies/#2"},
		{"duties share", `\| 4 \| [^|]+ \| \d+ \| \d+% \| \d+% \| \d+% \| (\d+)% \|`, "technologies/#4"},
		{"class table", `### cloud_startup[^\n]*\n\n[^\n]*\n[^\n]*\n\| 1 \| [^|]+ \| (\d+) \|`, "class/cloud_startup/#1"},
		{"role", `\| data\\_engineer \| (\d+) \|`, "roles/#"},
		{"seniority", `\| mid \| (\d+) \|`, "seniority/mid"},
		{"degree", `\| bachelor \| (\d+) \|`, "degree/bachelor"},
	}
	for _, tt := range tamper {
		loc := regexp.MustCompile(tt.re).FindStringSubmatchIndex(md)
		if loc == nil {
			t.Errorf("tamper %s: %s matches nothing in report.md", tt.name, tt.re)
			continue
		}
		n, _ := strconv.Atoi(md[loc[2]:loc[3]])
		bad := md[:loc[2]] + strconv.Itoa(n+1) + md[loc[3]:]
		diffs := diffFacts(reportFacts(bad), want)
		noticed := false
		for _, d := range diffs {
			noticed = noticed || (!baseline[d] && strings.HasPrefix(d, tt.fact))
		}
		if !noticed {
			t.Errorf("tamper %s (%d → %d): diffFacts = %q, want a new difference in %s", tt.name, n, n+1, diffs, tt.fact)
		}
	}
}

func TestSplitRow(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		want []string
	}{
		{`| data\_engineer | 3 | 5 |`, []string{"data_engineer", "3", "5"}},
		{`| a \| b | &lt;script&gt; | \\ |`, []string{"a | b", "<script>", `\`}},
		{`| | |`, []string{"", ""}},
		{`| Title |  | x.txt\#1 |`, []string{"Title", "", "x.txt#1"}},
	}
	for _, tt := range tests {
		if got := splitRow(tt.in); strings.Join(got, "¦") != strings.Join(tt.want, "¦") {
			t.Errorf("splitRow(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
