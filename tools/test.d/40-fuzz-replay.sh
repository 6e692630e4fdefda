# Every input in fuzz/corpus/<target>/ once more through its fuzz target,
# under AddressSanitizer and UndefinedBehaviorSanitizer, without libFuzzer:
# past findings stay fixed. One tally entry per target.
set -euo pipefail
source "$SMTPCODES_ROOT/tools/test-lib.sh"
compiler=clang++
command -v "$compiler" >/dev/null || compiler=g++
dir="$SMTPCODES_TEST_BUILD/fuzz-replay"
forget_other_generator "$dir"
cmake -S "$SMTPCODES_ROOT" -B "$dir" -DCMAKE_CXX_COMPILER="$compiler" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DSMTPCODES_DEVELOPER_WARNINGS=ON -DSMTPCODES_BUILD_FUZZERS=ON -DSMTPCODES_BUILD_TESTS=OFF \
  -DSMTPCODES_BUILD_EXAMPLES=OFF >"$dir.configure.log" 2>&1 || { cat "$dir.configure.log"; tally 0 1; exit 1; }
cmake --build "$dir" --target smtpcodes_replays -j "$(nproc)" >"$dir.build.log" 2>&1 ||
  { tail -n 60 "$dir.build.log"; tally 0 1; exit 1; }
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
status=0
for corpus in "$SMTPCODES_ROOT"/fuzz/corpus/*/; do
  target=$(basename "$corpus")
  program="$dir/fuzz/smtpcodes_replay_$target"
  if [ ! -x "$program" ]; then
    echo "$target: no fuzz target fuzz/targets/*/$target.cpp for this corpus"; tally 0 1; status=1; continue
  fi
  if output=$("$program" "$corpus" 2>&1); then
    echo "$target: $output"; tally 1 0
  else
    echo "$output" | tail -n 30; echo "$target: FAILED"; tally 0 1; status=1
  fi
done
exit "$status"
