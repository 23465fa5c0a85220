package extract

import (
	"encoding/json"
	"fmt"
	"math"
	"strings"
)

// jobPosting is the part of a schema.org JobPosting that jobstack reads.
type jobPosting struct {
	title, company, description, url string
	datePosted, validThrough         string
	employmentType, location, remote string
	experience, education, industry  string
	responsibilities, qualifications string
	skills                           string
	salary                           Salary
}

// findJobPosting looks for a JobPosting in JSON-LD blocks: a single object,
// an array, or an @graph. Blocks that are not valid JSON are skipped (pages
// carry broken JSON-LD more often than one would hope). pageTitles are the
// page's own titles (<title>, <h1>, og:title), which choose among several
// postings; see choosePosting.
func findJobPosting(blocks [][]byte, pageTitles ...string) (*jobPosting, bool) {
	var found []map[string]any
	for _, b := range blocks {
		if v, ok := decodeJSONLD(b); ok {
			found = findTypes(v, "JobPosting", 0, found)
		}
	}
	if len(found) == 0 {
		return nil, false
	}
	return readJobPosting(choosePosting(found, pageTitles)), true
}

// choosePosting picks the page's posting when its JSON-LD holds several (an
// @graph or array of a site's openings, or a block of related jobs beside
// the page's own). One HTML file is one posting, so they are not split.
// The posting whose title the page's titles contain wins, the longest such
// title if several do, so that "Data Engineer" does not beat "Senior Data
// Engineer" on the latter's page. When none is named, or on a tie, the
// first wins, in the order of the blocks and within a block.
func choosePosting(found []map[string]any, pageTitles []string) map[string]any {
	if len(found) == 1 {
		return found[0]
	}
	var page []string
	for _, t := range pageTitles {
		if t = strings.ToLower(collapseSpace(Normalize(t))); t != "" {
			page = append(page, t)
		}
	}
	best, bestLen := found[0], 0
	for _, o := range found {
		t := strings.ToLower(cleanTitle(str(o["title"])))
		if len(t) <= bestLen {
			continue
		}
		for _, p := range page {
			if strings.Contains(p, t) {
				best, bestLen = o, len(t)
				break
			}
		}
	}
	return best
}

// decodeJSONLD decodes one block, which must hold exactly one JSON value.
// Numbers are kept as json.Number and converted where they are read (see
// number), so one that does not fit a float64, such as 1e999, is a single
// absent value: json.Unmarshal would fail the whole block for it, and with
// it the title, company and description.
func decodeJSONLD(b []byte) (any, bool) {
	v, err := decodeNumbers(b)
	return v, err == nil
}

// number is a JSON-LD number as a float64; false when v is not a number or
// does not fit a float64.
func number(v any) (float64, bool) {
	switch n := v.(type) {
	case float64:
		return n, true
	case json.Number:
		f, err := n.Float64()
		return f, err == nil
	}
	return 0, false
}

// findTypes appends to found the objects of type typ in v, in order: v
// itself, the elements of an array, or the members of an @graph. The
// objects inside one of type typ are not searched.
func findTypes(v any, typ string, depth int, found []map[string]any) []map[string]any {
	if depth > 8 {
		return found
	}
	switch x := v.(type) {
	case []any:
		for _, e := range x {
			found = findTypes(e, typ, depth+1, found)
		}
	case map[string]any:
		if isType(x["@type"], typ) {
			return append(found, x)
		}
		if g, ok := x["@graph"]; ok {
			return findTypes(g, typ, depth+1, found)
		}
	}
	return found
}

func isType(t any, typ string) bool {
	switch x := t.(type) {
	case string:
		return strings.EqualFold(strings.TrimPrefix(x, "schema:"), typ) || strings.HasSuffix(x, "/"+typ)
	case []any:
		for _, e := range x {
			if isType(e, typ) {
				return true
			}
		}
	}
	return false
}

// str flattens a JSON-LD value into text: strings as they are, objects by
// their name or value, arrays joined.
func str(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return strings.TrimSpace(x)
	case float64, json.Number:
		f, ok := number(x)
		if !ok {
			return ""
		}
		return strings.TrimSuffix(strings.TrimRight(fmt.Sprintf("%f", f), "0"), ".")
	case bool:
		if x {
			return "true"
		}
		return "false"
	case []any:
		parts := make([]string, 0, len(x))
		for _, e := range x {
			if s := str(e); s != "" {
				parts = append(parts, s)
			}
		}
		return strings.Join(parts, ", ")
	case map[string]any:
		for _, k := range []string{"name", "value", "@value", "text", "description"} {
			if s := str(x[k]); s != "" {
				return s
			}
		}
	}
	return ""
}

func readJobPosting(o map[string]any) *jobPosting {
	j := &jobPosting{
		title:            str(o["title"]),
		company:          str(o["hiringOrganization"]),
		description:      str(o["description"]),
		url:              str(o["url"]),
		datePosted:       str(o["datePosted"]),
		validThrough:     str(o["validThrough"]),
		employmentType:   str(o["employmentType"]),
		industry:         str(o["industry"]),
		responsibilities: str(o["responsibilities"]),
		qualifications:   str(o["qualifications"]),
		skills:           str(o["skills"]),
	}
	if strings.EqualFold(str(o["jobLocationType"]), "TELECOMMUTE") {
		j.remote = "remote"
	}
	j.location = locationOf(o["jobLocation"])
	switch e := o["experienceRequirements"].(type) {
	case map[string]any:
		// A negative count, or one past any career (which would not even
		// fit an int), is no stated experience rather than a sign lost
		// or a nonsense number of years.
		if m, ok := number(e["monthsOfExperience"]); ok && m >= 0 && m <= 100*12 {
			j.experience = fmt.Sprintf("경력 %d년 이상 experience", int(m/12))
		} else {
			j.experience = str(e)
		}
	default:
		j.experience = str(e)
	}
	switch e := o["educationRequirements"].(type) {
	case map[string]any:
		j.education = str(e["credentialCategory"])
		if j.education == "" {
			j.education = str(e)
		}
	default:
		j.education = str(e)
	}
	j.salary = salaryOf(o["baseSalary"])
	return j
}

func locationOf(v any) string {
	switch x := v.(type) {
	case []any:
		parts := []string{}
		for _, e := range x {
			if s := locationOf(e); s != "" {
				parts = append(parts, s)
			}
		}
		return strings.Join(parts, "; ")
	case map[string]any:
		if a, ok := x["address"].(map[string]any); ok {
			parts := []string{}
			for _, k := range []string{"streetAddress", "addressLocality", "addressRegion", "addressCountry"} {
				if s := str(a[k]); s != "" {
					parts = append(parts, s)
				}
			}
			return strings.Join(parts, ", ")
		}
		return str(x)
	case string:
		return x
	}
	return ""
}

// salaryOf reads a schema.org MonetaryAmount.
func salaryOf(v any) Salary {
	o, ok := v.(map[string]any)
	if !ok {
		return Salary{}
	}
	cur := strings.ToUpper(str(o["currency"]))
	val, _ := o["value"].(map[string]any)
	if val == nil {
		// A MonetaryAmount's value may be the amount itself ("value":
		// 50000), with no QuantitativeValue and so no unit: a year's.
		switch o["value"].(type) {
		case float64, json.Number, string:
			val = map[string]any{"value": o["value"], "unitText": o["unitText"]}
		default:
			return Salary{}
		}
	}
	num := func(k string) float64 {
		if n, ok := val[k].(string); ok {
			return parseAmount(n)
		}
		n, _ := number(val[k])
		return n
	}
	unit := strings.ToUpper(str(val["unitText"]))
	mult, period := 1.0, "year"
	switch unit {
	case "HOUR":
		mult, period = 2080, "hour"
	case "DAY":
		mult, period = 260, "day"
	case "WEEK":
		mult, period = 52, "week"
	case "MONTH":
		mult, period = 12, "month"
	}
	// minValue and maxValue are the two ends of one range, and sites and
	// scrapers swap them, so they are put in order. A bound that is zero,
	// negative or not a finite amount (a string such as "NaN" or "1e999",
	// or one that overflows once made yearly) is no bound: the other one
	// stands alone, as a lone minValue always has, and with neither the
	// single value is read; without any the posting states no salary.
	// Text keeps the bounds as the page gave them.
	usable := func(x float64) bool { return x > 0 && !math.IsInf(x*mult, 0) }
	lo, hi := num("minValue"), num("maxValue")
	switch {
	case usable(lo) && usable(hi):
		lo, hi = min(lo, hi), max(lo, hi)
	case usable(lo):
		hi = lo
	case usable(hi):
		lo = hi
	default:
		lo = num("value")
		hi = lo
	}
	if !usable(lo) || cur == "" {
		return Salary{}
	}
	amount := str(val["value"])
	if a, b := str(val["minValue"]), str(val["maxValue"]); a != "" || b != "" {
		amount = strings.Trim(a+"–"+b, "–")
	}
	return Salary{Min: lo * mult, Max: hi * mult, Currency: cur, Period: period,
		Text: fmt.Sprintf("%s %s per %s", cur, amount, period)}
}
