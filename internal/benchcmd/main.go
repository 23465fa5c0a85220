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
// and prints postings/s, MB/s, the ratio to the floor and peak RSS. The
// machines are noisy, so everything runs -repeat times (default 3): the
// floor and jobstack alternately, with the ratio the median of the pairs;
// the text postings, with the median rate; and with -scaling, -j 1 and
// -j N alternately (-pairs times, default 5: one pair's speed-up moves
// most with the machine's load), with the median speed-up. Each run also
// says how many cores it kept busy (user and system time over wall time).
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
	"sort"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/jobstack/jobstack/internal/benchgen"
	"golang.org/x/net/html"
)

// The aims for 2 cores: text postings a second, set where the
// tokenizer floor did about aimFloor pages a second.
const aimText, aimFloor = 10000, 9000

func main() {
	n := flag.Int("n", 6000, "HTML pages and text postings to generate")
	records := flag.Int("records", 0, "also run a JSONL file of this many records (memory check)")
	jobs := flag.Int("jobs", 2, "workers for the floor and for jobstack")
	dir := flag.String("dir", ".bench", "where to write the corpus and outputs")
	bin := flag.String("bin", "bin/jobstack", "the jobstack binary")
	scaling := flag.Bool("scaling", false, "also run the pages with -j 1 to measure scaling")
	repeat := flag.Int("repeat", 3, "floor and jobstack pairs on the pages (the ratio is their median)")
	pairs := flag.Int("pairs", 5, "-j 1 and -j N pairs with -scaling (the speed-up is their median)")
	flag.Parse()
	if err := run(*n, *records, *jobs, *repeat, *pairs, *dir, *bin, *scaling); err != nil {
		fmt.Fprintln(os.Stderr, "benchcmd:", err)
		os.Exit(1)
	}
}

func run(n, records, jobs, repeat, pairs int, dir, bin string, scaling bool) error {
	repeat, pairs = max(repeat, 1), max(pairs, 1)
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

	// The machines are noisy: floor and jobstack run alternately, and the
	// ratio reported is the median of the pairs.
	var ratios, floors []float64
	for range repeat {
		floor, err := tokenizerFloor(htmlDir, jobs)
		if err != nil {
			return err
		}
		floors = append(floors, floor)
		fmt.Printf("floor:  x/net/html tokenizer, %d workers: %.0f pages/s\n", jobs, floor)
		r, err := analyze(bin, htmlDir, filepath.Join(dir, "out-html"), jobs)
		if err != nil {
			return err
		}
		ratio := float64(n) / r.secs / floor
		ratios = append(ratios, ratio)
		fmt.Printf("html:   jobstack -j %d: %.0f postings/s, %.1f MB/s, peak RSS %.0f MB, %.2f cores; ratio to floor %.2f\n",
			jobs, float64(n)/r.secs, mb(htmlBytes)/r.secs, r.rssMB, r.cpu/r.secs, ratio)
	}
	if repeat > 1 {
		med, lo, hi := spread(ratios)
		fmt.Printf("ratio:  median of %d pairs %.2f (range %.2f–%.2f)\n", repeat, med, lo, hi)
	}
	var rates []float64
	for range repeat {
		t, err := analyze(bin, textDir, filepath.Join(dir, "out-text"), jobs)
		if err != nil {
			return err
		}
		rates = append(rates, float64(n)/t.secs)
		fmt.Printf("text:   jobstack -j %d: %.0f postings/s, %.1f MB/s, peak RSS %.0f MB, %.2f cores, %.3f ms of CPU a posting\n",
			jobs, float64(n)/t.secs, mb(textBytes)/t.secs, t.rssMB, t.cpu/t.secs, 1000*t.cpu/float64(n))
	}
	if repeat > 1 {
		med, _, _ := spread(rates)
		fmt.Printf("text:   median of %d runs %.0f postings/s\n", repeat, med)
	}
	// The aim for text postings is an absolute rate, set on a machine
	// whose floor was about 9,000 pages/s; scaled by the floors, the
	// rate here says what this code would do there.
	text, _, _ := spread(rates)
	floor, _, _ := spread(floors)
	fmt.Printf("text:   %.2f postings per floor page; at the aim's floor of %d pages/s that is about %.0f postings/s (aim %d)\n",
		text/floor, aimFloor, text/floor*aimFloor, aimText)
	if scaling {
		// -j 1 and -j N alternate too; the speed-up is the median pair's.
		var ups []float64
		for range pairs {
			one, err := analyze(bin, htmlDir, filepath.Join(dir, "out-html-1"), 1)
			if err != nil {
				return err
			}
			many, err := analyze(bin, htmlDir, filepath.Join(dir, "out-html"), jobs)
			if err != nil {
				return err
			}
			ups = append(ups, one.secs/many.secs)
			fmt.Printf("scaling: -j 1 %.0f postings/s (%.2f cores), -j %d %.0f postings/s (%.2f cores): %.2fx\n",
				float64(n)/one.secs, one.cpu/one.secs, jobs, float64(n)/many.secs, many.cpu/many.secs, one.secs/many.secs)
		}
		if pairs > 1 {
			med, lo, hi := spread(ups)
			fmt.Printf("scaling: median of %d pairs %.2fx (range %.2f–%.2f)\n", pairs, med, lo, hi)
		}
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

// spread sorts xs and returns their median (the upper one of an even
// count), least and greatest.
func spread(xs []float64) (med, lo, hi float64) {
	sort.Float64s(xs)
	return xs[len(xs)/2], xs[0], xs[len(xs)-1]
}

type runResult struct {
	secs  float64
	rssMB float64
	// cpu is the child's user and system time, in seconds: the cores it
	// kept busy are cpu/secs, which says how much of a slow run was the
	// machine's other load.
	cpu float64
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
	cpu := (cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()).Seconds()
	return runResult{secs: secs, rssMB: rss, cpu: cpu}, nil
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
			data = benchgen.Page(r, i)
			name = fmt.Sprintf("%06d.html", i)
		} else {
			data = benchgen.Text(r, i)
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
		title, company, lines := benchgen.Posting(r, []string{"ko", "en", "mixed"}[i%3])
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
