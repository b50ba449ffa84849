# Writes the benchmark cohort: N patients (default 1,000,000) in 4 groups, follow-up in months with 2 decimals,
# exponential event times with group-specific hazards and uniform censoring. Fixed seed: same file every run.
args <- commandArgs(trailingOnly = TRUE)
n <- if (length(args) >= 1) as.integer(args[1]) else 1000000L
out <- if (length(args) >= 2) args[2] else "../out/km-1m.csv"
suppressMessages(library(data.table))
set.seed(20261123)
group <- sample(c("G1", "G2", "G3", "GX"), n, replace = TRUE, prob = c(0.25, 0.35, 0.3, 0.1))
rate <- c(G1 = 0.006, G2 = 0.012, G3 = 0.02, GX = 0.015)[group]
event_time <- rexp(n, rate)
censor_time <- runif(n, 1, 120)
time <- round(pmin(event_time, censor_time), 2)
event <- as.integer(event_time <= censor_time)
dir.create(dirname(out), showWarnings = FALSE, recursive = TRUE)
fwrite(data.table(patient_id = seq_len(n), time = time, event = event, grade = group), out)
