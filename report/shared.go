package report

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
)

// The orders in which both reports list seniorities, years of experience
// and degrees: the labels' own order (classify.Seniorities, extract's
// degrees lowest first), each with its "not stated" value last.
var (
	seniorityOrder = []string{"junior", "mid", "senior", "lead", "unspecified"}
	yearsOrder     = []string{"0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10+", "unstated"}
	degreeOrder    = []string{"none", "bachelor", "master", "phd", "unspecified"}
)

// lift is one technology over-represented in a maturity class.
type lift struct {
	Tech    string
	Lift    float64 // rounded to one decimal, as the reports print it
	InClass int     // postings of the class that mention it
	Outside int     // postings of other classes that mention it
}

// distinctiveLifts lists the technologies most over-represented in a class:
// lift = (share of class postings) / (share of other postings), smoothed,
// for technologies in at least 2 postings of the class and with a lift of at
// least 1.2; at most n, highest lift first, ties by name. Both reports use
// it, each escaping the names for its own format.
func distinctiveLifts(st *Stats, class string, n int) []lift {
	inClass := st.Maturity[class]
	others := st.Postings - inClass
	if inClass == 0 || others == 0 {
		return nil
	}
	type lf struct {
		t    string
		lift float64
		a, b int
	}
	var all []lf
	for t, ts := range st.Tech {
		a := ts.ByClass[class]
		if a < 2 {
			continue
		}
		b := ts.Postings - a
		l := (float64(a) / float64(inClass)) / ((float64(b) + 0.5) / float64(others))
		all = append(all, lf{t, l, a, b})
	}
	sort.Slice(all, func(i, j int) bool {
		if all[i].lift != all[j].lift {
			return all[i].lift > all[j].lift
		}
		return all[i].t < all[j].t
	})
	var out []lift
	for i, x := range all {
		if i == n || x.lift < 1.2 {
			break
		}
		out = append(out, lift{Tech: x.t, Lift: math.Round(x.lift*10) / 10, InClass: x.a, Outside: x.b})
	}
	return out
}

// companyRow is one line of the companies table.
type companyRow struct {
	Name     string // the spelling most of its postings use
	Postings int
	Votes    []KV // postings per maturity class, most first
	Stack    []KV // postings per technology, most first, at most companyStack
	More     int  // technologies left out of Stack
}

// companyStack is how many of a company's technologies the table names.
const companyStack = 12

// topCompanies lists the companies with two or more postings, most
// postings first (ties by name), at most n. Both reports use it.
func topCompanies(st *Stats, n int) []companyRow {
	var rows []companyRow
	for _, c := range st.Companies {
		if c.Postings >= 2 {
			rows = append(rows, companyRow{Name: c.Display(), Postings: c.Postings})
			r := &rows[len(rows)-1]
			r.Votes = c.Maturity.Top(0)
			r.Stack = c.Stack.Top(companyStack)
			r.More = len(c.Stack) - len(r.Stack)
		}
	}
	sort.Slice(rows, func(i, j int) bool {
		if rows[i].Postings != rows[j].Postings {
			return rows[i].Postings > rows[j].Postings
		}
		return rows[i].Name < rows[j].Name
	})
	if len(rows) > n {
		rows = rows[:n]
	}
	return rows
}

// kvList writes counts as "Python 12, SQL 9", each name passed through
// escape, and "and 3 more" when more were left out.
func kvList(kvs []KV, more int, escape func(string) string) string {
	var b strings.Builder
	for i, kv := range kvs {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(escape(kv.Key))
		b.WriteByte(' ')
		b.WriteString(strconv.Itoa(kv.N))
	}
	if more > 0 {
		fmt.Fprintf(&b, " and %d more", more)
	}
	return b.String()
}

// The companies table's introduction and its note for a run that met more
// companies than the table tracks, in both reports.
var (
	companiesIntro = "Companies with two or more postings, their maturity vote and the technologies their postings name most, " +
		"with the number of postings naming each. Spellings of one name count as one company: case, a legal form " +
		"(Inc., LLC, Corporation, Co., Ltd., (주), 주식회사) and a bracketed alias at the end (넛지헬스케어(캐시워크), Electronic Arts (EA))."
	companiesCappedNote = fmt.Sprintf("The run met more than %d companies; postings of companies met after that are not in this table.", maxCompanies)
)

// same is the escape of text that needs none.
func same(s string) string { return s }

// rejectFilesIntro heads the list of files with the most rejected inputs.
const rejectFilesIntro = "Files that lost the most records (a file whose records all fail the same way usually needs `--map`; `rejects.jsonl` has each one):"
