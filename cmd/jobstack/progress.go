package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"
)

// progress draws a progress bar on stderr while a run goes; only the
// collector advances it.
type progress struct {
	bar *progressbar.ProgressBar
	n   int
}

// newProgress makes the bar: "auto" draws it only when stderr is a
// terminal, so logs and CI output stay clean.
func newProgress(mode string, stderr io.Writer) *progress {
	show := mode == "always"
	if mode == "auto" {
		if f, ok := stderr.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
			show = true
		}
	}
	if !show {
		return &progress{}
	}
	bar := progressbar.NewOptions64(-1,
		progressbar.OptionSetWriter(stderr),
		progressbar.OptionSetDescription("analyzing"),
		progressbar.OptionShowIts(),
		progressbar.OptionSetItsString("postings"),
		progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionSpinnerType(14),
		progressbar.OptionClearOnFinish(),
	)
	return &progress{bar: bar}
}

func (p *progress) add() {
	if p.bar == nil {
		return
	}
	p.n++
	// The total is unknown until the records are read: show the count in
	// the description, refreshed now and then rather than on every posting.
	if p.n%64 == 1 {
		p.bar.Describe(fmt.Sprintf("analyzing %s inputs", thousands(p.n)))
	}
	p.bar.Add(1)
}

func (p *progress) finish() {
	if p.bar != nil {
		p.bar.Finish()
	}
}

func bufioReader(r io.Reader) *bufio.Reader { return bufio.NewReaderSize(r, 256<<10) }
