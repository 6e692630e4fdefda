# clang++ with LLVM's libc++ 14 instead of libstdc++, at C++17, warnings as
# errors (fmt is used header-only there, see tests/CMakeLists.txt). C++20
# and C++23 with libc++ are stage 16, whose libc++ 19 has a complete
# <format> that runs every std::formatter.
set -euo pipefail
source "$SMTPCODES_ROOT/tools/test-lib.sh"
ensure_packages doctest-dev libfmt-dev libc++-dev libc++abi-dev python3-jsonschema
status=0
for standard in 17; do
  echo "--- clang++ libc++ C++$standard"
  build_and_test "clang++-libcxx-cxx$standard" -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_CXX_FLAGS=-stdlib=libc++ \
    -DCMAKE_CXX_STANDARD="$standard" -DCMAKE_CXX_STANDARD_REQUIRED=ON -DCMAKE_BUILD_TYPE=Debug \
    -DSMTPCODES_TEST_LIBCXX_INCOMPLETE_FORMAT=ON || status=1
done
exit "$status"
