#!/usr/bin/env bash
# Local development infrastructure for Datenplattform-Inventar, without Docker:
#   - PostgreSQL 15 + PostGIS 3 (Debian packages, project-local cluster)
#   - Apache Kafka 3.9.2 in KRaft mode (jars from Maven Central, one combined
#     broker+controller node)
#
# Usage: bash deploy/local/infra.sh up|down|status|env
#
# All state lives in <repo>/.infra/ (git-ignored). See deploy/local/README.md.
set -euo pipefail

# ---------------------------------------------------------------------------
# Paths and settings
# ---------------------------------------------------------------------------
SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
REPO_ROOT="$(cd "$SCRIPT_DIR/../.." && pwd -P)"
INFRA_DIR="$REPO_ROOT/.infra"

TIMEOUT="${INFRA_TIMEOUT_SECONDS:-60}"
KAFKA_STOP_TIMEOUT="${INFRA_KAFKA_STOP_TIMEOUT_SECONDS:-30}"

# --- PostgreSQL ---
PG_VERSION=15
PG_BIN="/usr/lib/postgresql/$PG_VERSION/bin"
PG_PORT="${INFRA_PG_PORT:-55432}"
PG_DIR="$INFRA_DIR/pg"
PG_DATA="$PG_DIR/data"
PG_LOG="$PG_DIR/postgres.log"
PG_SOCKET_DIR="$PG_DIR/run"
PG_DB=dpi
PG_USER=dpi
PG_PASSWORD=dpi
PG_SUPERUSER=postgres   # bootstrap superuser created by initdb (-U)
PG_PACKAGES=("postgresql-$PG_VERSION" "postgresql-$PG_VERSION-postgis-3")
LOCAL_DATABASE_URL="postgres://$PG_USER:$PG_PASSWORD@127.0.0.1:$PG_PORT/$PG_DB"

# --- Kafka ---
KAFKA_VERSION=3.9.2
KAFKA_PORT="${INFRA_KAFKA_PORT:-59092}"
KAFKA_CONTROLLER_PORT="${INFRA_KAFKA_CONTROLLER_PORT:-59093}"
KAFKA_DIR="$INFRA_DIR/kafka"
KAFKA_LIB="$KAFKA_DIR/lib"
KAFKA_DATA="$KAFKA_DIR/data"
KAFKA_LOG="$KAFKA_DIR/kafka.log"
KAFKA_LOGS_DIR="$KAFKA_DIR/logs"
KAFKA_PROPS="$KAFKA_DIR/server.properties"
KAFKA_PID_FILE="$KAFKA_DIR/kafka.pid"
KAFKA_CLUSTER_ID_FILE="$KAFKA_DIR/cluster.id"
KAFKA_POM="$SCRIPT_DIR/kafka/pom.xml"
KAFKA_TEMPLATE="$SCRIPT_DIR/kafka/server.properties.template"
KAFKA_LOG4J="$SCRIPT_DIR/kafka/log4j.properties"
KAFKA_TOOLS_LOG4J="$SCRIPT_DIR/kafka/tools-log4j.properties"
KAFKA_HEAP_OPTS="${INFRA_KAFKA_HEAP_OPTS:--Xms256m -Xmx1g}"
LOCAL_KAFKA_BROKERS="127.0.0.1:$KAFKA_PORT"

IS_ROOT=0
[[ "$(id -u)" -eq 0 ]] && IS_ROOT=1
INFRA_STARTED_SOMETHING=0   # set to 1 when `up` had to start a server
PG_LOG_OFFSET=""            # size of postgres.log before our last pg_ctl start

# ---------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------
log() { printf '[infra] %s\n' "$*" >&2; }
die() { printf '[infra] ERROR: %s\n' "$*" >&2; exit 1; }

# Print the last lines of a log file (for error messages).
show_tail() {
  local file="$1" n="${2:-30}"
  if [[ -f "$file" ]]; then
    printf '[infra] ----- last %s lines of %s -----\n' "$n" "$file" >&2
    tail -n "$n" "$file" >&2 || true
    printf '[infra] ----- end of %s -----\n' "$file" >&2
  else
    printf '[infra] (log file %s does not exist)\n' "$file" >&2
  fi
}

# tcp_open HOST PORT: succeeds when a TCP connection can be established.
tcp_open() {
  local host="$1" port="$2"
  # shellcheck disable=SC2016  # $1/$2 are expanded by the inner bash
  timeout 3 bash -c 'exec 3<>"/dev/tcp/$1/$2"' _ "$host" "$port" 2>/dev/null
}

# Is PID alive? (signal 0 works and it is not a zombie waiting to be reaped)
pid_alive() {
  [[ -n "${1:-}" ]] && kill -0 "$1" 2>/dev/null || return 1
  local stat
  stat="$(cat "/proc/$1/stat" 2>/dev/null || true)"
  [[ -z "$stat" ]] && return 0 # no procfs: trust kill -0
  stat="${stat##*) }"
  [[ "${stat:0:1}" != Z ]]
}

elapsed_since() { echo $(( $(date +%s) - $1 )); }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# Our ports lie inside Linux's default ephemeral range (32768-60999): an
# outgoing connection (e.g. a psql or Kafka client) can get one of them as its
# *source* port, and a server starting at that moment fails with "Address
# already in use". As root, reserve them so the kernel never hands them out
# (net.ipv4.ip_local_reserved_ports; per network namespace, lost on reboot).
reserve_ports() {
  local f=/proc/sys/net/ipv4/ip_local_reserved_ports port lo hi cur missing=()
  read -r lo hi </proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || return 0
  for port in "$PG_PORT" "$KAFKA_PORT" "$KAFKA_CONTROLLER_PORT"; do
    (( port >= lo && port <= hi )) || continue
    cur="$(cat "$f" 2>/dev/null || true)"
    if ! port_in_list "$port" "$cur"; then missing+=("$port"); fi
  done
  (( ${#missing[@]} )) || return 0
  if [[ $IS_ROOT -ne 1 || ! -w "$f" ]]; then
    log "note: ports ${missing[*]} are in the ephemeral range $lo-$hi and could not be reserved (not root); a start may rarely fail with 'Address already in use' -- just retry"
    return 0
  fi
  cur="$(cat "$f")"
  local new
  new="$(IFS=,; echo "${cur:+$cur,}${missing[*]}")"
  if echo "$new" >"$f" 2>/dev/null; then
    log "reserved ports ${missing[*]} (net.ipv4.ip_local_reserved_ports), so outgoing connections never use them"
  else
    log "note: could not write $f; a start may rarely fail with 'Address already in use' -- just retry"
  fi
}

# port_in_list PORT "a,b-c,d": is PORT listed (or inside a range)?
port_in_list() {
  local port="$1" item lo hi
  local IFS=,
  for item in $2; do
    item="${item// /}"
    [[ -n "$item" ]] || continue
    if [[ "$item" == *-* ]]; then lo="${item%-*}" hi="${item#*-}"; else lo="$item" hi="$item"; fi
    (( port >= lo && port <= hi )) && return 0
  done
  return 1
}

# Serialise concurrent up/down invocations on this checkout.
take_lock() {
  mkdir -p "$INFRA_DIR"
  exec 9>"$INFRA_DIR/.infra.lock"
  if ! flock -w 300 9; then
    die "another infra.sh up/down is still running (lock $INFRA_DIR/.infra.lock held > 300 s)"
  fi
}

# ---------------------------------------------------------------------------
# External-server detection
# ---------------------------------------------------------------------------
# DATABASE_URL / KAFKA_BROKERS that point at our own local ports are treated as
# "ours" (e.g. after `eval "$(infra.sh env)"`), so `down` still stops them and
# `up` still starts them.
db_is_external() {
  [[ -n "${DATABASE_URL:-}" ]] || return 1
  local own_re="@(127\\.0\\.0\\.1|localhost|\\[::1\\]):${PG_PORT}(/|\\?|\$)"
  if [[ "$DATABASE_URL" =~ $own_re ]]; then
    return 1
  fi
  return 0
}

kafka_is_external() {
  [[ -n "${KAFKA_BROKERS:-}" ]] || return 1
  local first="${KAFKA_BROKERS%%,*}"
  first="${first#*://}"
  case "$first" in
    127.0.0.1:"$KAFKA_PORT" | localhost:"$KAFKA_PORT") return 1 ;;
  esac
  return 0
}

db_external_reachable() {
  local isready=""
  if [[ -x "$PG_BIN/pg_isready" ]]; then
    isready="$PG_BIN/pg_isready"
  elif command -v pg_isready >/dev/null 2>&1; then
    isready="$(command -v pg_isready)"
  fi
  if [[ -n "$isready" ]]; then
    "$isready" -q -t 5 -d "$DATABASE_URL" >/dev/null 2>&1
    return
  fi
  if command -v psql >/dev/null 2>&1; then
    PGCONNECT_TIMEOUT=5 psql "$DATABASE_URL" -XAtqc 'select 1' >/dev/null 2>&1
    return
  fi
  # Last resort: TCP check of host:port parsed from the URL.
  local rest="${DATABASE_URL#*://}"
  rest="${rest#*@}"
  local hostport="${rest%%/*}"
  hostport="${hostport%%\?*}"
  local host="${hostport%:*}" port="${hostport##*:}"
  [[ "$hostport" == *:* ]] || port=5432
  tcp_open "$host" "$port"
}

kafka_external_reachable() {
  local first="${KAFKA_BROKERS%%,*}"
  first="${first#*://}"
  local host="${first%:*}" port="${first##*:}"
  host="${host#[}"
  host="${host%]}"
  [[ -n "$host" && "$port" =~ ^[0-9]+$ ]] || return 1
  tcp_open "$host" "$port"
}

# ---------------------------------------------------------------------------
# PostgreSQL (project-local cluster)
# ---------------------------------------------------------------------------
# Run a command as the cluster owner: the `postgres` system user when we are
# root (Postgres refuses to run as root), otherwise the current user.
as_pg() {
  if [[ $IS_ROOT -eq 1 ]]; then
    (cd / && runuser -u postgres -- "$@" 9>&-)
  else
    "$@" 9>&-
  fi
}

pg_packages_missing() {
  local p missing=()
  for p in "${PG_PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
      missing+=("$p")
    fi
  done
  echo "${missing[@]:-}"
}

pg_install() {
  local missing
  missing="$(pg_packages_missing)"
  [[ -z "$missing" && -x "$PG_BIN/initdb" && -x "$PG_BIN/pg_ctl" ]] && return 0
  [[ -n "$missing" ]] || missing="${PG_PACKAGES[*]}"
  if [[ $IS_ROOT -ne 1 ]]; then
    die "missing Debian packages: $missing -- install them with: sudo apt-get install -y --no-install-recommends $missing"
  fi
  log "installing Debian packages: $missing"
  local aptlog="$INFRA_DIR/apt-install.log"
  mkdir -p "$INFRA_DIR"
  # shellcheck disable=SC2086
  if ! DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $missing >"$aptlog" 2>&1; then
    if grep -qE 'Unable to locate package|has no installation candidate|Failed to fetch|404' "$aptlog"; then
      log "package lists look stale/missing; running apt-get update"
      DEBIAN_FRONTEND=noninteractive apt-get update >>"$aptlog" 2>&1 || { show_tail "$aptlog"; die "apt-get update failed (see $aptlog)"; }
      # shellcheck disable=SC2086
      DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $missing >>"$aptlog" 2>&1 \
        || { show_tail "$aptlog"; die "apt-get install $missing failed (see $aptlog)"; }
    else
      show_tail "$aptlog"
      die "apt-get install $missing failed (see $aptlog)"
    fi
  fi
  [[ -x "$PG_BIN/initdb" ]] || die "$PG_BIN/initdb not found after installing $missing"
}

# Unix socket path must fit in sun_path (~107 bytes); fall back to /tmp.
pg_socket_dir() {
  if (( ${#PG_SOCKET_DIR} + 16 > 100 )); then
    echo "/tmp/dpi-pg-$(printf '%s' "$PG_DIR" | md5sum | cut -c1-8)"
  else
    echo "$PG_SOCKET_DIR"
  fi
}

# PID of *our* postmaster (postmaster.pid names a live process whose cwd is our
# data directory), or nothing.
pg_local_pid() {
  local pidfile="$PG_DATA/postmaster.pid" pid cwd
  [[ -f "$pidfile" ]] || return 1
  pid="$(head -n1 "$pidfile" 2>/dev/null || true)"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  pid_alive "$pid" || return 1
  # Guard against a stale pid file whose pid was reused by another process.
  if [[ -r "/proc/$pid/comm" && "$(cat "/proc/$pid/comm" 2>/dev/null)" != postgres* ]]; then
    return 1
  fi
  cwd="$(readlink "/proc/$pid/cwd" 2>/dev/null || true)"
  if [[ -n "$cwd" && "$cwd" != "$PG_DATA" ]]; then
    return 1
  fi
  echo "$pid"
}

pg_ready() {
  "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" -U "$PG_SUPERUSER" -d postgres -t 2 >/dev/null 2>&1
}

# Make every parent directory of $PG_DIR traversable for the postgres user.
pg_fix_parent_perms() {
  [[ $IS_ROOT -eq 1 ]] || return 0
  as_pg test -x "$PG_DIR" 2>/dev/null && return 0
  local d="$PG_DIR"
  while [[ "$d" != "/" ]]; do
    d="$(dirname "$d")"
    if ! as_pg test -x "$d" 2>/dev/null; then
      log "chmod o+x $d (so that the postgres user can reach $PG_DIR)"
      chmod o+x "$d"
    fi
  done
}

pg_prepare_dirs() {
  mkdir -p "$PG_DIR" "$PG_SOCKET_DIR"
  local sock
  sock="$(pg_socket_dir)"
  mkdir -p "$sock"
  if [[ $IS_ROOT -eq 1 ]]; then
    if [[ "$(stat -c %U "$PG_DIR")" != postgres || ( -d "$PG_DATA" && "$(stat -c %U "$PG_DATA")" != postgres ) ]]; then
      chown -R postgres:postgres "$PG_DIR"
    fi
    chown postgres:postgres "$PG_SOCKET_DIR" "$sock"
    if [[ -e "$PG_LOG" ]]; then chown postgres:postgres "$PG_LOG"; fi
    pg_fix_parent_perms
  fi
  chmod 0755 "$PG_SOCKET_DIR" "$sock"
}

pg_initdb() {
  if [[ -f "$PG_DATA/PG_VERSION" ]]; then
    local v
    v="$(cat "$PG_DATA/PG_VERSION")"
    [[ "$v" == "$PG_VERSION" ]] || die "$PG_DATA was initialised by PostgreSQL $v, expected $PG_VERSION; remove $PG_DIR to start over"
    return 0
  fi
  if [[ -d "$PG_DATA" ]]; then
    log "removing incomplete data directory $PG_DATA"
    rm -rf "$PG_DATA"
  fi
  log "initdb $PG_DATA"
  # Trust auth on 127.0.0.1/::1 and the unix socket: acceptable for a dev
  # cluster that listens on loopback only; any password (including 'dpi') works.
  as_pg "$PG_BIN/initdb" -D "$PG_DATA" -U "$PG_SUPERUSER" --auth=trust \
    --encoding=UTF8 --locale=C.UTF-8 >"$PG_DIR/initdb.log" 2>&1 \
    || { show_tail "$PG_DIR/initdb.log"; die "initdb failed (see $PG_DIR/initdb.log)"; }
}

# (Re)write our settings to $PG_DATA/infra.conf, included from postgresql.conf.
pg_configure() {
  local sock tmp
  sock="$(pg_socket_dir)"
  tmp="$(mktemp)"
  cat >"$tmp" <<EOF
# Written by deploy/local/infra.sh on every 'up' -- do not edit.
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '$sock'
max_connections = 200
shared_buffers = 256MB
# Local development only: commits return before the WAL is flushed. A crash can
# lose the last few hundred ms of commits, but never corrupts data (fsync stays on).
synchronous_commit = off
log_destination = 'stderr'
logging_collector = off
log_line_prefix = '%m [%p] %q%u@%d '
log_timezone = 'UTC'
timezone = 'UTC'
EOF
  if ! cmp -s "$tmp" "$PG_DATA/infra.conf" 2>/dev/null; then
    as_pg tee "$PG_DATA/infra.conf" <"$tmp" >/dev/null
  fi
  rm -f "$tmp"
  if ! grep -q "^include_if_exists = 'infra.conf'" "$PG_DATA/postgresql.conf"; then
    printf "\n# Project-local settings (deploy/local/infra.sh)\ninclude_if_exists = 'infra.conf'\n" \
      | as_pg tee -a "$PG_DATA/postgresql.conf" >/dev/null
  fi
}

pg_start() {
  local pidfile="$PG_DATA/postmaster.pid"
  if [[ -f "$pidfile" ]] && ! pg_local_pid >/dev/null; then
    log "removing stale $pidfile"
    rm -f "$pidfile"
  fi
  if tcp_open 127.0.0.1 "$PG_PORT"; then
    die "port 127.0.0.1:$PG_PORT is already in use by a server that is not ours ($PG_DATA); stop it or set INFRA_PG_PORT"
  fi
  INFRA_STARTED_SOMETHING=1
  log "starting PostgreSQL $PG_VERSION on 127.0.0.1:$PG_PORT (log: $PG_LOG)"
  touch "$PG_LOG"
  if [[ $IS_ROOT -eq 1 ]]; then
    chown postgres:postgres "$PG_LOG"
  fi
  PG_LOG_OFFSET="$(stat -c %s "$PG_LOG")"
  # -W: do not wait here; readiness is checked below with our own timeout.
  as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_LOG" -W start >/dev/null 2>"$PG_DIR/pg_ctl.err" \
    || { cat "$PG_DIR/pg_ctl.err" >&2; show_tail "$PG_LOG"; die "pg_ctl start failed (log: $PG_LOG)"; }
}

pg_wait_ready() {
  local start now retries=0 last_start
  start="$(date +%s)"
  last_start="$start"
  while ! pg_ready; do
    now="$(date +%s)"
    if (( now - start >= TIMEOUT )); then
      show_tail "$PG_LOG" 30
      die "PostgreSQL did not become ready on 127.0.0.1:$PG_PORT within ${TIMEOUT}s (log: $PG_LOG)"
    fi
    if (( now - last_start >= 2 )) && ! pg_local_pid >/dev/null; then
      # See reserve_ports: our port may have been in use as the source port of
      # an outgoing connection for a moment. Retry until the timeout.
      if [[ -n "$PG_LOG_OFFSET" ]] && (( now - start + 3 < TIMEOUT )) \
          && tail -c +"$((PG_LOG_OFFSET + 1))" "$PG_LOG" | grep -q 'Address already in use'; then
        retries=$((retries + 1))
        log "PostgreSQL could not bind 127.0.0.1:$PG_PORT (in use as the source port of some outgoing connection?); retry $retries"
        sleep 1
        pg_start
        last_start="$(date +%s)"
        continue
      fi
      show_tail "$PG_LOG" 30
      die "PostgreSQL exited during startup (log: $PG_LOG)"
    fi
    sleep 0.2
  done
}

pg_psql() {
  local db="$1"
  shift
  PGOPTIONS='-c client_min_messages=warning' \
    "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U "$PG_SUPERUSER" -d "$db" "$@"
}

# Role dpi, database dpi, extension postgis -- all idempotent.
pg_bootstrap() {
  pg_psql postgres -At <<SQL >/dev/null
DO \$\$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$PG_USER') THEN
    CREATE ROLE $PG_USER LOGIN SUPERUSER PASSWORD '$PG_PASSWORD';
  ELSE
    ALTER ROLE $PG_USER LOGIN SUPERUSER PASSWORD '$PG_PASSWORD';
  END IF;
END
\$\$;
SQL
  if [[ "$(pg_psql postgres -Atc "SELECT 1 FROM pg_database WHERE datname = '$PG_DB'")" != 1 ]]; then
    log "creating database $PG_DB"
    pg_psql postgres -c "CREATE DATABASE $PG_DB OWNER $PG_USER ENCODING 'UTF8' TEMPLATE template0"
  fi
  pg_psql "$PG_DB" -c "CREATE EXTENSION IF NOT EXISTS postgis" >/dev/null 2>"$PG_DIR/bootstrap.err" \
    || { cat "$PG_DIR/bootstrap.err" >&2; die "CREATE EXTENSION postgis failed in database $PG_DB"; }
}

pg_up() {
  if db_is_external; then
    if db_external_reachable; then
      log "PostgreSQL: using external DATABASE_URL (not managed by infra.sh)"
      return 0
    fi
    die "DATABASE_URL is set but the server is not reachable: $DATABASE_URL (unset it to use the local cluster)"
  fi
  if pg_local_pid >/dev/null && pg_ready; then
    log "PostgreSQL already running (pid $(pg_local_pid), port $PG_PORT)"
    pg_bootstrap
    return 0
  fi
  pg_install
  pg_prepare_dirs
  pg_initdb
  pg_configure
  if ! pg_local_pid >/dev/null; then
    pg_start
  fi
  pg_wait_ready
  pg_bootstrap
  log "PostgreSQL ready (pid $(pg_local_pid || echo '?'))"
}

pg_down() {
  local pid
  if ! pid="$(pg_local_pid)"; then
    if [[ -f "$PG_DATA/postmaster.pid" ]]; then
      log "PostgreSQL: removing stale $PG_DATA/postmaster.pid"
      rm -f "$PG_DATA/postmaster.pid"
    else
      log "PostgreSQL: not running"
    fi
    return 0
  fi
  log "stopping PostgreSQL (pid $pid)"
  if ! as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w -t 60 stop >/dev/null 2>&1; then
    log "pg_ctl stop -m fast failed; sending SIGQUIT/SIGKILL to $pid"
    kill -QUIT "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do pid_alive "$pid" || break; sleep 0.2; done
    if pid_alive "$pid"; then kill -KILL "$pid" 2>/dev/null || true; fi
  fi
  if ! pid_alive "$pid"; then
    log "PostgreSQL stopped"
  else
    die "PostgreSQL (pid $pid) is still running"
  fi
}

pg_status() {
  if db_is_external; then
    if db_external_reachable; then
      printf '%-10s %-9s %s\n' postgres external "DATABASE_URL=$DATABASE_URL"
      return 0
    fi
    printf '%-10s %-9s %s\n' postgres external "UNREACHABLE DATABASE_URL=$DATABASE_URL"
    return 1
  fi
  local pid
  if pid="$(pg_local_pid)" && pg_ready; then
    printf '%-10s %-9s pid=%s port=%s log=%s url=%s\n' postgres running "$pid" "$PG_PORT" "$PG_LOG" "$LOCAL_DATABASE_URL"
    return 0
  fi
  if [[ -n "${pid:-}" ]]; then
    printf '%-10s %-9s pid=%s port=%s log=%s (process alive but not accepting connections)\n' postgres starting "$pid" "$PG_PORT" "$PG_LOG"
    return 1
  fi
  printf '%-10s %-9s pid=- port=%s log=%s\n' postgres stopped "$PG_PORT" "$PG_LOG"
  return 1
}

# ---------------------------------------------------------------------------
# Kafka (KRaft, single node)
# ---------------------------------------------------------------------------
kafka_lib_marker_content() {
  printf 'kafka %s pom-sha256 %s\n' "$KAFKA_VERSION" "$(sha256sum "$KAFKA_POM" | cut -d' ' -f1)"
}

kafka_install() {
  local marker="$KAFKA_LIB/.complete"
  if [[ -f "$marker" && "$(cat "$marker")" == "$(kafka_lib_marker_content)" ]]; then
    return 0
  fi
  command -v mvn >/dev/null 2>&1 || die "mvn (Maven) not found in PATH; it is needed once to fetch the Kafka jars"
  log "fetching Kafka $KAFKA_VERSION jars from Maven Central into $KAFKA_LIB"
  local tmp="$KAFKA_DIR/lib.tmp" mvnlog="$KAFKA_DIR/mvn.log"
  rm -rf "$tmp"
  mkdir -p "$tmp"
  if ! (cd "$KAFKA_DIR" && mvn -B -q -f "$KAFKA_POM" dependency:copy-dependencies \
        -DoutputDirectory="$tmp" -DincludeScope=runtime >"$mvnlog" 2>&1); then
    show_tail "$mvnlog"
    die "Maven could not fetch the Kafka jars (see $mvnlog)"
  fi
  ls "$tmp"/kafka_2.13-"$KAFKA_VERSION".jar >/dev/null 2>&1 || die "kafka_2.13-$KAFKA_VERSION.jar missing after Maven run (see $mvnlog)"
  kafka_lib_marker_content >"$tmp/.complete"
  rm -rf "$KAFKA_LIB"
  mv "$tmp" "$KAFKA_LIB"
}

kafka_java() {
  command -v java >/dev/null 2>&1 || die "java not found in PATH (Java 17 is needed for Kafka)"
  command -v java
}

kafka_render_config() {
  local tmp
  tmp="$(mktemp)"
  sed -e "s|@KAFKA_PORT@|$KAFKA_PORT|g" \
      -e "s|@CONTROLLER_PORT@|$KAFKA_CONTROLLER_PORT|g" \
      -e "s|@LOG_DIRS@|$KAFKA_DATA|g" \
      "$KAFKA_TEMPLATE" >"$tmp"
  if ! cmp -s "$tmp" "$KAFKA_PROPS" 2>/dev/null; then
    chmod 0644 "$tmp"
    mv "$tmp" "$KAFKA_PROPS"
  else
    rm -f "$tmp"
  fi
}

kafka_format() {
  [[ -f "$KAFKA_DATA/meta.properties" ]] && return 0
  local java cid
  java="$(kafka_java)"
  if [[ -s "$KAFKA_CLUSTER_ID_FILE" ]]; then
    cid="$(cat "$KAFKA_CLUSTER_ID_FILE")"
  else
    cid="$("$java" -Dlog4j.configuration="file:$KAFKA_TOOLS_LOG4J" -cp "$KAFKA_LIB/*" \
            kafka.tools.StorageTool random-uuid | tail -n1)"
    [[ -n "$cid" ]] || die "could not generate a Kafka cluster id"
    echo "$cid" >"$KAFKA_CLUSTER_ID_FILE"
  fi
  log "formatting Kafka storage $KAFKA_DATA (cluster id $cid)"
  mkdir -p "$KAFKA_DATA"
  "$java" -Dlog4j.configuration="file:$KAFKA_TOOLS_LOG4J" -cp "$KAFKA_LIB/*" \
    kafka.tools.StorageTool format -t "$cid" -c "$KAFKA_PROPS" >"$KAFKA_DIR/format.log" 2>&1 \
    || { show_tail "$KAFKA_DIR/format.log"; die "kafka-storage format failed (see $KAFKA_DIR/format.log)"; }
}

# Is PID our broker (java running kafka.Kafka with our server.properties)?
kafka_pid_is_ours() {
  local pid="$1" cmd
  pid_alive "$pid" || return 1
  cmd="$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null || true)"
  [[ "$cmd" == *kafka.Kafka* && "$cmd" == *"$KAFKA_PROPS"* ]]
}

# PID of our broker: from the pid file, else by scanning /proc (lost pid file).
kafka_local_pid() {
  local pid=""
  if [[ -f "$KAFKA_PID_FILE" ]]; then
    pid="$(head -n1 "$KAFKA_PID_FILE" 2>/dev/null || true)"
    if [[ "$pid" =~ ^[0-9]+$ ]] && kafka_pid_is_ours "$pid"; then
      echo "$pid"
      return 0
    fi
  fi
  pid="$(kafka_all_pids | head -n1 || true)"
  [[ -n "$pid" ]] || return 1
  echo "$pid"
}

# All processes running our broker config (covers lost/stale pid files).
kafka_all_pids() {
  local f pid args
  for f in /proc/[0-9]*/cmdline; do
    pid="${f#/proc/}"
    pid="${pid%/cmdline}"
    args=()
    mapfile -d '' -t args 2>/dev/null <"$f" || continue
    if (( ${#args[@]} >= 2 )) && [[ "${args[-2]}" == kafka.Kafka && "${args[-1]}" == "$KAFKA_PROPS" ]]; then
      echo "$pid"
    fi
  done
}

kafka_ready() {
  grep -q 'Kafka Server started' "$KAFKA_LOG" 2>/dev/null && tcp_open 127.0.0.1 "$KAFKA_PORT"
}

# Start the broker without waiting for it (see kafka_wait_ready).
kafka_start() {
  local java pid
  java="$(kafka_java)"
  if [[ -f "$KAFKA_PID_FILE" ]]; then
    log "removing stale $KAFKA_PID_FILE"
    rm -f "$KAFKA_PID_FILE"
  fi
  local p
  for p in "$KAFKA_PORT" "$KAFKA_CONTROLLER_PORT"; do
    if tcp_open 127.0.0.1 "$p"; then
      die "port 127.0.0.1:$p is already in use by a process that is not our Kafka; stop it or set INFRA_KAFKA_PORT/INFRA_KAFKA_CONTROLLER_PORT"
    fi
  done
  mkdir -p "$KAFKA_LOGS_DIR"
  if [[ -f "$KAFKA_LOG" ]]; then mv -f "$KAFKA_LOG" "$KAFKA_LOG.prev"; fi
  INFRA_STARTED_SOMETHING=1
  log "starting Kafka $KAFKA_VERSION on 127.0.0.1:$KAFKA_PORT (log: $KAFKA_LOG)"
  # shellcheck disable=SC2086
  (
    cd "$KAFKA_DIR"
    exec 9>&- # do not leak the infra.sh lock into the broker
    exec setsid nohup "$java" $KAFKA_HEAP_OPTS \
      -server -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:InitiatingHeapOccupancyPercent=35 \
      -XX:+ExplicitGCInvokesConcurrent -Djava.awt.headless=true \
      -Dlog4j.configuration="file:$KAFKA_LOG4J" \
      -Dkafka.logs.dir="$KAFKA_LOGS_DIR" \
      -cp "$KAFKA_LIB/*" \
      kafka.Kafka "$KAFKA_PROPS" </dev/null >"$KAFKA_LOG" 2>&1
  ) &
  pid=$!
  KAFKA_START_TS="$(date +%s)"
  echo "$pid" >"$KAFKA_PID_FILE"
}

kafka_wait_ready() {
  local start now pid retries=0
  start="${KAFKA_START_TS:-$(date +%s)}" # timeout counts from the JVM launch
  pid="$(cat "$KAFKA_PID_FILE" 2>/dev/null || true)"
  while ! kafka_ready; do
    now="$(date +%s)"
    if ! pid_alive "$pid"; then
      # $! may have been an intermediate process (e.g. setsid forked): rescan.
      local other
      other="$(kafka_all_pids | head -n1 || true)"
      if [[ -n "$other" ]]; then
        pid="$other"
        echo "$pid" >"$KAFKA_PID_FILE"
        continue
      fi
      # See reserve_ports: a port may be in use as the source port of an
      # outgoing connection, or of its TIME_WAIT remains (up to 60 s), which
      # Kafka's listener cannot bind over. Retry until the timeout.
      if [[ -n "$KAFKA_START_TS" ]] && (( now - start + 4 < TIMEOUT )) \
          && grep -q 'Address already in use' "$KAFKA_LOG" 2>/dev/null; then
        retries=$((retries + 1))
        log "Kafka could not bind its ports (in use as the source port of some outgoing connection?); retry $retries"
        sleep 2
        rm -f "$KAFKA_PID_FILE"
        kafka_start
        pid="$(cat "$KAFKA_PID_FILE" 2>/dev/null || true)"
        continue
      fi
      show_tail "$KAFKA_LOG" 30
      rm -f "$KAFKA_PID_FILE"
      if grep -q 'Address already in use' "$KAFKA_LOG" 2>/dev/null; then
        die "Kafka could not bind 127.0.0.1:$KAFKA_PORT/$KAFKA_CONTROLLER_PORT (log: $KAFKA_LOG). The port is probably the source port of an outgoing connection or its TIME_WAIT (ports in the ephemeral range; as root, infra.sh reserves them). Retry in a minute or set INFRA_KAFKA_PORT/INFRA_KAFKA_CONTROLLER_PORT."
      fi
      die "Kafka exited during startup (log: $KAFKA_LOG)"
    fi
    if (( now - start >= TIMEOUT )); then
      show_tail "$KAFKA_LOG" 30
      die "Kafka did not become ready on 127.0.0.1:$KAFKA_PORT within ${TIMEOUT}s (log: $KAFKA_LOG; it is still running as pid $pid, 'infra.sh down' stops it)"
    fi
    sleep 0.2
  done
}

# Phase 1 of `up`: everything up to launching the JVM (no waiting). Sets
# KAFKA_MANAGED=1 when the broker is ours (kafka_up_finish then waits for it).
KAFKA_MANAGED=0
KAFKA_START_TS=""
kafka_up_begin() {
  if kafka_is_external; then
    if kafka_external_reachable; then
      log "Kafka: using external KAFKA_BROKERS=$KAFKA_BROKERS (not managed by infra.sh)"
      return 0
    fi
    die "KAFKA_BROKERS is set but the first broker is not reachable: $KAFKA_BROKERS (unset it to use the local broker)"
  fi
  KAFKA_MANAGED=1
  mkdir -p "$KAFKA_DIR"
  local pid
  if pid="$(kafka_local_pid)"; then
    if [[ "$(cat "$KAFKA_PID_FILE" 2>/dev/null || true)" != "$pid" ]]; then
      echo "$pid" >"$KAFKA_PID_FILE" # pid file was missing/stale
    fi
    log "Kafka already running (pid $pid, port $KAFKA_PORT)"
    return 0
  fi
  kafka_install
  kafka_render_config
  kafka_format
  kafka_start
}

kafka_up_finish() {
  [[ $KAFKA_MANAGED -eq 1 ]] || return 0
  kafka_wait_ready
  log "Kafka ready (pid $(kafka_local_pid || echo '?'))"
}

kafka_down() {
  local pids pid
  pids="$( { kafka_local_pid || true; kafka_all_pids; } | sort -u)"
  if [[ -z "$pids" ]]; then
    if [[ -f "$KAFKA_PID_FILE" ]]; then
      log "Kafka: removing stale $KAFKA_PID_FILE"
      rm -f "$KAFKA_PID_FILE"
    else
      log "Kafka: not running"
    fi
    return 0
  fi
  for pid in $pids; do
    log "stopping Kafka (pid $pid)"
    kill -TERM "$pid" 2>/dev/null || true
  done
  local start
  start="$(date +%s)"
  for pid in $pids; do
    while pid_alive "$pid"; do
      if (( $(elapsed_since "$start") >= KAFKA_STOP_TIMEOUT )); then
        log "Kafka (pid $pid) did not stop within ${KAFKA_STOP_TIMEOUT}s; sending SIGKILL"
        kill -KILL "$pid" 2>/dev/null || true
        sleep 0.5
        break
      fi
      sleep 0.2
    done
  done
  for pid in $pids; do
    pid_alive "$pid" && die "Kafka (pid $pid) is still running"
  done
  rm -f "$KAFKA_PID_FILE"
  log "Kafka stopped"
}

kafka_status() {
  if kafka_is_external; then
    if kafka_external_reachable; then
      printf '%-10s %-9s %s\n' kafka external "KAFKA_BROKERS=$KAFKA_BROKERS"
      return 0
    fi
    printf '%-10s %-9s %s\n' kafka external "UNREACHABLE KAFKA_BROKERS=$KAFKA_BROKERS"
    return 1
  fi
  local pid
  if pid="$(kafka_local_pid)"; then
    if kafka_ready; then
      printf '%-10s %-9s pid=%s port=%s log=%s brokers=%s\n' kafka running "$pid" "$KAFKA_PORT" "$KAFKA_LOG" "$LOCAL_KAFKA_BROKERS"
      return 0
    fi
    printf '%-10s %-9s pid=%s port=%s log=%s (process alive but not ready)\n' kafka starting "$pid" "$KAFKA_PORT" "$KAFKA_LOG"
    return 1
  fi
  printf '%-10s %-9s pid=- port=%s log=%s\n' kafka stopped "$KAFKA_PORT" "$KAFKA_LOG"
  return 1
}

# ---------------------------------------------------------------------------
# Commands
# ---------------------------------------------------------------------------
effective_database_url() {
  if db_is_external; then echo "$DATABASE_URL"; else echo "$LOCAL_DATABASE_URL"; fi
}
effective_kafka_brokers() {
  if kafka_is_external; then echo "$KAFKA_BROKERS"; else echo "$LOCAL_KAFKA_BROKERS"; fi
}

# Fail before starting anything when an external server is configured but down.
preflight_external() {
  if db_is_external && ! db_external_reachable; then
    die "DATABASE_URL is set but the server is not reachable: $DATABASE_URL (unset it to use the local cluster)"
  fi
  if kafka_is_external && ! kafka_external_reachable; then
    die "KAFKA_BROKERS is set but the first broker is not reachable: $KAFKA_BROKERS (unset it to use the local broker)"
  fi
}

cmd_up() {
  preflight_external
  take_lock
  reserve_ports
  local t0 ms
  t0="$(now_ms)"
  # Kafka's JVM starts in the background while Postgres is brought up.
  kafka_up_begin
  pg_up
  kafka_up_finish
  ms=$(( $(now_ms) - t0 ))
  if [[ $INFRA_STARTED_SOMETHING -eq 0 ]]; then
    log "already running (checked in ${ms} ms)"
  else
    log "infra up in $((ms / 1000)).$(printf '%03d' $((ms % 1000)))s"
  fi
  echo "DATABASE_URL=$(effective_database_url)"
  echo "KAFKA_BROKERS=$(effective_kafka_brokers)"
}

cmd_down() {
  take_lock
  # Only our own processes are stopped; external servers are never touched.
  if db_is_external; then log "PostgreSQL: DATABASE_URL is external; not touching it"; fi
  if kafka_is_external; then log "Kafka: KAFKA_BROKERS is external; not touching it"; fi
  kafka_down
  pg_down
}

cmd_status() {
  local rc=0
  pg_status || rc=3
  kafka_status || rc=3
  return "$rc"
}

cmd_env() {
  echo "export DATABASE_URL='$(effective_database_url)'"
  echo "export KAFKA_BROKERS='$(effective_kafka_brokers)'"
}

usage() {
  cat >&2 <<EOF
usage: bash deploy/local/infra.sh up|down|status|env

  up      install (first time) and start PostgreSQL $PG_VERSION+PostGIS (127.0.0.1:$PG_PORT)
          and Kafka $KAFKA_VERSION KRaft (127.0.0.1:$KAFKA_PORT); no-op when running
  down    stop the local servers started by 'up' (never external ones)
  status  show state; exit 0 when both are up, 3 otherwise
  env     print 'export DATABASE_URL=... KAFKA_BROKERS=...' for the effective servers

env: DATABASE_URL / KAFKA_BROKERS (use external servers), INFRA_TIMEOUT_SECONDS (default 60),
     INFRA_PG_PORT, INFRA_KAFKA_PORT, INFRA_KAFKA_CONTROLLER_PORT, INFRA_KAFKA_HEAP_OPTS,
     INFRA_KAFKA_STOP_TIMEOUT_SECONDS (default 30)
EOF
}

main() {
  case "${1:-}" in
    up) cmd_up ;;
    down) cmd_down ;;
    status) cmd_status ;;
    env) cmd_env ;;
    -h | --help | help) usage ;;
    *) usage; exit 2 ;;
  esac
}

main "$@"
