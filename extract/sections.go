package extract

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/jobstack/jobstack/internal/hangul"
)

// headings maps a heading, lower-cased with spaces and punctuation removed,
// to its section kind. Korean sites write these headings in many shapes
// (주요업무, 이런 일을 해요, [자격요건], ■ 우대사항); headingKey folds them.
var headings, maxHeadingKey = buildHeadings()

func buildHeadings() (map[string]SectionKind, int) {
	m := map[string]SectionKind{}
	add := func(k SectionKind, words ...string) {
		for _, w := range words {
			m[headingKey(w)] = k
		}
	}
	add(SectionResponsibilities,
		"주요업무", "주요 업무", "담당업무", "담당 업무", "업무내용", "업무 내용", "주요 직무", "직무내용", "직무 내용",
		"이런 일을 해요", "이런 일을 합니다", "이런 업무를 해요", "이런 업무를 합니다", "하게 될 일", "하는 일",
		"합류하면 함께 할 업무에요", "합류하시면 함께 할 업무예요", "합류하면 하게 될 일", "업무 소개", "담당하실 업무",
		"맡게 될 업무", "포지션 상세", "what you'll do", "what you will do", "what you’ll do", "what you'll be doing",
		"responsibilities", "key responsibilities", "your responsibilities", "job responsibilities", "duties",
		"the role", "your role", "about the role", "role", "in this role", "in this role you will", "day to day",
		"what the job involves", "job description", "tasks", "your tasks", "your mission", "mission",
		"what you will be doing", "what you'll work on", "responsibilities include", "essential duties and responsibilities",
		"duties and responsibilities", "you will", "the opportunity", "position summary", "job summary", "overview of the role",
		"primary responsibilities", "role responsibilities", "job duties", "essential functions", "essential job functions",
		"core job functions include", "essential duties & responsibilities", "position description", "position overview",
		"job overview", "role summary", "position purpose", "position objectives", "objectives of this role",
		"position accountabilities", "typical accountabilities", "what will you do", "your impact", "how you will do it")
	add(SectionRequirements,
		"자격요건", "자격 요건", "지원자격", "지원 자격", "필수요건", "필수 요건", "필수 사항", "필수사항", "필수 조건",
		"자격 조건", "자격조건", "이런 분을 찾아요", "이런 분을 찾습니다", "이런 분과 함께하고 싶어요", "이런 분과 함께하고 싶습니다",
		"필요 역량", "필요역량", "요구 사항", "요구사항", "요구 역량", "지원 요건", "필수 역량", "필수 자격", "자격 사항",
		"requirements", "qualifications", "required qualifications", "minimum qualifications", "basic qualifications",
		"must have", "must-have", "must haves", "what we're looking for", "what we are looking for", "what we’re looking for",
		"what you'll need", "what you will need", "what you need", "what you bring", "what you'll bring", "who you are",
		"required skills", "skills and qualifications", "skills & qualifications", "requirements and qualifications",
		"what we expect from you", "about you", "you have", "you should have", "job requirements", "required experience",
		"experience and skills", "skills and experience", "knowledge, skills and abilities", "key skills", "required",
		"qualifications and skills", "essential skills", "essential requirements", "minimum requirements", "ideal candidate",
		"the ideal candidate", "we are looking for", "we're looking for", "requirements:", "your profile", "profile",
		// LinkedIn's fixed label for the whole qualifications block, and
		// a staffing site's ("What You Need for this Position").
		"desired skills and experience", "what you need for this position", "skillsets", "skill sets",
		"what we look for", "what are we looking for", "position requirements", "key qualifications", "job qualifications",
		"education & experience", "education and experience", "education and/or experience", "qualifications & education",
		"education, qualifications, skills and experience", "your skills and experience", "skills and abilities",
		"what you bring to the table", "what you've done", "what you have done", "what we need from you")
	add(SectionPreferred,
		"우대사항", "우대 사항", "우대조건", "우대 조건", "이런 분이면 더 좋아요", "이런 분이면 더 좋습니다", "이런 분이라면 더 좋아요",
		"이런 경험이 있다면 더 좋아요", "이런 분이면 더욱 좋아요", "있으면 좋아요", "있으면 좋은 경험", "가산점", "우대 역량", "우대하는 분",
		"그 외 이런 것이 있으면 더 좋겠어요", "더 좋아요", "preferred", "preferred qualifications", "preferred skills",
		"preferred experience", "nice to have", "nice-to-have", "nice to haves", "bonus", "bonus points", "bonus skills",
		"pluses", "plus", "it's a plus", "it would be great if", "extra credit", "desired skills", "desired qualifications",
		"desirable", "desired", "additional qualifications", "preferred requirements", "good to have", "what sets you apart",
		"even better if", "ideally you have", "it's a bonus if", "additional preferred qualifications", "bonus point if you",
		"bonus points if you")
	add(SectionBenefits,
		"혜택 및 복지", "복지 및 혜택", "혜택", "복지", "복리후생", "복지제도", "근무 환경", "근무환경", "근무조건", "근무 조건",
		"이런 혜택을 드려요", "함께하면 받는 혜택", "benefits", "perks", "perks and benefits", "benefits and perks",
		"what we offer", "we offer", "compensation", "compensation and benefits", "why join us", "why you'll love working here",
		"salary and benefits", "our offer", "what's in it for you", "what we can offer you", "the benefits", "benefit summary",
		"what we'll bring")
	add(SectionCompany,
		"회사 소개", "회사소개", "기업 소개", "기업소개", "팀 소개", "팀소개", "서비스 소개", "about us", "about the company",
		"about the team", "who we are", "our team", "the team", "company overview", "about", "our company", "our story",
		"company description", "our mission", "포지션 소개", "about our organization", "company summary", "company background",
		"who are we", "what we do")
	add(SectionProcess,
		"채용 절차", "채용절차", "전형 절차", "전형절차", "채용 프로세스", "지원 방법", "접수 방법", "기타 사항", "기타사항", "참고사항",
		"참고 사항", "유의사항", "채용절차 및 기타 지원 유의사항", "hiring process", "interview process", "how to apply",
		"application process", "recruitment process", "next steps", "our process", "equal opportunity", "eeo statement",
		"what to expect in the interview process")
	add(SectionOther, "기술스택", "기술 스택", "사용 기술", "tech stack", "our stack", "technology stack", "tools we use",
		"skills", "기술스택 ・ 툴")
	longest := 0
	for k := range m {
		longest = max(longest, len(k))
	}
	return m, longest
}

// headingKey folds a heading: lower case, no spaces or punctuation, no
// decoration, no trailing colon.
func headingKey(s string) string { return string(appendHeadingKey(nil, s)) }

// appendHeadingKey appends s's heading key to dst: letters and digits
// only, lower-cased.
func appendHeadingKey(dst []byte, s string) []byte {
	dst, _ = appendHeadingKeyMax(dst, s, math.MaxInt)
	return dst
}

// appendHeadingKeyMax is appendHeadingKey that stops, with ok false, once
// dst is longer than limit bytes.
func appendHeadingKeyMax(dst []byte, s string, limit int) (key []byte, ok bool) {
	for i := 0; i < len(s); {
		if len(dst) > limit {
			return dst, false
		}
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c >= 'A' && c <= 'Z':
				dst = append(dst, c+32)
			case c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
				dst = append(dst, c)
			}
			i++
			continue
		}
		if hangul.SyllableAt(s, i) {
			// A Hangul syllable is a letter without case.
			dst = append(dst, c, s[i+1], s[i+2])
			i += 3
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			dst = utf8.AppendRune(dst, unicode.ToLower(r))
		}
		i += size
	}
	return dst, len(dst) <= limit
}

// lookupHeading looks s up in the heading dictionary without allocating.
// Most lines are content, far longer than any heading: their key is given
// up as soon as it is longer than the longest heading's.
// The key is appended to buf and returned, nil when given up, so a caller
// can read it again without folding s twice.
func lookupHeading(s string, buf []byte) (kind SectionKind, ok bool, key []byte) {
	key, ok = appendHeadingKeyMax(buf, s, maxHeadingKey)
	if !ok {
		return 0, false, nil
	}
	kind, ok = headings[string(key)]
	return kind, ok, key
}

// headingOf reads s as a heading of the dictionary, or as a qualifier
// before one.
func headingOf(s string) (SectionKind, bool) {
	var buf [128]byte
	k, ok, key := lookupHeading(s, buf[:0])
	if ok {
		return k, true
	}
	return qualifiedHeading(key)
}

// stripDecoration removes bullets, brackets, numbering and emoji around a
// heading: "■ 우대사항", "[자격요건]", "1. Requirements:", "📌 주요업무".
func stripDecoration(s string) string {
	s = trimSpace(s)
	// Leading numbering: "1.", "1)", "01 ", "①" (already unfolded by NFKC).
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i > 0 && i < len(s) && (s[i] == '.' || s[i] == ')') {
		s = s[i+1:]
	}
	return trimNonWord(s)
}

// HeadingKind decides whether a line is a section heading and of which
// kind. marked says the markup already made it a heading (<h3>, bold).
// A line "우대사항: Kafka 경험" is a heading with inline content.
func HeadingKind(line string, marked bool) (SectionKind, bool) {
	if len(line) > 240 || len(line) > 80 && utf8.RuneCountInString(line) > 80 {
		return colonSentenceKind(line)
	}
	// A longer bullet item is content, not a heading ("- Python 경험").
	if len(line) > 36 && (strings.HasPrefix(line, "- ") || strings.HasPrefix(line, "• ") || strings.HasPrefix(line, "* ") || strings.HasPrefix(line, "· ")) &&
		!strings.HasSuffix(line, ":") {
		return 0, false
	}
	s := stripDecoration(line)
	if s == "" {
		return 0, false
	}
	if k, ok := headingOf(s); ok {
		return k, true
	}
	// "Requirements:" with content after the colon, or a heading with a
	// short qualifier: "자격요건 (필수)", "Nice to have (any of)".
	if i := indexHeadingSep(s); i > 0 {
		if k, ok := headingOf(s[:i]); ok {
			return k, true
		}
	}
	// English headings are often sentences that end in a colon: "As a
	// Data Scientist, you will:", "Our ideal candidate will have:".
	if strings.HasSuffix(trimSpace(line), ":") && utf8.RuneCountInString(s) <= 70 {
		low := asciiLower(s)
		for _, c := range colonCues {
			if strings.Contains(low, c.cue) {
				return c.kind, true
			}
		}
	}
	if k, ok := colonSentenceKind(line); ok {
		return k, true
	}
	if marked && utf8.RuneCountInString(s) <= 40 {
		key := headingKey(s)
		for _, w := range markedPrefixes {
			if strings.HasPrefix(key, w.key) {
				return w.kind, true
			}
		}
	}
	return 0, false
}

// colonSentenceKind reads a longer sentence that ends in a colon and
// leads into a list of "the following" as the heading of that list: "To
// excel in these daily activities, a Data Engineer would make use of the
// following experience and skills:".
func colonSentenceKind(line string) (SectionKind, bool) {
	line = trimSpace(line)
	if len(line) > 320 || !strings.HasSuffix(line, ":") {
		return 0, false
	}
	low := asciiLower(line)
	if !strings.Contains(low, "following") || utf8.RuneCountInString(line) > 160 {
		return 0, false
	}
	for _, c := range colonCues {
		if strings.Contains(low, c.cue) {
			return c.kind, true
		}
	}
	return 0, false
}

// headingQualifiers turn a requirements heading into a required or a
// preferred one by their first word: "Required Skills And Experience",
// "Preferred Skills And Experience", "Desired Candidate Skills And
// Experience", "Required Technical Skills". Each is a heading key.
var headingQualifiers = []struct {
	key  string
	kind SectionKind
}{
	{"required", SectionRequirements}, {"minimum", SectionRequirements}, {"basic", SectionRequirements},
	{"essential", SectionRequirements}, {"mandatory", SectionRequirements},
	{"preferred", SectionPreferred}, {"desired", SectionPreferred}, {"desirable", SectionPreferred},
	{"desireable", SectionPreferred}, {"bonus", SectionPreferred}, {"optional", SectionPreferred},
	{"recommended", SectionPreferred},
}

// qualifierFirst marks the first letters of headingQualifiers, so most
// headings are ruled out by one lookup.
var qualifierFirst = func() (t [256]bool) {
	for _, q := range headingQualifiers {
		t[q.key[0]] = true
	}
	return t
}()

// headingFillers may stand between a qualifier and the heading it
// qualifies ("Required Technical Skills", "Desired Candidate Skills").
var headingFillers = []string{"technical", "candidate", "professional", "job", "key"}

// qualifiedHeading reads a heading key as a qualifier followed by a
// requirements heading (or "Skills"): the qualifier decides the kind.
// Anything else is not one.
func qualifiedHeading(key []byte) (SectionKind, bool) {
	if len(key) < 8 || !qualifierFirst[key[0]] {
		return 0, false
	}
	for _, q := range headingQualifiers {
		if len(key) <= len(q.key) || string(key[:len(q.key)]) != q.key {
			continue
		}
		rest := key[len(q.key):]
		for _, f := range headingFillers {
			if len(rest) > len(f) && string(rest[:len(f)]) == f {
				rest = rest[len(f):]
				break
			}
		}
		k, ok := headings[string(rest)]
		if ok && (k == SectionRequirements || k == SectionPreferred || string(rest) == "skills") {
			return q.kind, true
		}
		return 0, false
	}
	return 0, false
}

// colonCues read a sentence heading ending in a colon, in this order.
var colonCues = []struct {
	cue  string
	kind SectionKind
}{
	{"submit", SectionProcess},
	{"nice to have", SectionPreferred}, {"bonus", SectionPreferred}, {"a plus", SectionPreferred}, {"preferred", SectionPreferred},
	{"an advantage", SectionPreferred}, {"an asset", SectionPreferred},
	{"would be great", SectionPreferred}, {"ideally", SectionPreferred}, {"desired", SectionPreferred},
	{"recommended", SectionPreferred}, {"benefit", SectionBenefits}, {"perks", SectionBenefits}, {"we offer", SectionBenefits}, {"you'll get", SectionBenefits}, {"you will get", SectionBenefits},
	{"will have", SectionRequirements}, {"ideal candidate", SectionRequirements}, {"qualification", SectionRequirements},
	{"requirement", SectionRequirements}, {"you have", SectionRequirements}, {"you bring", SectionRequirements},
	{"looking for", SectionRequirements}, {"must have", SectionRequirements}, {"skills", SectionRequirements},
	{"you should", SectionRequirements}, {"you need", SectionRequirements}, {"required", SectionRequirements},
	{"experience", SectionRequirements},
	{"you will", SectionResponsibilities}, {"you'll", SectionResponsibilities}, {"responsibilit", SectionResponsibilities},
	{"duties", SectionResponsibilities}, {"the role", SectionResponsibilities}, {"day to day", SectionResponsibilities},
	{"your job", SectionResponsibilities}, {"you would", SectionResponsibilities},
	{"about us", SectionCompany}, {"who we are", SectionCompany}, {"about the company", SectionCompany},
}

// gluedHeadings are English headings that scrapes glue to the next
// sentence when they drop the line breaks ("QualificationsBachelor's").
// The duties, requirements and preferred headings are found in any of
// the cases headings are written in (see headingCase): "About The Role",
// "Minimum qualifications", "NICE TO HAVE". The others only as written:
// a company section takes the lines up to the next heading out of the
// requirements, and in a glued text that next heading may be one no list
// knows ("About The TeamOur team…About The Data Analyst Role…").
var gluedHeadings = []string{
	"Essential Duties and Responsibilities", "Duties and Responsibilities", "Key Responsibilities", "Responsibilities",
	"Preferred Qualifications", "Minimum Qualifications", "Basic Qualifications", "Required Qualifications", "Qualifications",
	"Requirements", "What We Are Looking For", "We Are Looking For", "Desired Skills and Experience", "Skills and Experience",
	"Required Skills", "Preferred Skills", "Desired Skills", "Nice to Haves", "Nice to Have", "What You Need for this Position",
	"What You'll Do", "What You Will Do", "What We're Looking For", "What You Bring", "Who You Are", "Who We Are", "About Us", "About the Role", "About the Team", "Job Description",
	"Job Summary", "Position Summary", "Overview", "Benefits", "Perks", "Bonus Points", "Education", "Skills",
}

// splitBullets puts the items of a bullet list that a scrape flattened
// onto one line ("Skills and Qualifications: •SQL •Python •Tableau") on
// lines of their own, so the heading before them is seen as one and each
// item keeps its own cues.
// A heading the scrape glued to the end of the item before it ("… under
// pressure Preferred Qualifications •AWS certification") gets a line of
// its own too.
func splitBullets(line string) string {
	if strings.Count(line, "•") < 2 {
		return line
	}
	var b strings.Builder
	b.Grow(len(line) + 16)
	for {
		i := strings.Index(line, " •")
		if i < 0 {
			b.WriteString(line)
			return b.String()
		}
		seg := line[:i]
		if at := gluedTail(seg); at > 0 {
			b.WriteString(strings.TrimRight(seg[:at], " "))
			b.WriteByte('\n')
			seg = seg[at:]
		}
		b.WriteString(seg)
		b.WriteByte('\n')
		line = line[i+1:]
	}
}

// gluedTail returns where a known heading ends seg (after a space), or -1.
// What comes before it must read as an item, not as the first words of a
// longer heading ("Your Responsibilities:", "Bonus Skills:").
// Capitalised words just before the heading belong to it ("Bonus Skills",
// "Your Responsibilities", "Skills and Qualifications").
func gluedTail(seg string) int {
	s := strings.TrimSuffix(seg, ":")
	for _, h := range gluedHeadings {
		at := len(s) - len(h)
		if at < 20 || !strings.HasSuffix(s, h) || s[at-1] != ' ' {
			continue
		}
		base := at
		for range 3 {
			w := strings.LastIndexByte(s[:at-1], ' ') + 1
			word := s[w : at-1]
			if word == "and" || word == "&" {
				v := strings.LastIndexByte(s[:max(w-1, 0)], ' ') + 1
				if w == 0 || v >= w-1 || !isUpperASCII(s[v]) {
					break
				}
				w, word = v, s[v:at-1]
			}
			if word == "" || !isUpperASCII(word[0]) || w < 20 || s[w-1] != ' ' {
				break
			}
			at = w
		}
		// Only when the longer heading is still one: "GitH Required
		// Qualifications" is a cut-off word before the heading.
		if at < base {
			if _, ok := HeadingKind(seg[at:], false); !ok {
				at = base
			}
		}
		return at
	}
	return -1
}

func isUpperASCII(c byte) bool  { return 'A' <= c && c <= 'Z' }
func isLowerASCII(c byte) bool  { return 'a' <= c && c <= 'z' }
func isDigitASCII(c byte) bool  { return '0' <= c && c <= '9' }
func isLetterASCII(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }

// SplitGluedHeadings puts known English headings that a scrape glued to
// the surrounding sentences on lines of their own, and a heading that
// opens the line before a colon. Only long lines are touched: a posting
// whose line breaks survived has nothing to split.
//
// A heading is split off when both its edges read as a heading's:
//
//   - glued on both sides ("we like it.QualificationsBachelor's"), or
//     glued after a sentence ("done. Requirements: SQL");
//   - glued on one side and a capitalised word after a space on the other
//     ("a contract position.Responsibilities Work with", "drive
//     informed actions. Qualifications Master degree");
//   - a heading of several words after any word ("analytics tasks
//     Required Skills And Experience Strong SQL", "project design Desired
//     Skills and Experience: 2-4 years"), or one of loneHeadings after a
//     lower-case word ("user analytics Requirements Experience with").
//
// Capitalised words before a listed heading belong to it when the longer
// run is a heading too ("Required Technical Skills And Experience",
// "requestedJob Requirements").
func SplitGluedHeadings(line string) string {
	if len(line) < 300 {
		return line
	}
	out := line
	// A heading that opens the line before a colon: "Our requirements:
	// Ability to learn quickly Experience in Java…".
	if c := strings.IndexByte(out[:80], ':'); c > 0 {
		if _, ok := HeadingKind(out[:c+1], false); ok {
			out = out[:c+1] + "\n" + strings.TrimLeft(out[c+1:], " ")
		}
	}
	// A heading starts with a capital: each is looked for at its first
	// letter, and the rest compared in any case; the case of a find is
	// then checked.
	for n, h := range gluedLower {
		capital := gluedHeadings[n][0]
		from := 0
		for {
			k := strings.IndexByte(out[from:], capital)
			if k < 0 {
				break
			}
			i := from + k
			if len(out)-i < len(h) || !equalFoldLower(out[i:i+len(h)], h) {
				from = i + 1
				continue
			}
			j := i + len(h)
			upper, ok := headingCase(out[i:j])
			if !gluedAnyCase[n] {
				upper, ok = false, out[i:j] == gluedHeadings[n]
			}
			if !ok || upper && j+1 < len(out) && isUpperASCII(out[j]) && !isLowerASCII(out[j+1]) {
				// Not written as a heading, or a capital word goes on
				// past it: "EDUCATIONAL".
				from = j
				continue
			}
			colon := j < len(out) && out[j] == ':'
			if colon {
				j++
			}
			i = headingRunStart(out, i, j)
			before, after := edgeBefore(out, i), edgeAfter(out, j, colon)
			afterWord := before == edgeWord || before == edgeLowerWord
			split := (after == edgeGlued || after == edgeColon) && (before == edgeStart || before == edgeGlued || before == edgeSentence) ||
				after == edgeSpaced && (before == edgeGlued || before == edgeSentence) ||
				after != edgeNone && afterWord && strings.IndexByte(out[i:j], ' ') >= 0 ||
				after != edgeNone && before == edgeLowerWord && loneHeadings[out[i:j]]
			if split {
				out = out[:i] + "\n" + out[i:j] + "\n" + out[j:]
				from = j + 2
				continue
			}
			from = j
		}
	}
	return out
}

// gluedLower is gluedHeadings lower-cased, and gluedAnyCase says which
// of them are found in any case.
var gluedLower, gluedAnyCase = func() ([]string, []bool) {
	low := make([]string, len(gluedHeadings))
	anyCase := make([]bool, len(gluedHeadings))
	for i, h := range gluedHeadings {
		low[i] = strings.ToLower(h)
		switch k, _ := HeadingKind(h, false); k {
		case SectionResponsibilities, SectionRequirements, SectionPreferred:
			anyCase[i] = true
		}
	}
	return low, anyCase
}()

// equalFoldLower reports whether s is low, a lower-case ASCII string, in
// any case.
func equalFoldLower(s, low string) bool {
	for i := 0; i < len(low); i++ {
		if c := s[i]; c != low[i] && (!isUpperASCII(c) || c|0x20 != low[i]) {
			return false
		}
	}
	return true
}

// headingCase reports whether s is written as a heading is: its first
// letter a capital and each word capitalised or in lower case ("About The
// Team", "Who you are", "What You'll Do"), or all in capitals (upper
// true).
func headingCase(s string) (upper, ok bool) {
	if s == "" || !isUpperASCII(s[0]) {
		return false, false
	}
	upper, mixed := true, true
	for i := 1; i < len(s); i++ {
		c := s[i]
		if isLowerASCII(c) {
			upper = false
		}
		// A capital inside a word: fine only when all are capitals.
		if isUpperASCII(c) && isLetterASCII(s[i-1]) {
			mixed = false
		}
	}
	return upper, upper || mixed
}

// loneHeadings are the one-word headings that are split off after a
// lower-case word. Written mid-sentence with a capital, these words are
// a heading; "Business Requirements Document" keeps its capitalised word.
var loneHeadings = map[string]bool{"Requirements": true, "Qualifications": true, "Responsibilities": true}

// How a heading found inside a line meets the text around it.
const (
	edgeNone      = iota
	edgeStart     // the line's start
	edgeGlued     // no space: "position.Responsibilities", "QualificationsBachelor's"
	edgeSentence  // a space after the end of a sentence: "done. Requirements"
	edgeWord      // a space after a capitalised word: "Business Requirements"
	edgeLowerWord // a space after a lower-case word: "tasks Required Skills"
	edgeColon     // a colon after the heading
	edgeSpaced    // a space, then a capitalised word: "Responsibilities Work with"
)

func edgeBefore(s string, i int) int {
	if i == 0 || s[i-1] == '\n' {
		return edgeStart
	}
	switch c := s[i-1]; {
	case isLowerASCII(c) || isDigitASCII(c) || c == '.' || c == '!' || c == '?' || c == ')':
		return edgeGlued
	case c == ' ' && i > 1:
		switch s[i-2] {
		case '.', '!', '?':
			return edgeSentence
		case ' ', '\n':
			return edgeNone
		}
		if w := strings.LastIndexAny(s[:i-1], " \n") + 1; isLowerASCII(s[w]) {
			return edgeLowerWord
		}
		return edgeWord
	}
	return edgeNone
}

func edgeAfter(s string, j int, colon bool) int {
	switch {
	case colon:
		return edgeColon
	case j >= len(s):
		return edgeNone
	case isUpperASCII(s[j]) || isDigitASCII(s[j]):
		return edgeGlued
	case s[j] == ' ' && j+1 < len(s) && isUpperASCII(s[j+1]):
		return edgeSpaced
	}
	return edgeNone
}

// headingRunStart walks back from a listed heading at s[i:j] over up to
// three capitalised words (and "and", "&"), the last possibly glued to
// the word before it ("growthDesired"), and returns where the longest
// run that still reads as a heading starts; i if none does.
func headingRunStart(s string, i, j int) int {
	best, at := i, i
	for range 4 {
		if at < 2 || s[at-1] != ' ' {
			break
		}
		w := strings.LastIndexAny(s[:at-1], " \n") + 1
		word := s[w : at-1]
		if word == "" {
			break
		}
		if word == "and" || word == "And" || word == "&" {
			at = w
			continue
		}
		// A capital inside the word starts a glued one: "growthDesired".
		glued := -1
		for k := len(word) - 1; k > 0; k-- {
			if isUpperASCII(word[k]) {
				if p := word[k-1]; isLowerASCII(p) || p == '.' || p == ')' {
					glued = k
				}
				break
			}
		}
		if glued > 0 {
			w += glued
		} else if !isUpperASCII(word[0]) {
			break
		}
		at = w
		if _, ok := HeadingKind(s[at:j], false); ok {
			best = at
		}
		if glued > 0 {
			break
		}
	}
	return best
}

// markedPrefixes recognise marked-up headings that carry extra words:
// "자격요건 및 우대사항" is a requirements heading, "Preferred skills for
// this role" a preferred one.
var markedPrefixes = []struct {
	key  string
	kind SectionKind
}{
	{headingKey("자격요건"), SectionRequirements},
	{headingKey("지원자격"), SectionRequirements},
	{headingKey("우대"), SectionPreferred},
	{headingKey("주요업무"), SectionResponsibilities},
	{headingKey("담당업무"), SectionResponsibilities},
	{headingKey("혜택"), SectionBenefits},
	{headingKey("복지"), SectionBenefits},
	{headingKey("requirement"), SectionRequirements},
	{headingKey("qualification"), SectionRequirements},
	{headingKey("preferred"), SectionPreferred},
	{headingKey("nice to have"), SectionPreferred},
	{headingKey("responsibilit"), SectionResponsibilities},
	{headingKey("benefit"), SectionBenefits},
	{headingKey("about us"), SectionCompany},
}

// builder assembles Posting.Text and its sections from lines.
type builder struct {
	text     strings.Builder
	sections []Section
}

// open starts a section of kind k at the current end of the text.
func (b *builder) open(k SectionKind, heading string) {
	b.close()
	b.sections = append(b.sections, Section{Kind: k, Heading: heading, Start: b.text.Len()})
}

func (b *builder) close() {
	if n := len(b.sections); n > 0 && b.sections[n-1].End == 0 {
		b.sections[n-1].End = b.text.Len()
	}
}

func (b *builder) line(s string) {
	if s == "" {
		return
	}
	if b.text.Len() > 0 {
		b.text.WriteByte('\n')
		for i := len(b.sections) - 1; i >= 0 && b.sections[i].Start == b.text.Len()-1; i-- {
			b.sections[i].Start = b.text.Len()
		}
	}
	b.text.WriteString(s)
}

// addLines appends lines, opening a section at each heading. Lines before
// the first heading go to a section of kind base.
func (b *builder) addLines(lines []Line, base SectionKind) {
	b.open(base, "")
	for _, l := range lines {
		text := l.Text
		if !l.normal {
			text = Normalize(text)
		}
		if text == "" {
			continue
		}
		if len(text) >= 300 {
			text = SplitGluedHeadings(text)
		}
		text = splitBullets(text)
		// The parts of strings.Split(text, "\n"), without the slice: most
		// lines are one part.
		for rest, more := text, true; more; {
			var part string
			part, rest, more = strings.Cut(rest, "\n")
			part = trimSpace(part)
			if k, ok := HeadingKind(part, l.Heading); ok {
				b.open(k, part)
			}
			b.line(part)
		}
	}
	b.close()
}

// finish drops empty sections and returns the text and sections.
func (b *builder) finish() (string, []Section) {
	b.close()
	text := b.text.String()
	out := b.sections[:0]
	for _, s := range b.sections {
		if s.End > s.Start && strings.TrimSpace(text[s.Start:s.End]) != "" {
			out = append(out, s)
		}
	}
	return text, out
}

// LineCue is an inline requirement cue in one line of text: "Kafka 경험자
// 우대", "experience with Spark is a plus", "Python 필수". It reports the
// level the line asks for, or false when it has none or both.
func LineCue(line string) (Requirement, bool) { return cueOf(reqWords.scan(line), line) }

// cueKinds reports whether text holds a preferred cue and a required cue.
func cueKinds(text string) (pref, req bool) {
	return cueMasks(reqWords.scan(text), text)
}
