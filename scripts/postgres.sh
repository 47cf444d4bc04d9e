# Sourced by .ci/run and scripts/loadtest: start_throwaway_postgres starts a PostgreSQL of Debian's postgresql
# package in a temporary directory, trusting every local connection, on PG_PORT (default: the first free port from
# 54329) of the loopback; it sets PG_BIN and PG_PORT, and stops and removes it when the calling shell exits.
# As root, the server runs as the user postgres.
start_throwaway_postgres() {
  PG_BIN=$(dirname "$(ls /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)")
  PG_DIR=$(mktemp -d /tmp/gare-pg.XXXXXX)
  if [ -z "${PG_PORT:-}" ]; then
    PG_PORT=54329
    while (: </dev/tcp/127.0.0.1/"$PG_PORT") 2>/dev/null; do PG_PORT=$((PG_PORT + 1)); done
  fi
  if [ "$(id -u)" = 0 ]; then
    chown postgres "$PG_DIR"
    as_pg() { su postgres -c "$1"; }
  else
    as_pg() { bash -c "$1"; }
  fi
  trap 'as_pg "$PG_BIN/pg_ctl -D $PG_DIR/data -m fast stop" >/dev/null 2>&1 || true; rm -rf "$PG_DIR"' EXIT
  as_pg "$PG_BIN/initdb -D $PG_DIR/data --auth=trust -U postgres -E UTF8 --locale=C.UTF-8" >/dev/null
  as_pg "$PG_BIN/pg_ctl -D $PG_DIR/data -l $PG_DIR/log -o '-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1' -w start" >/dev/null
  export PG_BIN PG_PORT
}
