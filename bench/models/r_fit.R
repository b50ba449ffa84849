# R side of the fit benchmark: fread + rms::cph with 4 rcs() terms (x, y, surv as Sarc keeps them), timed in-process.
# Rscript r_fit.R data.csv -> prints "elapsed S" and the coefficients.
suppressPackageStartupMessages({ library(rms); library(data.table) })
args <- commandArgs(trailingOnly = TRUE)
elapsed <- system.time({
  d <- fread(args[1]); d$grade <- factor(d$grade)
  fit <- cph(Surv(time, status) ~ rcs(age, 4) + rcs(size, 4) + rcs(necrosis, 4) + rcs(bmi, 4) + grade,
             data = d, x = TRUE, y = TRUE, surv = TRUE, eps = 1e-9, iter.max = 30)
  s60 <- survest(fit, times = 60, linear.predictors = 0)
})[["elapsed"]]
cat("elapsed", elapsed, "\n")
cat("coef", unname(coef(fit)), "\n")
