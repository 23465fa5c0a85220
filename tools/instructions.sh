#!/bin/sh
# Instructions per posting of a per-posting benchmark, counted by valgrind:
# unlike time, the count does not move with the machine's load, so it
# compares two versions of the code on a noisy machine. It is the count of
# a run of 400 postings minus a run of 100, over 300 (start-up cancels out),
# with one core, no garbage collector and no async preemption (valgrind
# runs threads one at a time and Go's preemption signals upset it).
#
#	tools/instructions.sh [BenchmarkName] (default ProcessText)
set -eu
bench=${1:-ProcessText}
bin=$(mktemp -d)/jobstack.test
go test -c -o "$bin" ./cmd/jobstack
count() {
	(cd cmd/jobstack && GODEBUG=asyncpreemptoff=1 GOMAXPROCS=1 GOGC=off \
		valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null \
		"$bin" -test.run '^$' -test.bench "^Benchmark$bench\$" -test.benchtime "${1}x" 2>&1) |
		sed -n 's/.*I *refs: *//p' | tr -d ,
}
a=$(count 100)
b=$(count 400)
echo "Benchmark$bench: $(( (b - a) / 300 )) instructions per posting"
