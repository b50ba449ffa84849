#!/usr/bin/env bash
# A throwaway PostgreSQL server for the benchmark, started as the tests start theirs (tests/Sarc.Registry.Tests/
# Storage/PostgresServer.cs): Debian's binaries, a temporary directory, a free loopback port, trust authentication,
# fsync off (the data is thrown away). As root the server runs as the postgres OS user (initdb refuses root).
# Usage: bench/registry/postgres.sh start DIR   prints the connection string of the (new, empty) database "bench"
#        bench/registry/postgres.sh empty DIR   drops and creates "bench" again
#        bench/registry/postgres.sh stop DIR    stops the server and removes DIR
set -euo pipefail
action="$1"; dir="$2"
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
case "$action" in
  start)
    mkdir -p "$dir"; [ "$(id -u)" = 0 ] && chown postgres "$dir"
    as_pg "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --no-locale --no-sync >/dev/null
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    as_pg "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" >/dev/null
    echo "$port" >"$dir/port"
    "$0" empty "$dir"
    echo "Host=127.0.0.1;Port=$port;Username=postgres;Database=bench;Pooling=false"
    ;;
  empty)
    PGOPTIONS="-c client_min_messages=warning" as_pg "$bin/psql" -h 127.0.0.1 -p "$(cat "$dir/port")" -U postgres -d postgres -q -c "DROP DATABASE IF EXISTS bench" -c "CREATE DATABASE bench" >/dev/null
    ;;
  stop)
    as_pg "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null || true
    rm -rf "$dir"
    ;;
esac
