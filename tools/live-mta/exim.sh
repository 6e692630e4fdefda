# Starts Exim with a configuration of its own in a temporary directory,
# listening on 127.0.0.1 only. Sourced by tools/test.d/50-live-mta.sh inside
# a network and mount namespace.
#
# Debian's exim4 packages conflict with postfix (both are the system's MTA),
# so the stage extracts the exim4 binary from its .deb instead of installing
# it. The binary insists on its Debian-exim user: the namespace gets copies
# of /etc/passwd and /etc/group with that user added, bind-mounted over the
# real ones, so the machine itself is left unchanged.
#
# start_exim BINARY DIR PORT: sets EXIM_PID to the daemon's process id.
# stop_exim: stops that process and waits for it.

start_exim() {
  local binary=$1 dir=$2 port=$3
  mkdir -p "$dir/spool" "$dir/log"
  add_system_users "$dir" /nonexistent Debian-exim:64999
  chown Debian-exim:Debian-exim "$dir/spool" "$dir/log"

  # Small limits and plain rules, as for Postfix: SIZE 2000, local users of
  # mx2.smtpcodes.test only, no relaying, messages queued and never delivered.
  cat >"$dir/exim.conf" <<CONF
keep_environment =
exim_user = Debian-exim
exim_group = Debian-exim
spool_directory = $dir/spool
log_file_path = $dir/log/%slog
primary_hostname = mx2.smtpcodes.test
qualify_domain = mx2.smtpcodes.test
domainlist local_domains = mx2.smtpcodes.test
local_interfaces = 127.0.0.1
daemon_smtp_ports = $port
smtp_banner = \$primary_hostname ESMTP smtpcodes live test (Exim)
message_size_limit = 2000
queue_only = true
rfc1413_query_timeout = 0s
host_lookup =
smtp_max_synprot_errors = 100
acl_smtp_rcpt = acl_check_rcpt

begin acl
acl_check_rcpt:
  deny    domains = !+local_domains
          message = relay not permitted
  require verify = recipient
  accept

begin routers
local_users:
  driver = accept
  domains = +local_domains
  check_local_user
  transport = discard

begin transports
discard:
  driver = appendfile
  file = /dev/null
CONF
  # On shutdown Exim tries to re-exec /usr/sbin/exim4 to remove its pid file;
  # that path does not exist here, so it logs a harmless complaint.
  # setsid puts the daemon and the children it forks per connection in a
  # process group of their own, so that stop_exim can end them all.
  setsid "$binary" -C "$dir/exim.conf" -bdf &
  EXIM_PID=$!
}

stop_exim() {
  [ -n "${EXIM_PID:-}" ] || return 0
  kill "$EXIM_PID" 2>/dev/null || true
  wait "$EXIM_PID" 2>/dev/null || true
  kill -- "-$EXIM_PID" 2>/dev/null || true
  EXIM_PID=
}

# Exim as a sending MTA, run from the command line (no daemon) with a
# configuration of its own. Mail for mx.smtpcodes.test,
# full.smtpcodes.test (a full mailbox of Postfix's) and
# elsewhere.smtpcodes.test (a domain Postfix does not serve, so it refuses to
# relay) goes to Postfix's strict server on POSTFIX_PORT; for mx2.smtpcodes.test and
# slow.smtpcodes.test to Postfix's relay on RELAY_PORT (which passes it on to
# the Exim daemon, or tries to); for down.smtpcodes.test to DOWN_PORT and for
# late.smtpcodes.test to LATE_PORT, where nothing listens. Down gives up at
# once ("retry timeout exceeded"), having no retry rule; late has one and
# stays queued, and a forced queue run after a second sends a delay warning
# (delay_warning = 1s). Every notice goes to sender@client.smtpcodes.test and
# is written into BOUNCE_DIR, one file per notice.
#
# configure_exim_sender BINARY DIR POSTFIX_PORT RELAY_PORT DOWN_PORT LATE_PORT HELO_PORT BOUNCE_DIR
# send_with_exim BINARY DIR RECIPIENT... <MESSAGE: delivers at once.
# run_exim_queue BINARY DIR: tries every queued message again, now.
configure_exim_sender() {
  local binary=$1 dir=$2 postfix_port=$3 relay_port=$4 down_port=$5 late_port=$6 helo_port=$7 bounce_dir=$8
  mkdir -p "$dir/spool" "$dir/log" "$bounce_dir"
  chown Debian-exim:Debian-exim "$dir/spool" "$dir/log" "$bounce_dir"
  # exim_path: Exim starts itself again to send its notices, and the binary
  # is not where Debian would put it. Each router hands its port to the one
  # transport in address_data.
  cat >"$dir/exim.conf" <<CONF
keep_environment =
exim_path = $binary
exim_user = Debian-exim
exim_group = Debian-exim
spool_directory = $dir/spool
log_file_path = $dir/log/%slog
primary_hostname = client.smtpcodes.test
qualify_domain = client.smtpcodes.test
domainlist local_domains = client.smtpcodes.test
rfc1413_query_timeout = 0s
host_lookup =
delay_warning = 1s

begin routers
postfix:
  driver = accept
  domains = mx.smtpcodes.test : elsewhere.smtpcodes.test : full.smtpcodes.test
  address_data = $postfix_port
  transport = loopback

postfix_relay:
  driver = accept
  domains = mx2.smtpcodes.test : slow.smtpcodes.test
  address_data = $relay_port
  transport = loopback

refusing:
  driver = accept
  domains = refusing.smtpcodes.test
  address_data = $helo_port
  transport = loopback

down:
  driver = accept
  domains = down.smtpcodes.test
  address_data = $down_port
  transport = loopback

late:
  driver = accept
  domains = late.smtpcodes.test
  address_data = $late_port
  transport = loopback

notices:
  driver = accept
  domains = +local_domains
  transport = notice_file

begin transports
loopback:
  driver = smtp
  hosts = 127.0.0.1
  hosts_override
  allow_localhost
  port = \$address_data

notice_file:
  driver = appendfile
  user = Debian-exim
  file = $bounce_dir/exim-\$message_exim_id.eml
  message_prefix =
  message_suffix =

begin retry
late.smtpcodes.test  *  F,1h,10s
CONF
}

send_with_exim() {
  local binary=$1 dir=$2
  shift 2
  # Exim warns on standard error that -C costs it its privileges; that is expected.
  "$binary" -C "$dir/exim.conf" -odf -oi -f sender@client.smtpcodes.test "$@" 2>>"$dir/log/stderr"
}

run_exim_queue() {
  "$1" -C "$2/exim.conf" -qff 2>>"$2/log/stderr"
}
