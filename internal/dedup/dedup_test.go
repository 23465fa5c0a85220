package dedup

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
)

const posting = `데이터 엔지니어 (경력 3년 이상)
주요업무
- 사내 데이터 파이프라인 설계, 개발 및 운영
- Airflow 기반 배치 워크플로우 개발과 모니터링
- AWS EMR, Glue, Kinesis를 활용한 대용량 로그 처리
- 데이터 레이크와 데이터 웨어하우스 모델링
자격요건
- Python, SQL 실무 경험 3년 이상
- Spark 또는 Flink 등 분산 처리 프레임워크 사용 경험
- Docker, Kubernetes 환경에서의 서비스 운영 경험
우대사항
- Kafka 등 스트리밍 파이프라인 구축 경험
- 이커머스 도메인 데이터 분석 경험
혜택 및 복지
- 유연 근무제, 원격 근무 가능, 도서 구입비 지원, 최신 장비 지원`

// core is the posting without its benefits section, as the caller passes it.
var core = posting[:strings.Index(posting, "혜택 및 복지")]

func fp(text string) Print {
	if i := strings.Index(text, "혜택 및 복지"); i >= 0 {
		if j := strings.Index(text, "데이터 엔지니어"); j >= 0 && j < i {
			return Fingerprint(text, text[j:i])
		}
	}
	return Fingerprint(text, text)
}

func TestNearDuplicates(t *testing.T) {
	t.Parallel()
	base := fp(posting)
	if base.Shingles < MinShingles {
		t.Fatalf("test posting too short: %d shingles", base.Shingles)
	}
	same := []struct{ name, text string }{
		{"white space", strings.ReplaceAll(posting, "\n", "\n\n  ")},
		{"changed date", posting + "\n게시일 2026-03-01"},
		{"other date", posting + "\n게시일 2026-11-21"},
		{"tracking line", posting + "\n출처: https://jobs.example.com/p/123?utm_source=feed&ref=abc"},
		{"site header and footer", "원티드 | 채용 공고\n" + posting + "\n지원하기 · 공유하기 · 신고하기"},
		{"counter in the core", strings.Replace(posting, "3년 이상", "5년 이상", 1)},
		{"case and punctuation", strings.ToUpper(strings.ReplaceAll(posting, ",", " ,"))},
	}
	for _, tt := range same {
		f := fp(tt.text)
		d := Distance(base.Sim, f.Sim)
		if f.Exact != base.Exact && d > MaxDistance {
			t.Errorf("%s: distance %d > %d, want a near duplicate", tt.name, d, MaxDistance)
		}
	}
	different := []struct{ name, text string }{
		{"other role", strings.NewReplacer("데이터 엔지니어", "프론트엔드 개발자", "Airflow 기반 배치 워크플로우", "React 기반 웹 화면", "AWS EMR, Glue, Kinesis를 활용한 대용량 로그 처리", "디자인 시스템 컴포넌트 개발", "데이터 레이크와 데이터 웨어하우스 모델링", "웹 접근성과 성능 최적화", "Spark 또는 Flink 등 분산 처리 프레임워크", "TypeScript와 Next.js", "Kafka 등 스트리밍 파이프라인", "Storybook 기반 UI 문서화").Replace(posting)},
		{"other posting", "Senior ML Engineer\nResponsibilities\n- Train and serve ranking models with PyTorch\n- Own the feature store and the online inference path\nRequirements\n- 5+ years of experience in machine learning engineering\n- Strong Python and distributed training experience\nPreferred\n- Experience with Ray, Triton and Kubernetes"},
	}
	for _, tt := range different {
		f := fp(tt.text)
		if d := Distance(base.Sim, f.Sim); f.Exact == base.Exact || d <= MaxDistance {
			t.Errorf("%s: distance %d, want more than %d", tt.name, d, MaxDistance)
		}
	}
}

func TestIndex(t *testing.T) {
	t.Parallel()
	ix := NewIndex()
	texts := []string{posting, "전혀 다른 공고입니다. 마케팅 매니저를 찾습니다. 광고 캠페인 기획과 운영, 예산 관리, 성과 분석을 담당합니다. 관련 경력 5년 이상, 커뮤니케이션 능력, 데이터 기반 의사결정 경험을 갖춘 분을 찾습니다. 복지: 유연 근무, 교육비 지원, 점심 제공, 건강검진 지원."}
	for i, s := range texts {
		f := fp(s)
		if _, _, ok := ix.Find(f); ok {
			t.Fatalf("text %d found before it was added", i)
		}
		ix.Add(int32(i), f)
	}
	id, exact, ok := ix.Find(fp(posting))
	if !ok || !exact || id != 0 {
		t.Errorf("Find(same) = %d, %v, %v; want 0, exact", id, exact, ok)
	}
	id, exact, ok = ix.Find(fp(posting + "\n게시일 2026-03-01 조회수 1,234"))
	if !ok || exact || id != 0 {
		t.Errorf("Find(near) = %d, %v, %v; want 0, near", id, exact, ok)
	}
	// Short texts are folded only when exactly equal.
	ix.Add(2, fp("Data Engineer"))
	if _, _, ok := ix.Find(fp("Data Engineers")); ok {
		t.Error("a short text matched a different short text")
	}
	if id, _, ok := ix.Find(fp("data   ENGINEER")); !ok || id != 2 {
		t.Error("a short text did not match its normalised twin")
	}
}

func TestTitleGuard(t *testing.T) {
	t.Parallel()
	ix := NewIndex()
	ix.Add(0, Fingerprint(posting, core).WithTitle("[Coupang] Senior Data Engineer (Data Platform)"))
	if _, _, ok := ix.Find(Fingerprint(posting+"\n게시일 2026-01-02", core).WithTitle("[Coupang] Staff Data Engineer (Data Platform)")); ok {
		t.Error("a posting for another level with the same body was folded")
	}
	if _, _, ok := ix.Find(Fingerprint(posting+"\n게시일 2026-01-02", core).WithTitle("Senior Data Engineer (병역특례 가능)")); !ok {
		t.Error("a repost whose title differs only in a bracketed tag was not folded")
	}
}

func TestNormalize(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"Posted 2026-03-01, views 1,234", "posted 0 views 0"},
		{"3.5 years", "0 years"},
		{"see https://x.com/a?b=1 or mail hr@x.com", "see or mail"},
		{"Python3와 SQL!!", "python 0 와 sql"},
		{"  ", ""},
	}
	for _, tt := range tests {
		if got := Normalize(tt.in); got != tt.want {
			t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// normalizeRef is Normalize written plainly, token by token: the one-pass
// Normalize must give the same string, since posting ids hash it.
func normalizeRef(s string) string {
	var b strings.Builder
	last := ""
	for _, tok := range strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '\n' || r == '\t' || r == '\r' }) {
		if isAddress(tok) {
			continue
		}
		inWord := false
		for _, r := range tok {
			switch {
			case unicode.IsDigit(r):
				inWord = false
				if last != "0" {
					if last != "" {
						b.WriteByte(' ')
					}
					b.WriteByte('0')
					last = "0"
				}
			case unicode.IsLetter(r):
				if !inWord {
					if last != "" {
						b.WriteByte(' ')
					}
					inWord, last = true, "w"
				}
				b.WriteRune(unicode.ToLower(r))
			default:
				inWord = false
			}
		}
	}
	return b.String()
}

// TestNormalizeReference compares Normalize with normalizeRef on random
// mixes of the pieces postings are made of, addresses, broken UTF-8 and
// odd white space included.
func TestNormalizeReference(t *testing.T) {
	t.Parallel()
	pieces := []string{"데이터", "엔지니어", "Python", "SQL", "3년", "2026-03-01", "1,234", " ", "  ", "\n", "\t", "\r\n", ",", ".", "!",
		"https://x.com/a?b=1", "www.example.com", "WWW.EXAMPLE.COM/x", "hr@x.com", "a@b", "x:y", "wow", "Www", "ÄÖÜ", "Σίσυφος", "٣", "①",
		"\xff", "\xea\xb0", "\xed\xa0\x80", "가\xea", "·", "ㆍ", "🚀", "ﾃﾞｰﾀ", "İ", "K8s", "C++", "node.js", "e-mail:", "@", ":"}
	r := rand.New(rand.NewPCG(7, 11))
	for range 20000 {
		var b strings.Builder
		for range r.IntN(12) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		s := b.String()
		if got, want := Normalize(s), normalizeRef(s); got != want {
			t.Fatalf("Normalize(%q) = %q, want %q", s, got, want)
		}
	}
	if got, want := Normalize(posting), normalizeRef(posting); got != want {
		t.Fatalf("Normalize(posting) = %q, want %q", got, want)
	}
}

// TestShingleHash checks that hashing a shingle's span gives what hashing
// its three words with a space after each gives, so SimHashes (and which
// postings fold) stay as they were.
func TestShingleHash(t *testing.T) {
	t.Parallel()
	const offset, prime = 14695981039346656037, 1099511628211
	words := func(ws ...string) uint64 {
		h := uint64(offset)
		for _, w := range ws {
			for i := 0; i < len(w); i++ {
				h ^= uint64(w[i])
				h *= prime
			}
			h ^= ' '
			h *= prime
		}
		return mix64(h)
	}
	for _, ws := range [][3]string{{"데이터", "파이프라인", "설계"}, {"a", "b", "c"}, {"0", "python", "0"}} {
		if got, want := shingleHash([]byte(strings.Join(ws[:], " "))), words(ws[:]...); got != want {
			t.Errorf("shingleHash(%q) = %x, want %x", ws, got, want)
		}
	}
	// The SimHash of a known text, as the word-by-word hash made it before.
	if got := Fingerprint(posting, posting).Sim; got != 0x2880bdcd6a054569 {
		t.Errorf("Fingerprint(posting).Sim = %#x, want 0x2880bdcd6a054569", got)
	}
}

func FuzzNormalize(f *testing.F) {
	f.Add(posting)
	f.Add("a 1 b\x00\xff 2026-01-01 https://x")
	f.Fuzz(func(t *testing.T, s string) {
		n := Normalize(s)
		if ref := normalizeRef(s); n != ref {
			t.Errorf("Normalize(%q) = %q, the plain version gives %q", s, n, ref)
		}
		if Normalize(n) != n {
			t.Errorf("Normalize is not idempotent on %q: %q then %q", s, n, Normalize(n))
		}
		if strings.Contains(n, "  ") || strings.TrimSpace(n) != n {
			t.Errorf("Normalize(%q) = %q has stray spaces", s, n)
		}
		a, b := Fingerprint(s, s), Fingerprint(s, s)
		if a != b {
			t.Errorf("Fingerprint is not stable")
		}
	})
}

func BenchmarkFingerprint(b *testing.B) {
	text := strings.Repeat(posting+"\n", 3)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Fingerprint(text, text)
	}
}

func ExampleIndex() {
	ix := NewIndex()
	first := Fingerprint(posting, core)
	ix.Add(0, first)
	repost := Fingerprint(posting+"\n게시일 2026-11-21", core)
	id, exact, ok := ix.Find(repost)
	fmt.Println(id, exact, ok)
	// Output: 0 false true
}

// TestFingerprintSpansReference compares FingerprintSpans with normalising
// the joined core again, on random texts of words, numbers (which fold
// across pieces), addresses and punctuation, with spans at line and word
// boundaries, inside tokens, out of order, overlapping and empty.
func TestFingerprintSpansReference(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(9, 10))
	tokens := []string{"data", "Spark", "파이프라인", "12", "3", "2026-01-01", "a@b.io", "https://x.io/p", "www.site.kr", ",", "-", "Über", "٣", " ", "  ", "\n", "\n\n", "\t"}
	gen := func(n int) string {
		var b strings.Builder
		for range r.IntN(n) {
			b.WriteString(tokens[r.IntN(len(tokens))])
			if r.IntN(3) > 0 {
				b.WriteByte(" \n"[r.IntN(2)])
			}
		}
		return b.String()
	}
	for range 20000 {
		title, text := gen(4), gen(40)
		// Offsets at boundaries most of the time, anywhere sometimes.
		offset := func() int {
			off := r.IntN(len(text) + 1)
			if r.IntN(4) > 0 {
				for off < len(text) && off > 0 && text[off-1] != '\n' && text[off] != ' ' {
					off++
				}
			}
			return off
		}
		var spans []Span
		for range r.IntN(5) {
			a, b := offset(), offset()
			spans = append(spans, Span{min(a, b), max(a, b)})
		}
		whole := title + "\n" + text
		core := whole
		if len(spans) > 0 {
			core = title + "\n"
			for _, sp := range spans {
				core += text[sp.Start:sp.End] + "\n"
			}
		}
		if got, want := FingerprintSpans(title, text, spans), Fingerprint(whole, core); got != want {
			t.Fatalf("FingerprintSpans(%q, %q, %v) = %+v, want %+v", title, text, spans, got, want)
		}
	}
}

// TestShingleHashUnrolled compares the unrolled shingle hash with FNV-1a
// byte by byte, on every length around the eight-byte rounds.
func TestShingleHashUnrolled(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(23, 24))
	for n := range 40 {
		b := make([]byte, n)
		for i := range b {
			b[i] = byte(r.Uint32())
		}
		if got, want := shingleHash(b), mix64(fnv64a(append(b[:n:n], ' '))); got != want {
			t.Fatalf("shingleHash of %d bytes = %x, want %x", n, got, want)
		}
	}
}

// randomPrints returns n prints with random SimHashes, a few titles, and
// every fifth one a near copy (0–MaxDistance+1 bits flipped) of an earlier
// one, so that lookups find matches, ties and misses just past the bound.
func randomPrints(n int, seed uint64) []Print {
	r := rand.New(rand.NewPCG(seed, 1))
	ps := make([]Print, n)
	for i := range ps {
		p := Print{Exact: r.Uint64(), Sim: r.Uint64(), Shingles: MinShingles + r.IntN(3) - 1, Title: uint64(r.IntN(4))}
		if i > 0 && i%5 == 0 {
			p.Sim = ps[r.IntN(i)].Sim
			for range r.IntN(MaxDistance + 2) {
				p.Sim ^= 1 << r.IntN(64)
			}
		}
		ps[i] = p
	}
	return ps
}

// TestIndexReference compares Find with a scan of every kept print, for
// prints added and looked up in turn as the collector does.
func TestIndexReference(t *testing.T) {
	t.Parallel()
	ps := randomPrints(20000, 7)
	ix := NewIndex()
	var kept []Print
	var near int
	for i, p := range ps {
		wantID, wantExact, wantOK := int32(-1), false, false
		for id, q := range kept {
			if q.Exact == p.Exact {
				wantID, wantExact, wantOK = int32(id), true, true
				break
			}
		}
		if !wantOK && p.Shingles >= MinShingles {
			bestD := MaxDistance + 1
			for id, q := range kept {
				if q.Shingles < MinShingles || q.Title != 0 && p.Title != 0 && q.Title != p.Title {
					continue
				}
				if d := Distance(q.Sim, p.Sim); d < bestD {
					wantID, wantOK, bestD = int32(id), true, d
				}
			}
		}
		id, exact, ok := ix.Find(p)
		if ok != wantOK || ok && (id != wantID || exact != wantExact) {
			t.Fatalf("print %d: Find = %d, %v, %v; want %d, %v, %v", i, id, exact, ok, wantID, wantExact, wantOK)
		}
		if ok {
			near++
			continue
		}
		ix.Add(int32(len(kept)), p)
		kept = append(kept, p)
	}
	if near < len(ps)/20 {
		t.Errorf("only %d of %d prints matched; the test lost its near copies", near, len(ps))
	}
}

// BenchmarkIndexFind looks up a new posting in an index that already holds
// 200,000, as in the middle of a large run: most lookups miss, and each
// visits the postings that share one of its five blocks.
func BenchmarkIndexFind(b *testing.B) {
	const held = 200000
	ps := randomPrints(held+8192, 3)
	ix := NewIndex()
	for _, p := range ps[:held] {
		if _, _, ok := ix.Find(p); !ok {
			ix.Add(int32(ix.Len()), p)
		}
	}
	next := 0
	for b.Loop() {
		ix.Find(ps[held+next%8192])
		next++
	}
}
