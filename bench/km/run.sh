#!/usr/bin/env bash
# km benchmark: `sarc km` vs R (data.table::fread + survfit + summary(times) + quantile + survdiff) on the same
# 1,000,000-row, 4-group CSV, both on this machine in one run, alternating. Prints the best of REPEATS of each
# (wall, CPU = user + sys, peak RSS; R's in-process analysis time too), the ratios, the load average, and checks
# that the numbers agree (log-rank chi-square, the four medians, S(60)) to relative 1e-6.
# Needs R with survival and data.table. Usage: bench/km/run.sh [rows] [repeats]   (default 1000000, 5)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
rows="${1:-1000000}"
repeats="${2:-5}"
out="$root/bench/out"
data="$out/km-$rows.csv"
mkdir -p "$out"
[ -f "$data" ] || (cd "$here" && Rscript generate.R "$rows" "$data")
"$root/sarc" --help >/dev/null   # build first, outside the timing
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
rm -f "$out/km-sarc.time" "$out/km-r.time" "$out/km-r.inner"
for _ in $(seq "$repeats"); do
  /usr/bin/time -a -f "%e %U %S %M" -o "$out/km-sarc.time" \
    "$root/sarc" km --data "$data" --time time --event event --group grade --at 12,24,60 --json >"$out/km-sarc.json"
  /usr/bin/time -a -f "%e %U %S %M" -o "$out/km-r.time" Rscript "$here/km.R" "$data" >"$out/km-r.txt"
  awk '/^elapsed/ {print $2}' "$out/km-r.txt" >>"$out/km-r.inner"
done

python3 - "$out" "$rows" "$repeats" <<'PY'
import json, sys
out, rows, repeats = sys.argv[1], int(sys.argv[2]), sys.argv[3]
sarc = json.load(open(f"{out}/km-sarc.json"))
r = {line.split()[0]: [float(x) for x in line.split()[1:]] for line in open(f"{out}/km-r.txt")}
def close(a, b): return abs(a - b) <= 1e-6 * abs(b)
checks = [close(sarc["logrank"]["chisq"], r["chisq"][0])]
checks += [close(g["median"], m) for g, m in zip(sarc["groups"], r["median"])]
checks += [close([a for a in g["at"] if a["time"] == 60][0]["surv"], s) for g, s in zip(sarc["groups"], r["surv60"])]
def best(side):
    runs = [l.split() for l in open(f"{out}/km-{side}.time") if l.strip() and l[0].isdigit()]
    return (min(float(x[0]) for x in runs), min(float(x[1]) + float(x[2]) for x in runs), max(int(x[3]) for x in runs) / 1024)
sw, sc, sm = best("sarc"); rw, rc, rm = best("r")
inner = min(float(l) for l in open(f"{out}/km-r.inner"))
print(f"rows={rows:,} groups=4, best of {repeats}")
print(f"sarc km (whole process)            {sw:6.2f} s wall {sc:6.2f} s CPU {sm:5.0f} MB")
print(f"R fread+survfit+survdiff (process) {rw:6.2f} s wall {rc:6.2f} s CPU {rm:5.0f} MB; analysis in-process {inner:.2f} s")
print(f"ratio sarc/R: wall 1/{rw / sw:.1f}, CPU 1/{rc / sc:.1f}; sarc wall / R in-process 1/{inner / sw:.1f}")
print("numbers agree with R (1e-6):", all(checks))
sys.exit(0 if all(checks) else 1)
PY
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
# Where the time goes: one more run with the stage profile (SARC_PROFILE=1: wall, CPU, heap, RSS per stage, stderr).
SARC_PROFILE=1 "$root/sarc" km --data "$data" --time time --event event --group grade --at 12,24,60 --json 2>&1 >/dev/null | grep '^profile:'

