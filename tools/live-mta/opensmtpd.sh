# Starts OpenSMTPD with a configuration of its own in a temporary directory,
# listening on 127.0.0.1 only. Sourced by tools/test.d/50-live-mta.sh inside
# a network and mount namespace.
#
# Debian's opensmtpd package conflicts with postfix, so the stage extracts it
# instead of installing it (as for Exim). OpenSMTPD has paths compiled in that
# the package would create: its queue (/var/spool/smtpd), its control socket
# (/run/smtpd.sock), the empty directory its unprivileged processes chroot to
# (/var/lib/opensmtpd/empty) and its delivery helpers (/usr/libexec/opensmtpd).
# Inside the namespace, those four parent directories get an overlay whose
# writable layer is in DIR, the extracted helpers laid under /usr/libexec;
# its users opensmtpd and opensmtpq come from copies of /etc/passwd and
# /etc/group bind-mounted over the real ones. Nothing outside the namespace
# changes. The daemon also gets a UTS namespace of its own, so that the name
# it gives itself in its notices is mx3.smtpcodes.test, not the machine's.
#
# start_opensmtpd PACKAGE DIR PORT POSTFIX_PORT EXIM_PORT BOUNCE_DIR: PACKAGE
# is where the .deb was extracted; sets OPENSMTPD_PID to the daemon's
# process id. PORT is the strict server the reply checks talk to: local
# users of mx3.smtpcodes.test only, no relaying, SIZE 5000 (the notices
# OpenSMTPD writes quote the whole returned message, and must fit too).
# Mail submitted with send_with_opensmtpd is relayed instead: for
# mx.smtpcodes.test to Postfix's strict server on POSTFIX_PORT, for
# mx2.smtpcodes.test to the Exim daemon on EXIM_PORT, whose refusals make
# OpenSMTPD write its own notices; they go to sender@client.smtpcodes.test,
# which is written into BOUNCE_DIR, one file per notice.
# stop_opensmtpd: stops that process and waits for it.
# send_with_opensmtpd PACKAGE RECIPIENT... <MESSAGE: submits a message from
# sender@client.smtpcodes.test through OpenSMTPD's sendmail.
# opensmtpd_queue_empty PACKAGE: true when OpenSMTPD holds no message.

# overlay_directory DIR TARGET [LOWER]: TARGET, writable, with changes kept
# under DIR/overlay and LOWER's files added to it.
overlay_directory() {
  local dir=$1 target=$2 lower=${3:-} layer
  layer="$dir/overlay/$(echo "$target" | tr / _)"
  mkdir -p "$layer/upper" "$layer/work"
  mount -t overlay overlay -o "lowerdir=${lower:+$lower:}$target,upperdir=$layer/upper,workdir=$layer/work" "$target"
}

start_opensmtpd() {
  local package=$1 dir=$2 port=$3 postfix_port=$4 exim_port=$5 bounce_dir=$6
  mkdir -p "$dir" "$bounce_dir"
  chown nobody "$bounce_dir"  # the notices are written as nobody
  overlay_directory "$dir" /usr/libexec "$package/usr/libexec"
  overlay_directory "$dir" /var/lib
  overlay_directory "$dir" /var/spool
  overlay_directory "$dir" /run
  mkdir -p /var/lib/opensmtpd/empty
  add_system_users "$dir" /var/lib/opensmtpd/empty opensmtpd:64997 opensmtpq:64996

  # Local users (getpwnam) of mx3.smtpcodes.test, from anyone, their mail
  # thrown away by a command run as nobody (OpenSMTPD will not run one as
  # root). The other rules exclude the strict listener (tag strict): mail
  # submitted locally is relayed onwards, and the notices for
  # client.smtpcodes.test, all delivered as nobody, each go into a file.
  cat >"$dir/smtpd.conf" <<CONF
smtp max-message-size 5000
table notice_users { "@" = "nobody" }
listen on 127.0.0.1 port $port hostname mx3.smtpcodes.test tag strict
action "local" mda "cat >/dev/null" user nobody
action "postfix" relay host smtp://127.0.0.1:$postfix_port
action "exim" relay host smtp://127.0.0.1:$exim_port
action "notices" mda "cat >\"\$(mktemp $bounce_dir/opensmtpd-XXXXXX.eml)\"" virtual <notice_users>
match from any for domain "mx3.smtpcodes.test" action "local"
match !tag strict from local for domain "mx.smtpcodes.test" action "postfix"
match !tag strict from local for domain "mx2.smtpcodes.test" action "exim"
match !tag strict from local for domain "client.smtpcodes.test" action "notices"
CONF
  # -d: in the foreground, logging to standard error. setsid puts the daemon
  # and its children in a process group of their own, so that
  # stop_opensmtpd can end them all. The inner shell expands its arguments.
  # shellcheck disable=SC2016
  setsid unshare -u sh -c 'hostname mx3.smtpcodes.test && exec "$0" -d -f "$1"' \
    "$package/usr/sbin/smtpd" "$dir/smtpd.conf" >"$dir/log" 2>&1 &
  OPENSMTPD_PID=$!
}

stop_opensmtpd() {
  [ -n "${OPENSMTPD_PID:-}" ] || return 0
  kill "$OPENSMTPD_PID" 2>/dev/null || true
  wait "$OPENSMTPD_PID" 2>/dev/null || true
  kill -- "-$OPENSMTPD_PID" 2>/dev/null || true
  OPENSMTPD_PID=
}

# run_smtpctl PACKAGE NAME ARGUMENT...: OpenSMTPD's smtpctl, called NAME
# (as sendmail, it submits a message), as the group opensmtpq, which it
# insists on (the package makes it setgid).
run_smtpctl() {
  local package=$1 name=$2
  shift 2
  # shellcheck disable=SC2016  # the inner bash expands its arguments
  setpriv --regid="$(getent group opensmtpq | cut -d: -f3)" --keep-groups \
    bash -c 'name=$1; shift; exec -a "$name" "$@"' run_smtpctl "$name" "$package/usr/sbin/smtpctl" "$@"
}

send_with_opensmtpd() {
  local package=$1
  shift
  run_smtpctl "$package" sendmail -f sender@client.smtpcodes.test -- "$@"
}

# opensmtpd_queue_empty PACKAGE: true when OpenSMTPD holds no message.
opensmtpd_queue_empty() {
  local queue
  queue=$(run_smtpctl "$1" smtpctl show queue 2>&1) && [ -z "$queue" ]
}
