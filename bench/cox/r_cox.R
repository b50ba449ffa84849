# R's side of the benchmark: fread + coxph (Efron; coxph also computes the concordance) + summary.
# Usage: Rscript bench/cox/r_cox.R FILE.csv [OUT.json]; prints the wall time in seconds and writes coefficients.
suppressPackageStartupMessages({ library(data.table); library(survival); library(jsonlite) })
args <- commandArgs(trailingOnly = TRUE)
start <- Sys.time()
d <- fread(args[1])
fit <- coxph(Surv(time, status) ~ x1 + x2 + x3 + x4 + x5 + x6 + x7 + x8 + x9 + x10, data = d)
s <- summary(fit)
elapsed <- as.numeric(difftime(Sys.time(), start, units = "secs"))
cat(sprintf("R fread+coxph+summary: %.2f s (n = %d, iterations = %d)\n", elapsed, fit$n, fit$iter))
if (length(args) > 1)
  write_json(list(coef = unname(coef(fit)), se = unname(sqrt(diag(fit$var))), loglik = fit$loglik,
                  concordance = unname(fit$concordance["concordance"]), wald = fit$wald.test, score = fit$score,
                  seconds = elapsed),
             args[2], digits = NA, auto_unbox = TRUE, pretty = TRUE)
