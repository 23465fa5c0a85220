package main

import (
	"archive/zip"
	"context"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/jobstack/jobstack/classify"
	"github.com/jobstack/jobstack/extract"
	"github.com/jobstack/jobstack/internal/dedup"
	"github.com/jobstack/jobstack/report"
)

func cmdAnalyze(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	cfg := Config{Stdin: stdin}
	fs := newFlags("analyze", &cfg, stderr)
	fs.StringVar(&cfg.Out, "o", "out", "output directory (short for --out)")
	fs.StringVar(&cfg.Out, "out", "out", "output directory; created if missing, replaced whole when the run completes")
	fs.IntVar(&cfg.Jobs, "j", runtime.NumCPU(), "workers (short for --jobs)")
	fs.IntVar(&cfg.Jobs, "jobs", runtime.NumCPU(), "workers")
	fs.StringVar(&cfg.Progress, "progress", "auto", "progress bar on stderr: auto (when stderr is a terminal), always or never")
	fs.BoolVar(&cfg.Strict, "strict", false, "exit 1 when any input is rejected (for CI pipelines)")
	fs.BoolVar(&cfg.KeepDuplicates, "keep-duplicates", false, "keep duplicate postings as rows of their own instead of folding them")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile to this file (for go tool pprof)")
	memProfile := fs.String("memprofile", "", "write a heap profile to this file when the run ends")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: jobstack analyze [flags] INPUT...\n\nINPUT is a file, a directory (walked recursively, hidden folders skipped) or - for stdin (JSONL records; a JSON array, CSV, an HTML page or a zip archive by how it starts; gzip or zstd decompressed).\nReads "+readsWhat+"; other files, and a folder's README, LICENSE or SOURCES, are recorded as rejected.\n\nflags:\n")
		fs.PrintDefaults()
	}
	inputs, err := parseInterleaved(fs, args)
	if err != nil {
		return err
	}
	if len(inputs) == 0 {
		fmt.Fprintln(stderr, "jobstack analyze: no INPUT given (a file, a directory, or - for records on stdin)")
		return errUsage
	}
	if cfg.Jobs < 1 {
		return fmt.Errorf("--jobs %d: want at least 1", cfg.Jobs)
	}
	if cfg.MaxBytes < 1 {
		return fmt.Errorf("--max-bytes %d: want at least 1", cfg.MaxBytes)
	}
	switch cfg.Progress {
	case "auto", "always", "never":
	default:
		return fmt.Errorf("--progress %q: want auto, always or never", cfg.Progress)
	}
	cfg.setInputs(inputs, stderr)
	// What a run holds is small (the taxonomy automaton, a window of
	// postings, 60–100 bytes per unique posting for duplicates), but the
	// collector's garbage lets the heap double between collections. A soft
	// limit keeps peak memory flat on long runs for about a tenth of the
	// speed; GOMEMLIMIT overrides it.
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(defaultMemoryLimit)
	}
	eng, err := newEngine(&cfg)
	if err != nil {
		return err
	}
	st, err := newStaging(cfg.Out)
	if err != nil {
		return err
	}
	committed := false
	defer func() {
		if !committed {
			st.abort()
		}
	}()
	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	bar := newProgress(cfg.Progress, stderr)
	sum, err := analyze(ctx, &cfg, eng, st, bar)
	if *memProfile != "" {
		if f, perr := os.Create(*memProfile); perr == nil {
			pprof.WriteHeapProfile(f)
			f.Close()
		}
	}
	bar.finish()
	if err != nil {
		return err
	}
	if ctx.Err() != nil {
		return ctx.Err()
	}
	if err := st.commit(); err != nil {
		return fmt.Errorf("--out %s: %w", cfg.Out, err)
	}
	committed = true
	fmt.Fprintln(stderr, sum.line(cfg.Out))
	if cfg.Strict && sum.Rejected > 0 {
		return errStrict
	}
	return nil
}

// task is one input on its way to a worker. seq orders the outputs.
type task struct {
	seq  int64
	in   extract.Input
	path string // for html/text: the worker reads the file
	size int64
	// limit is the most bytes a compressed file may decompress to
	// (--max-bytes); 0 for other files.
	limit int64
}

// result is what a worker made of a task.
type result struct {
	seq    int64
	source string
	row    *report.PostingRow
	skills []report.SkillRow
	print  dedup.Print
	terms  []report.Term
	rej    *extract.Reject
}

// summary is the accounting of a run, written to manifest.json.
type summary struct {
	Version          string         `json:"version"`
	TaxonomyVersion  string         `json:"taxonomy_version"`
	RulesVersion     string         `json:"rules_version"`
	Inputs           int            `json:"inputs"`
	Postings         int            `json:"postings"`
	Duplicates       int            `json:"duplicates"`
	Rejected         int            `json:"rejected"`
	RejectedByReason map[string]int `json:"rejected_by_reason"`
	DuplicatesExact  int            `json:"duplicates_exact"`
	DuplicatesNear   int            `json:"duplicates_near"`
	SkillRows        int            `json:"skill_rows"`
	Files            int64          `json:"files"`
	Bytes            int64          `json:"bytes"`
	StartedAt        string         `json:"started_at"`
	FinishedAt       string         `json:"finished_at"`
	ElapsedSeconds   float64        `json:"elapsed_seconds"`
	PostingsPerSec   float64        `json:"inputs_per_second"`
	MBPerSec         float64        `json:"mb_per_second"`
	Jobs             int            `json:"jobs"`
	Args             []string       `json:"inputs_given"`
	Options          map[string]any `json:"options"`
	Outputs          []string       `json:"outputs"`
	Maturity         map[string]int `json:"maturity"`
	Languages        map[string]int `json:"languages"`
	Encodings        map[string]int `json:"encodings"`
	EncodingRepaired int            `json:"encodings_repaired"`
	GoVersion        string         `json:"go_version"`
}

func (s *summary) line(out string) string {
	noun := "postings"
	if s.Postings == 1 {
		noun = "posting"
	}
	took := fmt.Sprintf("%.1fs", s.ElapsedSeconds)
	if ms := int(math.Round(s.ElapsedSeconds * 1000)); ms < 1000 {
		took = fmt.Sprintf("%d ms", ms)
	}
	return fmt.Sprintf("%s %s → %s/ (%s rejected, %s duplicates) in %s, %s inputs/s, %.1f MB/s",
		thousands(s.Postings), noun, strings.TrimSuffix(out, "/"), thousands(s.Rejected), thousands(s.Duplicates),
		took, thousands(int(s.PostingsPerSec)), s.MBPerSec)
}

func thousands(n int) string {
	s := fmt.Sprint(n)
	if n < 0 {
		return "-" + thousands(-n)
	}
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// analyze runs the pipeline: one producer walks the inputs and splits
// record files, cfg.Jobs workers parse, match and classify, and the
// collector (this goroutine) puts results back in input order, folds
// duplicates and writes the outputs into the staging folder.
func analyze(ctx context.Context, cfg *Config, eng *engine, st *staging, bar *progress) (*summary, error) {
	start := time.Now()
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	// window bounds how far workers may run ahead of the collector, so the
	// reorder buffer (and memory) stays small whatever the input size. It
	// holds a few batches for each worker.
	window := max(8*cfg.Jobs+32, (2*cfg.Jobs+2)*taskBatch)
	slots := make(chan struct{}, window)
	tasks := make(chan []task, cfg.Jobs*2)
	results := make(chan []result, cfg.Jobs*2)
	var files, bytesRead atomic.Int64
	var prodErr error
	go func() {
		defer close(tasks)
		p := &producer{cfg: cfg, ctx: ctx, tasks: tasks, slots: slots, files: &files, bytes: &bytesRead}
		if prodErr = p.run(); prodErr == nil {
			prodErr = p.flush()
		}
	}()
	var wg sync.WaitGroup
	for range cfg.Jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for batch := range tasks {
				out := make([]result, len(batch))
				for i, t := range batch {
					out[i] = eng.process(t)
				}
				select {
				case results <- out:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() {
		wg.Wait()
		close(results)
	}()

	col, err := newCollector(cfg, eng, st, bar)
	if err != nil {
		return nil, err // the deferred cancel stops the producer and the workers
	}
	pending := map[int64]result{}
	var next int64
	var colErr error
	for colErr == nil {
		var batch []result
		var ok bool
		select {
		case batch, ok = <-results:
		case <-ctx.Done():
			// Interrupted (or the collector failed): end now. A worker
			// may be deep in one huge posting and the producer blocked
			// on a stdin that stays open; the workers stop at their
			// next result and the process ends with the run.
		}
		if !ok {
			break
		}
		for _, r := range batch {
			pending[r.seq] = r
		}
		done := 0
		for {
			rr, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			done++
			if err := col.add(rr); err != nil {
				colErr = err
				cancel()
				break
			}
		}
		// The slots go back together, so a producer waiting for one
		// wakes once for the lot.
		for range done {
			<-slots
		}
	}
	if colErr != nil {
		col.abort()
		return nil, colErr
	}
	if err := ctx.Err(); err != nil {
		col.abort()
		return nil, context.Canceled
	}
	if prodErr != nil {
		col.abort()
		return nil, prodErr
	}
	sum := col.sum
	sum.Files, sum.Bytes = files.Load(), bytesRead.Load()
	sum.StartedAt = start.UTC().Format(time.RFC3339)
	if err := col.finish(start); err != nil {
		return nil, err
	}
	return sum, nil
}

// producer walks the inputs in a stable order (arguments sorted, folders in
// lexical order) and hands out tasks in batches.
type producer struct {
	cfg   *Config
	ctx   context.Context
	tasks chan<- []task
	slots chan struct{}
	seq   int64
	batch []task
	files *atomic.Int64
	bytes *atomic.Int64
}

// taskBatch is the most tasks that travel together to a worker, whose
// results travel back together. One posting at a time, a single worker
// woke the producer and the collector on the other core twice a posting,
// and those wake-ups cost about a fifth more CPU than the work.
const taskBatch = 16

// emit takes a slot of the window for t and adds it to the batch, which
// goes out when it is full or when the workers have nothing queued, so
// postings from a slow input (a pipe) are not held back.
func (p *producer) emit(t task) error {
	// Outputs name the input in UTF-8 whatever the file system holds.
	t.in.Source = extract.ValidName(t.in.Source)
	if t.in.Err != nil {
		t.in.Err.Detail = extract.ValidName(t.in.Err.Detail)
	}
	select {
	case p.slots <- struct{}{}:
	case <-p.ctx.Done():
		return p.ctx.Err()
	}
	t.seq = p.seq
	p.seq++
	p.batch = append(p.batch, t)
	if len(p.batch) < taskBatch && len(p.tasks) > 0 {
		return nil
	}
	return p.flush()
}

// flush hands the batch to the workers.
func (p *producer) flush() error {
	if len(p.batch) == 0 {
		return nil
	}
	select {
	case p.tasks <- p.batch:
		p.batch = make([]task, 0, taskBatch)
		return nil
	case <-p.ctx.Done():
		return p.ctx.Err()
	}
}

func (p *producer) rejectPath(path, reason, format string, args ...any) error {
	return p.emit(task{in: extract.Input{Source: path, Err: &extract.Reject{Reason: reason, Detail: fmt.Sprintf(format, args...)}}})
}

func (p *producer) run() error {
	inputs := append([]string(nil), p.cfg.Inputs...)
	sort.SliceStable(inputs, func(i, j int) bool {
		if (inputs[i] == "-") != (inputs[j] == "-") {
			return inputs[j] == "-"
		}
		return inputs[i] < inputs[j]
	})
	seen := map[string]bool{}
	for _, in := range inputs {
		if seen[in] {
			continue
		}
		seen[in] = true
		if _, ok := p.cfg.Covered[in]; ok {
			continue
		}
		if in == "-" {
			if err := p.stdin(); err != nil {
				return err
			}
			continue
		}
		if err := p.walk(in); err != nil {
			return err
		}
	}
	return nil
}

// stdin reads standard input as records: JSONL, or a JSON array or CSV
// by how it starts, decompressed when it is a gzip or zstd stream
// (extract.Stream). A page (curl's output) is one HTML posting, and a
// zip archive is read as an archive file is, its entries named
// stdin/NAME.
func (p *producer) stdin() error {
	r, format, err := extract.Stream(p.cfg.Stdin)
	if err != nil {
		return p.rejectPath("stdin", extract.ReasonReadError, "stdin: %v", err)
	}
	defer r.Close()
	switch format {
	case extract.FormatHTML:
		data, err := io.ReadAll(io.LimitReader(r, p.cfg.MaxBytes+1))
		switch {
		case err != nil:
			return p.rejectPath("stdin", extract.ReasonReadError, "stdin: %v", err)
		case int64(len(data)) > p.cfg.MaxBytes:
			return p.rejectPath("stdin", extract.ReasonTooLarge, "stdin: a page of more than --max-bytes %d", p.cfg.MaxBytes)
		}
		return p.emit(task{in: extract.Input{Source: "stdin", Format: extract.FormatHTML, Data: data}})
	case extract.ArchiveFormat:
		return p.stdinArchive(r)
	case "xml":
		return p.rejectPath("stdin", extract.ReasonUnsupportedType, "stdin: XML that is not a page (a feed or sitemap?); jobstack reads from stdin a page, JSONL, a JSON array, CSV or a zip archive")
	}
	return p.records("stdin", format, r)
}

// stdinArchive reads a zip archive from standard input. A zip's index
// is at its end, so the stream is saved to a temporary file first.
func (p *producer) stdinArchive(r io.Reader) error {
	tmp, err := os.CreateTemp("", "jobstack-stdin-*.zip")
	if err != nil {
		return p.rejectPath("stdin", extract.ReasonReadError, "stdin: a zip archive, which could not be saved to read: %v", err)
	}
	defer os.Remove(tmp.Name())
	_, err = io.Copy(tmp, r)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return p.rejectPath("stdin", extract.ReasonReadError, "stdin: a zip archive, which could not be saved to read: %v", err)
	}
	z, err := extract.OpenArchive(tmp.Name())
	if err != nil {
		return p.rejectPath("stdin", extract.ReasonReadError, "stdin: %v", err)
	}
	defer z.Close()
	return p.archiveEntries("stdin", &z.Reader)
}

func (p *producer) walk(root string) error {
	fi, err := os.Stat(root)
	if err != nil {
		return p.rejectPath(root, extract.ReasonReadError, "%s: %v", root, unwrapPath(err))
	}
	if !fi.IsDir() {
		if !fi.Mode().IsRegular() {
			return p.rejectPath(root, extract.ReasonUnsupportedType, "%s: not a regular file (a device, pipe or socket); pipe records to standard input with - instead", root)
		}
		return p.file(root, fi)
	}
	return filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			if path == root {
				return p.rejectPath(path, extract.ReasonReadError, "%s: %v", path, unwrapPath(err))
			}
			if rerr := p.rejectPath(path, extract.ReasonReadError, "%s: %v", path, unwrapPath(err)); rerr != nil {
				return rerr
			}
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if p.ctx.Err() != nil {
			return p.ctx.Err()
		}
		if d.IsDir() {
			if path != root && (extract.SkippedFolder(d.Name()) || p.isOut(path)) {
				return fs.SkipDir
			}
			return nil
		}
		if extract.DocumentationFile(d.Name()) {
			return p.notPosting(path)
		}
		if d.Type()&fs.ModeSymlink != 0 {
			target, err := os.Stat(path)
			switch {
			case err != nil:
				return p.rejectPath(path, extract.ReasonReadError, "%s: broken symbolic link: %v", path, unwrapPath(err))
			case target.IsDir():
				// Following folder links could loop; a link to a folder
				// is reported and not followed.
				return p.rejectPath(path, extract.ReasonSymlink, "%s: symbolic link to a folder is not followed; pass the folder itself", path)
			}
			return p.file(path, target)
		}
		if !d.Type().IsRegular() {
			return p.rejectPath(path, extract.ReasonUnsupportedType, "%s: not a regular file", path)
		}
		fi, err := d.Info()
		if err != nil {
			return p.rejectPath(path, extract.ReasonReadError, "%s: %v", path, unwrapPath(err))
		}
		return p.file(path, fi)
	})
}

// isOut reports whether the folder at path is --out, met inside an input
// folder: its outputs (report.md, rejects.jsonl) are not postings, and
// reading them would change each run's counts.
func (p *producer) isOut(path string) bool {
	if p.cfg.outAbs == "" || filepath.Base(path) != filepath.Base(p.cfg.outAbs) {
		return false
	}
	abs, err := filepath.Abs(path)
	return err == nil && abs == p.cfg.outAbs
}

func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func (p *producer) file(path string, fi fs.FileInfo) error {
	format := extract.FormatOf(path)
	switch {
	case format == "" && !extract.IsArchive(path):
		return p.unsupported(path, path)
	case fi.Size() == 0:
		return p.rejectPath(path, extract.ReasonEmpty, "%s: file is empty", path)
	case extract.IsArchive(path):
		return p.archive(path, fi)
	case extract.IsRecordFormat(format):
		f, err := extract.Open(path)
		if err != nil {
			return p.rejectPath(path, extract.ReasonReadError, "%s: %v", path, unwrapPath(err))
		}
		defer f.Close()
		p.files.Add(1)
		p.bytes.Add(fi.Size())
		return p.records(path, format, f)
	case fi.Size() > p.cfg.MaxBytes:
		return p.rejectPath(path, extract.ReasonTooLarge, "%s: %d bytes, more than --max-bytes %d", path, fi.Size(), p.cfg.MaxBytes)
	}
	p.files.Add(1)
	p.bytes.Add(fi.Size())
	t := task{in: extract.Input{Source: path, Format: format}, path: path, size: fi.Size()}
	if extract.Compression(path) != "" {
		t.limit = p.cfg.MaxBytes
	}
	return p.emit(t)
}

// unsupported rejects a file whose name says it is not a posting file.
func (p *producer) unsupported(source, name string) error {
	ext := filepath.Ext(name)
	if extract.Compression(name) != "" {
		ext = filepath.Ext(strings.TrimSuffix(name, ext)) + ext
	}
	return p.rejectPath(source, extract.ReasonUnsupportedType, "%s: %q files are not read (jobstack reads %s)", source, ext, readsWhat)
}

// notPosting rejects a README, LICENSE or SOURCES file met in a folder or
// an archive: it describes the postings beside it. A file named on the
// command line is read whatever its name.
func (p *producer) notPosting(source string) error {
	return p.rejectPath(source, extract.ReasonNotPosting, "%s: a folder's documentation file (README, LICENSE, SOURCES and the like), not a posting; name the file on the command line to read it as one", source)
}

// readsWhat is the files jobstack reads, as its messages say it.
const readsWhat = ".html .htm .txt .md .jsonl .json .csv .tsv, those compressed as .gz or .zst, and .zip archives of them"

// archive reads a zip archive's entries as the files of the folder it
// would unpack to, in name order. Record entries are split as they are
// decompressed; a page or text entry is read here, at most --max-bytes,
// and handed to a worker as its bytes.
func (p *producer) archive(path string, fi fs.FileInfo) error {
	z, err := extract.OpenArchive(path)
	if err != nil {
		return p.rejectPath(path, extract.ReasonReadError, "%s: %v", path, err)
	}
	defer z.Close()
	p.files.Add(1)
	p.bytes.Add(fi.Size())
	return p.archiveEntries(path, &z.Reader)
}

// archiveEntries reads an open archive's entries, each named source/NAME.
func (p *producer) archiveEntries(source string, z *zip.Reader) error {
	entries := extract.ArchiveEntries(z)
	if len(entries) == 0 {
		return p.rejectPath(source, extract.ReasonEmpty, "%s: zip archive holds no files", source)
	}
	for _, f := range entries {
		if err := p.entry(source+"/"+f.Name, f); err != nil {
			return err
		}
	}
	return nil
}

// entry reads one file of a zip archive as file reads a file.
func (p *producer) entry(source string, f *zip.File) error {
	format := extract.FormatOf(f.Name)
	size := int64(f.UncompressedSize64)
	switch {
	case extract.IsArchive(f.Name):
		return p.rejectPath(source, extract.ReasonUnsupportedType, "%s: an archive inside an archive is not read; unpack the outer one and pass the folder", source)
	case format == "":
		return p.unsupported(source, f.Name)
	case extract.DocumentationFile(f.Name):
		return p.notPosting(source)
	case size == 0:
		return p.rejectPath(source, extract.ReasonEmpty, "%s: file is empty", source)
	case extract.IsRecordFormat(format):
		r, err := extract.OpenEntry(f)
		if err != nil {
			return p.rejectPath(source, extract.ReasonReadError, "%s: %v", source, err)
		}
		defer r.Close()
		return p.records(source, format, r)
	case size > p.cfg.MaxBytes && extract.Compression(f.Name) == "":
		return p.rejectPath(source, extract.ReasonTooLarge, "%s: %d bytes, more than --max-bytes %d", source, size, p.cfg.MaxBytes)
	}
	data, err := extract.ReadEntryMax(f, p.cfg.MaxBytes)
	switch {
	case errors.Is(err, extract.ErrTooLarge):
		return p.rejectPath(source, extract.ReasonTooLarge, "%s: decompresses to more than --max-bytes %d", source, p.cfg.MaxBytes)
	case err != nil:
		return p.rejectPath(source, extract.ReasonReadError, "%s: %v", source, err)
	}
	return p.emit(task{in: extract.Input{Source: source, Format: format, Data: data}})
}

func (p *producer) records(path, format string, r io.Reader) error {
	var emitErr error
	n := 0
	err := extract.Records(path, format, r, p.cfg.MaxBytes, func(in extract.Input) bool {
		n++
		emitErr = p.emit(task{in: in})
		return emitErr == nil
	})
	if emitErr != nil {
		return emitErr
	}
	if err != nil {
		// The file could not be read to its end: what was read is
		// accounted for, and the rest is one rejected input. A stream
		// that decompresses as a zip bomb does is too large rather than
		// unreadable.
		reason := extract.ReasonReadError
		if errors.Is(err, extract.ErrCompressionRatio) {
			reason = extract.ReasonTooLarge
		}
		return p.rejectPath(extract.RecordSource(path, n+1), reason, "%s: reading stopped after %d records: %v", path, n, unwrapPath(err))
	}
	if n == 0 {
		// Blank lines, a header row or "[]": as empty as a file of no
		// bytes, and accounted for the same way.
		return p.rejectPath(path, extract.ReasonEmpty, "%s: no records", path)
	}
	return nil
}

// process turns one task into a result. A panic anywhere in it becomes the
// input's internal_error reject, so one bad posting never stops a run.
func (e *engine) process(t task) (r result) {
	r = result{seq: t.seq, source: t.in.Source}
	defer func() {
		if v := recover(); v != nil {
			r = result{seq: t.seq, source: t.in.Source, rej: &extract.Reject{
				Reason: extract.ReasonInternalError,
				Detail: fmt.Sprintf("%s: panic: %v\n%s", t.in.Source, v, debug.Stack()),
			}}
		}
	}()
	in := t.in
	if in.Err == nil && t.path != "" {
		var data []byte
		var err error
		if t.limit > 0 {
			data, err = extract.ReadFileMax(t.path, t.limit)
		} else {
			data, err = readLimited(t.path, t.size, maxRead(t))
		}
		switch {
		case errors.Is(err, extract.ErrTooLarge):
			in.Err = &extract.Reject{Reason: extract.ReasonTooLarge, Detail: fmt.Sprintf("%s: decompresses to more than --max-bytes %d", t.path, t.limit)}
		case errors.Is(err, errTooLarge):
			in.Err = &extract.Reject{Reason: extract.ReasonTooLarge, Detail: fmt.Sprintf("%s: grew past --max-bytes while being read", t.path)}
		case err != nil:
			in.Err = &extract.Reject{Reason: extract.ReasonReadError, Detail: fmt.Sprintf("%s: %v", t.path, unwrapPath(err))}
		}
		in.Data = data
	}
	p, err := e.reader.Parse(in)
	if err != nil {
		var rej *extract.Reject
		if !errors.As(err, &rej) {
			rej = &extract.Reject{Reason: extract.ReasonInternalError, Detail: err.Error()}
		}
		r.rej = rej
		return r
	}
	if e.afterParse != nil {
		e.afterParse(p)
	}
	var hits []classify.PhraseHit
	skills, terms := e.matcher.MatchPhrases(p, func(start, end, id int) {
		hits = append(hits, classify.PhraseHit{Start: int32(start), End: int32(end), ID: int32(id)})
	})
	labels := e.classifier.ClassifyHits(p, skills, hits)
	r.print = dedup.FingerprintSpans(p.Title, p.Text, dedupCore(p)).WithTitle(p.Title)
	r.row, r.skills = buildRows(p, skills, labels, r.print)
	if len(terms) > 0 {
		r.terms = make([]report.Term, len(terms))
		for i, t := range terms {
			r.terms[i] = report.Term{Name: t.Name, Listed: t.Listed}
		}
	}
	return r
}

// rejectExample is a reject's detail as the report shows it: its first
// line (an internal_error's stack follows the panic), counted from after
// the source, whose name may hold a newline of its own.
func rejectExample(source, detail string) string {
	from := 0
	if strings.HasPrefix(detail, source) {
		from = len(source)
	}
	if i := strings.IndexByte(detail[from:], '\n'); i >= 0 {
		return detail[:from+i]
	}
	return detail
}

// dedupCore is the part of a posting that near-duplicate matching compares:
// its duties, requirements and preferred sections, without the site's
// header, footer, dates and benefits, as spans of its text in that order.
// A posting without those sections (nil) is compared whole.
func dedupCore(p *extract.Posting) []dedup.Span {
	kinds := [...]extract.SectionKind{extract.SectionResponsibilities, extract.SectionRequirements, extract.SectionPreferred}
	var spans []dedup.Span
	// n is the length of the core as SectionText joins each kind's
	// sections and a newline ends each kind.
	n := len(kinds)
	for _, k := range kinds {
		size := 0
		for _, s := range p.Sections {
			if s.Kind != k {
				continue
			}
			if size > 0 {
				size++
			}
			size += s.End - s.Start
			spans = append(spans, dedup.Span{Start: s.Start, End: s.End})
		}
		n += size
	}
	if n < 200 {
		return nil
	}
	return spans
}

// defaultMemoryLimit is the soft memory limit analyze sets unless
// GOMEMLIMIT is set.
const defaultMemoryLimit = 192 << 20

var errTooLarge = errors.New("file larger than --max-bytes")

func maxRead(t task) int64 {
	// The producer checked the size; a file that grows past twice that
	// while we read it is cut off rather than read without bound.
	return max(t.size*2, 1<<20)
}

func readLimited(path string, size, limit int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	// One buffer of the size the producer saw (and a byte to notice
	// growth), instead of io.ReadAll's doublings from 512 bytes.
	buf := make([]byte, 0, min(size, limit)+1)
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		n, err := f.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if int64(len(buf)) > limit {
			return nil, errTooLarge
		}
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return nil, err
		}
	}
}

// postingID is a stable id from a posting's content: its title, company
// and the hash of its normalised text.
func postingID(p *extract.Posting, print dedup.Print) string {
	h := sha256.New()
	io.WriteString(h, p.Title)
	h.Write([]byte{0})
	io.WriteString(h, p.Company)
	h.Write([]byte{0})
	var b [8]byte
	for i := range b {
		b[i] = byte(print.Exact >> (8 * i))
	}
	h.Write(b[:])
	return hex.EncodeToString(h.Sum(nil)[:8])
}

func buildRows(p *extract.Posting, skills []extract.Skill, labels classify.Result, print dedup.Print) (*report.PostingRow, []report.SkillRow) {
	req := p.Requirements
	row := &report.PostingRow{
		PostingID:          postingID(p, print),
		Source:             p.Source,
		Title:              p.Title,
		Company:            p.Company,
		Language:           p.Language,
		Maturity:           labels.Maturity,
		MaturityConfidence: labels.Confidence,
		MaturityEvidence:   nonNil(labels.Evidence),
		Role:               labels.Role,
		Seniority:          labels.Seniority,
		DegreeMin:          req.Degree.String(),
		UndeterminedReason: labels.UndeterminedReason,
		RoleEvidence:       nonNil(labels.RoleEvidence),
		SeniorityEvidence:  nonNil(labels.SeniorityEvidence),
		DEFocus:            labels.DEFocus,
		DegreeFlexible:     req.DegreeFlexible,
		EmploymentType:     req.EmploymentType,
		Remote:             req.Remote,
		Location:           req.Location,
		SalaryCurrency:     req.Salary.Currency,
		SalaryPeriod:       req.Salary.Period,
		SalaryText:         req.Salary.Text,
		DatePosted:         p.DatePosted,
		ValidThrough:       p.ValidThrough,
		Industry:           p.Industry,
		URL:                p.URL,
		Format:             p.Format,
		Encoding:           p.Encoding,
		EncodingRepaired:   p.Repaired,
		HasRequirements:    p.HasSection(extract.SectionRequirements),
		SiteTags:           nonNil(p.SiteTags),
		TextChars:          int32(p.TextRunes()),
		DuplicateSources:   []string{},
	}
	// The four lists share one array, sized by counting first.
	var nTech, nReq, nPref int
	for _, s := range skills {
		if s.Kind == "technology" {
			nTech++
			switch s.Requirement {
			case extract.RequirementRequired:
				nReq++
			case extract.RequirementPreferred:
				nPref++
			}
		}
	}
	names := make([]string, len(skills)+nReq+nPref)
	row.Skills, names = names[:0:nTech], names[nTech:]
	row.RequiredSkills, names = names[:0:nReq], names[nReq:]
	row.PreferredSkills, names = names[:0:nPref], names[nPref:]
	row.Concepts = names[:0]
	if req.HasYears {
		y := int32(req.YearsMin)
		row.YearsMin = &y
		if req.YearsMax > 0 {
			m := int32(req.YearsMax)
			row.YearsMax = &m
		}
	}
	if req.Salary.Currency != "" {
		lo, hi := req.Salary.Min, req.Salary.Max
		row.SalaryMin, row.SalaryMax = &lo, &hi
	}
	if p.Headcount > 0 {
		h := int32(min(p.Headcount, 1<<30))
		row.Headcount = &h
	}
	if p.HeadcountMax > 0 {
		h := int32(min(p.HeadcountMax, 1<<30))
		row.HeadcountMax = &h
	}
	rows := make([]report.SkillRow, 0, len(skills))
	for i := range skills {
		s := &skills[i]
		if s.Kind == "technology" {
			row.Skills = append(row.Skills, s.Name)
			switch s.Requirement {
			case extract.RequirementRequired:
				row.RequiredSkills = append(row.RequiredSkills, s.Name)
			case extract.RequirementPreferred:
				row.PreferredSkills = append(row.PreferredSkills, s.Name)
			}
		} else {
			row.Concepts = append(row.Concepts, s.Name)
		}
		rows = append(rows, report.SkillRow{
			PostingID: row.PostingID, Skill: s.Name, Kind: s.Kind, Category: s.Category,
			Requirement: s.Requirement.String(), Mentions: int32(s.Mentions), Evidence: s.Evidence,
			SkillID: s.ID, Parent: s.Parent, Offset: int32(s.Offset), Maturity: labels.Maturity, Role: labels.Role,
			RequirementEvidence: levelEvidence(s),
		})
	}
	return row, rows
}

// levelEvidence is a skill's requirement_evidence: the line that set its
// requirement when that is not the line of its first mention, else nil.
// It points into s, which the row keeps alive.
func levelEvidence(s *extract.Skill) *string {
	if s.LevelEvidence == s.Evidence {
		return nil
	}
	return &s.LevelEvidence
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// collector puts results in order into the outputs. It owns the dedup
// index and the writers.
type collector struct {
	cfg      *Config
	eng      *engine
	st       *staging
	bar      *progress
	sum      *summary
	stats    *report.Stats
	index    *dedup.Index
	rejects  *outFile
	skillsF  *outFile
	skillsW  *report.Writer[report.SkillRow]
	spillF   *outFile
	spill    *gob.Encoder
	kept     int32
	dupN     map[int32]int32
	dupSrc   map[int32][]string
	ids      map[string]int // posting ids seen, with --keep-duplicates only
	folds    int
	examples map[string][]string
	// exampleFiles are the files of each reason's examples, so the
	// examples come from different files; rejectFiles counts the rejects
	// of each file (at most maxRejectFiles files).
	exampleFiles map[string][]string
	rejectFiles  map[string]int
}

// maxRejectFiles bounds the files whose rejects the report counts.
const maxRejectFiles = 100000

func newCollector(cfg *Config, eng *engine, st *staging, bar *progress) (*collector, error) {
	c := &collector{cfg: cfg, eng: eng, st: st, bar: bar, stats: report.NewStats(), index: dedup.NewIndex(),
		dupN: map[int32]int32{}, dupSrc: map[int32][]string{}, examples: map[string][]string{},
		exampleFiles: map[string][]string{}, rejectFiles: map[string]int{},
		sum: &summary{Version: version, TaxonomyVersion: eng.taxonomy.Version, RulesVersion: eng.classifier.Rules().Version,
			RejectedByReason: map[string]int{}, Jobs: cfg.Jobs, Args: cfg.Inputs, GoVersion: runtime.Version()}}
	if cfg.KeepDuplicates {
		c.ids = map[string]int{}
	}
	var err error
	if c.rejects, err = createOut(st.path(fileRejects)); err != nil {
		return nil, err
	}
	if c.skillsF, err = createOut(st.path(fileSkills)); err != nil {
		return nil, err
	}
	c.skillsW = report.NewWriter[report.SkillRow](c.skillsF, version, report.SkillRowGroupRows)
	if c.spillF, err = createOut(st.path(".postings.spill")); err != nil {
		return nil, err
	}
	c.spill = gob.NewEncoder(c.spillF)
	return c, nil
}

func (c *collector) abort() {
	for _, f := range []*outFile{c.rejects, c.skillsF, c.spillF} {
		if f != nil {
			f.f.Close()
		}
	}
}

func (c *collector) add(r result) error {
	c.sum.Inputs++
	c.bar.add()
	if r.rej != nil {
		c.sum.Rejected++
		c.sum.RejectedByReason[r.rej.Reason]++
		file := extract.SourceFile(r.source)
		if _, ok := c.rejectFiles[file]; ok || len(c.rejectFiles) < maxRejectFiles {
			c.rejectFiles[file]++
		}
		if ex := c.examples[r.rej.Reason]; len(ex) < 3 && !slices.Contains(c.exampleFiles[r.rej.Reason], file) {
			c.examples[r.rej.Reason] = append(ex, rejectExample(r.source, r.rej.Detail))
			c.exampleFiles[r.rej.Reason] = append(c.exampleFiles[r.rej.Reason], file)
		}
		line, _ := json.Marshal(struct {
			Source string `json:"source"`
			Reason string `json:"reason"`
			Detail string `json:"detail"`
		}{r.source, r.rej.Reason, r.rej.Detail})
		c.rejects.Write(line)
		return c.rejects.WriteByte('\n')
	}
	if !c.cfg.KeepDuplicates {
		if first, exact, ok := c.index.Find(r.print); ok {
			c.sum.Duplicates++
			if exact {
				c.sum.DuplicatesExact++
			} else {
				c.sum.DuplicatesNear++
			}
			if c.dupN[first] == 0 {
				c.folds++
			}
			c.dupN[first]++
			c.dupSrc[first] = append(c.dupSrc[first], r.source)
			return nil
		}
		c.index.Add(c.kept, r.print)
	} else {
		// The same content twice keeps two rows; the second id says which.
		if n := c.ids[r.row.PostingID]; n > 0 {
			id := fmt.Sprintf("%s-%d", r.row.PostingID, n+1)
			c.ids[r.row.PostingID] = n + 1
			r.row.PostingID = id
			for i := range r.skills {
				r.skills[i].PostingID = id
			}
		} else {
			c.ids[r.row.PostingID] = 1
		}
	}
	c.kept++
	c.sum.Postings++
	c.sum.SkillRows += len(r.skills)
	if len(r.skills) > 0 {
		if err := c.skillsW.Write(r.skills...); err != nil {
			return fmt.Errorf("writing %s: %w", fileSkills, err)
		}
	}
	c.stats.Add(r.row, r.skills, r.terms)
	if err := c.spill.Encode(toSpill(r.row)); err != nil {
		return fmt.Errorf("writing postings: %w", err)
	}
	return nil
}

// finish writes postings.parquet from the spill (now that duplicate counts
// are known), the report, unknown terms and the manifest.
func (c *collector) finish(start time.Time) error {
	if err := c.rejects.Close(); err != nil {
		return err
	}
	if err := c.skillsW.Close(); err != nil {
		return fmt.Errorf("writing %s: %w", fileSkills, err)
	}
	if err := c.skillsF.Close(); err != nil {
		return err
	}
	if err := c.spillF.Close(); err != nil {
		return err
	}
	// postings.parquet and the reports read what the run gathered and
	// write to files of their own: on a second core the reports cost no
	// wall time.
	var reportErr error
	var wg sync.WaitGroup
	wg.Go(func() { reportErr = c.writeReports() })
	err := c.writePostings()
	wg.Wait()
	if err != nil {
		return err
	}
	if reportErr != nil {
		return reportErr
	}
	elapsed := time.Since(start)
	s := c.sum
	s.FinishedAt = time.Now().UTC().Format(time.RFC3339)
	s.ElapsedSeconds = roundTo(elapsed.Seconds(), 3)
	if secs := elapsed.Seconds(); secs > 0 {
		s.PostingsPerSec = roundTo(float64(s.Inputs)/secs, 1)
		s.MBPerSec = roundTo(float64(s.Bytes)/secs/1e6, 2)
	}
	s.Maturity = c.stats.Maturity
	s.Languages = c.stats.Languages
	s.Encodings = c.stats.Encodings
	s.EncodingRepaired = c.stats.Repaired
	s.Options = map[string]any{"max_bytes": c.cfg.MaxBytes, "keep_duplicates": c.cfg.KeepDuplicates, "strict": c.cfg.Strict,
		"taxonomy": nonNil(c.cfg.Taxonomy), "rules": nonNil(c.cfg.Rules), "map": c.cfg.Map, "near_duplicate_max_bits": dedup.MaxDistance}
	s.Outputs = outputNames
	if s.Inputs != s.Postings+s.Duplicates+s.Rejected {
		return fmt.Errorf("internal error: accounting does not add up: %d inputs != %d postings + %d duplicates + %d rejected", s.Inputs, s.Postings, s.Duplicates, s.Rejected)
	}
	return writeFile(c.st.path(fileManifest), func(w io.Writer) error {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(s)
	})
}

// writeReports writes report.md, report.html and unknown_terms.jsonl.
func (c *collector) writeReports() error {
	info := report.RunInfo{
		Version: version, TaxonomyVersion: c.sum.TaxonomyVersion, RulesVersion: c.sum.RulesVersion,
		Inputs: c.sum.Inputs, Postings: c.sum.Postings, Duplicates: c.sum.Duplicates, Rejected: c.sum.Rejected,
		RejectedByReason: c.sum.RejectedByReason, RejectExamples: c.examples, DuplicateFolds: c.folds,
		RejectFiles: topRejectFiles(c.rejectFiles, 10),
	}
	if err := writeFile(c.st.path(fileReport), func(w io.Writer) error { return report.WriteMarkdown(w, c.stats, info) }); err != nil {
		return err
	}
	if err := writeFile(c.st.path(fileHTML), func(w io.Writer) error { return report.WriteHTML(w, c.stats, info) }); err != nil {
		return err
	}
	return writeFile(c.st.path(fileTerms), func(w io.Writer) error { return writeTerms(w, c.stats) })
}

func roundTo(v float64, digits int) float64 {
	p := 1.0
	for range digits {
		p *= 10
	}
	return float64(int64(v*p+0.5)) / p
}

func (c *collector) writePostings() error {
	spill := c.st.path(".postings.spill")
	defer os.Remove(spill)
	in, err := os.Open(spill)
	if err != nil {
		return err
	}
	defer in.Close()
	batches, stop := readSpill(in)
	defer close(stop)
	return writeFile(c.st.path(filePostings), func(w io.Writer) error {
		pw := report.NewWriter[report.PostingRow](w, version, report.PostingRowGroupRows)
		i := int32(0)
		for b := range batches {
			if b.err != nil {
				return fmt.Errorf("reading postings back: %w", b.err)
			}
			for j := range b.rows {
				row := &b.rows[j]
				row.DuplicateCount = c.dupN[i]
				row.DuplicateSources = nonNil(c.dupSrc[i])
				fixLists(row)
				i++
				// One row per write: parquet-go cuts pages at write
				// boundaries, and this keeps the file as it was.
				if err := pw.Write(*row); err != nil {
					return err
				}
			}
		}
		return pw.Close()
	})
}

// spillBatch is a run of rows read back from the spill, or the error that
// ended the reading.
type spillBatch struct {
	rows []report.PostingRow
	err  error
}

// readSpill decodes the spill on its own goroutine, so that decoding and
// Parquet encoding, the two halves of the run's serial tail, overlap.
// Closing stop ends it early.
func readSpill(in io.Reader) (<-chan spillBatch, chan<- struct{}) {
	const batchRows = 256
	out := make(chan spillBatch, 4)
	stop := make(chan struct{})
	go func() {
		defer close(out)
		send := func(b spillBatch) bool {
			select {
			case out <- b:
				return true
			case <-stop:
				return false
			}
		}
		dec := gob.NewDecoder(bufioReader(in))
		rows := make([]report.PostingRow, 0, batchRows)
		for {
			var sr spillRow
			if err := dec.Decode(&sr); err == io.EOF {
				break
			} else if err != nil {
				send(spillBatch{err: err})
				return
			}
			if rows = append(rows, sr.row()); len(rows) == batchRows {
				if !send(spillBatch{rows: rows}) {
					return
				}
				rows = make([]report.PostingRow, 0, batchRows)
			}
		}
		if len(rows) > 0 {
			send(spillBatch{rows: rows})
		}
	}()
	return out, stop
}

// spillRow is a PostingRow as the spill file holds it. gob leaves out zero
// values, so a pointer to 0 (years_min of 신입) would come back nil: the
// optional fields travel as a value and a flag.
type spillRow struct {
	Row                                           report.PostingRow
	YearsMin, YearsMax, Headcount, HeadMax        int32
	HasYearsMin, HasYearsMax, HasHead, HasHeadMax bool
	SalaryMin, SalaryMax                          float64
	HasSalary                                     bool
}

func toSpill(r *report.PostingRow) spillRow {
	s := spillRow{Row: *r}
	s.Row.YearsMin, s.Row.YearsMax, s.Row.Headcount, s.Row.HeadcountMax, s.Row.SalaryMin, s.Row.SalaryMax = nil, nil, nil, nil, nil, nil
	if r.YearsMin != nil {
		s.YearsMin, s.HasYearsMin = *r.YearsMin, true
	}
	if r.YearsMax != nil {
		s.YearsMax, s.HasYearsMax = *r.YearsMax, true
	}
	if r.Headcount != nil {
		s.Headcount, s.HasHead = *r.Headcount, true
	}
	if r.HeadcountMax != nil {
		s.HeadMax, s.HasHeadMax = *r.HeadcountMax, true
	}
	if r.SalaryMin != nil && r.SalaryMax != nil {
		s.SalaryMin, s.SalaryMax, s.HasSalary = *r.SalaryMin, *r.SalaryMax, true
	}
	return s
}

func (s *spillRow) row() report.PostingRow {
	r := s.Row
	if s.HasYearsMin {
		r.YearsMin = &s.YearsMin
	}
	if s.HasYearsMax {
		r.YearsMax = &s.YearsMax
	}
	if s.HasHead {
		r.Headcount = &s.Headcount
	}
	if s.HasHeadMax {
		r.HeadcountMax = &s.HeadMax
	}
	if s.HasSalary {
		r.SalaryMin, r.SalaryMax = &s.SalaryMin, &s.SalaryMax
	}
	return r
}

// fixLists restores empty lists that gob leaves nil, so every list column
// holds a list, never null.
func fixLists(r *report.PostingRow) {
	for _, l := range []*[]string{&r.MaturityEvidence, &r.Skills, &r.RequiredSkills, &r.PreferredSkills, &r.Concepts, &r.RoleEvidence, &r.SeniorityEvidence, &r.SiteTags, &r.DuplicateSources} {
		if *l == nil {
			*l = []string{}
		}
	}
}

func writeFile(path string, write func(io.Writer) error) error {
	f, err := createOut(path)
	if err != nil {
		return err
	}
	if err := write(f); err != nil {
		f.f.Close()
		return fmt.Errorf("writing %s: %w", filepath.Base(path), err)
	}
	return f.Close()
}

func writeTerms(w io.Writer, st *report.Stats) error {
	type term struct {
		Term     string `json:"term"`
		Postings int    `json:"postings"`
		Listed   int    `json:"listed"`
		Example  string `json:"example"`
	}
	names := make([]string, 0, len(st.Terms))
	for t := range st.Terms {
		names = append(names, t)
	}
	slices.SortFunc(names, st.CompareTerms)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, t := range names {
		ts := st.Terms[t]
		if err := enc.Encode(term{t, ts.Postings, ts.Listed, ts.Example}); err != nil {
			return err
		}
	}
	return nil
}

func sortStrings(s []string) { sort.Strings(s) }

// topRejectFiles lists the files with the most rejected inputs, most
// first (ties by name), at most n, leaving out files with one: a page
// rejected whole is in the reasons table already, a record file that
// loses many records to one cause is what this list shows.
func topRejectFiles(files map[string]int, n int) []report.KV {
	many := report.Counter{}
	for f, k := range files {
		if k > 1 {
			many[f] = k
		}
	}
	return many.Top(n)
}
