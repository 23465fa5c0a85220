package extract

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestHasFunctionWord checks the word scan against splitting the lowered
// line into runs of letters and apostrophes, on known lines and on random
// mixes of words, case, punctuation and Korean.
func TestHasFunctionWord(t *testing.T) {
	byFields := func(line string) bool {
		for _, w := range strings.FieldsFunc(asciiLower(line), func(r rune) bool { return !(r >= 'a' && r <= 'z') && r != '\'' }) {
			if englishFunctionWords[w] {
				return true
			}
		}
		return false
	}
	for line, want := range map[string]bool{
		"Build pipelines with Spark":        true,
		"THE TEAM":                          true,
		"Kafka, Spark, Airflow":             false,
		"데이터 파이프라인 and 대시보드":                true,
		"Theory of everything":              true,
		"Theory":                            false,
		"you're":                            false,
		"experienceexperienceexperience is": true,
		"":                                  false,
	} {
		if got := hasFunctionWord(line); got != want {
			t.Errorf("hasFunctionWord(%q) = %v, want %v", line, got, want)
		}
	}
	pieces := []string{"the", "THE", "The", "a", "An", "experience", "experiences", "team's", "x", "Spark", "데이터", " ", ",", "'", "-", "\t", "you", "yourselfyourselfyourself", "é"}
	r := rand.New(rand.NewPCG(5, 6))
	for range 5000 {
		line := randomMix(r, pieces, r.IntN(8))
		if got, want := hasFunctionWord(line), byFields(line); got != want {
			t.Fatalf("hasFunctionWord(%q) = %v, want %v", line, got, want)
		}
	}
}

// TestDetectLanguageRunes checks that detecting the language of a title and
// a text apart, while counting the text's runes, gives what detecting it on
// the joined text and counting with utf8 give.
func TestDetectLanguageRunes(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(27, 28))
	pieces := []string{"데이터 엔지니어", "What you'll do", "the team and you", "Python", "ㄱㄴ", "é", "😀", "\n", "\n\n", " ", "\x80", "\xea\xb0", "Requirements"}
	gen := func(n int) string {
		return randomMix(r, pieces, r.IntN(n))
	}
	for range 20000 {
		title, text := gen(3), gen(20)
		lang, runes := detectLanguage(title, text)
		if want := DetectLanguage(title + "\n" + text); lang != want {
			t.Fatalf("detectLanguage(%q, %q) = %s, want %s", title, text, lang, want)
		}
		if want := utf8.RuneCountInString(text); runes != want {
			t.Fatalf("runes of %q = %d, want %d", text, runes, want)
		}
	}
	p, err := NewReader(Config{MinText: 1}).Parse(Input{Source: "t.txt", Format: FormatText, Data: []byte("데이터 엔지니어\n주요업무\n- Spark 😀 파이프라인")})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := p.TextRunes(), utf8.RuneCountInString(p.Text); got != want {
		t.Errorf("TextRunes after Parse = %d, want %d", got, want)
	}
	if got, want := p.LowerText(), "데이터 엔지니어\n주요업무\n- spark 😀 파이프라인"; got != want {
		t.Errorf("LowerText after Parse = %q, want %q", got, want)
	}
	p.Text += "\n더 긴 글 With AWS"
	if got, want := p.TextRunes(), utf8.RuneCountInString(p.Text); got != want {
		t.Errorf("TextRunes after a change = %d, want %d", got, want)
	}
	if got, want := p.LowerText(), LowerASCII(p.Text); got != want || !strings.HasSuffix(got, "with aws") {
		t.Errorf("LowerText after a change = %q, want %q", got, want)
	}
}

// TestScriptCountLetters checks the Hangul and Latin letters scriptCount
// adds up, eight ASCII bytes at a time, against a count rune by rune, on
// every ASCII byte in every lane of a word and on random lines with long
// ASCII runs between Korean and other scripts.
func TestScriptCountLetters(t *testing.T) {
	ref := func(text string) (h, l int) {
		for _, r := range text {
			switch {
			case r < utf8.RuneSelf && 'a' <= r|0x20 && r|0x20 <= 'z':
				l++
			case r >= 0xAC00 && r <= 0xD7A3 || r >= 0x1100 && r <= 0x11FF || r >= 0x3130 && r <= 0x318F:
				h++
			}
		}
		return h, l
	}
	var lines []string
	for c := range 128 {
		for lane := range 8 {
			b := []byte("........")
			b[lane] = byte(c)
			lines = append(lines, string(b), "xY"+string(b)+"Zq@[`{")
		}
	}
	r := rand.New(rand.NewPCG(41, 42))
	pieces := []string{"Build data pipelines with Spark and Kafka", "@[`{", "AZaz", "데이터", "ㄱㄴ", "\u1161", "é", "😀", "\x80", "\xea\xb0", "\n", " ", "12345678"}
	for range 20000 {
		lines = append(lines, randomMix(r, pieces, r.IntN(12)))
	}
	for _, line := range lines {
		var sc scriptCount
		runes := sc.lines(line)
		h, l := ref(line)
		if sc.hangul != h || sc.latin != l || runes != utf8.RuneCountInString(line) {
			t.Fatalf("lines(%q): hangul %d latin %d runes %d, want %d %d %d", line, sc.hangul, sc.latin, runes, h, l, utf8.RuneCountInString(line))
		}
	}
}
