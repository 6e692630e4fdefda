# Replies from real MTAs: Postfix and Exim from Debian's packages, listening
# on 127.0.0.1 inside a network namespace that has only loopback (so they can
# reach no DNS server and no other host), checked by tests/live_mta.cpp and
# by `smtpcodes probe`.
set -euo pipefail
source "$SMTPCODES_ROOT/tools/test-lib.sh"
postfix_port=2525
exim_port=2526

# wait_for_listener PORT SECONDS: true once something listens on 127.0.0.1:PORT.
wait_for_listener() {
  local hex
  hex=$(printf '0100007F:%04X' "$1")
  for _ in $(seq $(($2 * 10))); do
    grep -q " $hex 00000000:0000 0A " /proc/net/tcp && return 0
    sleep 0.1
  done
  return 1
}

# probe_codes CLI PORT RCPT: the reply codes of a probe session, in order.
probe_codes() {
  "$1" probe --json 127.0.0.1 "$2" --rcpt "$3" --data |
    sed -E 's/^\{"code":"([0-9]+)".*"complete":true,"diagnostics":\[\],"error":null\}$/\1/' | tr '\n' ' '
}

# Inside the namespaces: start both servers, run the checks, stop them.
if [ "${1:-}" = --inside ]; then
  tests=$2 cli=$3 exim=$4 work=$5
  ip link set lo up
  source "$SMTPCODES_ROOT/tools/live-mta/postfix.sh"
  source "$SMTPCODES_ROOT/tools/live-mta/exim.sh"
  trap 'stop_postfix; stop_exim' EXIT
  start_postfix "$work/postfix" "$postfix_port"
  start_exim "$exim" "$work/exim" "$exim_port"
  status=0
  for server in postfix exim; do
    port_variable=${server}_port
    port=${!port_variable}
    echo "--- $server on 127.0.0.1:$port"
    if ! wait_for_listener "$port" 30; then
      echo "live-mta: $server did not start listening on 127.0.0.1:$port"
      status=1
      continue
    fi
    SMTPCODES_LIVE_MTA_PORT=$port "$tests" --test-suite="$server" || status=$?
    domain=mx.smtpcodes.test
    [ "$server" = exim ] && domain=mx2.smtpcodes.test
    codes=$(probe_codes "$cli" "$port" "root@$domain")
    if [ "$codes" = "220 250 250 250 354 250 221 " ]; then
      echo "live-mta: $server probe: ok"
    else
      echo "live-mta: $server probe: FAILED, reply codes: $codes"
      status=1
    fi
  done
  if [ "$status" != 0 ]; then
    echo "--- Postfix log"; cat "$work/postfix/maillog" 2>/dev/null || true
    echo "--- Exim log"; cat "$work/exim/log/"* 2>/dev/null || true
  fi
  exit "$status"
fi

# Skipping is only for machines where the test cannot run at all, and says why.
skip() { echo "live-mta: SKIPPED: $*"; exit 0; }
[ "$(id -u)" = 0 ] || skip "needs root to install Postfix and create network and mount namespaces"
unshare -n -m true 2>/dev/null || skip "cannot create network and mount namespaces here (unshare -n -m failed)"

# Debian's postfix asks how to configure itself; answer "No configuration"
# (the test brings its own). Exim's libraries are installed normally; Exim
# itself is extracted from its package (see tools/live-mta/exim.sh).
if ! dpkg-query -W -f='${Status}' postfix 2>/dev/null | grep -q "install ok installed"; then
  echo "postfix postfix/main_mailer_type select No configuration" | debconf-set-selections
fi
ensure_packages doctest-dev iproute2 postfix libdb5.3 libgnutls-dane0 libgnutls30 libidn12 libidn2-0 libnsl2 \
  libpcre2-8-0

dir="$SMTPCODES_TEST_BUILD/live-mta"
mkdir -p "$dir"
exim="$dir/exim4-package/usr/sbin/exim4"
if [ ! -x "$exim" ]; then
  rm -rf "$dir/exim4-download" "$dir/exim4-package"
  mkdir -p "$dir/exim4-download"
  chmod 777 "$dir/exim4-download"  # apt downloads as its own user where it can
  (cd "$dir/exim4-download" && { apt-get download -qq exim4-daemon-light >/dev/null 2>&1 ||
    { apt-get update -qq >/dev/null && apt-get download -qq exim4-daemon-light >/dev/null; }; }) ||
    { echo "live-mta: cannot download exim4-daemon-light"; tally 0 1; exit 1; }
  dpkg-deb -x "$dir"/exim4-download/exim4-daemon-light_*.deb "$dir/exim4-package"
fi

cmake -S "$SMTPCODES_ROOT" -B "$dir/build" -DSMTPCODES_DEVELOPER_WARNINGS=ON -DCMAKE_BUILD_TYPE=Debug \
  -DSMTPCODES_BUILD_TESTS=ON -DSMTPCODES_BUILD_EXAMPLES=ON \
  >"$dir/configure.log" 2>&1 || { cat "$dir/configure.log"; tally 0 1; exit 1; }
cmake --build "$dir/build" -j "$(nproc)" --target test_live_mta smtpcodes_cli >"$dir/build.log" 2>&1 ||
  { tail -n 60 "$dir/build.log"; tally 0 1; exit 1; }

work=$(mktemp -d /tmp/smtpcodes-live-mta.XXXXXX)
chmod 755 "$work"  # the servers' unprivileged processes must reach their queues
status=0
output=$(unshare -n -m bash "$0" --inside "$dir/build/tests/test_live_mta" "$dir/build/examples/smtpcodes" \
  "$exim" "$work" 2>&1) || status=$?
echo "$output" | grep -vE '^(Nov|Dec|Jan|[A-Z][a-z]{2}) [ 0-9]{2} ' | tail -n 60
rm -rf "$work"

# One tally entry per test case that ran, and one per probe.
lines=$(echo "$output" | grep -E '^\[doctest\] test cases:' || true)
if [ -n "$lines" ]; then
  while read -r line; do
    passed=$(echo "$line" | sed -E 's/.*\| *([0-9]+) passed.*/\1/')
    failed=$(echo "$line" | sed -E 's/.*\| *([0-9]+) failed.*/\1/')
    tally "$passed" "$failed"
  done <<<"$lines"
else
  tally 0 1
fi
tally "$(echo "$output" | grep -c 'probe: ok$' || true)" "$(echo "$output" | grep -c 'probe: FAILED' || true)"
[ "$(echo "$output" | grep -c 'probe: ok$' || true)" = 2 ] || status=1
exit "$status"
