# Replies from a real MTA: Postfix from Debian's packages, listening on
# 127.0.0.1 inside a network namespace that has only loopback (so it can
# reach no DNS server and no other host), checked by tests/live_mta.cpp.
set -euo pipefail
source "$SMTPCODES_ROOT/tools/test-lib.sh"
port=2525

# Inside the namespace: start Postfix, run the checks, stop Postfix.
if [ "${1:-}" = --inside ]; then
  binary=$2 cli=$3 work=$4
  ip link set lo up
  source "$SMTPCODES_ROOT/tools/live-mta/postfix.sh"
  trap stop_postfix EXIT
  start_postfix "$work" "$port"
  if ! wait_for_listener "$port" 30; then
    echo "live-mta: Postfix did not start listening on 127.0.0.1:$port; its log:"
    cat "$work/maillog" 2>/dev/null || true
    exit 1
  fi
  status=0
  SMTPCODES_LIVE_MTA_PORT=$port "$binary" || status=$?
  # The probe command against the same server: one JSON object per reply.
  codes=$("$cli" probe --json 127.0.0.1 "$port" --rcpt root@mx.smtpcodes.test --data |
    sed -E 's/^\{"code":"([0-9]+)".*"complete":true,"diagnostics":\[\],"error":null\}$/\1/' | tr '\n' ' ')
  if [ "$codes" = "220 250 250 250 354 250 221 " ]; then
    echo "live-mta: probe: ok"
  else
    echo "live-mta: probe: FAILED, reply codes: $codes"
    status=1
  fi
  if [ "$status" != 0 ]; then echo "--- Postfix log"; cat "$work/maillog" 2>/dev/null || true; fi
  exit "$status"
fi

# Skipping is only for machines where the test cannot run at all, and says why.
skip() { echo "live-mta: SKIPPED: $*"; exit 0; }
[ "$(id -u)" = 0 ] || skip "needs root to install Postfix and create a network namespace"
unshare -n true 2>/dev/null || skip "cannot create a network namespace here (unshare -n failed)"

# Debian's postfix asks how to configure itself; answer "No configuration"
# (the test brings its own) and keep the package from starting a daemon.
if ! dpkg-query -W -f='${Status}' postfix 2>/dev/null | grep -q "install ok installed"; then
  echo "postfix postfix/main_mailer_type select No configuration" | debconf-set-selections
  echo "postfix postfix/mailname string mx.smtpcodes.test" | debconf-set-selections
fi
ensure_packages doctest-dev iproute2 postfix

dir="$SMTPCODES_TEST_BUILD/live-mta"
cmake -S "$SMTPCODES_ROOT" -B "$dir" -DSMTPCODES_DEVELOPER_WARNINGS=ON -DCMAKE_BUILD_TYPE=Debug \
  -DSMTPCODES_BUILD_TESTS=ON -DSMTPCODES_BUILD_EXAMPLES=ON \
  >"$dir.configure.log" 2>&1 || { cat "$dir.configure.log"; tally 0 1; exit 1; }
cmake --build "$dir" -j "$(nproc)" --target test_live_mta smtpcodes_cli >"$dir.build.log" 2>&1 ||
  { tail -n 60 "$dir.build.log"; tally 0 1; exit 1; }

work=$(mktemp -d /tmp/smtpcodes-live-mta.XXXXXX)
status=0
output=$(unshare -n bash "$0" --inside "$dir/tests/test_live_mta" "$dir/examples/smtpcodes" "$work" 2>&1) ||
  status=$?
echo "$output" | tail -n 40
rm -rf "$work"

# One tally entry per test case that ran.
line=$(echo "$output" | grep -E '^\[doctest\] test cases:' | tail -n 1)
if [ -n "$line" ]; then
  passed=$(echo "$line" | sed -E 's/.*\| *([0-9]+) passed.*/\1/')
  failed=$(echo "$line" | sed -E 's/.*\| *([0-9]+) failed.*/\1/')
  tally "$passed" "$failed"
  if echo "$output" | grep -q '^live-mta: probe: ok'; then tally 1 0; else tally 0 1; fi
else
  tally 0 1
fi
exit "$status"
