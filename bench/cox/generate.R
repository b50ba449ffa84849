# Synthetic benchmark data for `sarc cox`: n patients x 10 numeric covariates, exponential times rounded to
# 0.01 month (so ties occur), ~30% censored. Fixed seed. Usage: Rscript bench/cox/generate.R N OUT.csv
suppressPackageStartupMessages(library(data.table))
args <- commandArgs(trailingOnly = TRUE)
n <- as.integer(args[1]); out <- args[2]
set.seed(2026)
p <- 10
x <- matrix(rnorm(n * p), n, p)
x[, 2] <- rbinom(n, 1, 0.4)
x[, 3] <- round(runif(n, 20, 90))
colnames(x) <- paste0("x", 1:p)
beta <- c(0.3, -0.5, 0.02, 0.1, 0, 0.2, -0.1, 0.05, 0.4, -0.3)
lp <- drop(x %*% beta)
t <- rexp(n, 0.02 * exp(lp - mean(lp)))
cens <- runif(n, 10, 150)
d <- data.table(time = round(pmax(0.01, pmin(t, cens)), 2), status = as.integer(t <= cens), x)
fwrite(d, out)
