package extract

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// TestFindAllNear checks that the windowed search finds exactly what the
// full-line search finds, on crafted lines, on random lines of the years
// pattern's pieces and on a third of the corpus lines that mention "year" or
// a currency (skipped without ../shared/corpus).
func TestFindAllNear(t *testing.T) {
	lines := []string{
		"5+ years of experience", "at least two years, ideally 3-5 years in data", "years", "Year 2020: 3 years",
		"minimum of 3 years of professional experience; 10 years old company; over 7 years with Spark",
		"We have been around for 20 years. You have 3 or more years building pipelines and 2+ years in Go.",
		"(3) years", "three to five years", "at leaſt 5 years", "AT LEAST  twoto 3 years", "$120,000 - $150,000 a year", "15 000 - 20 000 PLN/month", "$50-60/hour", "USD 90k to 120k",
		"tools and 3-5 years, pay €60k–€80k per year", "Salary: 100 - 200 thousand", "-5 to -3", "to", strings.Repeat("x ", 200) + "4 years" + strings.Repeat(" y", 200),
	}
	n := 0
	corpus := corpusLines("en_*", func(l string) bool {
		n++
		if n%3 != 0 {
			return false // a third of the lines keeps the test quick under -race
		}
		low := strings.ToLower(l)
		return strings.Contains(low, "year") || strings.ContainsAny(l, "$€£") || strings.Contains(low, "pln") || strings.Contains(low, "eur")
	})
	if len(corpus) == 0 {
		t.Log("../shared/corpus not found: crafted lines only")
	}
	lines = append(lines, corpus...)
	// Random lines of enYears's own pieces, glued and spaced every way,
	// with the letters (?i) folds ("ſ" is "s") and the spaces it does not
	// take (no-break space, vertical tab).
	pieces := []string{"at", "least", "leaſt", "min", "min.", "minimum", "of", "over", "more", "than", "(", ")", "3", "12", "123",
		"two", "twelve", "TWO", "to", "-", "–", "—", "+", "or", "year", "years", "Years", "yearly", "5years", "experience",
		" ", " ", " ", "  ", "\t", "\f", "\v", "\u00a0", "x", "a", ".", ",", "s"}
	r := rand.New(rand.NewPCG(31, 32))
	for range 100000 {
		lines = append(lines, randomMix(r, pieces, r.IntN(16)))
	}
	// And of fxRange's pieces, with what (?i) folds into its letters
	// ("ſ" is "s", the Kelvin sign "k", "Ł" "ł") and words that put a
	// hyphen or "to" next to letters.
	fxPieces := []string{"$", "€", "£", "usd", "USD", "uſd", "eur", "EUR", "pln", "PLN", "gbp", "zł", "ZŁ", "k", "K", "K",
		"5", "120,000", "15 000", ".5", "3.5", "-", "–", "to", "TO", "tool", "into", "/", "per", "an", "a", "hour", "year", "mo",
		" ", " ", "\t", "\v", "\u00a0", "x", "pay", "Bundesland", "e-mail"}
	for range 20000 {
		lines = append(lines, randomMix(r, fxPieces, r.IntN(14)))
	}
	// Every byte either side of a separator may start or end: a currency
	// or a "k" before, a currency after, in each case (?i) folds.
	for _, cur := range []string{"k", "K", "\u212a", "usd", "USD", "uſd", "eur", "Eur", "pln", "PLN", "gbp", "GBP", "zł", "ZŁ", "Zł", "$", "€", "£"} {
		for _, sep := range []string{"-", " - ", "–", " to ", "TO"} {
			lines = append(lines, "5 "+cur+sep+"6", "5"+cur+sep+cur+"6", "5"+sep+cur+" 6", "x "+cur+sep+cur+" 6 x")
		}
	}
	for _, l := range lines {
		low := asciiLower(l)
		if got, want := first(findFirstNear(fxRange, l, low, 64, fxSeparator)), fxRange.FindStringSubmatch(l); !slices.Equal(got, want) {
			t.Fatalf("salary in %q:\n got %q\nwant %q", snippet(l, 300), got, want)
		}
		want := enYears.FindAllStringSubmatchIndex(l, -1)
		got := findAllNear(enYears, l, asciiLower(l), "year", yearsBefore, yearsAfter, yearsStart)
		if !slices.EqualFunc(got, want, slices.Equal[[]int]) {
			t.Fatalf("line %q:\n got %v\nwant %v", snippet(l, 300), got, want)
		}
	}
	t.Logf("%d lines agree", len(lines))
}

// TestLineWords checks the one-walk phrases of a text's lines against
// scanning each line, each part of a line and the whole text, and the
// salary read from the lines with a pay word or currency against
// ParseSalary of the whole text, on the sample postings and on random
// text.
func TestLineWords(t *testing.T) {
	for _, w := range reqWords.words {
		if strings.Contains(w, "\n") {
			t.Fatalf("phrase %q holds a newline: lines cannot be scanned apart", w)
		}
	}
	var texts []string
	for _, p := range samplePostings(t) {
		texts = append(texts, p.Text)
	}
	if len(texts) < 20 {
		t.Fatalf("only %d sample postings parsed", len(texts))
	}
	r := rand.New(rand.NewPCG(19, 20))
	pieces := []string{"연봉 ", "4,000~6,000만원", "월 300만원", "$120,000 - $150,000", "USD", "pay", "정규직", "full-time", "Remote", "재택", "경력 3년 이상", "학력 무관", "우대", "\n", "\n\n", " ", "x"}
	for range 300 {
		texts = append(texts, randomMix(r, pieces, r.IntN(30)))
	}
	extras := [][]string{nil, {"경력 5년"}, {"연봉 5000만원 이상\n학력 무관"}, {"학력 석사", "salary $100k-$120k"}}
	for k, text := range texts {
		lw := scanLines(text)
		if got, want := lw.all(), reqWords.scan(text); got != want {
			t.Fatalf("text %d: all lines %v, whole scan %v", k, got, want)
		}
		for i, line := range strings.Split(text, "\n") {
			if lw.line(i) != line || lw.masks[i] != reqWords.scan(line) {
				t.Fatalf("text %d line %d: %q %v, want %q %v", k, i, lw.line(i), lw.masks[i], line, reqWords.scan(line))
			}
		}
		// Random spans, with the cursor left wherever the last one put it,
		// and then each line in order from a cursor at the start.
		at := 0
		for range 20 {
			lo := r.IntN(len(text) + 1)
			hi := lo + r.IntN(len(text)-lo+1)
			if r.IntN(2) == 0 {
				hi = lo + max(0, strings.IndexByte(text[lo:], '\n'))
			}
			if got, want := lw.words(&at, lo, text[lo:hi]), reqWords.scan(text[lo:hi]); got != want {
				t.Fatalf("text %d [%d:%d]: %v, want %v", k, lo, hi, got, want)
			}
		}
		at = 0
		for i, off := 0, 0; i < len(lw.starts); i++ {
			line, _, _ := strings.Cut(text[off:], "\n")
			if got, want := lw.words(&at, off, line), reqWords.scan(line); got != want || (line != "" && at != i) {
				t.Fatalf("text %d line %d in order: %v at %d, want %v", k, i, got, at, want)
			}
			off += len(line) + 1
		}
		extra := extras[k%len(extras)]
		all := text
		if len(extra) > 0 {
			all = strings.Join(extra, "\n") + "\n" + text
		}
		if got, want := salaryInLines(extra, lw), ParseSalary(all); got != want {
			t.Fatalf("text %d: salary %+v, want %+v", k, got, want)
		}
	}
}

// TestKoYearsReference compares the hand matchers of Korean years with
// the regexps they stand for, on random lines of the pieces the patterns
// are made of (digit runs, white space, 년, 차, the range marks and the
// "at least" words) and on the corpus's Korean lines with 년.
func TestKoYearsReference(t *testing.T) {
	t.Parallel()
	pieces := []string{"1", "23", "456", "7", " ", "  ", "\t", "\n", "\f", "\v", "년", "차", "이상", "이", "↑", "+", "以上", "以", "~", "-", "–", "〜", "—", "경력", "a", "년차", "3년", "년 ", "5~7년"}
	r := rand.New(rand.NewPCG(11, 12))
	var lines []string
	for range 100000 {
		lines = append(lines, randomMix(r, pieces, r.IntN(10)))
	}
	lines = append(lines, corpusLines("ko_*", func(l string) bool { return strings.Contains(l, "년") })...)
	for _, l := range lines {
		var want, got []string
		for _, m := range koYearsMin.FindAllStringSubmatch(l, -1) {
			want = append(want, m[1])
		}
		for y := range koYearsMinMatches(l) {
			got = append(got, y)
		}
		if !slices.Equal(got, want) {
			t.Fatalf("koYearsMin in %q: got %q, want %q", l, got, want)
		}
		want, got = nil, nil
		for _, m := range koYearsRange.FindAllStringSubmatch(l, -1) {
			want = append(want, m[1], m[2])
		}
		for m := range koYearsRangeMatches(l) {
			got = append(got, m[0], m[1])
		}
		if !slices.Equal(got, want) {
			t.Fatalf("koYearsRange in %q: got %q, want %q", l, got, want)
		}
	}
}

// first is the first of two results.
func first[T, U any](t T, _ U) T { return t }
