#!/usr/bin/env bash
# km benchmark: `sarc km` vs R (data.table::fread + survfit + survdiff) on the same 1,000,000-row, 4-group CSV,
# both on this machine in one run. Prints wall times, R's in-process time, the ratio, and checks the numbers agree.
# Needs R with survival and data.table. Usage: bench/km/run.sh [rows] [repeats]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
rows="${1:-1000000}"
repeats="${2:-5}"
data="$root/bench/out/km-$rows.csv"
[ -f "$data" ] || (cd "$here" && Rscript generate.R "$rows" "$data")
"$root/sarc" --help >/dev/null   # build first, outside the timing

best() { sort -n | head -1; }
sarc_times=(); r_times=(); r_inner=()
for _ in $(seq "$repeats"); do
  s=$(date +%s.%N); "$root/sarc" km --data "$data" --time time --event event --group grade --at 12,24,60 --json >"$root/bench/out/km-sarc.json"; e=$(date +%s.%N)
  sarc_times+=("$(echo "$e - $s" | bc)")
  s=$(date +%s.%N); Rscript "$here/km.R" "$data" >"$root/bench/out/km-r.txt"; e=$(date +%s.%N)
  r_times+=("$(echo "$e - $s" | bc)")
  r_inner+=("$(awk '/^elapsed/ {print $2}' "$root/bench/out/km-r.txt")")
done
sarc_best=$(printf '%s\n' "${sarc_times[@]}" | best)
r_best=$(printf '%s\n' "${r_times[@]}" | best)
r_inner_best=$(printf '%s\n' "${r_inner[@]}" | best)

# The same numbers: log-rank chi-square, the medians, survival at 60 months, to 1e-6 relative.
python3 - "$root/bench/out/km-sarc.json" "$root/bench/out/km-r.txt" <<'PY'
import json, sys
sarc = json.load(open(sys.argv[1]))
r = {line.split()[0]: [float(x) for x in line.split()[1:]] for line in open(sys.argv[2])}
def close(a, b): return abs(a - b) <= 1e-6 * abs(b)
checks = [close(sarc["logrank"]["chisq"], r["chisq"][0])]
checks += [close(g["median"], m) for g, m in zip(sarc["groups"], r["median"])]
checks += [close([a for a in g["at"] if a["time"] == 60][0]["surv"], s) for g, s in zip(sarc["groups"], r["surv60"])]
print("numbers agree with R (1e-6):", all(checks))
sys.exit(0 if all(checks) else 1)
PY
echo "rows=$rows repeats=$repeats (best of each)"
echo "sarc km (wall, CSV load + all outputs): ${sarc_best}s"
echo "R fread+survfit+survdiff (in-process): ${r_inner_best}s; R process wall: ${r_best}s"
echo "ratio sarc/R (wall vs wall): $(echo "scale=3; $sarc_best / $r_best" | bc)"
echo "ratio sarc/R (sarc wall vs R in-process): $(echo "scale=3; $sarc_best / $r_inner_best" | bc)"
