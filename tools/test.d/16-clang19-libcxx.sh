# clang++ 19 with LLVM's libc++ 19, C++20 and C++23, warnings as errors:
# a current compiler, and a standard library whose <format> is complete, so
# that every std::formatter of <smtpcodes/format.hpp> is compiled, linked and
# run (tests/integrations/format.cpp prints every public type with
# std::format). Only the tests that a new compiler and library can change
# are built (the integrations and the core), once per standard, on 2 cores.
# Debian's libc++-19-dev and libc++-14-dev conflict, as both own
# /usr/include/c++/v1: this stage installs libc++ 19, and 15-libcxx unpacks
# libc++ 14 into build-test/ without installing it.
set -euo pipefail
source "$SMTPCODES_ROOT/tools/test-lib.sh"
ensure_packages clang-19 libc++-19-dev libc++abi-19-dev doctest-dev libfmt-dev
tests=(test_format test_ostream test_error_code test_hash test_reply_code test_enhanced_status test_literals
       test_static_asserts test_reply test_reply_stream)
status=0
for standard in 20 23; do
  echo "--- clang++-19 libc++ C++$standard"
  dir="$SMTPCODES_TEST_BUILD/clang++-19-libcxx-cxx$standard"
  forget_other_generator "$dir"
  if ! cmake -S "$SMTPCODES_ROOT" -B "$dir" -DCMAKE_CXX_COMPILER=clang++-19 -DCMAKE_CXX_FLAGS=-stdlib=libc++ \
      -DCMAKE_CXX_STANDARD="$standard" -DCMAKE_CXX_STANDARD_REQUIRED=ON -DCMAKE_BUILD_TYPE=Debug \
      -DSMTPCODES_DEVELOPER_WARNINGS=ON -DSMTPCODES_BUILD_EXAMPLES=OFF >"$dir.configure.log" 2>&1; then
    cat "$dir.configure.log"; tally 0 1; status=1; continue
  fi
  if ! cmake --build "$dir" -j 2 --target "${tests[@]}" >"$dir.build.log" 2>&1; then
    tail -n 60 "$dir.build.log"; tally 0 1; status=1; continue
  fi
  # The std::format test case exists only where <format> is usable: it must be there.
  if "$dir/tests/test_format" --list-test-cases | grep -qx 'std::format'; then
    tally 1 0
  else
    echo "test_format has no std::format test case: <format> was not used"; tally 0 1; status=1
  fi
  pattern="^($(IFS='|'; echo "${tests[*]}"))\$"
  output=$(cd "$dir" && ctest --output-on-failure -R "$pattern" 2>&1) || status=1
  echo "$output" | tail -n 15
  line=$(echo "$output" | grep -E 'tests passed, [0-9]+ tests? failed out of [0-9]+' | tail -n 1)
  if [ -n "$line" ]; then
    total=$(echo "$line" | sed -E 's/.* out of ([0-9]+).*/\1/')
    failed=$(echo "$line" | sed -E 's/.*passed, ([0-9]+) tests? failed.*/\1/')
    tally $((total - failed)) "$failed"
    [ "$total" -eq "${#tests[@]}" ] || { echo "ran $total of ${#tests[@]} tests"; tally 0 1; status=1; }
  else
    tally 0 1; status=1
  fi
done
exit "$status"
