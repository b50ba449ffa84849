#!/usr/bin/env bash
# Registry benchmark: `sarc import` of a long-format registry of N patients (about 6 list entries each) into SQLite and
# into PostgreSQL (a throwaway server, bench/registry/postgres.sh), and `sarc endpoints` (dfs, os, multistate) on the
# SQLite one, each the best of R repeats, next to R reading the same six files with data.table and deriving dfs by the
# same rules. Then the stages of one PostgreSQL import (SARC_PROFILE=1), and the PostgreSQL import by binary COPY next to
# the row-by-row path in process. Records the load average (the machine is shared).
# Usage: bench/registry/run.sh [patients] [repeats]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
patients="${1:-100000}"
repeats="${2:-3}"
out="$root/bench/out/registry"
mkdir -p "$out"
data="$out/long-$patients"
[ -d "$data" ] || dotnet run -c Release --project "$here" -- generate "$patients" "$data" >/dev/null
"$root/sarc" --help >/dev/null   # build first, outside the timing

best() { sort -n | head -1; }
seconds() { local s e; s=$(date +%s.%N); "$@" >/dev/null 2>&1; e=$(date +%s.%N); echo "$e - $s" | bc; }
pgdir=$(mktemp -d /tmp/sarc-bench-pg.XXXXXX)
trap '"$here/postgres.sh" stop "$pgdir"' EXIT
pg=$("$here/postgres.sh" start "$pgdir")
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
import=(); pg_import=(); dfs=(); os=(); ms=(); r=(); r_inner=()
for _ in $(seq "$repeats"); do
  "$here/postgres.sh" empty "$pgdir"
  pg_import+=("$(seconds "$root/sarc" import --db "$pg" "$data")")
  rm -f "$out/bench.db" "$out/bench.db-wal" "$out/bench.db-shm"
  import+=("$(seconds "$root/sarc" import --db "$out/bench.db" "$data")")
  dfs+=("$(seconds "$root/sarc" endpoints --db "$out/bench.db" --endpoint dfs --out "$out/dfs.csv")")
  os+=("$(seconds "$root/sarc" endpoints --db "$out/bench.db" --endpoint os --out "$out/os.csv")")
  ms+=("$(seconds "$root/sarc" endpoints --db "$out/bench.db" --endpoint multistate --out "$out/ms.csv")")
  s=$(date +%s.%N); Rscript "$here/endpoints.R" "$data" "$out/dfs-r.csv" >"$out/r.txt"; e=$(date +%s.%N)
  r+=("$(echo "$e - $s" | bc)")
  r_inner+=("$(awk '/^elapsed/ {print $2}' "$out/r.txt")")
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

# The same events: R's dfs and sarc's, patient by patient.
python3 - "$out/dfs.csv" "$out/dfs-r.csv" <<'PY'
import csv, sys
a = {r["patient_id"]: (float(r["time"]), r["event"]) for r in csv.DictReader(open(sys.argv[1]))}
b = {r["patient_id"]: (float(r["time"]), r["event"]) for r in csv.DictReader(open(sys.argv[2]))}
ok = a.keys() == b.keys() and all(abs(a[k][0] - b[k][0]) <= 1e-9 * max(1, abs(b[k][0])) and a[k][1] == b[k][1] for k in a)
print(f"dfs rows: sarc {len(a)}, R {len(b)}; same times and events: {ok}")
sys.exit(0 if ok else 1)
PY
entries=$(( $(cat "$data"/*.csv | wc -l) - 6 - patients ))
echo "patients=$patients list entries=$entries ($(echo "scale=1; $entries / $patients" | bc) per patient) repeats=$repeats (best of each)"
echo "load average before: $load_before; after: $load_after (2 cores)"
echo "sarc import into SQLite (validate + store + audit, one transaction): $(printf '%s\n' "${import[@]}" | best)s (target < 15 s)"
echo "sarc import into PostgreSQL (the same, new patients and audit by binary COPY): $(printf '%s\n' "${pg_import[@]}" | best)s (target < 8 s); $("$root/sarc" audit verify --db "$pg" | cut -d, -f1)"
echo "sarc endpoints dfs: $(printf '%s\n' "${dfs[@]}" | best)s; os: $(printf '%s\n' "${os[@]}" | best)s; multistate: $(printf '%s\n' "${ms[@]}" | best)s (target < 2 s)"
r_best=$(printf '%s\n' "${r[@]}" | best); r_in=$(printf '%s\n' "${r_inner[@]}" | best); d_best=$(printf '%s\n' "${dfs[@]}" | best)
echo "R data.table read + derive dfs + write: ${r_in}s in-process, ${r_best}s process wall"
echo "ratio sarc endpoints dfs / R (wall vs wall): $(echo "scale=3; $d_best / $r_best" | bc); (vs R in-process): $(echo "scale=3; $d_best / $r_in" | bc)"
# Where the endpoint run's time goes: one more run with the stage profile (SARC_PROFILE=1: wall, CPU, heap, RSS).
SARC_PROFILE=1 "$root/sarc" endpoints --db "$out/bench.db" --endpoint dfs --out "$out/dfs.csv" 2>&1 >/dev/null | grep '^profile:'
# Where the PostgreSQL import's time goes: one more import with the stage profile.
"$here/postgres.sh" empty "$pgdir"
SARC_PROFILE=1 "$root/sarc" import --db "$pg" "$data" 2>&1 >/dev/null | grep '^profile:'
# The same import by binary COPY and row by row (the path before), in process, each into a new database; one repeat.
dotnet run -c Release --project "$here" -- postgres "$patients" "${pg/Database=bench/Database=postgres}" 1 | tail -5
