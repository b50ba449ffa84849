# The R side of the km benchmark: fread + survfit + survdiff, as `sarc km --group` computes them.
# Prints the elapsed seconds of the analysis (after R and the packages have loaded) and the key numbers.
args <- commandArgs(trailingOnly = TRUE)
path <- if (length(args) >= 1) args[1] else "../out/km-1m.csv"
suppressMessages({ library(data.table); library(survival) })
elapsed <- system.time({
  d <- fread(path)
  fit <- survfit(Surv(time, event) ~ grade, data = d)
  test <- survdiff(Surv(time, event) ~ grade, data = d)
  s <- summary(fit, times = c(12, 24, 60), extend = TRUE)
  q <- quantile(fit, 0.5)
})[["elapsed"]]
cat(sprintf("elapsed %.3f\n", elapsed))
cat(sprintf("chisq %.10g\n", test$chisq))
cat(sprintf("median %s\n", paste(sprintf("%.10g", q$quantile), collapse = " ")))
cat(sprintf("surv60 %s\n", paste(sprintf("%.10g", s$surv[s$time == 60]), collapse = " ")))
