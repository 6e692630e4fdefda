# Consumers and packaging: smtpcodes used the ways users add it, each a
# separate project under tests/consumers/ (see docs/packaging.md):
#   install        CMake install to a prefix: files and layout
#   find_package   find_package(smtpcodes CONFIG REQUIRED) against it
#   add_subdirectory (twice: parent without and with CTest)
#   fetchcontent   FetchContent from a file:// git snapshot of this tree
#   pkg-config     a plain compile with `pkg-config --cflags` only, also
#                  from a moved copy of the prefix
#   conan-test-package  test_package/ built against the installed package
#   recipes        tools/check_recipes.py (vcpkg port, Conan recipe)
set -euo pipefail
source "$SMTPCODES_ROOT/tools/test-lib.sh"
ensure_packages pkg-config git python3

work="$SMTPCODES_TEST_BUILD/consumers"
rm -rf "$work"
mkdir -p "$work"
consumers="$SMTPCODES_ROOT/tests/consumers"
prefix="$work/prefix"
version=$(sed -nE 's/^#define SMTPCODES_VERSION_(MAJOR|MINOR|PATCH) ([0-9]+)$/\2/p' \
  "$SMTPCODES_ROOT/include/smtpcodes/version.hpp" | paste -sd.)
# What a consumer's own build would typically ask for; our headers must not
# warn under it.
consumer_flags="-Wall -Wextra -Wpedantic -Werror"
export CXXFLAGS="$consumer_flags"

passed=0
failed=0
# run_check NAME FUNCTION: runs it with its output in $work/NAME.log. The
# subshell is not a condition, so that `set -e` stops it at the first error.
run_check() {
  local name=$1 status=0
  set +e
  (set -e; "$2") >"$work/$name.log" 2>&1
  status=$?
  set -e
  if [ "$status" = 0 ]; then
    echo "ok   $name"
    passed=$((passed + 1))
  else
    echo "FAIL $name (last lines of $work/$name.log):"
    tail -n 30 "$work/$name.log"
    failed=$((failed + 1))
  fi
}

# configure_build_run NAME SOURCE-DIR PROGRAM... -- CMAKE-ARGS...
configure_build_run() {
  local name=$1 source=$2; shift 2
  local programs=()
  while [ "$1" != "--" ]; do programs+=("$1"); shift; done
  shift
  cmake -S "$source" -B "$work/$name" -DCMAKE_BUILD_TYPE=Release "$@"
  cmake --build "$work/$name" -j 2
  for program in "${programs[@]}"; do "$work/$name/$program"; done
}

check_install() {
  cmake -S "$SMTPCODES_ROOT" -B "$work/install-build" -DCMAKE_BUILD_TYPE=Release \
    -DSMTPCODES_BUILD_TESTS=OFF -DSMTPCODES_BUILD_EXAMPLES=OFF
  cmake --install "$work/install-build" --prefix "$prefix"
  # Every header under include/ is installed, and nothing depends on the
  # architecture: only include/ and share/ (no lib/).
  diff <(cd "$SMTPCODES_ROOT/include" && find . -type f | sort) <(cd "$prefix/include" && find . -type f | sort)
  for file in share/cmake/smtpcodes/smtpcodesConfig.cmake share/cmake/smtpcodes/smtpcodesConfigVersion.cmake \
              share/cmake/smtpcodes/smtpcodesTargets.cmake share/pkgconfig/smtpcodes.pc; do
    test -f "$prefix/$file" || { echo "missing $file"; return 1; }
  done
  local stray
  stray=$(cd "$prefix" && find . -mindepth 1 -maxdepth 1 ! -name include ! -name share)
  [ -z "$stray" ] || { echo "unexpected in the prefix: $stray"; return 1; }
  # ARCH_INDEPENDENT: the version file accepts a 32-bit and a 64-bit consumer.
  cat >"$work/check-version-file.cmake" <<'CMAKE'
cmake_minimum_required(VERSION 3.16)
# What find_package sets before it reads a version file.
string(REPLACE "." ";" _parts "${PACKAGE_FIND_VERSION}")
list(GET _parts 0 PACKAGE_FIND_VERSION_MAJOR)
list(GET _parts 1 PACKAGE_FIND_VERSION_MINOR)
list(GET _parts 2 PACKAGE_FIND_VERSION_PATCH)
include("${VERSION_FILE}")
if(NOT PACKAGE_VERSION_COMPATIBLE OR PACKAGE_VERSION_UNSUITABLE)
  message(FATAL_ERROR "the version file rejects a consumer with CMAKE_SIZEOF_VOID_P ${CMAKE_SIZEOF_VOID_P}")
endif()
CMAKE
  local bits
  for bits in 4 8; do
    cmake -DCMAKE_SIZEOF_VOID_P=$bits -DPACKAGE_FIND_VERSION="$version" \
      -DVERSION_FILE="$prefix/share/cmake/smtpcodes/smtpcodesConfigVersion.cmake" -P "$work/check-version-file.cmake"
  done
  return 0
}

check_find_package() {
  configure_build_run find_package "$consumers/find_package" consumer again/consumer_again -- \
    -DCMAKE_PREFIX_PATH="$prefix" -DSMTPCODES_EXPECTED_VERSION="$version"
}

check_add_subdirectory() {
  configure_build_run add_subdirectory "$consumers/add_subdirectory" consumer -- \
    -DSMTPCODES_SOURCE_DIR="$SMTPCODES_ROOT"
  configure_build_run add_subdirectory-ctest "$consumers/add_subdirectory" consumer -- \
    -DSMTPCODES_SOURCE_DIR="$SMTPCODES_ROOT" -DPARENT_USES_CTEST=ON
  # The parent's tests are its own: ours are not registered.
  (cd "$work/add_subdirectory-ctest" && ctest -N | grep -q 'Total Tests: 1$')
}

# A git repository holding exactly this working tree (tracked and untracked
# files, not ignored ones), so that FetchContent tests what is here now.
make_snapshot() {
  local snapshot="$work/snapshot.git-tree"
  mkdir -p "$snapshot"
  if git -C "$SMTPCODES_ROOT" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    (cd "$SMTPCODES_ROOT" && git ls-files -z --cached --others --exclude-standard |
      xargs -0 -I{} sh -c 'test -e "$1" && echo "$1"' _ {} | tar -cf - -T -) | tar -C "$snapshot" -xf -
  else
    (cd "$SMTPCODES_ROOT" && tar -cf - --exclude='./build*' .) | tar -C "$snapshot" -xf -
  fi
  git -C "$snapshot" init -q
  git -C "$snapshot" add -A
  git -C "$snapshot" -c user.name=test -c user.email=test@localhost commit -qm snapshot
  echo "$snapshot"
}

check_fetchcontent() {
  local snapshot
  snapshot=$(make_snapshot)
  configure_build_run fetchcontent "$consumers/fetchcontent" consumer -- \
    -DSMTPCODES_GIT_URL="file://$snapshot" -DSMTPCODES_GIT_TAG="$(git -C "$snapshot" rev-parse HEAD)"
}

check_pkg_config() {
  local moved="$work/prefix-moved"
  cp -r "$prefix" "$moved"
  for root in "$prefix" "$moved"; do
    export PKG_CONFIG_LIBDIR="$root/share/pkgconfig" PKG_CONFIG_PATH=""
    pkg-config --validate smtpcodes
    [ "$(pkg-config --modversion smtpcodes)" = "$version" ] || { echo "pkg-config version differs"; return 1; }
    local cflags
    cflags=$(pkg-config --cflags smtpcodes)
    echo "cflags: $cflags"
    case "$cflags" in *"$root"*) ;; *) echo "the include path is not inside $root"; return 1 ;; esac
    # shellcheck disable=SC2086 # the flags are words
    c++ -std=c++17 $consumer_flags $cflags "$consumers/consumer.cpp" -o "$work/pkg-config-consumer"
    "$work/pkg-config-consumer"
  done
}

check_conan_test_package() {
  configure_build_run conan-test-package "$SMTPCODES_ROOT/test_package" test_package -- -DCMAKE_PREFIX_PATH="$prefix"
}

check_recipes() { python3 "$SMTPCODES_ROOT/tools/check_recipes.py"; }

run_check install check_install
if [ -f "$prefix/share/cmake/smtpcodes/smtpcodesConfig.cmake" ]; then
  run_check find_package check_find_package
  run_check pkg-config check_pkg_config
  run_check conan-test-package check_conan_test_package
else
  echo "FAIL find_package, pkg-config, conan-test-package: nothing was installed"
  failed=$((failed + 3))
fi
run_check add_subdirectory check_add_subdirectory
run_check fetchcontent check_fetchcontent
run_check recipes check_recipes

tally "$passed" "$failed"
echo "consumers: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
