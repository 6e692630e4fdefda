# Every ```cpp block of README.md and docs/*.md compiles (g++ 12, C++17,
# -fsyntax-only against include/). tools/check_doc_snippets.py says how blocks
# without includes or main() are wrapped, and how a block that only lists
# signatures is marked and skipped.
set -euo pipefail
source "$SMTPCODES_ROOT/tools/test-lib.sh"
status=0
output=$(python3 "$SMTPCODES_ROOT/tools/check_doc_snippets.py" 2>&1) || status=$?
echo "$output"
line=$(echo "$output" | grep -E '^[0-9]+ compiled, [0-9]+ failed, [0-9]+ skipped$' | tail -n 1)
if [ -n "$line" ]; then
  tally "$(echo "$line" | sed -E 's/^([0-9]+) compiled.*/\1/')" "$(echo "$line" | sed -E 's/.* ([0-9]+) failed.*/\1/')"
else
  tally 0 1
fi
exit "$status"
