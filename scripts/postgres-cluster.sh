# A throwaway PostgreSQL cluster for the tests and the bench: sourced by scripts/test.sh.
# `postgres_cluster_start` makes one in a temporary folder (initdb), starts it on a free
# local port with its socket in that folder (pg_ctl), and exports SELARAS_TEST_POSTGRES, the
# URL of its `postgres` database for user `selaras` with a random password;
# `postgres_cluster_stop` stops it and removes the folder. As root, the server runs as the
# `postgres` user that Debian's package creates (PostgreSQL refuses to run as root).
# The tests' cluster runs without fsync; POSTGRES_CLUSTER_DURABLE=1 keeps PostgreSQL's
# defaults (for the bench's figures); POSTGRES_CLUSTER_OPTIONS adds server settings
# (`-c shared_buffers=1GB`: a server configured for the memory it serves).

postgres_cluster_start() {
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
    echo "scripts/postgres-cluster.sh: no PostgreSQL server (initdb) under /usr/lib/postgresql; install Debian's postgresql" >&2
    return 1
  fi
  POSTGRES_CLUSTER_BIN=$bin
  # As root, in /tmp: the postgres user must reach the folder.
  if [ "$(id -u)" -eq 0 ]; then
    POSTGRES_CLUSTER_DIR=$(mktemp -d /tmp/selaras-postgres-XXXXXX)
  else
    POSTGRES_CLUSTER_DIR=$(mktemp -d "${TMPDIR:-/tmp}/selaras-postgres-XXXXXX")
  fi
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres: "$POSTGRES_CLUSTER_DIR"
  fi
  local port password
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  password=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
  printf '%s\n' "$password" >"$POSTGRES_CLUSTER_DIR/password"
  [ "$(id -u)" -eq 0 ] && chown postgres: "$POSTGRES_CLUSTER_DIR/password"
  postgres_cluster_run "$bin/initdb" -D "$POSTGRES_CLUSTER_DIR/data" -U selaras --pwfile="$POSTGRES_CLUSTER_DIR/password" \
    -A scram-sha-256 -E UTF8 --no-locale >"$POSTGRES_CLUSTER_DIR/initdb.log" 2>&1 || {
    cat "$POSTGRES_CLUSTER_DIR/initdb.log" >&2
    return 1
  }
  # fsync off: the cluster lives for one test run; nothing in it outlives the run.
  local durability="-c fsync=off"
  [ "${POSTGRES_CLUSTER_DURABLE:-0}" = 1 ] && durability=""
  postgres_cluster_run "$bin/pg_ctl" -D "$POSTGRES_CLUSTER_DIR/data" -l "$POSTGRES_CLUSTER_DIR/server.log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $POSTGRES_CLUSTER_DIR $durability -c max_connections=200 ${POSTGRES_CLUSTER_OPTIONS:-}" \
    start >/dev/null || {
    cat "$POSTGRES_CLUSTER_DIR/server.log" >&2
    return 1
  }
  export SELARAS_TEST_POSTGRES="postgres://selaras:$password@127.0.0.1:$port/postgres"
}

postgres_cluster_stop() {
  [ -n "${POSTGRES_CLUSTER_DIR:-}" ] || return 0
  postgres_cluster_run "$POSTGRES_CLUSTER_BIN/pg_ctl" -D "$POSTGRES_CLUSTER_DIR/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$POSTGRES_CLUSTER_DIR"
  POSTGRES_CLUSTER_DIR=
}

postgres_cluster_run() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}
