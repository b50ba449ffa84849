# Writes bench/out/multistate_N.csv: N synthetic sarcoma paths (entry -> LR -> DM -> death), fixed seed, for timing
# sarc multistate against survfit. Usage: Rscript generate-multistate.R N
suppressPackageStartupMessages(library(survival))
n <- as.integer(commandArgs(TRUE)[1])
set.seed(20260505)
id <- integer(0); start <- numeric(0); stop <- numeric(0); event <- character(0)
rates <- list(entry = c(LR = 0.010, DM = 0.012, death = 0.004), LR = c(DM = 0.050, death = 0.015), DM = c(death = 0.060))
for (i in seq_len(n)) {
  t <- 0; state <- "entry"; cens <- runif(1, 12, 120)
  repeat {
    r <- rates[[state]]; draws <- rexp(length(r), r); wait <- round(min(draws), 2); to <- names(r)[which.min(draws)]
    if (wait == 0) wait <- 0.01
    if (t + wait >= cens) { id <- c(id, i); start <- c(start, t); stop <- c(stop, round(cens, 2)); event <- c(event, ""); break }
    id <- c(id, i); start <- c(start, t); stop <- c(stop, t + wait); event <- c(event, to)
    t <- t + wait; state <- to
    if (state == "death") break
  }
}
d <- data.frame(id, start, stop, event)
d <- d[d$start < d$stop, ]
dir.create("../out", showWarnings = FALSE)
write.csv(d, sprintf("../out/multistate_%d.csv", n), row.names = FALSE, quote = FALSE)
d$ev <- factor(ifelse(d$event == "", "censor", d$event), levels = c("censor", "LR", "DM", "death"))
clock <- function() { p <- proc.time(); c(wall = p[["elapsed"]], cpu = p[["user.self"]] + p[["sys.self"]]) }
t0 <- clock()
fit <- survfit(Surv(start, stop, ev) ~ 1, data = d, id = id)
t1 <- clock() - t0
cat(sprintf("R survfit multistate: %.3f s wall, %.3f s CPU (n = %d patients, %d rows); last pstate = %s\n",
            t1[["wall"]], t1[["cpu"]], n, nrow(d), paste(format(fit$pstate[nrow(fit$pstate), ], digits = 10), collapse = " ")))
