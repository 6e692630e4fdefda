#!/usr/bin/env bash
# Line and branch coverage of include/ by the test suite.
#
#   tools/coverage.sh          g++ with --coverage, summarised by gcovr
#   tools/coverage.sh --clang  clang++ source-based coverage, summarised by llvm-cov
#
# Builds the tests and the fuzz replay programs (no examples, no libFuzzer)
# in build-coverage/ (Debug, so no inlined branch disappears), runs them
# through CTest (which replays fuzz/corpus/), and prints one line per header plus the
# total. gcovr leaves out the branches that only exception unwinding takes
# and those the compiler proved unreachable: neither is a parse path.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
source tools/test-lib.sh
toolchain=gcc
[ "${1:-}" = "--clang" ] && toolchain=clang
build="$root/build-coverage/$toolchain"

if [ "$toolchain" = gcc ]; then
  ensure_packages doctest-dev gcovr
  cmake -S . -B "$build" -DCMAKE_CXX_COMPILER=g++ -DCMAKE_BUILD_TYPE=Debug -DSMTPCODES_BUILD_EXAMPLES=OFF \
    -DSMTPCODES_BUILD_FUZZERS=ON -DSMTPCODES_FUZZ_SANITIZE= \
    -DCMAKE_CXX_FLAGS="--coverage -fno-inline" -DCMAKE_EXE_LINKER_FLAGS="--coverage" >/dev/null
  find "$build" -name '*.gcda' -delete
  cmake --build "$build" -j 2 >/dev/null
  (cd "$build" && ctest --output-on-failure >/dev/null)
  gcovr --root "$root" --filter "$root/include/" --object-directory "$build/tests" \
    --exclude-throw-branches --exclude-unreachable-branches --print-summary --branches "$build/tests" "$build/fuzz" |
    sed -n '/^---/,$p'
  gcovr --root "$root" --filter "$root/include/" --object-directory "$build/tests" \
    --exclude-throw-branches --exclude-unreachable-branches "$build/tests" "$build/fuzz" | sed -n '/^---/,$p'
else
  llvm_version=$(clang++ --version | sed -nE 's/.*clang version ([0-9]+).*/\1/p')
  profdata=$(command -v "llvm-profdata-$llvm_version" || command -v llvm-profdata)
  cov=$(command -v "llvm-cov-$llvm_version" || command -v llvm-cov)
  cmake -S . -B "$build" -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=Debug -DSMTPCODES_BUILD_EXAMPLES=OFF \
    -DSMTPCODES_BUILD_FUZZERS=ON -DSMTPCODES_FUZZ_SANITIZE= \
    -DCMAKE_CXX_FLAGS="-fprofile-instr-generate -fcoverage-mapping" >/dev/null
  cmake --build "$build" -j 2 >/dev/null
  rm -rf "$build/profiles" && mkdir -p "$build/profiles"
  (cd "$build" && LLVM_PROFILE_FILE="$build/profiles/%p.profraw" ctest --output-on-failure >/dev/null)
  "$profdata" merge -sparse "$build"/profiles/*.profraw -o "$build/tests.profdata"
  objects=()
  for test in "$build"/tests/test_* "$build"/fuzz/smtpcodes_replay_*; do
    [ -x "$test" ] && objects+=(-object "$test")
  done
  "$cov" report "${objects[@]:1}" -instr-profile="$build/tests.profdata" "$root/include"
fi
