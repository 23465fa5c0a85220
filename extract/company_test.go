package extract

import (
	"strings"
	"testing"
)

func TestCompanyFromText(t *testing.T) {
	long := strings.Repeat("We build tools for data teams and ship them weekly. ", 100)
	for _, c := range []struct{ name, text, want string }{
		{"label", "Senior Data Engineer\n회사명: 펀디랩\n주요업무", "펀디랩"},
		{"english label", "Data Analyst\nHiring Company : Brambleford Outdoor\n", "Brambleford Outdoor"},
		{"label not at the start", "Data Analyst\nAbout the company: we sell shoes\n", ""},
		{"korean marker", "데이터 엔지니어\n주식회사 루미너리커머스 채용\n", "주식회사 루미너리커머스"},
		{"latin suffix", "Data Engineer\nParcelwise Inc. is hiring\n", "Parcelwise Inc."},
		{"co ltd", "Data Engineer\nat Hanbit Soft Co., Ltd. we build\n", "Hanbit Soft Co., Ltd."},
		{"inside a long line", "Data Engineer\n" + long + "join Acme Analytics, LLC (remote). " + long, "Acme Analytics, LLC"},
		{"suffix before a bracket", "Data Engineer\nOrbital Labs Inc/remote\n", "Orbital Labs Inc"},
		{"first run without a name", "Data Engineer\nsee Inc magazine (2019); Tellurian Corp. is hiring\n", "Tellurian Corp."},
		{"tab before the suffix", "Data Engineer\nFernhill\tGmbH\n", "Fernhill\tGmbH"},
		{"no company", "Data Engineer\n" + long, ""},
	} {
		if got := companyFromText(c.text); got != c.want {
			t.Errorf("%s: companyFromText = %q, want %q", c.name, got, c.want)
		}
	}
}

// TestLatinCompanyAsWholeLine holds latinCompany, which runs companyLatin
// on stretches of a line, to running it on the whole line, over the lines
// of the corpus with a suffix word (skipped without it) and some made up.
// The two differ only in a character after the suffix, which the whole
// line's match may include and latinCompany leaves out.
func TestLatinCompanyAsWholeLine(t *testing.T) {
	lines := corpusLines("en_*", func(l string) bool {
		for _, w := range []string{" Inc", " Corp", " LLC", " Ltd", " Co.", " GmbH", " S.A.", " Pte"} {
			if strings.Contains(l, w) {
				return true
			}
		}
		return false
	})
	lines = append(lines, "Acme Inc", "by ACME Corp.", "a, b, c Inc, d", "Zed & Co., Ltd.", "x Inc(y) Wyvern LLC;")
	// Suffix words at every offset of an eight-byte word, after capitals
	// and Korean that are not one.
	for k := range 17 {
		pad := strings.Repeat("x", k)
		lines = append(lines, pad+" Acme Inc", pad+"Q Zeta LLC", "데이터"+pad+" Beta GmbH", pad+"ABCDEFGH Co. Ltd", "Intel "+pad+" Inca Corp.")
	}
	differ := 0
	for _, l := range lines {
		want := companyLatin.FindString(l)
		want = strings.TrimSpace(strings.TrimRight(want, " ,;:)"))
		got := latinCompany(l)
		if got != want {
			if trimmed := strings.TrimRightFunc(want, func(r rune) bool { return r >= 0x80 || !latinNameByte(byte(r)) }); got == trimmed && got != "" {
				if differ < 8 {
					t.Logf("%q vs %q", got, want)
				}
				differ++
				continue
			}
			t.Errorf("latinCompany(%.80q…) = %q, whole line %q", l, got, want)
		}
	}
	t.Logf("%d lines, %d differ only after the suffix", len(lines), differ)
}
