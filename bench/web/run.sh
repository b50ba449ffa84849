#!/usr/bin/env bash
# Usage: bench/web/run.sh [N] [USERS] [ROUNDS]   (defaults 100000, 50, 10)
# Issue 18's web target: `sarc serve` on an SQLite registry of N synthetic patients (Sarc.Testing's
# SyntheticLongRegistry, fixed seed) spread over 20 centers C1..C20, USERS data managers u1..uN@bench.org each of
# one center, all signed in and sending ROUNDS rounds of the same page mix at once (bench/web/LoadClient: the list,
# an id search, page 40, a site and grade filter, a record, the worklist) over loopback; a fixed number of requests,
# so it stops by itself; the mix is sent twice, first to the server just started (cold: .NET is still compiling its
# code to the final tier) and then again (warm). Prints p50 / p95 / max per page for each pass, the errors, the
# server's and the load client's CPU time per request, each page's server CPU alone (one request at a time), the load
# average, and the server's peak RSS (VmHWM). The target: p95 under 100 ms, no error, under 500 MB. Work files go to a
# temporary directory.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
n="${1:-100000}"
users="${2:-50}"
rounds="${3:-10}"
work="$(mktemp -d)"
server=""
cleanup() {
  [ -n "$server" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

dotnet build -c Release -v q -nologo "$root/bench/web/LoadClient" >/dev/null
dotnet run -c Release --project "$root/bench/registry" -- generate "$n" "$work/registry" >/dev/null
# 20 centers: patient k (1-based) goes to C((k-1) mod 20 + 1).
awk -F, 'BEGIN { OFS = "," } NR == 1 { print; next } { $2 = "C" ((NR - 2) % 20 + 1); print }' "$work/registry/patients.csv" >"$work/p.csv"
mv "$work/p.csv" "$work/registry/patients.csv"
"$root/sarc" import --db "$work/r.db" "$work/registry" >/dev/null
for u in $(seq 1 "$users"); do
  SARC_PASSWORD=bench-password-1 "$root/sarc" user add --db "$work/r.db" --email "u$u@bench.org" --role data_manager --center "C$(( (u - 1) % 20 + 1 ))" >/dev/null
done
port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
base="http://127.0.0.1:$port"
"$root/sarc" serve --db "$work/r.db" --urls "$base" 2>/dev/null &
server=$!
for _ in $(seq 1 300); do curl -s -o /dev/null "$base/login" && break; sleep 0.2; done

echo "$n patients in 20 centers, $users data managers of one center each, $rounds rounds of 6 pages per user"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
status=0
dotnet "$root/bench/web/LoadClient/bin/Release/net10.0/LoadClient.dll" "$base" "$users" "$rounds" bench-password-1 "$server" || status=$?
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "server peak RSS: $(awk '/VmHWM/ { printf "%.0f MB", $2 / 1024 }' "/proc/$server/status")"
exit "$status"
