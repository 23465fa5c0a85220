// Command benchcmd measures jobstack end to end on a generated corpus, as
// `make bench` runs it. It writes N synthetic postings (HTML pages with
// navigation, scripts, styles and sidebars, JSON-LD on a third of them, in
// Korean, English and mixed; and plain-text postings), then measures in the
// same run:
//
//   - the floor: a bare golang.org/x/net/html tokenizer pass over the same
//     pages (read, tokenize, keep visible text) with the same workers;
//   - jobstack analyze on the pages and on the text postings, as a child
//     process, with its peak RSS from the kernel (getrusage);
//
// and prints postings/s, MB/s, the ratio to the floor and peak RSS.
//
//	go run ./internal/benchcmd -n 6000 -jobs 2
//	go run ./internal/benchcmd -records 200000   # memory on a large JSONL run
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"time"

	"golang.org/x/net/html"
)

func main() {
	n := flag.Int("n", 6000, "HTML pages and text postings to generate")
	records := flag.Int("records", 0, "also run a JSONL file of this many records (memory check)")
	jobs := flag.Int("jobs", 2, "workers for the floor and for jobstack")
	dir := flag.String("dir", ".bench", "where to write the corpus and outputs")
	bin := flag.String("bin", "bin/jobstack", "the jobstack binary")
	scaling := flag.Bool("scaling", false, "also run the pages with -j 1 to measure scaling")
	flag.Parse()
	if err := run(*n, *records, *jobs, *dir, *bin, *scaling); err != nil {
		fmt.Fprintln(os.Stderr, "benchcmd:", err)
		os.Exit(1)
	}
}

func run(n, records, jobs int, dir, bin string, scaling bool) error {
	htmlDir := filepath.Join(dir, fmt.Sprintf("html-%d", n))
	textDir := filepath.Join(dir, fmt.Sprintf("text-%d", n))
	htmlBytes, err := generate(htmlDir, n, true)
	if err != nil {
		return err
	}
	textBytes, err := generate(textDir, n, false)
	if err != nil {
		return err
	}
	fmt.Printf("corpus: %d pages (%.1f MB, %.1f KB each), %d text postings (%.1f MB)\n",
		n, mb(htmlBytes), float64(htmlBytes)/float64(n)/1024, n, mb(textBytes))

	floor, err := tokenizerFloor(htmlDir, jobs)
	if err != nil {
		return err
	}
	fmt.Printf("floor:  x/net/html tokenizer, %d workers: %.0f pages/s\n", jobs, floor)

	h, err := analyze(bin, htmlDir, filepath.Join(dir, "out-html"), jobs)
	if err != nil {
		return err
	}
	fmt.Printf("html:   jobstack -j %d: %.0f postings/s, %.1f MB/s, peak RSS %.0f MB; ratio to floor %.2f\n",
		jobs, float64(n)/h.secs, mb(htmlBytes)/h.secs, h.rssMB, float64(n)/h.secs/floor)
	t, err := analyze(bin, textDir, filepath.Join(dir, "out-text"), jobs)
	if err != nil {
		return err
	}
	fmt.Printf("text:   jobstack -j %d: %.0f postings/s, %.1f MB/s, peak RSS %.0f MB\n", jobs, float64(n)/t.secs, mb(textBytes)/t.secs, t.rssMB)
	if scaling {
		one, err := analyze(bin, htmlDir, filepath.Join(dir, "out-html-1"), 1)
		if err != nil {
			return err
		}
		fmt.Printf("scaling: -j 1 %.0f postings/s, -j %d %.0f postings/s: %.2fx\n", float64(n)/one.secs, jobs, float64(n)/h.secs, one.secs/h.secs)
	}
	if records > 0 {
		path := filepath.Join(dir, fmt.Sprintf("records-%d.jsonl", records))
		size, err := generateJSONL(path, records)
		if err != nil {
			return err
		}
		r, err := analyze(bin, path, filepath.Join(dir, "out-records"), jobs)
		if err != nil {
			return err
		}
		fmt.Printf("jsonl:  %d records (%.0f MB): %.0f postings/s, peak RSS %.0f MB\n", records, mb(size), float64(records)/r.secs, r.rssMB)
	}
	return nil
}

func mb(n int64) float64 { return float64(n) / 1e6 }

type runResult struct {
	secs  float64
	rssMB float64
}

// analyze runs jobstack as a child process and reads its peak RSS from the
// kernel.
func analyze(bin, input, out string, jobs int) (runResult, error) {
	os.RemoveAll(out)
	cmd := exec.Command(bin, "analyze", "--progress", "never", "-j", fmt.Sprint(jobs), "-o", out, input)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	start := time.Now()
	if err := cmd.Run(); err != nil {
		return runResult{}, fmt.Errorf("%s: %v\n%s", bin, err, stderr.String())
	}
	secs := time.Since(start).Seconds()
	ru, _ := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	rss := 0.0
	if ru != nil {
		rss = float64(ru.Maxrss) / 1024 // KiB on Linux
	}
	return runResult{secs: secs, rssMB: rss}, nil
}

// tokenizerFloor reads every page and runs the bare tokenizer over it,
// keeping visible text, with the given workers: what any HTML pipeline
// must pay at least.
func tokenizerFloor(dir string, workers int) (float64, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.html"))
	if err != nil {
		return 0, err
	}
	start := time.Now()
	ch := make(chan string)
	var wg sync.WaitGroup
	var total int64
	var mu sync.Mutex
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var text bytes.Buffer
			for f := range ch {
				data, err := os.ReadFile(f)
				if err != nil {
					continue
				}
				text.Reset()
				z := html.NewTokenizer(bytes.NewReader(data))
				skip := 0
				for {
					tt := z.Next()
					if tt == html.ErrorToken {
						break
					}
					switch tt {
					case html.StartTagToken:
						if name, _ := z.TagName(); string(name) == "script" || string(name) == "style" {
							skip++
						}
					case html.EndTagToken:
						if name, _ := z.TagName(); (string(name) == "script" || string(name) == "style") && skip > 0 {
							skip--
						}
					case html.TextToken:
						if skip == 0 {
							text.Write(z.Text())
						}
					}
				}
				mu.Lock()
				total += int64(text.Len())
				mu.Unlock()
			}
		}()
	}
	for _, f := range files {
		ch <- f
	}
	close(ch)
	wg.Wait()
	return float64(len(files)) / time.Since(start).Seconds(), nil
}

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

// posting writes one posting's body as lines (headings first in each block).
func posting(r *rand.Rand, lang string) (title, company string, lines []string) {
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

// page renders a posting as a job-board page of roughly 5–50 KB.
func page(r *rand.Rand, i int) []byte {
	langs := []string{"ko", "en", "mixed"}
	lang := langs[i%3]
	title, company, lines := posting(r, lang)
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

func text(r *rand.Rand, i int) []byte {
	title, company, lines := posting(r, []string{"ko", "en", "mixed"}[i%3])
	var b bytes.Buffer
	b.WriteString(title + "\n" + company + "\n\n")
	for b.Len() < 5000 {
		for _, l := range lines {
			b.WriteString(l + "\n")
		}
		_, _, lines = posting(r, "ko")
		lines = lines[2:] // more duties, no second intro
	}
	return b.Bytes()
}

// generate writes n postings (pages or text) unless they are already there.
func generate(dir string, n int, pages bool) (int64, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return 0, err
	}
	r := rand.New(rand.NewPCG(1, uint64(n)))
	var total int64
	for i := 0; i < n; i++ {
		var data []byte
		name := fmt.Sprintf("%06d.txt", i)
		if pages {
			data = page(r, i)
			name = fmt.Sprintf("%06d.html", i)
		} else {
			data = text(r, i)
		}
		total += int64(len(data))
		path := filepath.Join(dir, name)
		if fi, err := os.Stat(path); err == nil && fi.Size() == int64(len(data)) {
			continue
		}
		if err := os.WriteFile(path, data, 0o644); err != nil {
			return 0, err
		}
	}
	return total, nil
}

func generateJSONL(path string, n int) (int64, error) {
	f, err := os.Create(path)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	r := rand.New(rand.NewPCG(2, uint64(n)))
	var total int64
	for i := 0; i < n; i++ {
		title, company, lines := posting(r, []string{"ko", "en", "mixed"}[i%3])
		rec, _ := json.Marshal(map[string]string{"title": title, "company": company, "description": strings.Join(lines, "\n") + fmt.Sprintf("\n- 공고 번호 %d", i)})
		rec = append(rec, '\n')
		w, err := f.Write(rec)
		if err != nil {
			return 0, err
		}
		total += int64(w)
	}
	return total, nil
}
