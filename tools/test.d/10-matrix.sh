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
    # The same build runs the checks that read only the source tree (label
    # source_check): their answer is the same in every configuration.
    if [ "$compiler" = g++ ] && [ "$standard" = 20 ]; then
      unset SMTPCODES_SKIP_WORK_COUNT; ctest_exclude_labels=
    else
      export SMTPCODES_SKIP_WORK_COUNT=1; ctest_exclude_labels=source_check
    fi
    # Each header on its own (test_headers) at C++17 with g++ and at C++23
    # with clang++: C++17 is where the standard headers include the least for
    # one another (a missing include shows there first), and C++23 takes
    # every branch of the library that C++20 takes (consteval, <format>,
    # concepts) and the standard headers' newest include graph. Both compilers
    # read the same libstdc++ headers here (libc++ is stages 15 and 16), so
    # one of them per standard sees every include graph.
    header_checks=OFF
    if [ "$compiler-$standard" = g++-17 ] || [ "$compiler-$standard" = clang++-23 ] || [ "$SMTPCODES_QUICK" = 1 ]; then
      header_checks=ON
    fi
    # Debug (assertions on, -O0) without debug information: it is a sixth of
    # the compile time and no check reads it; build with -g to debug a failure.
    build_and_test "$compiler-cxx$standard" -DCMAKE_CXX_COMPILER="$compiler" \
      -DCMAKE_CXX_STANDARD="$standard" -DCMAKE_CXX_STANDARD_REQUIRED=ON -DCMAKE_BUILD_TYPE=Debug \
      -DCMAKE_CXX_FLAGS_DEBUG=-O0 -DSMTPCODES_TEST_HEADER_CHECKS="$header_checks" || status=1
  done
done
exit "$status"
