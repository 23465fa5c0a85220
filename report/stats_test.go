package report

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/jobstack/jobstack/classify"
	"github.com/jobstack/jobstack/extract"
)

func TestPairCounter(t *testing.T) {
	c := NewPairCounter()
	c.AddAll([]string{"Airflow", "Spark", "dbt"})
	c.AddAll([]string{"Airflow", "Spark"})
	c.AddAll([]string{"Kafka"})
	if c.Len() != 3 {
		t.Errorf("Len = %d, want 3", c.Len())
	}
	got := c.Top(2)
	want := []KV{{"Airflow + Spark", 2}, {"Airflow + dbt", 1}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Top(2) = %v, want %v", got, want)
	}
}

// TestPairCounterManyNames checks the counter against a plain map of
// "A + B" keys over more names than the dense triangle holds, so pairs
// land in both the triangle and the map.
func TestPairCounterManyNames(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 11))
	c := NewPairCounter()
	want := Counter{}
	for range 400 {
		seen := map[string]bool{}
		var names []string
		for range 2 + r.IntN(30) {
			n := fmt.Sprintf("tech%04d", r.IntN(3*denseIDs/2))
			if !seen[n] {
				seen[n] = true
				names = append(names, n)
			}
		}
		names = append(names, names[0]) // a repeat makes no pair
		c.AddAll(names)
		sort.Strings(names)
		for i, a := range names {
			for _, b := range names[i+1:] {
				if a != b {
					want[a+" + "+b]++
				}
			}
		}
	}
	if c.Len() != len(want) {
		t.Errorf("Len = %d, want %d", c.Len(), len(want))
	}
	if len(c.counts) == 0 || c.n == len(c.counts) {
		t.Fatalf("want pairs in both the triangle and the map; map has %d of %d", len(c.counts), c.n)
	}
	if got := c.Top(0); !reflect.DeepEqual(got, want.Top(0)) {
		t.Errorf("Top(0) differs from the plain count: %d against %d pairs", len(got), len(want))
	}
}

// The reports list every value the labels take, in the labels' order: a
// class, seniority or degree added upstream and missing here would be
// counted and never shown.
func TestReportOrdersMatchLabels(t *testing.T) {
	t.Parallel()
	if want := append(slices.Clone(classify.Classes), classify.Undetermined); !slices.Equal(classOrder, want) {
		t.Errorf("classOrder %v, want %v", classOrder, want)
	}
	if !slices.Equal(seniorityOrder, classify.Seniorities) {
		t.Errorf("seniorityOrder %v, want %v", seniorityOrder, classify.Seniorities)
	}
	var degrees []string
	for d := extract.DegreeNone; d <= extract.DegreePhD; d++ {
		degrees = append(degrees, d.String())
	}
	if degrees = append(degrees, extract.DegreeUnspecified.String()); !slices.Equal(degreeOrder, degrees) {
		t.Errorf("degreeOrder %v, want %v", degreeOrder, degrees)
	}
	// Every bucket Add puts a years_min in is listed.
	s := NewStats()
	for y := range int32(40) {
		s.Add(&PostingRow{YearsMin: &y}, nil, nil)
	}
	s.Add(&PostingRow{}, nil, nil)
	if len(s.Years) != 12 {
		t.Errorf("years buckets %v, want 12", s.Years)
	}
	for k := range s.Years {
		if !slices.Contains(yearsOrder, k) {
			t.Errorf("years bucket %q is not in yearsOrder %v", k, yearsOrder)
		}
	}
}

func TestCompanyKey(t *testing.T) {
	t.Parallel()
	// Each group is one company's spellings; no two groups share a key.
	groups := [][]string{
		{"넛지헬스케어", "넛지헬스케어(캐시워크)", " 넛지헬스케어 (캐시워크) ", "(주)넛지헬스케어", "㈜ 넛지헬스케어", "넛지헬스케어 주식회사"},
		{"Electronic Arts", "Electronic Arts (EA)", "ELECTRONIC  ARTS, Inc."},
		{"Grand Rounds", "Grand Rounds, Inc.", "Grand Rounds Inc"},
		{"Samsung", "Samsung Co., Ltd.", "Samsung Corporation", "SAMSUNG LTD"},
		{"Walt Disney", "Walt Disney Company"},
		{"Inc."}, // a name that is only a legal form keeps it
		{"(주)"},
		{"Company"},
		{"Intel Capital"},
		{"Intel"},
	}
	seen := map[string]int{}
	for gi, g := range groups {
		want := companyKey(g[0])
		if want == "" {
			t.Errorf("companyKey(%q) is empty", g[0])
		}
		for _, name := range g[1:] {
			if got := companyKey(name); got != want {
				t.Errorf("companyKey(%q) = %q, want %q as for %q", name, got, want, g[0])
			}
		}
		if other, ok := seen[want]; ok {
			t.Errorf("groups %v and %v share the key %q", groups[other], g, want)
		}
		seen[want] = gi
	}
}

func TestCompanySpellings(t *testing.T) {
	t.Parallel()
	st := NewStats()
	for _, name := range []string{"Nudge(캐시워크)", "nudge", "Nudge(캐시워크)", "Other", "Other"} {
		st.Add(&PostingRow{Company: name, Maturity: "undetermined"}, []SkillRow{{Skill: "SQL", Kind: "technology"}}, nil)
	}
	rows := topCompanies(st, 50)
	if len(rows) != 2 {
		t.Fatalf("rows = %+v, want 2 companies", rows)
	}
	// The spelling most postings use names the company, whichever came first.
	if rows[0].Name != "Nudge(캐시워크)" || rows[0].Postings != 3 || rows[0].Stack[0] != (KV{"SQL", 3}) {
		t.Errorf("first row = %+v, want Nudge(캐시워크) with 3 postings, SQL in 3", rows[0])
	}
	if rows[1].Name != "Other" || rows[1].Postings != 2 {
		t.Errorf("second row = %+v, want Other with 2 postings", rows[1])
	}
}

func TestCompanyStackList(t *testing.T) {
	t.Parallel()
	st := NewStats()
	var skills []SkillRow
	for i := range companyStack + 3 {
		skills = append(skills, SkillRow{Skill: fmt.Sprintf("T%02d", i), Kind: "technology"})
	}
	st.Add(&PostingRow{Company: "A", Maturity: "cloud_startup"}, skills, nil)
	st.Add(&PostingRow{Company: "A", Maturity: "undetermined"}, skills[3:4], nil)
	rows := topCompanies(st, 50)
	if len(rows) != 1 {
		t.Fatalf("rows = %+v", rows)
	}
	got := kvList(rows[0].Stack, rows[0].More, same)
	if !strings.HasPrefix(got, "T03 2, T00 1, T01 1") || !strings.HasSuffix(got, " and 3 more") {
		t.Errorf("stack = %q, want T03 first with 2 postings and 3 left out", got)
	}
	if votes := kvList(rows[0].Votes, 0, same); votes != "cloud_startup 1, undetermined 1" {
		t.Errorf("votes = %q", votes)
	}
}
