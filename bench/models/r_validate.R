# R side of the bootstrap benchmark: rms::validate(cph fit, B) on the same model, timed in-process.
# Rscript r_validate.R data.csv B -> prints "elapsed S" and the corrected Dxy.
suppressPackageStartupMessages({ library(rms); library(data.table) })
args <- commandArgs(trailingOnly = TRUE)
d <- fread(args[1]); d$grade <- factor(d$grade)
fit <- cph(Surv(time, status) ~ rcs(age, 4) + rcs(size, 4) + rcs(necrosis, 4) + rcs(bmi, 4) + grade,
           data = d, x = TRUE, y = TRUE, surv = TRUE)
set.seed(1)
elapsed <- system.time(v <- rms::validate(fit, B = as.integer(args[2])))[["elapsed"]]
cat("elapsed", elapsed, "\n")
cat("dxy", v["Dxy", "index.orig"], v["Dxy", "index.corrected"], "\n")
