#!/usr/bin/env bash
# Runs every libFuzzer target for SECONDS seconds each (default 60), one after
# the other, and prints the executions per target.
#
#   fuzz/run.sh [SECONDS] [TARGET...]
#
# Builds with clang++ in build-fuzz/. Each target starts from a copy of its
# checked-in seeds (fuzz/corpus/<target>/) in build-fuzz/corpus/<target>/,
# so new inputs do not land in the repository unasked; an input that breaks
# a property or trips a sanitizer is written to build-fuzz/findings/<target>/.
# To keep a finding, copy it into fuzz/corpus/<target>/ with a name that
# says what it is, fix the parser, and add a regression test.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
build=build-fuzz
cmake -S . -B "$build" -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSMTPCODES_BUILD_FUZZERS=ON \
  -DSMTPCODES_BUILD_TESTS=OFF -DSMTPCODES_BUILD_EXAMPLES=OFF >/dev/null
cmake --build "$build" --target smtpcodes_fuzzers -j 2 >/dev/null

targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  for source in fuzz/targets/*/*.cpp; do targets+=("$(basename "$source" .cpp)"); done
fi

status=0
summary=()
for target in "${targets[@]}"; do
  corpus="$build/corpus/$target"
  findings="$build/findings/$target"
  mkdir -p "$corpus" "$findings"
  [ -d "fuzz/corpus/$target" ] && cp -n "fuzz/corpus/$target"/* "$corpus"/ 2>/dev/null || true
  log="$build/$target.log"
  echo "--- $target for ${seconds}s"
  # A slow input is a finding too (issue: stalls from hostile input): units
  # slower than 2 s are reported, and one slower than 10 s fails the run.
  if "$build/fuzz/smtpcodes_fuzz_$target" "$corpus" -max_total_time="$seconds" -print_final_stats=1 \
      -report_slow_units=2 -timeout=10 -artifact_prefix="$findings/" >"$log" 2>&1; then
    result=ok
  else
    result="FAILED (see $log and $findings/)"
    status=1
  fi
  runs=$(grep -E '^stat::number_of_executed_units' "$log" | awk '{print $2}')
  summary+=("$(printf '%-20s %12s executions  %s' "$target" "${runs:-?}" "$result")")
done
printf '%s\n' "${summary[@]}"
exit "$status"
