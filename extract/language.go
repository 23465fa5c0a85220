package extract

import (
	"strings"
	"unicode"
)

// englishFunctionWords are common in English prose and rare as technology
// names, so they tell English sentences from English terms in Korean text.
var englishFunctionWords = map[string]bool{
	"the": true, "and": true, "you": true, "with": true, "we": true, "to": true, "of": true,
	"for": true, "our": true, "are": true, "is": true, "in": true, "will": true, "a": true,
	"an": true, "your": true, "have": true, "be": true, "on": true, "as": true, "or": true,
	"that": true, "this": true, "who": true, "what": true, "experience": true, "team": true,
}

// DetectLanguage returns "ko", "en" or "mixed" from the script mix: Korean
// text that names technologies in English is still "ko"; it is "mixed" only
// when it also has English sentences.
func DetectLanguage(text string) string {
	var hangul, latin int
	for _, r := range text {
		switch {
		case r >= 0xAC00 && r <= 0xD7A3, r >= 0x1100 && r <= 0x11FF, r >= 0x3130 && r <= 0x318F:
			hangul++
		case r < 0x80 && unicode.IsLetter(r):
			latin++
		}
	}
	if hangul == 0 {
		return "en"
	}
	if latin == 0 {
		return "ko"
	}
	words := 0
	function := 0
	for _, w := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !(r >= 'a' && r <= 'z') && r != '\'' }) {
		words++
		if englishFunctionWords[w] {
			function++
		}
	}
	ratio := float64(hangul) / float64(hangul+latin)
	switch {
	case ratio < 0.05:
		return "en"
	case function >= 12 && function*12 >= words:
		return "mixed"
	case ratio < 0.35 && function >= 6:
		return "mixed"
	}
	return "ko"
}
