#!/usr/bin/env bash
# Regenerates every reference fixture: runs each validation/*.R with Rscript from this folder.
# Needs R >= 4.2 with survival, cmprsk and jsonlite (Debian: r-base-core r-cran-survival r-cran-cmprsk r-cran-jsonlite);
# models.R also rms, riskRegression and prodlim (r-cran-rms r-cran-riskregression r-cran-prodlim).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
for script in *.R; do
  echo "validation: $script" >&2
  Rscript --vanilla "$script"
done
