# Replies from real MTAs: Postfix, Exim and OpenSMTPD from Debian's packages, listening
# on 127.0.0.1 inside a network namespace that has only loopback (so they can
# reach no DNS server and no other host), checked by tests/wire/live_mta.cpp and
# by `smtpcodes probe`.
#
# Then real bounces: Exim sends mail that Postfix refuses, Postfix relays
# mail that the Exim daemon refuses, and OpenSMTPD relays mail that both
# refuse, so that each MTA writes its own non-delivery notices (and Postfix
# and Exim each a delay warning, for mail to a dead port).
# tools/live-mta/check-bounces.pl reads them with `smtpcodes bounces --json`,
# checks them against what the refusing server said, and compares them (and
# examples/bounces/*.eml) with Sisimai.
set -euo pipefail
source "$SMTPCODES_ROOT/tools/test-lib.sh"
postfix_port=2525
exim_port=2526
relay_port=2527  # Postfix, relaying mail from loopback
opensmtpd_port=2528
helo_port=2529   # Postfix, refusing every client at EHLO
down_port=2599   # nothing listens here
late_port=2598   # nor here

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

# wait_for_files DIR COUNT SECONDS: true once DIR holds COUNT files.
wait_for_files() {
  for _ in $(seq $(($3 * 10))); do
    [ "$(find "$1" -type f | wc -l)" -ge "$2" ] && return 0
    sleep 0.1
  done
  return 1
}

# message SUBJECT: a short message to send.
message() { printf 'Subject: %s\n\nA test message from the smtpcodes live stage.\n' "$1"; }

# large_message SUBJECT LINES: a message of LINES lines of 70 zeros, to go
# over a server's SIZE.
large_message() {
  printf 'Subject: %s\n\n' "$1"
  for _ in $(seq "$2"); do printf '%070d\n' 0; done
}

# produce_bounces OUT: makes the MTAs write non-delivery notices, copied into
# OUT/exim, OUT/postfix and OUT/opensmtpd, with their delivery logs in
# OUT/logs. Every address here is named in tools/live-mta/expected-bounces.tsv.
produce_bounces() {
  local out=$1 sender="$work/exim-sender" failed=0
  configure_exim_sender "$exim" "$sender" "$postfix_port" "$relay_port" "$down_port" "$late_port" "$helo_port" \
    "$work/bounces/exim"
  wait_for_listener "$relay_port" 30 || { echo "live-mta: the Postfix relay did not start listening"; return 1; }
  # OpenSMTPD relays to Postfix, which refuses two unknown users (550 5.1.1)
  # and a message over its SIZE of 2000 (552 5.3.4), and to Exim, which
  # refuses an unknown user (550 Unrouteable address).
  message "unknown users" | send_with_opensmtpd "$opensmtpd" nobody-here@mx.smtpcodes.test \
    no-such-user@mx.smtpcodes.test root@mx.smtpcodes.test || failed=1
  large_message "too large" 30 |
    send_with_opensmtpd "$opensmtpd" nobody@mx.smtpcodes.test || failed=1
  message "relayed" | send_with_opensmtpd "$opensmtpd" nobody-here@mx2.smtpcodes.test root@mx2.smtpcodes.test ||
    failed=1
  message "make money fast" | send_with_opensmtpd "$opensmtpd" daemon@mx.smtpcodes.test || failed=1
  # Postfix refuses two unknown users at RCPT (550 5.1.1) and takes root.
  message "unknown users" | send_with_exim "$exim" "$sender" nobody-here@mx.smtpcodes.test \
    no-such-user@mx.smtpcodes.test root@mx.smtpcodes.test || failed=1
  # Postfix refuses a message over its SIZE of 2000 (552 5.3.4).
  large_message "too large" 40 |
    send_with_exim "$exim" "$sender" nobody@mx.smtpcodes.test || failed=1
  # Postfix serves no such domain and relays for nobody: 554 5.7.1 Relay access denied.
  message "relay" | send_with_exim "$exim" "$sender" someone@elsewhere.smtpcodes.test || failed=1
  # Postfix's header_checks refuse the Subject after DATA (550 5.7.1 message content rejected).
  message "make money fast" | send_with_exim "$exim" "$sender" daemon@mx.smtpcodes.test || failed=1
  # Postfix's port that refuses every client at EHLO (554 5.7.1 ... Helo command rejected).
  message "helo" | send_with_exim "$exim" "$sender" someone@refusing.smtpcodes.test || failed=1
  # Postfix takes it, and its virtual(8) cannot append it to a mailbox at its size limit.
  message "full" | send_with_exim "$exim" "$sender" someone@full.smtpcodes.test || failed=1
  # Nothing listens: Exim gives up at once, having no retry rules.
  message "nobody home" | send_with_exim "$exim" "$sender" someone@down.smtpcodes.test \
    postmaster@down.smtpcodes.test || failed=1
  # Postfix accepts both and relays them to Exim, which refuses the unknown
  # one (550 Unrouteable address); Postfix writes the notice.
  message "relayed" | send_with_exim "$exim" "$sender" nobody-here@mx2.smtpcodes.test \
    root@mx2.smtpcodes.test || failed=1
  # Postfix takes a message over the Exim daemon's SIZE 2000 and, seeing
  # that SIZE, refuses to send it (5.3.4).
  large_message "too large for Exim" 40 |
    send_with_exim "$exim" "$sender" nobody@mx2.smtpcodes.test || failed=1
  # Postfix cannot connect, retries every second, and warns after one.
  message "delayed" | send_with_exim "$exim" "$sender" someone@slow.smtpcodes.test || failed=1
  # Exim cannot connect and keeps the message; tried again after a second,
  # it warns.
  message "late" | send_with_exim "$exim" "$sender" someone@late.smtpcodes.test || failed=1
  sleep 1.5
  run_exim_queue "$exim" "$sender" || failed=1
  wait_for_files "$work/bounces/exim" 7 30 || { echo "live-mta: Exim wrote fewer than 7 notices"; failed=1; }
  wait_for_files "$work/bounces/postfix" 4 30 || { echo "live-mta: Postfix wrote fewer than 4 notices"; failed=1; }
  # OpenSMTPD is done once its queue is empty: every notice delivered.
  wait_for_files "$work/bounces/opensmtpd" 4 30 || { echo "live-mta: OpenSMTPD wrote fewer than 4 notices"; failed=1; }
  for _ in $(seq 300); do opensmtpd_queue_empty "$opensmtpd" && break; sleep 0.1; done
  opensmtpd_queue_empty "$opensmtpd" || { echo "live-mta: OpenSMTPD still holds messages"; failed=1; }
  sleep 0.5  # a notice may still be being written
  mkdir -p "$out/logs"
  cp -r "$work/bounces/exim" "$work/bounces/postfix" "$work/bounces/opensmtpd" "$out/"
  # The delivery logs that tell the same story, line by line.
  cp "$work/postfix/maillog" "$out/logs/postfix.log"
  cp "$sender/log/mainlog" "$out/logs/exim.log"
  cp "$work/opensmtpd/log" "$out/logs/opensmtpd.log"  # for a look; the library does not read its format
  return "$failed"
}

# probe_codes CLI PORT RCPT: the reply codes of a probe session, in order.
probe_codes() {
  "$1" probe --json 127.0.0.1 "$2" --rcpt "$3" --data |
    sed -E 's/^\{"code":"([0-9]+)".*"complete":true,"diagnostics":\[\],"error":null\}$/\1/' | tr '\n' ' '
}

# Inside the namespaces: start the servers, run the checks, stop them.
if [ "${1:-}" = --inside ]; then
  tests=$2 cli=$3 exim=$4 opensmtpd=$5 work=$6 bounces=$7
  ip link set lo up
  source "$SMTPCODES_ROOT/tools/live-mta/users.sh"
  source "$SMTPCODES_ROOT/tools/live-mta/postfix.sh"
  source "$SMTPCODES_ROOT/tools/live-mta/exim.sh"
  source "$SMTPCODES_ROOT/tools/live-mta/opensmtpd.sh"
  trap 'stop_postfix; stop_exim; stop_opensmtpd' EXIT
  start_postfix "$work/postfix" "$postfix_port" "$relay_port" "$exim_port" "$down_port" "$helo_port" \
    "$work/bounces/postfix"
  start_exim "$exim" "$work/exim" "$exim_port"
  start_opensmtpd "$opensmtpd" "$work/opensmtpd" "$opensmtpd_port" "$postfix_port" "$exim_port" \
    "$work/bounces/opensmtpd"
  status=0
  for server in postfix exim opensmtpd; do
    port_variable=${server}_port
    port=${!port_variable}
    echo "--- $server on 127.0.0.1:$port"
    if ! wait_for_listener "$port" 30; then
      echo "live-mta: $server did not start listening on 127.0.0.1:$port"
      status=1
      continue
    fi
    SMTPCODES_LIVE_MTA_PORT=$port "$tests" --test-suite="$server" || status=$?
    case "$server" in
      exim) domain=mx2.smtpcodes.test ;;
      opensmtpd) domain=mx3.smtpcodes.test ;;
      *) domain=mx.smtpcodes.test ;;
    esac
    codes=$(probe_codes "$cli" "$port" "root@$domain")
    if [ "$codes" = "220 250 250 250 354 250 221 " ]; then
      echo "live-mta: $server probe: ok"
    else
      echo "live-mta: $server probe: FAILED, reply codes: $codes"
      status=1
    fi
  done
  echo "--- real bounces"
  if produce_bounces "$bounces"; then
    echo "live-mta: bounces produced: ok"
  else
    echo "live-mta: bounces produced: FAILED"
    status=1
  fi
  if [ "$status" != 0 ]; then
    echo "--- Postfix log"; cat "$work/postfix/maillog" 2>/dev/null || true
    echo "--- Exim log"; cat "$work/exim/log/"* 2>/dev/null || true
    echo "--- Exim (sending) log"; cat "$work/exim-sender/log/"* 2>/dev/null || true
    echo "--- OpenSMTPD log"; cat "$work/opensmtpd/log" 2>/dev/null || true
  fi
  exit "$status"
fi

# Skipping is only for machines where the test cannot run at all, and says why.
skip() { echo "live-mta: SKIPPED: $*"; exit 0; }
[ "$(id -u)" = 0 ] || skip "needs root to install Postfix and create network and mount namespaces"
unshare -n -m true 2>/dev/null || skip "cannot create network and mount namespaces here (unshare -n -m failed)"
unshare -u true 2>/dev/null || skip "cannot create a UTS namespace for OpenSMTPD here (unshare -u failed)"
grep -qw overlay /proc/filesystems || modprobe overlay 2>/dev/null ||
  skip "the kernel has no overlay file system, which OpenSMTPD's compiled-in paths need here"

# Debian's postfix asks how to configure itself; answer "No configuration"
# (the test brings its own). Exim's libraries are installed normally; Exim
# itself is extracted from its package (see tools/live-mta/exim.sh), and so is
# OpenSMTPD (tools/live-mta/opensmtpd.sh), whose libraries are installed too.
if ! dpkg-query -W -f='${Status}' postfix 2>/dev/null | grep -q "install ok installed"; then
  echo "postfix postfix/main_mailer_type select No configuration" | debconf-set-selections
fi
ensure_packages doctest-dev iproute2 libsisimai-perl postfix libdb5.3 libgnutls-dane0 libgnutls30 libidn12 libidn2-0 libnsl2 \
  libpcre2-8-0 libaudit1 libcap-ng0 libcrypt1 libevent-2.1-7 libpam0g libssl3 zlib1g

dir="$SMTPCODES_TEST_BUILD/live-mta"
mkdir -p "$dir"
exim="$dir/exim4-package/usr/sbin/exim4"
if [ ! -x "$exim" ]; then
  rm -rf "$dir/exim4-download" "$dir/exim4-package"
  mkdir -p "$dir/exim4-download"
  chmod 777 "$dir/exim4-download"  # apt downloads as its own user where it can
  (cd "$dir/exim4-download" && { apt-get "${apt_wait_for_lock[@]}" download -qq exim4-daemon-light >/dev/null 2>&1 ||
    { apt-get "${apt_wait_for_lock[@]}" update -qq >/dev/null && apt-get "${apt_wait_for_lock[@]}" download -qq exim4-daemon-light >/dev/null; }; }) ||
    { echo "live-mta: cannot download exim4-daemon-light"; tally 0 1; exit 1; }
  dpkg-deb -x "$dir"/exim4-download/exim4-daemon-light_*.deb "$dir/exim4-package"
fi
opensmtpd="$dir/opensmtpd-package"
if [ ! -x "$opensmtpd/usr/sbin/smtpd" ]; then
  rm -rf "$dir/opensmtpd-download" "$opensmtpd"
  mkdir -p "$dir/opensmtpd-download"
  chmod 777 "$dir/opensmtpd-download"
  (cd "$dir/opensmtpd-download" && { apt-get "${apt_wait_for_lock[@]}" download -qq opensmtpd >/dev/null 2>&1 ||
    { apt-get "${apt_wait_for_lock[@]}" update -qq >/dev/null && apt-get "${apt_wait_for_lock[@]}" download -qq opensmtpd >/dev/null; }; }) ||
    { echo "live-mta: cannot download opensmtpd"; tally 0 1; exit 1; }
  dpkg-deb -x "$dir"/opensmtpd-download/opensmtpd_*.deb "$opensmtpd"
fi

forget_other_generator "$dir/build"
cmake -S "$SMTPCODES_ROOT" -B "$dir/build" -DSMTPCODES_DEVELOPER_WARNINGS=ON -DCMAKE_BUILD_TYPE=Debug \
  -DSMTPCODES_BUILD_TESTS=ON -DSMTPCODES_BUILD_EXAMPLES=ON \
  >"$dir/configure.log" 2>&1 || { cat "$dir/configure.log"; tally 0 1; exit 1; }
cmake --build "$dir/build" -j "$(nproc)" --target test_live_mta smtpcodes_cli >"$dir/build.log" 2>&1 ||
  { tail -n 60 "$dir/build.log"; tally 0 1; exit 1; }

work=$(mktemp -d /tmp/smtpcodes-live-mta.XXXXXX)
chmod 755 "$work"  # the servers' unprivileged processes must reach their queues
status=0
rm -rf "$dir/bounces"
output=$(unshare -n -m bash "$0" --inside "$dir/build/tests/test_live_mta" "$dir/build/examples/smtpcodes" \
  "$exim" "$opensmtpd" "$work" "$dir/bounces" 2>&1) || status=$?
echo "$output" | grep -vE '^(Nov|Dec|Jan|[A-Z][a-z]{2}) [ 0-9]{2} ' | tail -n 60
rm -rf "$work"

# The notices (kept in build-test/live-mta/bounces for a look), read by the
# library and by Sisimai, one tally entry per check.
if [ -d "$dir/bounces" ]; then
  checks_status=0
  checks=$(perl "$SMTPCODES_ROOT/tools/live-mta/check-bounces.pl" "$dir/build/examples/smtpcodes" "$dir/bounces" \
    "$SMTPCODES_ROOT"/examples/bounces/*.eml 2>&1) || checks_status=$?
  echo "$checks"
  failed_checks=$(echo "$checks" | grep -c '^FAILED ' || true)
  # A script that stopped without reporting a failure still fails once.
  [ "$checks_status" != 0 ] && [ "$failed_checks" = 0 ] && failed_checks=1
  [ "$checks_status" = 0 ] || status=1
  tally "$(echo "$checks" | grep -c '^ok ' || true)" "$failed_checks"
fi
tally "$(echo "$output" | grep -c 'bounces produced: ok$' || true)" \
  "$(echo "$output" | grep -c 'bounces produced: FAILED$' || true)"

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
[ "$(echo "$output" | grep -c 'probe: ok$' || true)" = 3 ] || status=1
exit "$status"
