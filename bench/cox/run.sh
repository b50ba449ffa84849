#!/usr/bin/env bash
# Benchmark `sarc cox` against R (data.table::fread + survival::coxph + summary) on the same files, both in one run.
# Usage: bench/cox/run.sh [N ...]   (default 100000 1000000). Data go to bench/out/ (not committed).
# Prints wall time, CPU time and peak memory of each side (best of REPEATS runs, default 3, alternating R and sarc),
# the load average, and the largest relative coefficient difference.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="$root/bench/out"
mkdir -p "$out"
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(100000 1000000)
formula="Surv(time, status) ~ x1 + x2 + x3 + x4 + x5 + x6 + x7 + x8 + x9 + x10"
repeats="${REPEATS:-3}"
"$root/sarc" --help >/dev/null   # build once, outside the timings
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
for n in "${sizes[@]}"; do
  csv="$out/cox_$n.csv"
  [ -f "$csv" ] || Rscript "$root/bench/cox/generate.R" "$n" "$csv"
  rm -f "$out/r_$n.time" "$out/sarc_$n.time"
  for _ in $(seq "$repeats"); do
    /usr/bin/time -a -f "%e %U %S %M" -o "$out/r_$n.time" Rscript "$root/bench/cox/r_cox.R" "$csv" "$out/r_$n.json" >/dev/null
    /usr/bin/time -a -f "%e %U %S %M" -o "$out/sarc_$n.time" "$root/sarc" cox --data "$csv" --formula "$formula" --json >"$out/sarc_$n.json"
  done
  python3 - "$n" "$out" <<'PY'
import json, sys
n, out = sys.argv[1], sys.argv[2]
r = json.load(open(f"{out}/r_{n}.json")); s = json.load(open(f"{out}/sarc_{n}.json"))
diff = max(abs(c["coef"] - rc) / abs(rc) for c, rc in zip(s["coefficients"], r["coef"]))
def t(side):
    runs = [line.split() for line in open(f"{out}/{side}_{n}.time") if line.strip()]
    return (min(float(w) for w, u, s_, kb in runs), min(float(u) + float(s_) for w, u, s_, kb in runs),
            max(int(kb) for w, u, s_, kb in runs) / 1024)
rw, rc, rm = t("r"); sw, sc, sm = t("sarc")
print(f"n={int(n):>8}  R: {rw:7.2f} s wall {rc:7.2f} s cpu {rm:6.0f} MB | sarc: {sw:6.2f} s wall {sc:6.2f} s cpu {sm:6.0f} MB"
      f" | wall ratio 1/{rw / sw:.1f}, cpu ratio 1/{rc / sc:.1f}, memory ratio 1/{rm / sm:.1f} | max rel coef diff {diff:.1e}")
PY
done
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
# Where the time goes: one more run on the largest file with the stage profile (SARC_PROFILE=1: wall, CPU, heap,
# resident set and its peak after each stage, on stderr).
SARC_PROFILE=1 "$root/sarc" cox --data "$out/cox_${sizes[-1]}.csv" --formula "$formula" --json 2>&1 >/dev/null | grep '^profile:'

