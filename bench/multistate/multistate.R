# The R side of the multistate benchmark: fread + survfit(Surv(start, stop, state) ~ 1, id = id), as
# `sarc multistate` computes it. Prints the seconds of the analysis (after R and the packages have loaded) and
# writes every time's pstate and std.err to OUT.json for the comparison.
# Usage: Rscript multistate.R FILE.csv OUT.json
args <- commandArgs(trailingOnly = TRUE)
suppressMessages({ library(data.table); library(survival); library(jsonlite) })
elapsed <- system.time({
  d <- fread(args[1], colClasses = c(event = "character"))
  d[, ev := factor(ifelse(event == "", "censor", event), levels = c("censor", "LR", "DM", "death"))]
  fit <- survfit(Surv(start, stop, ev) ~ 1, data = d, id = id)
})[["elapsed"]]
cat(sprintf("elapsed %.3f\n", elapsed))
write_json(list(time = fit$time, pstate = fit$pstate, std_err = fit$std.err), args[2], digits = NA,
           matrix = "rowmajor")
