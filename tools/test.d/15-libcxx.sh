# clang++ with LLVM's libc++ 14 instead of libstdc++, at C++17, warnings as
# errors (fmt is used header-only there, see tests/CMakeLists.txt). C++20
# and C++23 with libc++ are stage 16, whose libc++ 19 has a complete
# <format> that runs every std::formatter.
#
# Debian's libc++-14-dev and libc++-19-dev (stage 16) conflict, as both own
# /usr/include/c++/v1: rather than have apt swap them twice a run (about a
# minute), this stage unpacks libc++ 14's packages into build-test/ and
# points clang++ at them as -stdlib=libc++ does at an installed copy: only
# its headers (-nostdinc++), and its libraries at link and run time.
set -euo pipefail
source "$SMTPCODES_ROOT/tools/test-lib.sh"
ensure_packages doctest-dev libfmt-dev python3-jsonschema
libcxx_packages=(libc++-14-dev libc++1-14 libc++abi-14-dev libc++abi1-14 libunwind-14-dev libunwind-14)
root="$SMTPCODES_TEST_BUILD/libcxx14-root"
if [ ! -f "$root/usr/lib/llvm-14/include/c++/v1/__config" ]; then
  download="$SMTPCODES_TEST_BUILD/libcxx14-download"
  rm -rf "$download" "$root"
  mkdir -p "$download" "$root"
  chmod 777 "$download"  # apt downloads as its own user when it can
  (cd "$download" && { apt-get "${apt_wait_for_lock[@]}" download -qq "${libcxx_packages[@]}" >/dev/null 2>&1 ||
    { apt-get "${apt_wait_for_lock[@]}" update -qq >/dev/null && apt-get "${apt_wait_for_lock[@]}" download -qq "${libcxx_packages[@]}" >/dev/null; }; }) ||
    { echo "libcxx: cannot download ${libcxx_packages[*]}"; tally 0 1; exit 1; }
  for package in "$download"/*.deb; do dpkg-deb -x "$package" "$root"; done
fi
libcxx="$root/usr/lib/llvm-14"
# The checks that read only the source tree ran in the matrix.
ctest_exclude_labels=source_check
status=0
for standard in 17; do
  echo "--- clang++ libc++ C++$standard"
  build_and_test "clang++-libcxx-cxx$standard" -DCMAKE_CXX_COMPILER=clang++ \
    -DCMAKE_CXX_FLAGS="-nostdinc++ -isystem $libcxx/include/c++/v1" \
    -DCMAKE_EXE_LINKER_FLAGS="-stdlib=libc++ -L$libcxx/lib -Wl,-rpath,$libcxx/lib" \
    -DCMAKE_SHARED_LINKER_FLAGS="-stdlib=libc++ -L$libcxx/lib -Wl,-rpath,$libcxx/lib" \
    -DCMAKE_CXX_STANDARD="$standard" -DCMAKE_CXX_STANDARD_REQUIRED=ON -DCMAKE_BUILD_TYPE=Debug \
    -DSMTPCODES_TEST_LIBCXX_INCOMPLETE_FORMAT=ON || status=1
  # The tests ran on libc++ 14, not on another libc++ the system may have.
  if ldd "$SMTPCODES_TEST_BUILD/clang++-libcxx-cxx$standard/tests/test_reply_code" | grep -q "$libcxx/lib/libc++.so.1"; then
    tally 1 0
  else
    echo "test_reply_code is not linked against $libcxx/lib/libc++.so.1"; tally 0 1; status=1
  fi
done
exit "$status"
