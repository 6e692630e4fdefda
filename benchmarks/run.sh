#!/usr/bin/env bash
# Builds the benchmarks in Release and prints the whole table: ratios first,
# then this machine's absolute figures, the instruction counts from
# callgrind, and the compile-time ratios.
#
#   benchmarks/run.sh            everything (a few minutes on two cores)
#   benchmarks/run.sh --quick    shorter timing runs, fewer compile repetitions
#   CXX=clang++ benchmarks/run.sh   the run-time table for another compiler
#
# With the development corpus (SMTPCODES_CORPUS, or /work/shared/corpus) it
# also measures the smtpcodes program: `bounces --json` over the corpus's
# .eml files, in instructions per input byte and MB/s of user time.
#
# Needs Google Benchmark and valgrind (Debian: libbenchmark-dev valgrind);
# installs them when run as root. Results stay in build-bench-COMPILER/results/.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
compiler=$(command -v "${CXX:-g++}")
build="$root/build-bench-$(basename "$compiler")"
# A build directory configured for another compiler path is started afresh.
if [ -f "$build/CMakeCache.txt" ] &&
   ! grep -qx "CMAKE_CXX_COMPILER:[A-Z]*=$compiler" "$build/CMakeCache.txt"; then
  rm -rf "$build/CMakeCache.txt" "$build/CMakeFiles"
fi
results="$build/results"
quick=0
[ "${1:-}" = "--quick" ] && quick=1

export SMTPCODES_TALLY=/dev/null
# shellcheck source=../tools/test-lib.sh
source "$root/tools/test-lib.sh"
ensure_packages libbenchmark-dev valgrind

echo "== building (Release, $("$compiler" --version | head -n 1))"
cmake -S "$root" -B "$build" -DCMAKE_CXX_COMPILER="$compiler" -DCMAKE_BUILD_TYPE=Release -DSMTPCODES_BUILD_BENCHMARKS=ON \
  -DSMTPCODES_BUILD_TESTS=OFF -DSMTPCODES_BUILD_EXAMPLES=ON -DSMTPCODES_INSTALL=OFF >/dev/null
cmake --build "$build" -j 2 --target smtpcodes_bench smtpcodes_icount smtpcodes_cli >/dev/null
bench="$build/benchmarks/smtpcodes_bench"
icount="$build/benchmarks/smtpcodes_icount"
mkdir -p "$results"

"$icount" list >"$results/operations.tsv"
"$icount" check

echo "== timing every operation (Google Benchmark, median of 3)"
min_time=0.2
[ "$quick" = 1 ] && min_time=0.05
"$bench" --benchmark_min_time="$min_time" --benchmark_repetitions=3 --benchmark_report_aggregates_only=true \
  --benchmark_out="$results/times.json" --benchmark_out_format=json >/dev/null

echo "== counting instructions (callgrind)"
# Ir of a run with ROUNDS rounds minus Ir of the same run with none, over
# ROUNDS * inputs. Rows that cost thousands of instructions need one round.
collected() {
  valgrind --tool=callgrind --callgrind-out-file=/dev/null "$icount" run "$1" "$2" 2>&1 |
    sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}
: >"$results/instructions.tsv"
while IFS=$'\t' read -r name role _; do
  rounds=10
  [ "$role" != 0 ] && [ "$role" != 1 ] && rounds=1
  printf '%s\t%s\t%s\t%s\n' "$name" "$rounds" "$(collected "$name" 0)" "$(collected "$name" "$rounds")" \
    >>"$results/instructions.tsv"
done <"$results/operations.tsv"

# The whole program over the corpus's .eml files: callgrind over the files
# read once (start-up included), and the median user time of 5 runs (3
# with --quick) over them read 100 times (20), each copy a folder of links.
corpus=${SMTPCODES_CORPUS:-/work/shared/corpus}
cli_report="$results/cli.md"
: >"$cli_report"
if [ -d "$corpus/emails" ]; then
  echo "== the smtpcodes program (bounces --json over the corpus's .eml files)"
  cli="$build/examples/smtpcodes"
  copies=100
  runs=5
  [ "$quick" = 1 ] && copies=20 && runs=3
  inputs="$results/cli-inputs"
  rm -rf "$inputs"
  mkdir -p "$inputs/1"
  number=0
  while IFS= read -r -d '' file; do
    number=$((number + 1))
    ln -s "$file" "$inputs/1/$number.eml"
  done < <(find "$corpus/emails" -name '*.eml' -print0 | sort -z)
  for ((copy = 2; copy <= copies; copy++)); do cp -as "$inputs/1" "$inputs/$copy"; done
  bytes=$(find "$corpus/emails" -name '*.eml' -print0 | xargs -0 cat | wc -c)
  instructions=$(valgrind --tool=callgrind --callgrind-out-file=/dev/null "$cli" bounces --json "$inputs/1" 2>&1 \
    >/dev/null | sed -n 's/.*Collected : \([0-9]*\).*/\1/p')
  seconds=()
  for ((run = 0; run < runs; run++)); do
    seconds+=("$( { TIMEFORMAT=%U; time "$cli" bounces --json "$inputs" >/dev/null; } 2>&1)")
  done
  median=$(printf '%s\n' "${seconds[@]}" | sort -n | sed -n "$(((runs + 1) / 2))p")
  python3 - "$number" "$bytes" "$instructions" "$copies" "$median" "${seconds[*]}" >"$cli_report" <<'PY'
import sys
files, size, instructions, copies, median, runs = sys.argv[1:]
size, instructions, copies, median = int(size), int(instructions), int(copies), float(median)
print(f"`smtpcodes bounces --json` over the development corpus's {files} `.eml` files ({size:,} bytes):")
print(f"- {instructions / size:.1f} instructions per input byte (callgrind, the whole program, the files read once);")
print(f"- {size * copies / median / 1e6:.0f} MB/s of user time, the files read {copies} times "
      f"(median of {runs.count(' ') + 1} runs: {runs} s; system time, opening the files, not counted).")
PY
  rm -rf "$inputs"
fi

echo "== compile time"
repetitions=7
[ "$quick" = 1 ] && repetitions=3
"$root/benchmarks/compile_cost.sh" "$repetitions" >"$results/compile_cost.md"

{
  echo "## Run time: ratios, instructions (callgrind) and this machine's times"
  echo
  echo "Instructions are net of the benchmark loop; $("$compiler" --version | head -n 1), CMake Release (-O3)."
  echo "Machine: $(nproc) cores, $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -n 1)."
  echo
  python3 "$root/benchmarks/report.py" "$results"
  echo
  if [ -s "$cli_report" ]; then
    echo
    echo "## The smtpcodes program"
    echo
    cat "$cli_report"
  fi
  echo
  echo "## Compile time"
  echo
  cat "$results/compile_cost.md"
} | tee "$results/report.md"
