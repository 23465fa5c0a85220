package extract

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

const corpusDir = "../../shared/corpus"

// corpusFloor is what each source must keep reaching: the share of its
// postings with a requirements section, with a title and company, and
// with years found where the text states them. The floors sit a little
// under what was measured, so a regression fails and noise does not.
type corpusFloor struct {
	requirements, titleCompany, years float64
}

var corpusFloors = map[string]corpusFloor{
	"ko_wanted_jeongsabin":        {0.98, 0.99, 0.96},
	"ko_jumpit_enapeace":          {0.97, 0.98, 0.97},
	"ko_wanted_programmers_2024f": {0.96, 0.98, 0.95},
	"ko_wanted_kdyeon":            {0.97, 0.0, 0.88},  // the scrape has no company field
	"en_linkedin_indeed_2018":     {0.37, 0.98, 0.82}, // free text; many postings have no headings
	"en_glassdoor_ds_2020":        {0.70, 0.98, 0.95},
	"en_nofluffjobs_pl":           {0.05, 0.0, 0.90}, // description block only; no company field
	"en_remoteok_api":             {0.30, 0.95, 0.80},
}

// TestCorpus reads every source in ../shared/corpus and prints, per source,
// how much of it comes out structured. It skips when the corpus is absent.
func TestCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("-short")
	}
	if _, err := os.Stat(corpusDir); err != nil {
		t.Skip("../shared/corpus is not here")
	}
	rd := NewReader(Config{})
	type stat struct {
		read, rejected, req, titleCo, yearsText, yearsFound, degree int
	}
	stats := map[string]*stat{}
	for folder := range corpusFloors {
		files, _ := filepath.Glob(filepath.Join(corpusDir, folder, "*"))
		st := &stat{}
		stats[folder] = st
		for _, f := range files {
			format := FormatOf(f)
			if !IsRecordFormat(format) {
				continue
			}
			fh, err := Open(f)
			if err != nil {
				t.Fatal(err)
			}
			Records(f, format, fh, 16<<20, func(in Input) bool {
				p, err := rd.Parse(in)
				if err != nil {
					st.rejected++
					return true
				}
				st.read++
				if p.HasSection(SectionRequirements) {
					st.req++
				}
				if p.Title != "" && p.Company != "" {
					st.titleCo++
				}
				// Years are looked for where a posting states requirements:
				// not in benefits ("3년 이상 근속"), the company intro or
				// what it only prefers.
				var reqText strings.Builder
				for _, sec := range p.Sections {
					switch sec.Kind {
					case SectionOther, SectionRequirements, SectionResponsibilities:
						reqText.WriteString(p.Text[sec.Start:sec.End])
					}
				}
				low := strings.ToLower(reqText.String() + "\n" + p.Title)
				if strings.Contains(low, "년 이상") || strings.Contains(low, "years of") || strings.Contains(low, "years experience") || strings.Contains(low, "신입") {
					st.yearsText++
					if p.Requirements.HasYears {
						st.yearsFound++
					}
				}
				if p.Requirements.Degree != DegreeUnspecified {
					st.degree++
				}
				return true
			})
			fh.Close()
		}
	}
	names := make([]string, 0, len(stats))
	for n := range stats {
		names = append(names, n)
	}
	sort.Strings(names)
	share := func(a, b int) float64 {
		if b == 0 {
			return 1
		}
		return float64(a) / float64(b)
	}
	var table strings.Builder
	fmt.Fprintf(&table, "%-28s %6s %5s %13s %14s %11s %7s\n", "source", "read", "rej", "requirements", "title+company", "years/text", "degree")
	for _, n := range names {
		s := stats[n]
		fmt.Fprintf(&table, "%-28s %6d %5d %12.1f%% %13.1f%% %10.1f%% %6.1f%%\n", n, s.read, s.rejected,
			100*share(s.req, s.read), 100*share(s.titleCo, s.read), 100*share(s.yearsFound, s.yearsText), 100*share(s.degree, s.read))
		f := corpusFloors[n]
		if got := share(s.req, s.read); got < f.requirements {
			t.Errorf("%s: %.3f of postings have a requirements section, floor %.2f", n, got, f.requirements)
		}
		if got := share(s.titleCo, s.read); got < f.titleCompany {
			t.Errorf("%s: %.3f of postings have a title and company, floor %.2f", n, got, f.titleCompany)
		}
		if got := share(s.yearsFound, s.yearsText); got < f.years {
			t.Errorf("%s: years found in %.3f of postings that state them, floor %.2f", n, got, f.years)
		}
	}
	t.Logf("corpus extraction:\n%s", table.String())
}

// TestSiteTagRecall checks the matcher against the job sites' own tech
// tags (Wanted skill_stack, Jumpit 기술스택, Programmers tech_stack): the
// tags are noisy, so only a tag the taxonomy knows and whose spelling also
// stands in the posting's text counts, and the test reports recall.
func TestSiteTagRecall(t *testing.T) {
	if testing.Short() {
		t.Skip("-short")
	}
	if _, err := os.Stat(corpusDir); err != nil {
		t.Skip("../shared/corpus is not here")
	}
	tax, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	m := NewMatcher(tax)
	rd := NewReader(Config{})
	floors := map[string]float64{"ko_wanted_jeongsabin": 0.97, "ko_jumpit_enapeace": 0.97, "ko_wanted_programmers_2024f": 0.95}
	var table strings.Builder
	for _, folder := range []string{"ko_wanted_jeongsabin", "ko_jumpit_enapeace", "ko_wanted_programmers_2024f"} {
		files, _ := filepath.Glob(filepath.Join(corpusDir, folder, "*"))
		found, total := 0, 0
		missed := map[string]int{}
		for _, f := range files {
			format := FormatOf(f)
			if !IsRecordFormat(format) {
				continue
			}
			fh, err := Open(f)
			if err != nil {
				t.Fatal(err)
			}
			Records(f, format, fh, 16<<20, func(in Input) bool {
				p, err := rd.Parse(in)
				if err != nil || len(p.SiteTags) == 0 {
					return true
				}
				got := map[string]bool{}
				for _, s := range m.Match(p) {
					got[s.ID] = true
				}
				low := strings.ToLower(p.Text)
				for _, tag := range p.SiteTags {
					e, ok := tax.Resolve(tag)
					if !ok || e.Kind != "technology" || !containsToken(low, strings.ToLower(tag)) {
						continue
					}
					total++
					if got[e.ID] {
						found++
					} else {
						missed[e.Name]++
					}
				}
				return true
			})
			fh.Close()
		}
		recall := float64(found) / float64(max(total, 1))
		fmt.Fprintf(&table, "%-28s %5d tags in text, recall %.3f; most missed: %v\n", folder, total, recall, topMissed(missed, 5))
		if recall < floors[folder] {
			t.Errorf("%s: recall against site tags %.3f, floor %.2f", folder, recall, floors[folder])
		}
	}
	t.Logf("site-tag recall:\n%s", table.String())
}

// containsToken reports whether tag stands in text as a whole token: not
// "git" in "github", "sql" in "mysql", "r" in "for".
func containsToken(text, tag string) bool {
	for from := 0; ; {
		i := strings.Index(text[from:], tag)
		if i < 0 {
			return false
		}
		i += from
		j := i + len(tag)
		if (i == 0 || !isAlnum(text[i-1])) && (j == len(text) || !isAlnum(text[j]) && text[j] != '+' && text[j] != '#') {
			return true
		}
		from = i + 1
	}
}

func topMissed(m map[string]int, n int) []string {
	type kv struct {
		k string
		v int
	}
	var all []kv
	for k, v := range m {
		all = append(all, kv{k, v})
	}
	sort.Slice(all, func(i, j int) bool { return all[i].v > all[j].v || all[i].v == all[j].v && all[i].k < all[j].k })
	var out []string
	for i, x := range all {
		if i == n {
			break
		}
		out = append(out, fmt.Sprintf("%s×%d", x.k, x.v))
	}
	return out
}
