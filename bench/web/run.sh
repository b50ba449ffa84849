#!/usr/bin/env bash
# Usage: bench/web/run.sh [N] [ROUNDS]   (defaults 10000, 7)
# Server time of the web pages with N synthetic patients (Sarc.Testing.SyntheticRegistryFile, fixed seed, centers
# C1..C8) in an SQLite registry, signed in as a data manager of C1 and C2: `sarc serve` on a free loopback port,
# curl's total time per request (loopback, so it is the server's time plus well under a millisecond), ROUNDS
# requests per page after one warm-up, printed as min / median / max in ms. The app keeps the loaded patients while
# the audit trail does not move (PatientCache): the very first request, which loads them, is timed on its own; after a
# change the next request pays the same load again. Work files go to a temporary directory.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
n="${1:-10000}"
rounds="${2:-7}"
work="$(mktemp -d)"
server=""
cleanup() {
  [ -n "$server" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

dotnet run -c Release --project "$root/bench/registry" -- generate "$n" "$work/registry.csv" >/dev/null
"$root/sarc" import --db "$work/r.db" "$work/registry.csv"
SARC_PASSWORD=bench-password-1 "$root/sarc" user add --db "$work/r.db" --email dm@bench.org --role data_manager --center C1 --center C2 >/dev/null
port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
base="http://127.0.0.1:$port"
"$root/sarc" serve --db "$work/r.db" --urls "$base" 2>/dev/null &
server=$!
for _ in $(seq 1 100); do curl -s -o /dev/null "$base/login" && break; sleep 0.2; done

jar="$work/cookies"
page="$(curl -s -c "$jar" -b "$jar" "$base/login")"
name="$(sed -n 's/.*<input type="hidden" name="\([^"]*\)" value="\([^"]*\)" \{0,1\}\/\{0,1\}>.*/\1/p' <<<"$page")"
value="$(sed -n 's/.*<input type="hidden" name="\([^"]*\)" value="\([^"]*\)" \{0,1\}\/\{0,1\}>.*/\2/p' <<<"$page")"
curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "$name=$value" --data-urlencode "email=dm@bench.org" \
  --data-urlencode "password=bench-password-1" "$base/login"
first="$(curl -s -o /dev/null -b "$jar" -w '%{time_total}' "$base/patients")"
id="$(curl -s -b "$jar" "$base/patients" | grep -o 'href="/patients/P[0-9]*"' | head -1 | sed 's/.*\/patients\/\(P[0-9]*\)"/\1/')"
[ -n "$id" ] || { echo "bench/web: sign-in failed" >&2; exit 1; }

echo "$n patients, data manager of C1 and C2; first request (loads the registry): $(awk -v t="$first" 'BEGIN { printf "%.1f", t * 1000 }') ms"
echo "ms per request (min / median / max of $rounds)"
for url in "/patients" "/patients?page=20" "/patients?grade=3&site=trunk" "/patients/$id" "/patients/$id/audit" \
    "/surveillance" "/surveillance.ics?days=90"; do
  curl -s -o /dev/null -b "$jar" "$base$url"
  times="$(for _ in $(seq 1 "$rounds"); do curl -s -o /dev/null -b "$jar" -w '%{time_total}\n' "$base$url"; done | sort -n)"
  awk -v url="$url" '{ t[NR] = $1 * 1000 } END { printf "%-32s %6.1f / %6.1f / %6.1f\n", url, t[1], t[int((NR + 1) / 2)], t[NR] }' <<<"$times"
done
