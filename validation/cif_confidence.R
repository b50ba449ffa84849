# Reference values for the confidence intervals of cumulative incidence in study reports (Sarc.Studies.Analyses.
# IncidenceInterval): cmprsk::cuminc on validation/data/cif_small.csv, read at times with timepoints(), and the
# log(-log) interval F^exp(-+z sqrt(V) / (F log F)) that tidycmprsk reports (its tidy.tidycuminc), at 95% and 90%.
# Writes validation/reference/cif_confidence.json.
#
# Run from the repository root:  Rscript validation/cif_confidence.R
suppressPackageStartupMessages({
  library(cmprsk)
  library(jsonlite)
})
d <- read.csv(file.path("validation", "data", "cif_small.csv"))
fit <- cuminc(d$time, d$status, d$group)
times <- c(1, 2, 3, 4, 5, 6, 8, 10)
tp <- timepoints(fit, times)
rows <- list()
for (name in rownames(tp$est)) {
  for (k in seq_along(times)) {
    est <- tp$est[name, k]
    v <- tp$var[name, k]
    for (level in c(0.95, 0.9)) {
      z <- qnorm(1 - (1 - level) / 2)
      ok <- !is.na(est) && est > 0 && est < 1
      # est * log(est) < 0, so the exponent of the lower limit is > 1.
      lower <- if (ok) est^exp(-z * sqrt(v) / (est * log(est))) else NA
      upper <- if (ok) est^exp(z * sqrt(v) / (est * log(est))) else NA
      rows[[length(rows) + 1]] <- list(curve = name, time = times[k], level = level, estimate = est, variance = v, lower = lower, upper = upper)
    }
  }
}
writeLines(toJSON(list(dataset = "cif_small.csv", rows = rows), digits = NA, auto_unbox = TRUE, pretty = TRUE, na = "null"),
           file.path("validation", "reference", "cif_confidence.json"))
