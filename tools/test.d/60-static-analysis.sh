# clang-tidy (.clang-tidy) over every translation unit of include/, tests/,
# examples/ and fuzz/ (headers through the sources that include them; not
# the compile-fail cases), and
# clang-format (.clang-format) over every C++ file there. One tally entry each.
set -euo pipefail
source "$SMTPCODES_ROOT/tools/test-lib.sh"
ensure_packages doctest-dev clang clang-tidy clang-format
cd "$SMTPCODES_ROOT"
status=0

sources=$(find include tests examples fuzz -name '*.cpp' -o -name '*.hpp' | sort)

echo "--- clang-format"
if clang-format --dry-run --Werror $sources; then tally 1 0; else tally 0 1; status=1; fi

echo "--- clang-tidy"
dir="$SMTPCODES_TEST_BUILD/static-analysis"
cmake -S . -B "$dir" -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_EXPORT_COMPILE_COMMANDS=ON -DSMTPCODES_BUILD_TESTS=ON \
  -DSMTPCODES_BUILD_EXAMPLES=ON -DSMTPCODES_BUILD_FUZZERS=ON >"$dir.configure.log" 2>&1 ||
  { cat "$dir.configure.log"; tally 0 1; exit 1; }
# The compile-fail cases are meant not to compile.
units=$(echo "$sources" | grep '\.cpp$' | grep -v '^tests/compile_fail/')
count=$(echo "$units" | wc -l)
if echo "$units" | xargs -P "$(nproc)" -n 4 clang-tidy -p "$dir" --quiet 2>/dev/null >"$dir.log"; then
  echo "clang-tidy: $count translation units clean"; tally 1 0
else
  grep -E 'error:|warning:' -A 3 "$dir.log" | head -n 60; tally 0 1; status=1
fi
exit "$status"
