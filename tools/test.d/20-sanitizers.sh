# The whole suite once more under AddressSanitizer and UndefinedBehaviorSanitizer.
set -euo pipefail
source "$SMTPCODES_ROOT/tools/test-lib.sh"
ensure_packages doctest-dev libfmt-dev python3-jsonschema
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
# Not the header checks: they run nothing, and the matrix compiles them.
build_and_test clang++-asan-ubsan -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_CXX_STANDARD=20 \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSMTPCODES_SANITIZE=address,undefined -DSMTPCODES_TEST_HEADER_CHECKS=OFF
