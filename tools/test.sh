#!/usr/bin/env bash
# Runs the whole smtpcodes test suite: every stage in tools/test.d, in order.
#
#   tools/test.sh            all stages (what CI runs)
#   tools/test.sh --quick    one compiler and standard, no extra stages
#   tools/test.sh NAME...    only the stages whose file names contain NAME
#
# Stages install what they need (with apt-get, when run as root) and use
# build directories under build-test/. The last line is the tally of every
# CTest test and every stage check that ran: "tests: N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/.."
export SMTPCODES_ROOT="$PWD"
export SMTPCODES_TEST_BUILD="$PWD/build-test"
export SMTPCODES_TALLY="$SMTPCODES_TEST_BUILD/tally"
export SMTPCODES_QUICK=0
mkdir -p "$SMTPCODES_TEST_BUILD"
: >"$SMTPCODES_TALLY"

filters=()
for argument in "$@"; do
  case "$argument" in
    --quick) SMTPCODES_QUICK=1 ;;
    -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
    *) filters+=("$argument") ;;
  esac
done

failed_stages=()
for stage in tools/test.d/*.sh; do
  name=$(basename "$stage" .sh)
  if [ ${#filters[@]} -gt 0 ]; then
    selected=0
    for filter in "${filters[@]}"; do [[ "$name" == *"$filter"* ]] && selected=1; done
    [ "$selected" = 1 ] || continue
  elif [ "$SMTPCODES_QUICK" = 1 ] && [[ "$name" != *matrix* ]]; then
    continue
  fi
  echo "=== stage $name"
  start=$(date +%s)
  if bash "$stage"; then
    echo "=== stage $name passed in $(( $(date +%s) - start ))s"
  else
    echo "=== stage $name FAILED after $(( $(date +%s) - start ))s"
    failed_stages+=("$name")
  fi
done

passed=$(awk '{p += $1} END {print p + 0}' "$SMTPCODES_TALLY")
failed=$(awk '{f += $2} END {print f + 0}' "$SMTPCODES_TALLY")
failed=$(( failed + ${#failed_stages[@]} ))
if [ ${#failed_stages[@]} -gt 0 ]; then echo "failed stages: ${failed_stages[*]}"; fi
echo "tests: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
