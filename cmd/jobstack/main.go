// Command jobstack reads job postings and writes the tech stack, the
// requirements and the company data maturity of each as Parquet tables and
// a markdown report. See README.md for usage.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	go func() {
		// The first signal asks the run to stop cleanly; a second one
		// ends the process at once, as in any other command.
		<-ctx.Done()
		stop()
	}()
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
