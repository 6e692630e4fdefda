# The whole suite once more under AddressSanitizer and UndefinedBehaviorSanitizer:
# every test that runs code.
set -euo pipefail
source "$SMTPCODES_ROOT/tools/test-lib.sh"
ensure_packages doctest-dev libfmt-dev python3-jsonschema
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
# Not the header checks (they run nothing; the matrix compiles them), nor the
# compile-fail cases, which the matrix builds with the same clang++ at C++20
# (a front end's diagnostics do not depend on -fsanitize or -O), nor the
# checks that read only the source tree, which the matrix runs.
ctest_exclude_labels='source_check|compile_fail'
build_and_test clang++-asan-ubsan -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_CXX_STANDARD=20 \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSMTPCODES_SANITIZE=address,undefined -DSMTPCODES_TEST_HEADER_CHECKS=OFF
