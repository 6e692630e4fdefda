# The daemons' system users for the live test, without touching the machine.
# Sourced by tools/test.d/50-live-mta.sh inside its mount namespace.
#
# add_system_users DIR HOME NAME:ID...: each missing user NAME (uid and gid
# ID, home HOME) goes into copies of /etc/passwd and /etc/group in DIR,
# which are bind-mounted over the real ones; users that exist are left as
# they are. Debian's packages would create them, but the stage unpacks the
# packages instead of installing them (they conflict with postfix).
add_system_users() {
  local dir=$1 home=$2 user
  local missing=()
  shift 2
  for user in "$@"; do
    getent passwd "${user%:*}" >/dev/null || missing+=("$user")
  done
  [ "${#missing[@]}" -eq 0 ] && return 0
  cp /etc/passwd "$dir/passwd"
  cp /etc/group "$dir/group"
  for user in "${missing[@]}"; do
    echo "${user%:*}:x:${user#*:}:${user#*:}:smtpcodes live test:$home:/usr/sbin/nologin" >>"$dir/passwd"
    echo "${user%:*}:x:${user#*:}:" >>"$dir/group"
  done
  mount --bind "$dir/passwd" /etc/passwd
  mount --bind "$dir/group" /etc/group
}
