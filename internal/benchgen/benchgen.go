// Package benchgen generates the deterministic synthetic postings that
// `make bench` and the Go benchmarks measure: job-board pages of 5–50 KB
// with navigation, scripts and link lists around the posting (JSON-LD on a
// third of them), and plain-text postings of about 5 KB, in Korean, English
// and mixed.
package benchgen

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"strings"

	"golang.org/x/net/html"
)

// Vocabulary for the generator.
var (
	techs = []string{"Python", "SQL", "Java", "Scala", "Go", "Airflow", "Spark", "Kafka", "AWS EMR", "AWS Glue", "Amazon S3",
		"Redshift", "BigQuery", "Snowflake", "Databricks", "dbt", "Docker", "Kubernetes", "Terraform", "Hadoop", "Hive",
		"Trino", "Flink", "PostgreSQL", "MySQL", "MongoDB", "Redis", "Elasticsearch", "Tableau", "Looker", "PyTorch",
		"TensorFlow", "MLflow", "Kubeflow", "FastAPI", "Django", "React", "TypeScript", "Jenkins", "GitHub Actions"}
	koDuties = []string{"데이터 파이프라인 설계 및 운영", "대용량 로그 수집과 처리", "데이터 레이크 구축", "사내 대시보드 구축",
		"ETL 배치 작업 개발", "실시간 스트리밍 처리 시스템 개발", "데이터 품질 모니터링", "분석 환경 개선", "ML 모델 서빙 파이프라인 운영",
		"데이터 웨어하우스 모델링", "비용 최적화와 성능 튜닝", "백엔드 API 개발"}
	enDuties = []string{"design and operate data pipelines", "build a data lake on cloud storage", "own batch ETL jobs",
		"build streaming ingestion", "monitor data quality", "model the data warehouse", "serve ML models in production",
		"tune cost and performance", "support analysts with clean tables", "build internal dashboards"}
	companies = []string{"루미너리커머스", "Halcyra", "(주)다온생활몰", "Parcelwise Inc.", "핀로드", "Castellan", "오디아랩스", "Tessera Travel"}
)

func pick[T any](r *rand.Rand, s []T) T { return s[r.IntN(len(s))] }

// Posting writes one posting's body as lines (headings first in each block).
func Posting(r *rand.Rand, lang string) (title, company string, lines []string) {
	company = pick(r, companies)
	years := r.IntN(8)
	stack := func(k int) string {
		parts := make([]string, k)
		for i := range parts {
			parts[i] = pick(r, techs)
		}
		return strings.Join(parts, ", ")
	}
	if lang == "en" {
		title = pick(r, []string{"Data Engineer", "Senior Data Engineer", "Analytics Engineer", "ML Engineer", "Data Analyst"})
		lines = append(lines, "About us", company+" builds products used by millions of people every day.", "What you'll do")
		for i := 0; i < 4+r.IntN(5); i++ {
			lines = append(lines, "- "+pick(r, enDuties)+" with "+stack(2))
		}
		lines = append(lines, "Requirements", fmt.Sprintf("- %d+ years of experience in data engineering", years), "- Strong "+stack(3), "Nice to have", "- "+stack(2), "Benefits", "- Remote-friendly, learning budget, health insurance")
		return
	}
	title = pick(r, []string{"데이터 엔지니어", "시니어 데이터 엔지니어", "데이터 분석가", "머신러닝 엔지니어", "Analytics Engineer"})
	lines = append(lines, "회사 소개", company+"는 빠르게 성장하는 서비스를 만듭니다.", "주요업무")
	for i := 0; i < 4+r.IntN(5); i++ {
		d := "- " + pick(r, koDuties) + " (" + stack(2) + ")"
		if lang == "mixed" && i%2 == 0 {
			d = "- " + pick(r, enDuties) + " using " + stack(2)
		}
		lines = append(lines, d)
	}
	lines = append(lines, "자격요건", fmt.Sprintf("- 경력 %d년 이상", years), "- "+stack(3)+" 실무 경험", "우대사항", "- "+stack(2)+" 경험자 우대", "혜택 및 복지", "- 유연근무제, 도서 구입비 지원")
	return
}

var noiseScript = `<script>(function(w,d){w.dataLayer=w.dataLayer||[];function g(){dataLayer.push(arguments)}g('js',new Date());g('config','G-XXXX');var s=d.createElement('script');s.async=true;s.src='https://example.invalid/a.js';d.head.appendChild(s)})(window,document);</script>`
var noiseStyle = `<style>.nav{display:flex;gap:12px}.job h2{font-size:18px;margin:24px 0 8px}.side li{list-style:none}.btn{padding:8px 16px;border-radius:4px}</style>`

// Page renders a posting as a job-board page of roughly 5–50 KB.
func Page(r *rand.Rand, i int) []byte {
	langs := []string{"ko", "en", "mixed"}
	lang := langs[i%3]
	title, company, lines := Posting(r, lang)
	var b bytes.Buffer
	b.WriteString("<!doctype html><html><head><meta charset=\"utf-8\"><title>" + html.EscapeString(title) + " | 잡보드</title>")
	b.WriteString(noiseStyle)
	for k := 0; k < 2+r.IntN(30); k++ {
		b.WriteString(noiseScript)
	}
	if i%3 == 0 {
		var desc strings.Builder
		for _, l := range lines {
			desc.WriteString("<p>" + html.EscapeString(l) + "</p>")
		}
		ld, _ := json.Marshal(map[string]any{"@context": "https://schema.org", "@type": "JobPosting", "title": title,
			"hiringOrganization": map[string]string{"@type": "Organization", "name": company}, "datePosted": "2026-10-01", "description": desc.String()})
		b.WriteString(`<script type="application/ld+json">`)
		b.Write(ld)
		b.WriteString(`</script>`)
	}
	b.WriteString("</head><body><header><nav class=\"nav\">")
	for k := 0; k < 12; k++ {
		fmt.Fprintf(&b, `<a href="/c/%d">카테고리 %d</a>`, k, k)
	}
	b.WriteString("</nav></header><div class=\"wrap\"><aside class=\"side\"><ul>")
	for k := 0; k < 20+r.IntN(260); k++ {
		fmt.Fprintf(&b, `<li><a href="/j/%d">%s at %s</a></li>`, k, pick(r, []string{"Backend Engineer", "iOS Developer", "Designer", "PM"}), pick(r, companies))
	}
	b.WriteString("</ul></aside><main><article class=\"job\"><h1>" + html.EscapeString(title) + "</h1><div class=\"company\">" + html.EscapeString(company) + "</div>")
	inList := false
	for _, l := range lines {
		if strings.HasPrefix(l, "- ") {
			if !inList {
				b.WriteString("<ul>")
				inList = true
			}
			b.WriteString("<li>" + html.EscapeString(l[2:]) + "</li>")
			continue
		}
		if inList {
			b.WriteString("</ul>")
			inList = false
		}
		b.WriteString("<h2>" + html.EscapeString(l) + "</h2>")
	}
	if inList {
		b.WriteString("</ul>")
	}
	b.WriteString("</article></main></div><footer><p>© 잡보드 · 이용약관 · 개인정보처리방침</p>")
	for k := 0; k < r.IntN(4); k++ {
		b.WriteString(noiseScript)
	}
	b.WriteString("</footer>")
	// Real job boards wrap a posting in 5–50 KB of markup: pad the page
	// with scripts and link lists until it reaches a size drawn from that
	// range.
	target := 5<<10 + r.IntN(45<<10)
	for k := 0; b.Len() < target; k++ {
		if k%3 == 0 {
			b.WriteString(noiseScript)
			continue
		}
		fmt.Fprintf(&b, `<div class="related"><a href="/j/%d">%s · %s</a></div>`, k, pick(r, []string{"Backend Engineer", "iOS Developer", "Product Designer", "Data Analyst"}), pick(r, companies))
	}
	b.WriteString("</body></html>")
	return b.Bytes()
}

// Text renders a plain-text posting of about 5 KB: one posting, then more
// duty, requirement and benefit blocks until it reaches that size.
func Text(r *rand.Rand, i int) []byte {
	title, company, lines := Posting(r, []string{"ko", "en", "mixed"}[i%3])
	var b bytes.Buffer
	b.WriteString(title + "\n" + company + "\n\n")
	for b.Len() < 5000 {
		for _, l := range lines {
			b.WriteString(l + "\n")
		}
		_, _, lines = Posting(r, "ko")
		lines = lines[2:] // more duties, no second intro
	}
	return b.Bytes()
}
