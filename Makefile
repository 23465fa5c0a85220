# jobstack — `make run` analyzes the bundled sample into out/, `make test`
# runs every test. Both install what they need on a fresh machine.
GO      ?= go
DUCKDB  := tools/duckdb/node_modules/@duckdb/node-api/package.json
FUZZTIME ?= 30s
# Go minimizes each new interesting input for up to a minute by default;
# on the multi-kilobyte seed postings that is the whole FUZZTIME, with no
# inputs tried. A few seconds keeps the fuzzers fuzzing.
FUZZMIN  ?= 3s

.PHONY: build run test race golden fuzz lint tidy bench instructions deps browser clean

build:
	$(GO) build -o bin/ ./cmd/...

run: build
	./bin/jobstack analyze --progress never -o out testdata/postings
	@echo "outputs: out/postings.parquet out/skills.parquet out/report.md out/report.html out/manifest.json out/rejects.jsonl out/unknown_terms.jsonl"

# The tests read the Parquet outputs back with DuckDB (an npm package that
# ships its engine), so `test` installs it first.
test: deps browser lint
	$(GO) test -race -count=1 ./...

race: deps
	$(GO) test -race ./...

golden:
	$(GO) test ./cmd/jobstack ./extract ./report -update

fuzz:
	$(GO) test ./extract -run='^$$' -fuzz='^FuzzParseHTML$$' -fuzztime=$(FUZZTIME) -fuzzminimizetime=$(FUZZMIN)
	$(GO) test ./extract -run='^$$' -fuzz='^FuzzParseText$$' -fuzztime=$(FUZZTIME) -fuzzminimizetime=$(FUZZMIN)
	$(GO) test ./extract -run='^$$' -fuzz='^FuzzRecordsJSONL$$' -fuzztime=$(FUZZTIME) -fuzzminimizetime=$(FUZZMIN)
	$(GO) test ./extract -run='^$$' -fuzz='^FuzzRecordsJSON$$' -fuzztime=$(FUZZTIME) -fuzzminimizetime=$(FUZZMIN)
	$(GO) test ./extract -run='^$$' -fuzz='^FuzzRecordsCSV$$' -fuzztime=$(FUZZTIME) -fuzzminimizetime=$(FUZZMIN)
	$(GO) test ./extract -run='^$$' -fuzz='^FuzzRecordsTSV$$' -fuzztime=$(FUZZTIME) -fuzzminimizetime=$(FUZZMIN)
	$(GO) test ./extract -run='^$$' -fuzz='^FuzzMatch$$' -fuzztime=$(FUZZTIME) -fuzzminimizetime=$(FUZZMIN)
	$(GO) test ./extract -run='^$$' -fuzz='^FuzzLineNormalisation$$' -fuzztime=$(FUZZTIME) -fuzzminimizetime=$(FUZZMIN)
	$(GO) test ./extract -run='^$$' -fuzz='^FuzzArchive$$' -fuzztime=$(FUZZTIME) -fuzzminimizetime=$(FUZZMIN)
	$(GO) test ./internal/dedup -run='^$$' -fuzz='^FuzzNormalize$$' -fuzztime=$(FUZZTIME) -fuzzminimizetime=$(FUZZMIN)
	$(GO) test ./internal/aho -run='^$$' -fuzz='^FuzzWalk$$' -fuzztime=$(FUZZTIME) -fuzzminimizetime=$(FUZZMIN)
	$(GO) test ./extract -run='^$$' -fuzz='^FuzzTaxonomyExtend$$' -fuzztime=$(FUZZTIME) -fuzzminimizetime=$(FUZZMIN)
	$(GO) test ./classify -run='^$$' -fuzz='^FuzzRulesOverride$$' -fuzztime=$(FUZZTIME) -fuzzminimizetime=$(FUZZMIN)

lint:
	$(GO) vet ./...
	@test -z "$$(gofmt -l .)" || (echo "gofmt would change:"; gofmt -l .; exit 1)

tidy:
	$(GO) mod tidy && git diff --exit-code go.mod go.sum

# Pages and text postings (6,000 each), the tokenizer floor and jobstack
# three times in turn, -j 1 against -j 2 five times, and memory on 200,000
# JSONL records.
bench: build
	$(GO) run ./internal/benchcmd -n 6000 -jobs 2 -scaling -records 200000

# Instructions per text posting under valgrind: a count that does not move
# with the machine's load, for comparing two versions of the code.
instructions:
	@command -v valgrind >/dev/null 2>&1 || (apt-get update && apt-get install -y valgrind)
	./tools/instructions.sh ProcessText

deps: $(DUCKDB)

# The browser test opens report.html in Debian's headless Chromium; the CJK
# font makes Korean render as text rather than boxes in its screenshot.
browser:
	@command -v chromium >/dev/null 2>&1 && fc-list 2>/dev/null | grep -qi "noto sans cjk" || \
		(apt-get update && apt-get install -y chromium fonts-noto-cjk)

$(DUCKDB): tools/duckdb/package.json tools/duckdb/package-lock.json
	@command -v npm >/dev/null 2>&1 || (apt-get update && apt-get install -y nodejs npm)
	cd tools/duckdb && npm install --no-audit --no-fund --no-save
	@touch $@

clean:
	rm -rf bin out
