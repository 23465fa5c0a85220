package extract

import (
	"math/rand/v2"
	"strings"
	"testing"
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
		var b strings.Builder
		for range r.IntN(8) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		line := b.String()
		if got, want := hasFunctionWord(line), byFields(line); got != want {
			t.Fatalf("hasFunctionWord(%q) = %v, want %v", line, got, want)
		}
	}
}
