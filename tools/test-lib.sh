# Shared helpers for the stages in tools/test.d (sourced, not run).

# Every apt-get of the stages waits up to 10 minutes for another apt or dpkg
# to release its lock, instead of failing at once (a fresh machine often runs
# its own updates when CI starts).
apt_wait_for_lock=(-o DPkg::Lock::Timeout=600)

# ensure_packages PACKAGE...: installs the Debian packages that are missing.
ensure_packages() {
  local missing=()
  for package in "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" != 0 ]; then
    echo "missing packages: ${missing[*]} (install them, or run as root)" >&2
    return 1
  fi
  echo "installing ${missing[*]}"
  if ! DEBIAN_FRONTEND=noninteractive apt-get "${apt_wait_for_lock[@]}" install -y -qq "${missing[@]}" >/dev/null; then
    apt-get "${apt_wait_for_lock[@]}" update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get "${apt_wait_for_lock[@]}" install -y -qq "${missing[@]}" >/dev/null
  fi
}

# Ninja, when it is installed, for every CMake build of the stages: it
# starts faster than make on each of the many small targets, and the
# compile-fail tests each run a build of their own.
if [ -z "${CMAKE_GENERATOR:-}" ] && command -v ninja >/dev/null; then export CMAKE_GENERATOR=Ninja; fi

# forget_other_generator DIR: removes the build directory DIR when it was
# configured with another generator (CMake refuses to switch in place).
forget_other_generator() {
  [ -f "$1/CMakeCache.txt" ] || return 0
  grep -qx "CMAKE_GENERATOR:INTERNAL=${CMAKE_GENERATOR:-Unix Makefiles}" "$1/CMakeCache.txt" || rm -rf "$1"
}

# tally PASSED FAILED: adds to the suite's closing count.
tally() { echo "$1 $2" >>"$SMTPCODES_TALLY"; }

# build_and_test NAME CMAKE-ARGS...: configures build-test/NAME, builds it and
# runs its CTest tests, adding their counts to the tally. The tests whose
# labels match $ctest_exclude_labels, when the stage sets it, are not run.
build_and_test() {
  local name=$1; shift
  local dir="$SMTPCODES_TEST_BUILD/$name"
  forget_other_generator "$dir"
  cmake -S "$SMTPCODES_ROOT" -B "$dir" -DSMTPCODES_DEVELOPER_WARNINGS=ON "$@" >"$dir.configure.log" 2>&1 ||
    { cat "$dir.configure.log"; return 1; }
  cmake --build "$dir" -j "$(nproc)" >"$dir.build.log" 2>&1 || { tail -n 60 "$dir.build.log"; return 1; }
  local output status=0
  local ctest_filter=()
  if [ -n "${ctest_exclude_labels:-}" ]; then ctest_filter=(-LE "$ctest_exclude_labels"); fi
  output=$(cd "$dir" && ctest --output-on-failure -j "$(nproc)" "${ctest_filter[@]}" 2>&1) || status=$?
  echo "$output" | tail -n 25
  local line total failed
  line=$(echo "$output" | grep -E 'tests passed, [0-9]+ tests? failed out of [0-9]+' | tail -n 1)
  total=$(echo "$line" | sed -E 's/.* out of ([0-9]+).*/\1/')
  failed=$(echo "$line" | sed -E 's/.*passed, ([0-9]+) tests? failed.*/\1/')
  if [ -n "$line" ]; then tally $((total - failed)) "$failed"; else tally 0 1; fi
  return "$status"
}
