# g++ and clang++ at C++17, C++20 and C++23, warnings as errors.
set -euo pipefail
source "$SMTPCODES_ROOT/tools/test-lib.sh"
ensure_packages doctest-dev python3 python3-jsonschema libfmt-dev valgrind
compilers=(g++ clang++)
standards=(17 20 23)
if [ "$SMTPCODES_QUICK" = 1 ]; then compilers=(g++); standards=(20); fi
status=0
for compiler in "${compilers[@]}"; do
  command -v "$compiler" >/dev/null || { echo "no $compiler"; tally 0 1; status=1; continue; }
  for standard in "${standards[@]}"; do
    echo "--- $compiler C++$standard"
    # Work is counted under callgrind (test_linear_time) in one build only:
    # instruction growth does not depend on the compiler or standard enough to
    # pay for it six times.
    if [ "$compiler" = g++ ] && [ "$standard" = 20 ]; then unset SMTPCODES_SKIP_WORK_COUNT; else export SMTPCODES_SKIP_WORK_COUNT=1; fi
    build_and_test "$compiler-cxx$standard" -DCMAKE_CXX_COMPILER="$compiler" \
      -DCMAKE_CXX_STANDARD="$standard" -DCMAKE_CXX_STANDARD_REQUIRED=ON -DCMAKE_BUILD_TYPE=Debug || status=1
  done
done
exit "$status"
