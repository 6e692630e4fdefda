# The benchmarks build cleanly (warnings as errors) and every strict parser
# row, std::regex included, accepts exactly the inputs the hand scanner
# accepts. No timing here: benchmarks/run.sh measures.
set -euo pipefail
source "$SMTPCODES_ROOT/tools/test-lib.sh"
ensure_packages libbenchmark-dev
dir="$SMTPCODES_TEST_BUILD/benchmarks"
forget_other_generator "$dir"
cmake -S "$SMTPCODES_ROOT" -B "$dir" -DCMAKE_BUILD_TYPE=Release -DSMTPCODES_DEVELOPER_WARNINGS=ON \
  -DSMTPCODES_BUILD_BENCHMARKS=ON -DSMTPCODES_BUILD_TESTS=OFF -DSMTPCODES_BUILD_EXAMPLES=OFF \
  >"$dir.configure.log" 2>&1 || { cat "$dir.configure.log"; tally 0 1; exit 1; }
cmake --build "$dir" -j "$(nproc)" --target smtpcodes_bench smtpcodes_icount >"$dir.build.log" 2>&1 ||
  { tail -n 60 "$dir.build.log"; tally 0 1; exit 1; }
if "$dir/benchmarks/smtpcodes_icount" check; then tally 1 0; else tally 0 1; exit 1; fi
