# Times R on the benchmark file: cmprsk::cuminc with a group, and cmprsk::crr (failcode 1, three covariates).
# Usage: Rscript time-r.R FILE [crr]
suppressPackageStartupMessages(library(cmprsk))
args <- commandArgs(TRUE)
d <- read.csv(args[1])
# CPU (user + system) besides wall time: the benchmark machine is shared.
clock <- function() { p <- proc.time(); c(wall = p[["elapsed"]], cpu = p[["user.self"]] + p[["sys.self"]]) }
t0 <- clock()
fit <- cuminc(d$time, d$status, d$group)
t1 <- clock() - t0
cat(sprintf("R cuminc: %.3f s wall, %.3f s CPU (n = %d); Gray cause 1 stat = %.10g\n", t1[["wall"]], t1[["cpu"]], nrow(d), fit$Tests[1, 1]))
if (length(args) > 1) {
  t0 <- clock()
  f <- crr(d$time, d$status, as.matrix(d[, c("age", "grade3", "size")]), failcode = 1, cencode = 0)
  t1 <- clock() - t0
  cat(sprintf("R crr: %.3f s wall, %.3f s CPU (n = %d); coef = %s; se = %s\n", t1[["wall"]], t1[["cpu"]], nrow(d),
              paste(format(f$coef, digits = 10), collapse = " "), paste(format(sqrt(diag(f$var)), digits = 10), collapse = " ")))
}
