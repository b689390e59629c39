#!/usr/bin/env bash
# Before/after in one run: builds the benchmark class path of two commits in temporary clones, generates one
# benchmark database, then runs the ingest, import and matrix benchmarks of both commits alternately on copies of
# that same database (before, after, after, before, … so machine noise and warm caches hit both alike) and prints
# the median of each figure per commit and the ratio after/before.
#
#   bench/compare-commits.sh BEFORE AFTER            e.g. bench/compare-commits.sh b157680 build
#
# Sizes (environment): MODELS=100000 ROUNDS=3 ITERATIONS=200 WARMUP=50 BATCHES=20 CLIENTS=2 IMPORT_ROWS=10000
# IMPORT_RUNS=3 BENCHMARKS="ingest import matrix" DATABASE=duckdb (or postgresql, both: the ingest and matrix
# benchmarks' -Dbenchmark.database); WORK=<folder> keeps the clones and logs (default: a new /tmp folder).
# Needs only the commits' own build (Maven wrapper, JDK ≥ 21: JAVA_HOME, else Temurin 25 where it is installed).
set -euo pipefail

if [ $# -ne 2 ]; then
  sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'
  exit 2
fi
MODELS=${MODELS:-100000} ROUNDS=${ROUNDS:-3} ITERATIONS=${ITERATIONS:-200} WARMUP=${WARMUP:-50}
BATCHES=${BATCHES:-20} CLIENTS=${CLIENTS:-2} IMPORT_ROWS=${IMPORT_ROWS:-10000} IMPORT_RUNS=${IMPORT_RUNS:-3}
BENCHMARKS=${BENCHMARKS:-"ingest import matrix"} DATABASE=${DATABASE:-duckdb}
if [ -z "${JAVA_HOME:-}" ] && [ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
export PATH="$JAVA_HOME/bin:$PATH"

repo=$(git rev-parse --show-toplevel)
before=$(git -C "$repo" rev-parse --verify "$1^{commit}")
after=$(git -C "$repo" rev-parse --verify "$2^{commit}")
WORK=${WORK:-$(mktemp -d /tmp/compare-commits.XXXXXX)}
mkdir -p "$WORK/logs"
echo "before $1 = ${before:0:10}, after $2 = ${after:0:10}; work folder $WORK"

# One clone per commit, built once: main and test classes (benchmarks included) and the test class path.
for side in before after; do
  dir="$WORK/$side"
  if [ ! -f "$dir/target/benchmark-classpath.txt" ]; then
    rm -rf "$dir"
    git clone --quiet --no-checkout "$repo" "$dir"
    git -C "$dir" checkout --quiet --detach "${!side}"
    echo "building $side …"
    (cd "$dir" && ./mvnw -B -q -ntp test-compile dependency:build-classpath -Dmdep.includeScope=test \
        -Dmdep.outputFile=target/benchmark-classpath.txt >"$WORK/logs/build-$side.log" 2>&1) \
      || { echo "build of $side failed: $WORK/logs/build-$side.log"; exit 1; }
  fi
done

run() { # side main-class args…
  local side=$1 dir="$WORK/$1"
  shift
  (cd "$dir" && java --enable-native-access=ALL-UNNAMED -Duser.timezone=UTC -Dbenchmark.database="$DATABASE" \
      -cp "target/test-classes:target/classes:$(cat target/benchmark-classpath.txt)" "$@")
}

# The same data for both: the database generated once (by the older commit's generator, with its schema), copied to
# where each commit's benchmarks look for it (MatrixBenchmark.databasePath); a newer commit migrates its copy as the
# console would. The file name carries the DuckDB version (a file written by 2.0 does not open in 1.4).
label=$([ $((MODELS % 1000)) -eq 0 ] && echo "$((MODELS / 1000))k" || echo "$MODELS")
source_db="$WORK/source-$label.duckdb"
if [ ! -f "$source_db" ]; then
  echo "generating $MODELS models …"
  rm -f "$WORK/before/target/compare-source.duckdb"
  run before dev.compatmatrix.demo.SyntheticDatabaseGenerator target/compare-source.duckdb "$MODELS" \
    >"$WORK/logs/generate.log" 2>&1 || { echo "generator failed: $WORK/logs/generate.log"; exit 1; }
  mv "$WORK/before/target/compare-source.duckdb" "$source_db"
fi
for side in before after; do
  version=$(grep -o 'duckdb_jdbc-[0-9]*\.[0-9]*\.[0-9]*' "$WORK/$side/target/benchmark-classpath.txt" | head -1 \
    | sed 's/duckdb_jdbc-/v/')
  mkdir -p "$WORK/$side/target/benchmark"
  cp "$source_db" "$WORK/$side/target/benchmark/matrix-$label-duckdb-$version.duckdb"
  rm -f "$WORK/$side/target/benchmark/matrix-$label-duckdb-$version.duckdb.wal"
done

bench() { # side name round
  local log="$WORK/logs/$2-$1-$3.log"
  case $2 in
    ingest) run "$1" dev.compatmatrix.benchmark.IngestBenchmark "$MODELS" "$BATCHES" 3 "$CLIENTS" ;;
    import) run "$1" dev.compatmatrix.benchmark.ImportBenchmark "$MODELS" "$IMPORT_ROWS" "$IMPORT_RUNS" ;;
    matrix) run "$1" dev.compatmatrix.benchmark.MatrixBenchmark "$MODELS" "$ITERATIONS" "$WARMUP" ;;
    *) echo "unknown benchmark $2" >&2; return 2 ;;
  esac >"$log" 2>&1 || { echo "$2 of $1 failed (round $3): $log"; exit 1; }
  echo "  $2 $1 done"
}

for round in $(seq 1 "$ROUNDS"); do
  echo "round $round of $ROUNDS"
  for name in $BENCHMARKS; do
    if [ $((round % 2)) -eq 1 ]; then order="before after"; else order="after before"; fi
    for side in $order; do bench "$side" "$name" "$round"; done
  done
done

python3 - "$WORK/logs" "$BENCHMARKS" "$1" "$2" <<'PY'
import re, statistics, sys
from pathlib import Path

logs, names, before_name, after_name = Path(sys.argv[1]), sys.argv[2].split(), sys.argv[3], sys.argv[4]
SKIP = {"rows", "n", "target", "raw p50", "raw p95", "ratio p50", "ratio p95"}
NUMBER = re.compile(r"-?[\d,]*\.?\d+")

def number(text):
    m = NUMBER.search(text)
    return float(m.group().replace(",", "")) if m else None

def figures(text):
    """Every number a benchmark reports: its Markdown tables' cells (by row and column) and its results/s lines."""
    found, lines = {}, text.splitlines()
    for i, line in enumerate(lines):
        m = re.search(r"^(.*?)([\d,]+(?:\.\d+)?) results/s", line)
        if m and not line.startswith("|"):
            found[m.group(1).strip(" :") + " (results/s, higher is better)"] = [number(m.group(2))]
        if line.startswith("|") and i + 1 < len(lines) and re.match(r"^\|\s*-", lines[i + 1]):
            header = [c.strip() for c in line.strip("|").split("|")]
            for row in lines[i + 2:]:
                if not row.startswith("|"):
                    break
                cells = [c.strip() for c in row.strip("|").split("|")]
                key = "every run" if cells[0].isdigit() else cells[0]
                for column, cell in zip(header[1:], cells[1:]):
                    value = number(cell)
                    if column.lower() not in SKIP and value is not None:
                        found.setdefault(f"{key} — {column}", []).append(value)
    return found

print(f"\n| benchmark | figure | before ({before_name}) | after ({after_name}) | after/before |")
print("|---|---|---:|---:|---:|")
for name in names:
    sides = {}
    for side in ("before", "after"):
        merged = {}
        for log in sorted(logs.glob(f"{name}-{side}-*.log")):
            for key, values in figures(log.read_text(errors="replace")).items():
                merged.setdefault(key, []).extend(values)
        sides[side] = merged
    ratios = []
    for key in sides["before"]:
        if key not in sides["after"]:
            continue
        b, a = statistics.median(sides["before"][key]), statistics.median(sides["after"][key])
        ratio = a / b if b else float("nan")
        if b and "higher is better" not in key:
            ratios.append(ratio)
        print(f"| {name} | {key} | {b:,.2f} | {a:,.2f} | {ratio:.2f} |")
    if ratios:
        print(f"| {name} | geometric mean of the time ratios | | | **{statistics.geometric_mean(ratios):.2f}** |")
print("\nMedians over all rounds (and runs); a ratio below 1 is faster after, except results/s (higher is better).")
PY
