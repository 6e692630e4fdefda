# Starts Postfix with a configuration of its own in a temporary directory,
# listening on 127.0.0.1 only. Sourced by tools/test.d/50-live-mta.sh inside
# a network namespace that has nothing but loopback.
#
# start_postfix DIR PORT RELAY_PORT EXIM_PORT DOWN_PORT HELO_PORT BOUNCE_DIR: sets
# POSTFIX_PID to the master's process id. PORT is the strict server the reply
# checks talk to. RELAY_PORT accepts mail from loopback and relays it: for
# mx2.smtpcodes.test to Exim on EXIM_PORT, so that Exim's refusals make
# Postfix write its own delivery status notifications, and for
# slow.smtpcodes.test to DOWN_PORT, where nothing listens, so that Postfix
# retries every second and sends a delay warning after one. RELAY_PORT takes
# messages up to 100000 bytes, so that one over Exim's SIZE 2000 reaches
# Postfix's client, which refuses to send it. HELO_PORT refuses every
# client at EHLO (smtpd_helo_restrictions = reject, not delayed to RCPT TO
# as Postfix does by default). The notices go to
# sender@client.smtpcodes.test, which a pipe delivers into BOUNCE_DIR, one
# file per notice.
# stop_postfix: stops that process and waits for it.

start_postfix() {
  local dir=$1 port=$2 relay_port=$3 exim_port=$4 down_port=$5 helo_port=$6 bounce_dir=$7
  local config="$dir/etc" spool="$dir/spool" data="$dir/data"
  mkdir -p "$config" "$spool" "$data" "$bounce_dir"
  chown nobody "$bounce_dir"  # the pipe writes as nobody
  chmod 755 "$dir"  # the daemons run as postfix and must reach the queue
  chown postfix:postfix "$data"
  # A mailbox of virtual(8) already at its size limit: one more message does not fit.
  local mailboxes="$dir/mailboxes"
  mkdir -p "$mailboxes"
  head -c 1990 /dev/zero | tr '\0' 'x' >"$mailboxes/full"
  chown -R nobody "$mailboxes"
  # The queue layout Postfix expects (what postfix-files would create).
  for queue in active bounce corrupt defer deferred flush hold incoming private saved trace; do
    mkdir -p "$spool/$queue"; chown postfix:root "$spool/$queue"; chmod 700 "$spool/$queue"
  done
  mkdir -p "$spool/maildrop" "$spool/public" "$spool/pid"
  chown postfix:postdrop "$spool/maildrop" "$spool/public"; chmod 730 "$spool/maildrop"; chmod 710 "$spool/public"
  chown root:root "$spool/pid"; chmod 755 "$spool/pid"

  # Small limits and plain rules, so that each test command provokes a known
  # reply: SIZE 2000, local users only, no relaying for anyone (mynetworks
  # excludes loopback), a message whose Subject is "make money fast" refused
  # after DATA with Postfix's own words (the example of header_checks(5)),
  # a virtual(8) mailbox for full.smtpcodes.test already at its size limit
  # (virtual_mailbox_limit may not be below message_size_limit, so both are
  # 2000 bytes and the mailbox holds 1990), and every other message
  # discarded instead of delivered,
  # except what transport_maps routes: mail for mx2.smtpcodes.test and
  # slow.smtpcodes.test (which only RELAY_PORT accepts) onwards, and notices
  # for client.smtpcodes.test to the pipe that writes them into BOUNCE_DIR. The notices, which quote
  # the returned message, pass through a cleanup service of their own that
  # allows more than 2000 bytes.
  cat >"$config/main.cf" <<CONF
compatibility_level = 3.6
queue_directory = $spool
data_directory = $data
command_directory = /usr/sbin
daemon_directory = /usr/lib/postfix/sbin
meta_directory = /etc/postfix
shlib_directory = /usr/lib/postfix
mail_owner = postfix
setgid_group = postdrop
myhostname = mx.smtpcodes.test
mydomain = smtpcodes.test
myorigin = \$myhostname
mydestination = \$myhostname
inet_interfaces = 127.0.0.1
inet_protocols = ipv4
mynetworks = 192.0.2.0/24
smtpd_banner = \$myhostname ESMTP smtpcodes live test
smtpd_relay_restrictions = permit_mynetworks, reject_unauth_destination
header_checks = regexp:{ {/^Subject: make money fast/ REJECT} }
local_recipient_maps = unix:passwd.byname
alias_maps =
alias_database =
message_size_limit = 2000
virtual_mailbox_domains = full.smtpcodes.test
virtual_mailbox_base = $dir/mailboxes
virtual_mailbox_maps = inline:{ someone@full.smtpcodes.test=full }
virtual_mailbox_limit = 2000
virtual_uid_maps = static:65534
virtual_gid_maps = static:65534
smtpd_discard_ehlo_keywords = etrn, vrfy
local_transport = discard:
default_transport = discard:
relay_transport = discard:
transport_maps = inline:{ mx2.smtpcodes.test=smtp:[127.0.0.1]:$exim_port, slow.smtpcodes.test=smtp:[127.0.0.1]:$down_port,
  client.smtpcodes.test=bouncefile: }
delay_warning_time = 1s
queue_run_delay = 1s
minimal_backoff_time = 1s
maximal_backoff_time = 1s
bouncefile_destination_recipient_limit = 1
disable_dns_lookups = yes
smtp_dns_support_level = disabled
maillog_file = $dir/maillog
maillog_file_prefixes = $dir
biff = no
CONF
  cat >"$config/master.cf" <<CONF
127.0.0.1:$port inet n - n - - smtpd
127.0.0.1:$helo_port inet n - n - - smtpd -o smtpd_delay_reject=no -o smtpd_helo_restrictions=reject
127.0.0.1:$relay_port inet n - n - - smtpd -o mynetworks=127.0.0.0/8 -o smtpd_relay_restrictions=permit_mynetworks,reject
  -o message_size_limit=100000 -o cleanup_service_name=dsncleanup
cleanup   unix n - n - 0 cleanup
qmgr      unix n - n 300 1 qmgr
rewrite   unix - - n - - trivial-rewrite
bounce    unix - - n - 0 bounce -o cleanup_service_name=dsncleanup
defer     unix - - n - 0 bounce -o cleanup_service_name=dsncleanup
trace     unix - - n - 0 bounce -o cleanup_service_name=dsncleanup
dsncleanup unix n - n - 0 cleanup -o message_size_limit=100000
verify    unix - - n - 1 verify
flush     unix n - n 1000? 0 flush
proxymap  unix - - n - - proxymap
error     unix - - n - - error
retry     unix - - n - - error
discard   unix - - n - - discard
virtual   unix - n n - - virtual
anvil     unix - - n - 1 anvil
scache    unix - - n - 1 scache
postlog   unix-dgram n - n - 1 postlogd
smtp      unix - - n - - smtp
bouncefile unix - n n - - pipe user=nobody argv=/usr/bin/tee $bounce_dir/postfix-\${queue_id}.eml
CONF
  # setsid makes the master lead a process group of its own, which it
  # signals on shutdown to stop its children.
  setsid /usr/lib/postfix/sbin/master -c "$config" -d &
  POSTFIX_PID=$!
}

stop_postfix() {
  [ -n "${POSTFIX_PID:-}" ] || return 0
  kill "$POSTFIX_PID" 2>/dev/null || true
  wait "$POSTFIX_PID" 2>/dev/null || true
  # Children that outlive the master (they should not) are in its group.
  if kill -0 -- "-$POSTFIX_PID" 2>/dev/null; then
    sleep 1
    kill -KILL -- "-$POSTFIX_PID" 2>/dev/null || true
  fi
  POSTFIX_PID=
}
