# clang++ with LLVM's libc++ instead of libstdc++, C++17 and C++20, warnings
# as errors (fmt is used header-only there, see tests/CMakeLists.txt). At
# C++20 the format test is also compiled against libc++'s experimental
# <format>, which instantiates the std::formatter code (see tests/integrations/format.cpp).
set -euo pipefail
source "$SMTPCODES_ROOT/tools/test-lib.sh"
ensure_packages doctest-dev libfmt-dev libc++-dev libc++abi-dev python3-jsonschema
status=0
for standard in 17 20; do
  echo "--- clang++ libc++ C++$standard"
  build_and_test "clang++-libcxx-cxx$standard" -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_CXX_FLAGS=-stdlib=libc++ \
    -DCMAKE_CXX_STANDARD="$standard" -DCMAKE_CXX_STANDARD_REQUIRED=ON -DCMAKE_BUILD_TYPE=Debug \
    -DSMTPCODES_TEST_LIBCXX_INCOMPLETE_FORMAT=ON || status=1
done
exit "$status"
