package report

import (
	"math"
	"sort"
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
