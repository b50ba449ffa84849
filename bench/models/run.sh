#!/usr/bin/env bash
# Prediction-model benchmark: `sarc model fit` with 4 spline terms on 100,000 patients, and `sarc model validate
# --bootstrap 200` on 5,000 patients, each against R (rms::cph, rms::validate) on the same CSV in the same run.
# Needs R with rms and data.table. Usage: bench/models/run.sh [fit rows] [bootstrap rows] [resamples] [repeats]
# Data go to bench/out/ (not committed). Prints best-of-repeats wall times, R's in-process times, ratios, load average.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="$root/bench/out"
mkdir -p "$out"
fit_rows="${1:-100000}"
boot_rows="${2:-5000}"
resamples="${3:-200}"
repeats="${4:-3}"
formula="Surv(time, status) ~ rcs(age, 4) + rcs(size, 4) + rcs(necrosis, 4) + rcs(bmi, 4) + factor(grade)"
for n in "$fit_rows" "$boot_rows"; do
  [ -f "$out/models-$n.csv" ] || Rscript "$here/generate.R" "$n" "$out/models-$n.csv"
done
"$root/sarc" --help >/dev/null   # build first, outside the timings
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

best() { sort -n | head -1; }
wall() { local s e; s=$(date +%s.%N); "$@" >/dev/null; e=$(date +%s.%N); echo "$e - $s" | bc; }

fit_sarc=(); fit_r=(); fit_r_inner=()
boot_sarc=(); boot_r=(); boot_r_inner=()
for _ in $(seq "$repeats"); do
  fit_sarc+=("$(wall "$root/sarc" model fit --data "$out/models-$fit_rows.csv" --formula "$formula" --times 60 --out "$out/models-fit.yaml" --json)")
  s=$(date +%s.%N); Rscript "$here/r_fit.R" "$out/models-$fit_rows.csv" >"$out/models-r-fit.txt"; e=$(date +%s.%N)
  fit_r+=("$(echo "$e - $s" | bc)"); fit_r_inner+=("$(awk '/^elapsed/ {print $2}' "$out/models-r-fit.txt")")
done
"$root/sarc" model fit --data "$out/models-$boot_rows.csv" --formula "$formula" --times 60 --out "$out/models-boot.yaml" >/dev/null
for _ in $(seq "$repeats"); do
  boot_sarc+=("$(wall "$root/sarc" model validate --model "$out/models-boot.yaml" --data "$out/models-$boot_rows.csv" --bootstrap "$resamples" --seed 1 --json)")
  s=$(date +%s.%N); Rscript "$here/r_validate.R" "$out/models-$boot_rows.csv" "$resamples" >"$out/models-r-boot.txt"; e=$(date +%s.%N)
  boot_r+=("$(echo "$e - $s" | bc)"); boot_r_inner+=("$(awk '/^elapsed/ {print $2}' "$out/models-r-boot.txt")")
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

# The fits agree: Sarc's coefficients against cph's (fully converged), to 1e-6 relative.
"$root/sarc" model fit --data "$out/models-$fit_rows.csv" --formula "$formula" --times 60 --out "$out/models-fit.yaml" --json >"$out/models-sarc-fit.json"
python3 - "$out/models-sarc-fit.json" "$out/models-r-fit.txt" <<'PY'
import json, sys
sarc = [c["coef"] for c in json.load(open(sys.argv[1]))["coefficients"]]
r = [float(x) for x in next(l for l in open(sys.argv[2]) if l.startswith("coef")).split()[1:]]
worst = max(abs(a - b) / abs(b) for a, b in zip(sarc, r))
print(f"fit: largest relative coefficient difference from rms::cph = {worst:.1e}")
PY

f() { printf '%s\n' "$@" | best; }
fs=$(f "${fit_sarc[@]}"); fr=$(f "${fit_r[@]}"); fri=$(f "${fit_r_inner[@]}")
bs=$(f "${boot_sarc[@]}"); br=$(f "${boot_r[@]}"); bri=$(f "${boot_r_inner[@]}")
echo "fit, $fit_rows patients, 4 rcs(4) terms + factor (best of $repeats):"
echo "  sarc model fit (whole process: CSV, frame, fit, baseline, model file): ${fs}s"
echo "  R fread + cph + survest (in-process): ${fri}s; R process wall: ${fr}s"
echo "  ratio sarc / R in-process: $(echo "scale=3; $fs / $fri" | bc); wall / wall: $(echo "scale=3; $fs / $fr" | bc)"
echo "bootstrap validation, $boot_rows patients, $resamples resamples (best of $repeats):"
echo "  sarc model validate --bootstrap (whole process, all metrics): ${bs}s"
echo "  R rms::validate (in-process): ${bri}s; R process wall: ${br}s"
echo "  ratio sarc / R in-process: $(echo "scale=3; $bs / $bri" | bc); wall / wall: $(echo "scale=3; $bs / $br" | bc)"
