#!/usr/bin/env bash
# Issue 24's cost curve in one command: generates the benchmark database at each size (time, file size, peak RSS),
# then runs the matrix, screens (queue, dashboard, history, export, start-up) and ingest benchmarks on DuckDB at
# each size, one benchmark at a time, and writes a summary table with the ratios between sizes.
#
#   bench/million.sh                              10,000, 100,000 and 1,000,000 models
#   SIZES="100000 1000000" bench/million.sh       some sizes only
#
# Environment: SIZES ("10000 100000 1000000"), BENCHMARKS ("matrix screens ingest"), ITERATIONS (30), WARMUP (10),
# CASE_SECONDS (20), EXPORT_RUNS (2), STARTUP_RUNS (2), BATCHES (10), CLIENTS (2), MEMORY (DuckDB memory limit of
# the console under benchmark: 1GB; per size MEMORY_1000000=2GB), SKIP_BUILD=1 (use the jar and classes as they
# are), OUT (target/million). Logs and the summary (summary.md) go to OUT; cached databases stay in
# target/benchmark/matrix-<10k|100k|1m>-duckdb-<version>.duckdb (delete one to generate it again).
# Needs the production jar for start-up (built here unless SKIP_BUILD=1), python3 for the summary, and
# /usr/bin/time for the generator's peak memory (optional).
set -euo pipefail

SIZES=${SIZES:-"10000 100000 1000000"}
BENCHMARKS=${BENCHMARKS:-"matrix screens ingest"}
ITERATIONS=${ITERATIONS:-30} WARMUP=${WARMUP:-10} CASE_SECONDS=${CASE_SECONDS:-20}
EXPORT_RUNS=${EXPORT_RUNS:-2} STARTUP_RUNS=${STARTUP_RUNS:-2} BATCHES=${BATCHES:-10} CLIENTS=${CLIENTS:-2}
MEMORY=${MEMORY:-1GB}
if [ -z "${JAVA_HOME:-}" ] && [ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
export PATH="$JAVA_HOME/bin:$PATH"
cd "$(git rev-parse --show-toplevel)"
OUT=${OUT:-target/million}
mkdir -p "$OUT" target/benchmark

if [ -z "${SKIP_BUILD:-}" ]; then
  echo "building the production jar and the benchmarks …"
  ./mvnw -B -q -ntp -Pproduction -DskipTests package
  ./mvnw -B -q -ntp -Pbenchmark test-compile
  ./mvnw -B -q -ntp dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
fi
classpath="target/test-classes:target/classes:$(cat target/cp.txt)"
# The cached file's name carries DuckDB's version (MatrixBenchmark.databasePath): duckdb_jdbc 2.0.0.1 → v2.0.0.
duckdb=$(grep -o 'duckdb_jdbc-[0-9][0-9.]*\.jar' target/cp.txt | head -1 | sed -E 's/duckdb_jdbc-([0-9]+\.[0-9]+\.[0-9]+).*/v\1/')

label() {
  if [ $(($1 % 1000000)) -eq 0 ]; then echo "$(($1 / 1000000))m"
  elif [ $(($1 % 1000)) -eq 0 ]; then echo "$(($1 / 1000))k"
  else echo "$1"; fi
}

for n in $SIZES; do
  size=$(label "$n")
  file="target/benchmark/matrix-$size-duckdb-$duckdb.duckdb"
  memory_var="MEMORY_$n"
  memory=${!memory_var:-$MEMORY}
  if [ ! -f "$file" ]; then
    echo "== $size: generating $file"
    timer=()
    [ -x /usr/bin/time ] && timer=(/usr/bin/time -v)
    { echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
      "${timer[@]}" java --enable-native-access=ALL-UNNAMED -Duser.timezone=UTC -cp "$classpath" \
        dev.compatmatrix.demo.SyntheticDatabaseGenerator "$file" "$n" 2>&1
      echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"; } > "$OUT/$size-generator.log" 2>&1
    tail -n 30 "$OUT/$size-generator.log" | grep -E 'models,|Maximum resident|Elapsed' || true
  fi
  for benchmark in $BENCHMARKS; do
    echo "== $size: $benchmark (DuckDB memory limit $memory), load average $(cut -d' ' -f1-3 /proc/loadavg)"
    { echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
      ./mvnw -B -q -ntp -Pbenchmark exec:exec@benchmark -Dbenchmark="$benchmark" -Dbenchmark.models="$n" \
        -Dbenchmark.database=duckdb -Dbenchmark.duckdb.memory="$memory" \
        -Dbenchmark.iterations="$ITERATIONS" -Dbenchmark.warmup="$WARMUP" -Dbenchmark.case.seconds="$CASE_SECONDS" \
        -Dbenchmark.export.runs="$EXPORT_RUNS" -Dbenchmark.startup.runs="$STARTUP_RUNS" \
        -Dbenchmark.batches="$BATCHES" -Dbenchmark.clients="$CLIENTS" 2>&1 || echo "BENCHMARK FAILED: exit $?"
      echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"; } > "$OUT/$size-$benchmark.log"
  done
done

python3 bench/million_summary.py "$OUT" $SIZES | tee "$OUT/summary.md"
