#!/usr/bin/env bash
# Multistate benchmark: `sarc multistate` against R survfit(Surv(start, stop, state) ~ 1, id = id) on the same
# files, in one run. Generates bench/out/multistate-N.csv (generate.R, fixed seed) for each N, times each side as a
# whole process (best of REPEATS; R's in-process fread + survfit time too), and checks that every time's
# probabilities and standard errors agree to relative 1e-8. Needs R with survival, data.table and jsonlite.
# Usage: bench/multistate/run.sh [REPEATS [N ...]]   (default 3 repeats; 20000 100000 patients)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="$root/bench/out"
mkdir -p "$out"
repeats="${1:-3}"
shift || true
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(20000 100000)
"$root/sarc" --help >/dev/null   # build first, outside the timings
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%9s %8s | %10s %10s | %10s %8s | %9s %9s | %9s %9s\n' patients rows "R wall" "R survfit" "sarc wall" "sarc MB" \
  "wall/wall" "sarc/fit" "max dp" "max dse"
for n in "${sizes[@]}"; do
  csv="$out/multistate-$n.csv"
  [ -f "$csv" ] || Rscript "$here/generate.R" "$n" "$csv"
  for _ in $(seq "$repeats"); do
    /usr/bin/time -f "%e %M" -o "$out/ms-r-$n.time" Rscript "$here/multistate.R" "$csv" "$out/ms-r-$n.json" >"$out/ms-r-$n.txt"
    echo "$(cat "$out/ms-r-$n.time") $(awk '/^elapsed/ {print $2}' "$out/ms-r-$n.txt")" >>"$out/ms-r-$n.runs"
    /usr/bin/time -f "%e %M" -o "$out/ms-sarc-$n.time" "$root/sarc" multistate --data "$csv" --id id --start start \
      --stop stop --event event --states LR,DM,death --json >"$out/ms-sarc-$n.json"
    cat "$out/ms-sarc-$n.time" >>"$out/ms-sarc-$n.runs"
  done
  python3 - "$n" "$out" <<'PY'
import json, sys
n, out = sys.argv[1], sys.argv[2]
r = json.load(open(f"{out}/ms-r-{n}.json")); s = json.load(open(f"{out}/ms-sarc-{n}.json"))
assert len(r["time"]) == len(s["at"]), "different numbers of times"
def rel(a, b): return abs(a - b) / abs(b) if b != 0 else abs(a)
dp = dse = 0.0
for t, rp, rs, a in zip(r["time"], r["pstate"], r["std_err"], s["at"]):
    assert abs(a["time"] - t) <= 1e-12 * abs(t)
    for k, state in enumerate(s["states"]):
        dp = max(dp, rel(a["pstate"][state], rp[k])); dse = max(dse, rel(a["std_err"][state], rs[k]))
rows = [l.split() for l in open(f"{out}/ms-r-{n}.runs")]
r_wall = min(float(x[0]) for x in rows); r_fit = min(float(x[2]) for x in rows)
sarc = [l.split() for l in open(f"{out}/ms-sarc-{n}.runs")]
s_wall = min(float(x[0]) for x in sarc); s_mb = max(int(x[1]) for x in sarc) / 1024
lines = sum(1 for _ in open(f"{out}/multistate-{n}.csv")) - 1
print(f"{int(n):9d} {lines:8d} | {r_wall:9.2f}s {r_fit:9.2f}s | {s_wall:9.2f}s {s_mb:8.0f} | 1/{r_wall / s_wall:<7.1f} 1/{r_fit / s_wall:<7.1f} | {dp:9.1e} {dse:9.1e}")
if dp > 1e-8 or dse > 1e-8:
    sys.exit("numbers differ from R by more than 1e-8")
PY
  rm -f "$out/ms-r-$n.runs" "$out/ms-sarc-$n.runs"
done
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
