package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"

	"github.com/jobstack/jobstack/classify"
	"github.com/jobstack/jobstack/extract"
)

// version is the jobstack release; it is written into every output.
const version = "0.1.0"

// exit codes.
const (
	exitOK       = 0
	exitFail     = 1
	exitUsage    = 2
	exitCanceled = 130
)

// Config is everything a run needs, bound to flags.
type Config struct {
	Out            string
	Jobs           int
	Taxonomy       []string // laid over the embedded taxonomy in order
	Rules          []string // laid over the embedded rules in order
	Progress       string
	MaxBytes       int64
	Strict         bool
	KeepDuplicates bool
	Map            string
	Inputs         []string
	Stdin          io.Reader
	// Covered holds the inputs another input reads too, each with that
	// input (overlapping); the walk skips them.
	Covered map[string]string
	// outAbs is --out as an absolute path, for the walk to pass over.
	outAbs string
}

// setInputs takes the command line's inputs and says on stderr which of
// them another one reads already, so no posting is counted twice.
func (cfg *Config) setInputs(inputs []string, stderr io.Writer) {
	cfg.Inputs = inputs
	cfg.Covered = overlapping(inputs)
	for _, in := range slices.Compact(slices.Sorted(slices.Values(inputs))) {
		if by, ok := cfg.Covered[in]; ok {
			fmt.Fprintf(stderr, "jobstack: %s is read once, as part of %s\n", in, by)
		}
	}
	if cfg.Out != "" {
		cfg.outAbs, _ = filepath.Abs(cfg.Out)
	}
}

// overlapping finds the inputs another input reads too: a file or folder
// inside a folder that is also given (data data/a.txt), or the same path
// spelled another way (data/a.txt ./data/a.txt, after the first). Each
// maps to the input that reads it. An input under a hidden folder is not
// covered, since a walk does not enter one.
func overlapping(inputs []string) map[string]string {
	covered := map[string]string{}
	type path struct{ in, abs string }
	var paths []path
	folders := map[string]string{}
	for _, in := range slices.Sorted(slices.Values(inputs)) {
		if in == "-" {
			continue
		}
		abs, err := filepath.Abs(in)
		if err != nil {
			continue
		}
		if real, err := filepath.EvalSymlinks(abs); err == nil {
			abs = real
		}
		paths = append(paths, path{in, abs})
		if fi, err := os.Stat(abs); err == nil && fi.IsDir() {
			if _, ok := folders[abs]; !ok {
				folders[abs] = in
			}
		}
	}
	first := map[string]string{}
	for _, p := range paths {
		if by, ok := first[p.abs]; ok && by != p.in {
			covered[p.in] = by
			continue
		}
		first[p.abs] = p.in
		for dir := p.abs; ; {
			parent := filepath.Dir(dir)
			if parent == dir || extract.SkippedFolder(filepath.Base(dir)) {
				break
			}
			if by, ok := folders[parent]; ok {
				covered[p.in] = by
				break
			}
			dir = parent
		}
	}
	// A folder inside another is read by the outer one, and so is all
	// it holds.
	for in, by := range covered {
		for {
			outer, ok := covered[by]
			if !ok {
				break
			}
			by = outer
		}
		covered[in] = by
	}
	return covered
}

const usage = `jobstack reads job postings and writes their tech stack, requirements and
company data maturity as Parquet tables and a markdown report.

usage:
  jobstack analyze [flags] INPUT...   files, directories (walked recursively), or - (records on stdin)
  jobstack explain [flags] FILE[#N]   one posting: fields, skills with evidence, why it got its labels
  jobstack eval --gold FILE INPUT...  compare labels and skills with a labelled set
  jobstack taxonomy                   print the embedded taxonomy (a starting point for --taxonomy)
  jobstack rules                      print the embedded classification rules (for --rules)
  jobstack version

Run 'jobstack analyze -h' for the flags.
`

// run is the whole program: it parses args, does the work and maps every
// error to an exit code in one place.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	return runWith(ctx, args, os.Stdin, stdout, stderr)
}

func runWith(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	var err error
	switch args[0] {
	case "analyze", "analyse":
		err = cmdAnalyze(ctx, args[1:], stdin, stdout, stderr)
	case "explain":
		err = cmdExplain(ctx, args[1:], stdout, stderr)
	case "eval":
		err = cmdEval(ctx, args[1:], stdout, stderr)
	case "taxonomy":
		_, err = stdout.Write(extract.DefaultTaxonomyYAML())
	case "rules":
		_, err = stdout.Write(classify.DefaultRulesYAML())
	case "version", "-version", "--version":
		fmt.Fprintf(stdout, "jobstack %s (%s, %s/%s)\n", version, runtime.Version(), runtime.GOOS, runtime.GOARCH)
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usage)
	default:
		fmt.Fprintf(stderr, "jobstack: unknown command %q\n\n%s", args[0], usage)
		return exitUsage
	}
	return exitCode(err, stderr)
}

// errUsage marks bad command lines; the flag package has printed why.
var errUsage = errors.New("usage")

// errStrict is returned by --strict runs that rejected inputs.
var errStrict = errors.New("inputs were rejected (--strict)")

func exitCode(err error, stderr io.Writer) int {
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, flag.ErrHelp):
		return exitOK
	case errors.Is(err, errUsage):
		return exitUsage
	case errors.Is(err, context.Canceled):
		fmt.Fprintln(stderr, "jobstack: canceled; previous outputs are untouched")
		return exitCanceled
	}
	fmt.Fprintf(stderr, "jobstack: %v\n", err)
	return exitFail
}

// newFlags returns a flag set for a subcommand with the flags all of them
// share bound to cfg.
func newFlags(name string, cfg *Config, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("jobstack "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Var((*files)(&cfg.Taxonomy), "taxonomy", "skill taxonomy YAML to add to or override the embedded one (repeat to lay several in order)")
	fs.Var((*files)(&cfg.Rules), "rules", "classification rules YAML to add to or override the embedded ones (repeat to lay several in order)")
	fs.StringVar(&cfg.Map, "map", "", "record field names per role, e.g. 'title=job_name;company=corp,employer;text=jd_body'")
	fs.Int64Var(&cfg.MaxBytes, "max-bytes", 16<<20, "largest posting (file or record) read, in bytes; larger ones are rejected as too_large")
	return fs
}

// files is a flag that may be given more than once, in order: --rules
// mine.yaml --rules fitted.yaml lays the second file over the first, and
// eval takes --gold more than once.
type files []string

func (f *files) String() string { return strings.Join(*f, ", ") }

func (f *files) Set(path string) error {
	if path == "" {
		return errors.New("want a file")
	}
	*f = append(*f, path)
	return nil
}

// parseInterleaved parses flags that may come after positional arguments
// ("jobstack analyze data/ -o out"), which the flag package alone does not.
func parseInterleaved(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, err
			}
			return nil, errUsage
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return pos, nil
		}
		if rest[0] == "--" {
			return append(pos, rest[1:]...), nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

// parseMap reads --map: "role=field,field;role=field".
func parseMap(s string) (map[string][]string, error) {
	out := map[string][]string{}
	if strings.TrimSpace(s) == "" {
		return out, nil
	}
	valid := extract.DefaultFields()
	for _, part := range strings.Split(s, ";") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		role, fields, ok := strings.Cut(part, "=")
		role = strings.TrimSpace(role)
		if !ok || fields == "" {
			return nil, fmt.Errorf("--map %q: want role=field[,field]", part)
		}
		if _, known := valid[role]; !known {
			roles := make([]string, 0, len(valid))
			for r := range valid {
				roles = append(roles, r)
			}
			sortStrings(roles)
			return nil, fmt.Errorf("--map: unknown role %q (roles: %s)", role, strings.Join(roles, ", "))
		}
		for _, f := range strings.Split(fields, ",") {
			if f = strings.TrimSpace(f); f != "" {
				out[role] = append(out[role], f)
			}
		}
	}
	return out, nil
}

// engine is the compiled taxonomy, matcher, rules and classifier a run
// shares across workers.
type engine struct {
	reader     *extract.Reader
	taxonomy   *extract.Taxonomy
	matcher    *extract.Matcher
	classifier *classify.Classifier
	afterParse func(*extract.Posting) // eval --ablate and --fit keep postings with it, tests make one fail; nil otherwise
}

func newEngine(cfg *Config) (*engine, error) {
	tax, err := extract.Load(cfg.Taxonomy...)
	if err != nil {
		return nil, fmt.Errorf("taxonomy:\n%w", err)
	}
	rules, err := classify.LoadRules(cfg.Rules...)
	if err != nil {
		return nil, fmt.Errorf("rules:\n%w", err)
	}
	if err := rules.CheckSkills(tax); err != nil {
		return nil, fmt.Errorf("rules refer to skills the taxonomy lacks:\n%w", err)
	}
	clf, err := classify.New(rules)
	if err != nil {
		return nil, err
	}
	fields, err := parseMap(cfg.Map)
	if err != nil {
		return nil, err
	}
	// One walk over a posting finds its skills and the rules' phrases.
	return &engine{
		reader:     extract.NewReader(extract.Config{Fields: fields}),
		taxonomy:   tax,
		matcher:    extract.NewMatcher(tax, clf.Phrases()...),
		classifier: clf,
	}, nil
}
