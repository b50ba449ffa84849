#!/usr/bin/env bash
# Competing risks at 1,000,000 rows: `sarc cif` and `sarc finegray` end to end (whole processes, best of REPEATS)
# against R cmprsk::cuminc on the same file, and crr's growth on smaller files (crr cannot run at 1M: its loops are
# O(n²) and worse). Checks Gray's statistic against cuminc at 1M and the Fine-Gray coefficients against crr at each
# crr size (relative 1e-6). Needs R with cmprsk.
# Usage: bench/competing/run.sh [REPEATS [CRR_SIZES...]]   (default 3; 2500 5000 10000 20000)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="$root/bench/out"
mkdir -p "$out"
repeats="${1:-3}"
shift || true
crr_sizes=("$@")
[ ${#crr_sizes[@]} -eq 0 ] && crr_sizes=(2500 5000 10000 20000)
"$root/sarc" --help >/dev/null   # build first, outside the timings
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
for n in 1000000 "${crr_sizes[@]}"; do
  [ -f "$out/competing_$n.csv" ] || (cd "$here" && BENCH_N=$n Rscript generate.R >/dev/null)
done
big="$out/competing_1000000.csv"
formula="Surv(time, status) ~ age + grade3 + size"

best() {  # best wall and CPU (user + sys) of REPEATS runs of a command; stdout to $1
  local target=$1; shift
  local bw=999999 bc=999999
  for _ in $(seq "$repeats"); do
    /usr/bin/time -f "%e %U %S %M" -o "$out/comp.time" "$@" >"$target"
    read -r w u s m <"$out/comp.time"
    bw=$(echo "if ($w < $bw) $w else $bw" | bc); bc=$(echo "c = $u + $s; if (c < $bc) c else $bc" | bc)
  done
  echo "$bw $bc $m"
}
read -r cw cc cm < <(best "$out/cif-sarc.json" "$root/sarc" cif --data "$big" --time time --status status --group group --json)
read -r fw fc fm < <(best "$out/fg-sarc.json" "$root/sarc" finegray --data "$big" --formula "$formula" --cause 1 --json)
read -r rw rc rm < <(best "$out/cif-r.txt" Rscript "$here/time-r.R" "$big")
printf '\n1,000,000 rows (best of %s)            wall      CPU     peak RSS\n' "$repeats"
printf 'sarc cif (+ Gray test, whole process)  %6.2f s %6.2f s %7.0f MB\n' "$cw" "$cc" "$(echo "$cm / 1024" | bc)"
printf 'sarc finegray (3 covariates)           %6.2f s %6.2f s %7.0f MB\n' "$fw" "$fc" "$(echo "$fm / 1024" | bc)"
printf 'R read.csv + cuminc (whole process)    %6.2f s %6.2f s %7.0f MB\n' "$rw" "$rc" "$(echo "$rm / 1024" | bc)"
python3 - "$out" <<'PY'
import json, re, sys
out = sys.argv[1]
sarc = json.load(open(f"{out}/cif-sarc.json"))
r = float(re.search(r"Gray cause 1 stat = (\S+)", open(f"{out}/cif-r.txt").read()).group(1))
s = [t for t in sarc["gray_test"] if t["cause"] == "1"][0]["stat"]
print(f"Gray's statistic, cause 1: sarc {s:.10g}, R {r:.10g}, relative difference {abs(s - r) / abs(r):.1e}")
PY

printf '\ncrr growth (one run each; sarc finegray whole process on the same file)\n'
printf '%9s %12s %12s %14s\n' rows "crr CPU" "sarc wall" "max rel coef"
for n in "${crr_sizes[@]}"; do
  f="$out/competing_$n.csv"
  Rscript "$here/time-r.R" "$f" crr >"$out/crr-$n.txt"
  /usr/bin/time -f "%e" -o "$out/comp.time" "$root/sarc" finegray --data "$f" --formula "$formula" --cause 1 --json >"$out/fg-$n.json"
  python3 - "$n" "$out" <<'PY'
import json, re, sys
n, out = sys.argv[1], sys.argv[2]
text = open(f"{out}/crr-{n}.txt").read()
cpu = float(re.search(r"R crr: \S+ s wall, (\S+) s CPU", text).group(1))
coef = [float(x) for x in re.search(r"coef = (.*?);", text).group(1).split()]
sarc = json.load(open(f"{out}/fg-{n}.json"))
diff = max(abs(c["coef"] - r) / abs(r) for c, r in zip(sarc["coefficients"], coef))
wall = float(open(f"{out}/comp.time").read())
print(f"{int(n):9d} {cpu:10.2f} s {wall:10.2f} s {diff:14.1e}")
PY
done
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
