package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/klauspost/compress/zstd"
	"golang.org/x/text/encoding/korean"

	"github.com/jobstack/jobstack/extract"
)

const goodKorean = `데이터 엔지니어 (경력 3년 이상)
주요업무
- Airflow 기반 데이터 파이프라인 개발 및 운영
- AWS EMR, Glue를 활용한 대용량 로그 처리
자격요건
- Python, SQL 실무 경험 3년 이상
- Docker, Kubernetes 환경 이해
우대사항
- Kafka 스트리밍 경험
`

func write(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// gzipped and zstded compress data as gzip and zstd do.
func gzipped(t *testing.T, data []byte) []byte {
	var b bytes.Buffer
	z := gzip.NewWriter(&b)
	if _, err := z.Write(data); err != nil {
		t.Fatal(err)
	}
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func zstded(t *testing.T, data []byte) []byte {
	z, err := zstd.NewWriter(nil)
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	return z.EncodeAll(data, nil)
}

func euckr(t *testing.T, s string) []byte {
	b, err := korean.EUCKR.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

type rejectLine struct {
	Source, Reason, Detail string
}

func readRejects(t *testing.T, dir string) map[string]rejectLine {
	t.Helper()
	f, err := os.Open(filepath.Join(dir, fileRejects))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out := map[string]rejectLine{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		var r rejectLine
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatalf("rejects.jsonl line %q: %v", sc.Text(), err)
		}
		out[filepath.Base(r.Source)] = r
	}
	return out
}

// TestHostileInputs builds a folder of everything a scraper leaves behind
// and checks that every input is accounted for, with the reason expected.
func TestHostileInputs(t *testing.T) {
	in := filepath.Join(t.TempDir(), "in")
	big := strings.Repeat("<p>데이터 파이프라인과 Python, Spark 경험을 찾습니다. Airflow 운영.</p>\n", 12<<20/100)
	files := map[string][]byte{
		"ok.txt":            []byte(goodKorean),
		"truncated.html":    []byte("<html><body><h3>자격요건</h3><ul><li>Python과 SQL 경험 3년 이상</li><li>Airflow, Spark, Kafka 운영 경험</li><li>Kubern"),
		"binary.html":       append([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), bytes.Repeat([]byte{0, 1, 2, 3}, 100)...),
		"empty.txt":         nil,
		"blank.md":          []byte(" \n\t\n   \n"),
		"invalid-utf8.txt":  append([]byte(goodKorean), 0xff, 0xfe, 0xc3, '\n'),
		"cp949-meta.html":   append([]byte(`<html><head><meta charset="euc-kr"></head><body><main>`), append(euckr(t, strings.ReplaceAll(goodKorean, "\n", "<br>")), "</main></body></html>"...)...),
		"cp949-bare.txt":    euckr(t, goodKorean),
		"mojibake.html":     []byte("<html><body><main><h2>Requirements</h2><p>Weâ€™re hiring a data engineer with 5+ years of experience in Python, Airflow and Spark. RÃ©sumÃ© welcome.</p></main></body></html>"),
		"big-page.html":     []byte("<html><body><main>" + big + "</main></body></html>"),
		"huge.html":         bytes.Repeat([]byte("<p>x</p>"), 17<<20/8), // over the default --max-bytes
		"notes.pdf":         []byte("%PDF-1.4 not a posting"),
		"nav-only.html":     []byte("<html><head><script>var a=1</script></head><body><nav>Home | Jobs</nav></body></html>"),
		"dir/deep.json":     []byte(`[{"title":"Data Engineer","description":"` + strings.ReplaceAll(goodKorean, "\n", `\n`) + `"}, ` + strings.Repeat("[", 20000) + strings.Repeat("]", 20000) + `]`),
		"records.jsonl":     []byte(`{"title":"Data Engineer","description":"` + strings.ReplaceAll(goodKorean, "\n", `\n`) + `"}` + "\n{not json}\n\n" + `{"title":"Analyst","text":"SQL과 Tableau로 대시보드를 만들고 지표를 관리합니다. 경력 2년 이상."}` + "\n" + `[1,2,3]` + "\n"),
		"rows.csv":          []byte("title,company,description\nData Engineer,A,\"" + goodKorean + "\"\nToo,many,fields,here,x\nAnalyst,B,\"SQL과 Tableau 대시보드 구축, 경력 2년 이상, 지표 관리 업무\"\n"),
		"PANIC-trigger.txt": []byte("PANIC posting\n" + goodKorean),
		// A folder's own documentation and a data set of tagged tokens:
		// text files, but no postings.
		"README.md":      []byte("# Scraped postings\n\nOne file per posting, from the data engineer search, with Python, Spark and Airflow in most of them.\n"),
		"ner/tokens.txt": []byte(strings.Repeat("Experience O\nwith O\nApache B-Skill\nSpark I-Skill\n. O\n\n", 10)),
		// Record files with no records: as empty as a file of no bytes.
		"header-only.csv": []byte("title,description\n"),
		"blank.jsonl":     []byte("\n  \n\n"),
		"none.json":       []byte(" [ ] "),
		// Compressed files, read as the file without .gz or .zst.
		"gz/records.jsonl.gz": gzipped(t, []byte(`{"title":"BI Analyst","text":"Tableau와 SQL로 경영 대시보드와 주간 리포트를 구축합니다. 경력 1년 이상."}`+"\n"+
			`{"title":"ML Engineer","text":"PyTorch 모델 서빙과 Kubernetes 배포를 맡습니다. 경력 4년 이상."}`+"\n")),
		"gz/page.html.zst": zstded(t, []byte("<html><body><main><h2>Requirements</h2><p>4+ years building Spark and Airflow pipelines on AWS Glue and EMR.</p></main></body></html>")),
		"gz/cut.jsonl.gz":  gzipped(t, []byte(`{"title":"x","text":"`+strings.Repeat("Kafka와 Flink 스트리밍 ", 2000)+`"}`+"\n"))[:120],
		"gz/fake.txt.gz":   []byte("not compressed at all\n" + goodKorean),
		"gz/bomb.txt.gz":   gzipped(t, make([]byte, 17<<20)),
		// Binary files under a record file's name: each is one input
		// rejected as what it is, not a bad line per newline byte.
		"gz/twice.jsonl.gz": gzipped(t, gzipped(t, []byte(`{"title":"x","text":"`+goodKorean[:60]+`"}`+"\n"))),
		"bin/unnamed.jsonl": gzipped(t, []byte(strings.Repeat(`{"title":"Data Engineer","text":"Spark"}`+"\n", 200))),
		"bin/workbook.csv": zipped(t, []zipEntry{{name: "[Content_Types].xml", data: []byte("<Types/>")},
			{name: "xl/workbook.xml", data: []byte("<workbook/>")}, {name: "xl/worksheets/sheet1.xml", data: bytes.Repeat([]byte("<row>\n</row>\n"), 500)}}),
		"bin/program.json": append([]byte("\x7fELF\x02\x01\x01\x00"), bytes.Repeat([]byte("\x00\x01\n{\x02"), 2000)...),
	}
	for name, data := range files {
		write(t, filepath.Join(in, name), data)
	}
	// A folder link that points back up would loop if followed.
	if err := os.Symlink(in, filepath.Join(in, "dir", "loop")); err != nil {
		t.Fatal(err)
	}

	cfg := Config{Out: filepath.Join(t.TempDir(), "out"), Jobs: 4, MaxBytes: 16 << 20, Progress: "never", Inputs: []string{in}}
	eng, err := newEngine(&cfg)
	if err != nil {
		t.Fatal(err)
	}
	eng.afterParse = func(p *extract.Posting) {
		if strings.HasPrefix(p.Title, "PANIC") {
			var m map[string]int
			//lint:ignore SA5000 the test needs a real runtime panic, not a call to panic
			m["boom"]++
		}
	}
	st, err := newStaging(cfg.Out)
	if err != nil {
		t.Fatal(err)
	}
	sum, err := analyze(context.Background(), &cfg, eng, st, &progress{})
	if err != nil {
		t.Fatal(err)
	}
	if err := st.commit(); err != nil {
		t.Fatal(err)
	}
	m := readManifest(t, cfg.Out)
	if m.Inputs != sum.Inputs {
		t.Fatalf("manifest inputs %d, summary %d", m.Inputs, sum.Inputs)
	}
	// 19 files and a folder link; the JSON, JSONL and CSV files hold 2, 4
	// and 3 records, so the files count as 16 + 2 + 4 + 3 + 1 link = 26.
	// Then 3 record files without records, and the compressed files: 2
	// records, a page, a cut stream with no whole record, a file that is
	// not compressed and a bomb, 3 + 2 + 1 + 1 + 1 + 1 = 9 more; and 4
	// binary record files.
	if m.Inputs != 39 {
		t.Errorf("inputs = %d, want 39", m.Inputs)
	}
	if m.Inputs != m.Postings+m.Duplicates+m.Rejected {
		t.Errorf("inputs %d != postings %d + duplicates %d + rejected %d", m.Inputs, m.Postings, m.Duplicates, m.Rejected)
	}
	wantReasons := map[string]int{
		extract.ReasonBinary: 5, extract.ReasonEmpty: 5, extract.ReasonTooLarge: 2, extract.ReasonUnsupportedType: 1,
		extract.ReasonNoText: 1, extract.ReasonBadJSON: 3, extract.ReasonBadCSVRow: 1, extract.ReasonSymlink: 1,
		extract.ReasonInternalError: 1, extract.ReasonReadError: 2, extract.ReasonNotPosting: 2,
	}
	for reason, n := range wantReasons {
		if m.RejectedByReason[reason] != n {
			t.Errorf("rejected %s = %d, want %d (all: %v)", reason, m.RejectedByReason[reason], n, m.RejectedByReason)
		}
	}
	rej := readRejects(t, cfg.Out)
	for name, reason := range map[string]string{
		"binary.html": "binary", "empty.txt": "empty", "blank.md": "empty", "huge.html": "too_large", "notes.pdf": "unsupported_type",
		"nav-only.html": "no_text", "deep.json#2": "bad_json", "records.jsonl#2": "bad_json", "records.jsonl#5": "bad_json",
		"rows.csv#2": "bad_csv_row", "loop": "symlink", "PANIC-trigger.txt": "internal_error",
		"header-only.csv": "empty", "blank.jsonl": "empty", "none.json": "empty",
		"cut.jsonl.gz#1": "read_error", "fake.txt.gz": "read_error", "bomb.txt.gz": "too_large",
		"README.md": "not_a_posting", "tokens.txt": "not_a_posting",
		"twice.jsonl.gz": "binary", "unnamed.jsonl": "binary", "workbook.csv": "binary", "program.json": "binary",
	} {
		r, ok := rej[name]
		if !ok || r.Reason != reason {
			t.Errorf("rejects.jsonl: %s = %+v, want reason %s", name, r, reason)
		}
	}
	for name, want := range map[string]string{
		"twice.jsonl.gz": "compressed twice", "unnamed.jsonl": "rename it to end in .gz",
		"workbook.csv": "(.xlsx), not text: save it as \"CSV UTF-8\"", "program.json": "an executable program",
		"binary.html": "an image, not text",
	} {
		if d := rej[name].Detail; !strings.Contains(d, want) {
			t.Errorf("%s detail %q lacks %q", name, d, want)
		}
	}
	if d := rej["PANIC-trigger.txt"].Detail; !strings.Contains(d, "assignment to entry in nil map") || !strings.Contains(d, "goroutine") {
		t.Errorf("internal_error detail lacks the panic and its stack: %q", d)
	}
	if d := rej["tokens.txt"].Detail; !strings.Contains(d, "tokens.txt: a token-per-line annotation file (a word and a B-/I-/O tag on 50 lines") {
		t.Errorf("tokens.txt detail: %q", d)
	}
	if d := rej["README.md"].Detail; !strings.Contains(d, "name the file on the command line") {
		t.Errorf("README.md detail does not say how to read it: %q", d)
	}
	if d := rej["rows.csv#2"].Detail; !strings.Contains(d, "rows.csv:") {
		t.Errorf("bad_csv_row detail does not name the file and line: %q", d)
	}
	for name, want := range map[string]string{"cut.jsonl.gz#1": "gzip: unexpected EOF", "fake.txt.gz": "not a gzip file", "bomb.txt.gz": "decompresses to more than --max-bytes"} {
		if d := rej[name].Detail; !strings.Contains(d, want) {
			t.Errorf("%s: detail %q, want %q", name, d, want)
		}
	}
	res := duckdb(t, "SELECT source, encoding, encoding_repaired, len(skills) FROM '"+filepath.Join(cfg.Out, filePostings)+"' ORDER BY source")
	got := map[string][]any{}
	for _, r := range res[0].Rows {
		got[filepath.Base(r[0].(string))] = r
	}
	for _, name := range []string{"ok.txt", "truncated.html", "invalid-utf8.txt", "cp949-meta.html", "cp949-bare.txt", "mojibake.html", "big-page.html",
		"records.jsonl.gz#1", "records.jsonl.gz#2", "page.html.zst"} {
		if _, ok := got[name]; !ok {
			if _, dup := rej[name]; !dup {
				// ok.txt, invalid-utf8.txt and cp949-bare.txt are the same
				// posting: all but the first are folded as duplicates.
				continue
			}
			t.Errorf("%s gave no posting", name)
		}
	}
	if r := got["cp949-meta.html"]; r == nil || r[1] != "euc-kr" {
		t.Errorf("cp949-meta.html: %v, want encoding euc-kr", r)
	}
	if r := got["mojibake.html"]; r == nil || r[2] != true {
		t.Errorf("mojibake.html: %v, want encoding_repaired", r)
	}
	if r := got["truncated.html"]; r == nil || num(r[3]) < 4 {
		t.Errorf("truncated.html: %v, want its skills", r)
	}
	if r := got["page.html.zst"]; r == nil || num(r[3]) < 4 {
		t.Errorf("page.html.zst: %v, want its skills (Spark, Airflow, Glue, EMR)", r)
	}
	if m.Duplicates < 2 {
		t.Errorf("duplicates = %d; ok.txt, invalid-utf8.txt and cp949-bare.txt are one posting", m.Duplicates)
	}
}

// TestDocumentationFiles checks that a README met in a folder is rejected
// as documentation, and read as a posting when named on the command line.
func TestDocumentationFiles(t *testing.T) {
	in := t.TempDir()
	readme := filepath.Join(in, "ReadMe.txt")
	write(t, readme, []byte(goodKorean))
	write(t, filepath.Join(in, "posting.txt"), []byte(strings.Replace(goodKorean, "3년", "5년", 1)))
	write(t, filepath.Join(in, "README.jsonl"), []byte(`{"title":"Analyst","text":"SQL과 Tableau로 대시보드를 만들고 지표를 관리합니다. 경력 2년 이상."}`+"\n"))

	out, _ := analyzeInto(t, in)
	m := readManifest(t, out)
	if m.Inputs != 3 || m.Postings != 2 || m.RejectedByReason[extract.ReasonNotPosting] != 1 {
		t.Errorf("folder: inputs %d, postings %d, rejected %v; want 3, 2 and one not_a_posting", m.Inputs, m.Postings, m.RejectedByReason)
	}
	if r := readRejects(t, out)["ReadMe.txt"]; r.Reason != extract.ReasonNotPosting {
		t.Errorf("ReadMe.txt: %+v", r)
	}

	out, _ = analyzeInto(t, readme)
	if m := readManifest(t, out); m.Inputs != 1 || m.Postings != 1 {
		t.Errorf("named on the command line: inputs %d, postings %d, rejected %v; want it read", m.Inputs, m.Postings, m.RejectedByReason)
	}
}

func TestStrictAndExitCodes(t *testing.T) {
	in := t.TempDir()
	write(t, filepath.Join(in, "ok.txt"), []byte(goodKorean))
	write(t, filepath.Join(in, "x.pdf"), []byte("%PDF"))
	out := filepath.Join(t.TempDir(), "out")
	var stdout, stderr bytes.Buffer
	if code := run(context.Background(), []string{"analyze", "--progress", "never", "-o", out, in}, &stdout, &stderr); code != 0 {
		t.Errorf("exit %d with a rejected input, want 0: %s", code, stderr.String())
	}
	stderr.Reset()
	if code := run(context.Background(), []string{"analyze", "--strict", "--progress", "never", "-o", out, in}, &stdout, &stderr); code != 1 || !strings.Contains(stderr.String(), "--strict") {
		t.Errorf("--strict: exit %d, stderr %q; want 1 and a reason", code, stderr.String())
	}
	if code := run(context.Background(), []string{"analyze", "--jobs", "0", in}, &stdout, &stderr); code != 1 {
		t.Errorf("--jobs 0: exit %d, want 1", code)
	}
	if code := run(context.Background(), []string{"analyze", "--bogus", in}, &stdout, &stderr); code != 2 {
		t.Errorf("unknown flag: exit %d, want 2", code)
	}
	// An --out folder that holds other files is not replaced.
	other := t.TempDir()
	write(t, filepath.Join(other, "thesis.tex"), []byte("mine"))
	stderr.Reset()
	if code := run(context.Background(), []string{"analyze", "--progress", "never", "-o", other, in}, &stdout, &stderr); code != 1 || !strings.Contains(stderr.String(), "not empty") {
		t.Errorf("foreign --out: exit %d, %q", code, stderr.String())
	}
	if data, _ := os.ReadFile(filepath.Join(other, "thesis.tex")); string(data) != "mine" {
		t.Error("a foreign --out folder was touched")
	}
	// Nor is one that holds a manifest.json: a dataset's own, or an
	// earlier run's with a file of the user's beside it.
	runManifest, err := os.ReadFile(filepath.Join(out, fileManifest))
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name  string
		files map[string]string
		want  string
	}{
		{"a dataset's manifest", map[string]string{fileManifest: `{"dataset": "jobs"}`, "jobs.csv": "title\n"}, "did not write (jobs.csv)"},
		{"a dataset's manifest alone", map[string]string{fileManifest: `{"dataset": "jobs"}`}, "not one jobstack wrote"},
		{"a notebook beside a run", map[string]string{fileManifest: "", "notes/a.ipynb": "{}"}, "did not write (notes/)"},
	} {
		dir := t.TempDir()
		for name, data := range tt.files {
			if name == fileManifest && data == "" {
				data = string(runManifest)
			}
			write(t, filepath.Join(dir, name), []byte(data))
		}
		stderr.Reset()
		if code := run(context.Background(), []string{"analyze", "--progress", "never", "-o", dir, in}, &stdout, &stderr); code != 1 || !strings.Contains(stderr.String(), tt.want) {
			t.Errorf("%s: exit %d, %q; want 1 and %q", tt.name, code, stderr.String(), tt.want)
		}
		for name, data := range tt.files {
			if got, err := os.ReadFile(filepath.Join(dir, name)); err != nil || data != "" && string(got) != data {
				t.Errorf("%s: %s was touched (%v)", tt.name, name, err)
			}
		}
	}
	// A canceled run leaves the previous outputs and no staging folder.
	before, _ := os.ReadFile(filepath.Join(out, fileManifest))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if code := run(ctx, []string{"analyze", "--progress", "never", "-o", out, in}, &stdout, &stderr); code != 130 {
		t.Errorf("canceled run: exit %d, want 130", code)
	}
	after, _ := os.ReadFile(filepath.Join(out, fileManifest))
	if !bytes.Equal(before, after) {
		t.Error("a canceled run changed the previous outputs")
	}
	if left, _ := filepath.Glob(filepath.Join(filepath.Dir(out), ".out.jobstack-tmp-*")); len(left) > 0 {
		t.Errorf("staging folders left behind: %v", left)
	}
}

// TestKillMidRun kills a real jobstack process with SIGKILL while it writes
// and checks that the previous complete outputs are still there and whole.
func TestKillMidRun(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("SIGKILL test needs Linux")
	}
	bin := filepath.Join(t.TempDir(), "jobstack")
	build := exec.Command("go", "build", "-o", bin, ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	in := t.TempDir()
	var big bytes.Buffer
	for i := 0; i < 30000; i++ {
		rec, _ := json.Marshal(map[string]string{"title": "Data Engineer " + strings.Repeat("x", i%7), "description": strings.ReplaceAll(goodKorean, "3년", string(rune('0'+i%10))+"년") + strings.Repeat(" 추가 설명", i%50) + " #" + strings.Repeat("k", i%13)})
		big.Write(rec)
		big.WriteByte('\n')
	}
	write(t, filepath.Join(in, "many.jsonl"), big.Bytes())
	out := filepath.Join(t.TempDir(), "out")
	first := exec.Command(bin, "analyze", "--progress", "never", "-o", out, "../../testdata/postings")
	if b, err := first.CombinedOutput(); err != nil {
		t.Fatalf("first run: %v\n%s", err, b)
	}
	want := map[string][]byte{}
	for _, f := range []string{filePostings, fileSkills, fileReport, fileManifest} {
		want[f], _ = os.ReadFile(filepath.Join(out, f))
	}
	for _, delay := range []time.Duration{50 * time.Millisecond, 300 * time.Millisecond, 900 * time.Millisecond} {
		cmd := exec.Command(bin, "analyze", "--progress", "never", "-o", out, in)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(delay)
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		for f, data := range want {
			got, err := os.ReadFile(filepath.Join(out, f))
			if err != nil {
				t.Fatalf("after SIGKILL at %v: %s: %v", delay, f, err)
			}
			if !bytes.Equal(got, data) {
				// The run may have finished before the kill; then the
				// outputs must be that run's, whole.
				var m manifest
				mb, _ := os.ReadFile(filepath.Join(out, fileManifest))
				if json.Unmarshal(mb, &m) != nil || m.Inputs != 30000 {
					t.Fatalf("after SIGKILL at %v: %s changed and is not a complete newer run", delay, f)
				}
			}
		}
	}
}

// TestVanishedFile: a file listed by the walk and gone when a worker reads
// it is that input's read_error, and the run goes on.
func TestVanishedFile(t *testing.T) {
	cfg := Config{MaxBytes: 16 << 20}
	eng, err := newEngine(&cfg)
	if err != nil {
		t.Fatal(err)
	}
	gone := filepath.Join(t.TempDir(), "gone.html")
	r := eng.process(task{in: extract.Input{Source: gone, Format: extract.FormatHTML}, path: gone, size: 100})
	if r.rej == nil || r.rej.Reason != extract.ReasonReadError || !strings.Contains(r.rej.Detail, "gone.html") {
		t.Errorf("vanished file: %+v, want a read_error that names the file", r.rej)
	}
}

// TestKeepDuplicates: reposts are folded by default, with their sources
// listed, and kept as rows of their own (with distinct ids) on request.
func TestKeepDuplicates(t *testing.T) {
	in := t.TempDir()
	write(t, filepath.Join(in, "a.txt"), []byte(goodKorean))
	write(t, filepath.Join(in, "b.txt"), []byte(goodKorean+"\n게시일 2026-11-02"))
	write(t, filepath.Join(in, "c.txt"), []byte(goodKorean))
	folded, _ := analyzeInto(t, in)
	m := readManifest(t, folded)
	if m.Postings != 1 || m.Duplicates != 2 {
		t.Errorf("folded: %d postings, %d duplicates; want 1 and 2", m.Postings, m.Duplicates)
	}
	res := duckdb(t, "SELECT duplicate_count, duplicate_sources FROM '"+filepath.Join(folded, filePostings)+"'")
	if r := res[0].Rows[0]; num(r[0]) != 2 || !strings.Contains(fmt.Sprint(r[1]), "b.txt") || !strings.Contains(fmt.Sprint(r[1]), "c.txt") {
		t.Errorf("duplicate columns = %v", r)
	}
	kept, _ := analyzeInto(t, "--keep-duplicates", in)
	m = readManifest(t, kept)
	if m.Postings != 3 || m.Duplicates != 0 {
		t.Errorf("--keep-duplicates: %d postings, %d duplicates; want 3 and 0", m.Postings, m.Duplicates)
	}
	res = duckdb(t, "SELECT count(DISTINCT posting_id) FROM '"+filepath.Join(kept, filePostings)+"'")
	if n := num(res[0].Rows[0][0]); n != 3 {
		t.Errorf("--keep-duplicates: %v distinct posting ids, want 3", n)
	}
}

// TestInterrupt sends SIGINT and SIGTERM to a real jobstack run: it exits
// 130, leaves no staging folder, and the previous outputs stand.
func TestInterrupt(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("signal test needs Linux")
	}
	bin := filepath.Join(t.TempDir(), "jobstack")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	in := t.TempDir()
	var big bytes.Buffer
	for i := 0; i < 40000; i++ {
		rec, _ := json.Marshal(map[string]string{"title": fmt.Sprintf("Data Engineer %d", i), "description": goodKorean + strings.Repeat(" 설명", i%40) + fmt.Sprintf(" #%d", i)})
		big.Write(rec)
		big.WriteByte('\n')
	}
	write(t, filepath.Join(in, "many.jsonl"), big.Bytes())
	parent := t.TempDir()
	out := filepath.Join(parent, "out")
	if b, err := exec.Command(bin, "analyze", "--progress", "never", "-o", out, "../../testdata/postings").CombinedOutput(); err != nil {
		t.Fatalf("first run: %v\n%s", err, b)
	}
	before, _ := os.ReadFile(filepath.Join(out, fileManifest))
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
		cmd := exec.Command(bin, "analyze", "--progress", "never", "-o", out, in)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(400 * time.Millisecond)
		cmd.Process.Signal(sig)
		cmd.Wait()
		if code := cmd.ProcessState.ExitCode(); code != exitCanceled {
			t.Errorf("%v: exit %d, want %d (%s)", sig, code, exitCanceled, stderr.String())
		}
		after, _ := os.ReadFile(filepath.Join(out, fileManifest))
		if !bytes.Equal(before, after) {
			t.Errorf("%v: the previous outputs changed", sig)
		}
		if left, _ := filepath.Glob(filepath.Join(parent, ".out.jobstack-tmp-*")); len(left) > 0 {
			t.Errorf("%v: staging folders left behind: %v", sig, left)
		}
	}

	// Records piped from a producer that has not closed stdin: an
	// interrupt ends the run without waiting for the pipe.
	cmd := exec.Command(bin, "analyze", "--progress", "never", "-o", out, "-")
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer stdin.Close()
	rec, _ := json.Marshal(map[string]string{"title": "Data Engineer", "description": goodKorean})
	stdin.Write(append(rec, '\n'))
	time.Sleep(400 * time.Millisecond)
	cmd.Process.Signal(syscall.SIGINT)
	done := make(chan struct{})
	go func() { cmd.Wait(); close(done) }()
	select {
	case <-done:
		if code := cmd.ProcessState.ExitCode(); code != exitCanceled {
			t.Errorf("open stdin: exit %d, want %d (%s)", code, exitCanceled, stderr.String())
		}
	case <-time.After(20 * time.Second):
		cmd.Process.Kill()
		<-done
		t.Errorf("open stdin: the run did not end after SIGINT (%s)", stderr.String())
	}
	if after, _ := os.ReadFile(filepath.Join(out, fileManifest)); !bytes.Equal(before, after) {
		t.Error("open stdin: the previous outputs changed")
	}
}

// TestOverlappingInputs: a file or folder given beside a folder that
// holds it, or the same path spelled twice, is read once; an input under
// a hidden folder, which a walk does not enter, is read.
func TestOverlappingInputs(t *testing.T) {
	in := t.TempDir()
	write(t, filepath.Join(in, "a.txt"), []byte(goodKorean))
	write(t, filepath.Join(in, "sub", "b.txt"), []byte(goodKorean+"\nAirflow, Kafka"))
	write(t, filepath.Join(in, ".cache", "c.txt"), []byte(goodKorean+"\nSnowflake"))
	got := overlapping([]string{in, in + "//a.txt", filepath.Join(in, "sub"), in + "/sub/../sub/b.txt", filepath.Join(in, ".cache", "c.txt"), "-"})
	want := map[string]string{in + "//a.txt": in, filepath.Join(in, "sub"): in, in + "/sub/../sub/b.txt": in}
	if !maps.Equal(got, want) {
		t.Errorf("overlapping = %v\nwant %v", got, want)
	}
	got = overlapping([]string{in + "/a.txt", in + "//a.txt", in + "/./a.txt"})
	if len(got) != 2 || got[in+"//a.txt"] != in+"/./a.txt" || got[in+"/a.txt"] != in+"/./a.txt" {
		t.Errorf("one file three ways: %v, want the first in sorted order to read it", got)
	}

	out, stderr := analyzeInto(t, in, in+"//a.txt", filepath.Join(in, "sub"), filepath.Join(in, ".cache", "c.txt"))
	if m := readManifest(t, out); m.Inputs != 3 {
		t.Errorf("inputs %d, want 3 (a.txt, sub/b.txt, .cache/c.txt)", m.Inputs)
	}
	if !strings.Contains(stderr, in+"//a.txt is read once, as part of "+in) {
		t.Errorf("stderr does not say which input is read as part of another:\n%s", stderr)
	}
}

// TestOutInsideInput: --out inside the folder being read is passed over,
// so running again does not read the last run's report and rejects.
func TestOutInsideInput(t *testing.T) {
	in := t.TempDir()
	write(t, filepath.Join(in, "a.txt"), []byte(goodKorean))
	out := filepath.Join(in, "out")
	var counts []int
	for range 3 {
		var stdout, stderr bytes.Buffer
		if code := run(context.Background(), []string{"analyze", "--progress", "never", "-o", out, in}, &stdout, &stderr); code != 0 {
			t.Fatalf("exit %d: %s", code, stderr.String())
		}
		counts = append(counts, readManifest(t, out).Inputs)
	}
	if !slices.Equal(counts, []int{1, 1, 1}) {
		t.Errorf("inputs of three runs: %v, want 1 each", counts)
	}
}

// TestNamedPipeInput: a pipe or device named as an input is rejected as
// not a regular file, as the folder walk rejects one, rather than read
// as an empty file or waited on.
func TestNamedPipeInput(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "jobs.jsonl")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("no named pipes here:", err)
	}
	out, _ := analyzeInto(t, fifo)
	rej := readRejects(t, out)
	if r := rej["jobs.jsonl"]; r.Reason != extract.ReasonUnsupportedType || !strings.Contains(r.Detail, "not a regular file") {
		t.Errorf("reject %+v, want %s: not a regular file", r, extract.ReasonUnsupportedType)
	}
}
