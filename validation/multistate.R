# Reference values for Aalen-Johansen state occupancy (survival::survfit with a factor event, start-stop data, id).
# Writes validation/data/multistate_*.csv (synthetic, fixed seed) and validation/reference/multistate.json.
suppressPackageStartupMessages({ library(survival); library(jsonlite) })

# Sarcoma-like paths: entry -> LR -> DM -> death, entry -> DM -> death, entry -> death, LR -> death,
# censoring in every state, patients passing through several states, tied transition times. Times are on a grid of
# `step` months (1: whole months; 0.1 gives ~1,000 distinct times at 5,000 patients).
simulate <- function(n, seed, step = 1) {
  set.seed(seed)
  rows <- vector("list", 4 * n)
  nrows <- 0
  for (i in seq_len(n)) {
    t <- 0; state <- "entry"; cens <- round(round(runif(1, 12, 120) / step) * step, 1)
    repeat {
      rates <- switch(state,
        entry = c(LR = 0.010, DM = 0.012, death = 0.004),
        LR    = c(DM = 0.050, death = 0.015),
        DM    = c(death = 0.060))
      draws <- rexp(length(rates), rates)
      wait <- round(ceiling(min(draws) / step) * step, 1)   # on the grid: ties
      to <- names(rates)[which.min(draws)]
      if (round(t + wait, 1) >= cens) {
        nrows <- nrows + 1
        rows[[nrows]] <- data.frame(id = i, start = t, stop = cens, event = "")
        break
      }
      nrows <- nrows + 1
      rows[[nrows]] <- data.frame(id = i, start = t, stop = round(t + wait, 1), event = to)
      t <- round(t + wait, 1); state <- to
      if (state == "death") break
    }
  }
  do.call(rbind, rows[seq_len(nrows)])
}

fit_ms <- function(d, states, at) {
  d$ev <- factor(ifelse(d$event == "", "censor", d$event), levels = c("censor", states))
  fit <- survfit(Surv(start, stop, ev) ~ 1, data = d, id = id)
  s <- summary(fit, times = at)
  tr <- fit$transitions
  trans <- list()
  for (from in rownames(tr)) for (to in colnames(tr)) if (to != "(censored)" && tr[from, to] > 0)
    trans[[length(trans) + 1]] <- list(from = from, to = to, n = tr[from, to])
  list(states = fit$states, time = fit$time, pstate = fit$pstate, std_err = fit$std.err,
       n_risk = fit$n.risk, at = s$time, at_pstate = s$pstate, at_std_err = s$std.err, transitions = trans)
}

ms <- simulate(150, 20260502)
write.csv(ms, "data/multistate_paths.csv", row.names = FALSE, quote = FALSE)

# Tiny hand-checkable data: 4 patients, one passes entry -> LR -> death.
tiny <- data.frame(id = c(1, 1, 2, 3, 4, 4), start = c(0, 2, 0, 0, 0, 3), stop = c(2, 5, 4, 6, 3, 8),
                   event = c("LR", "death", "", "death", "LR", ""))
write.csv(tiny, "data/multistate_tiny.csv", row.names = FALSE, quote = FALSE)

# 5,000 patients on a 0.1-month grid: about a thousand distinct times, so the accumulated variance
# (docs/methods/multistate.md) is checked against R over many event times and several levels of its product tree.
large <- simulate(5000, 20261124, step = 0.1)
write.csv(large, "data/multistate_5000.csv", row.names = FALSE, quote = FALSE)

ref <- list(
  paths = fit_ms(ms, c("LR", "DM", "death"), c(0, 6, 12, 24, 60, 100)),
  large = fit_ms(large, c("LR", "DM", "death"), c(0, 6, 12, 24, 60, 100)),
  tiny = fit_ms(tiny, c("LR", "death"), c(1, 2, 4.5, 6, 8)))
write_json(ref, "reference/multistate.json", digits = NA, auto_unbox = TRUE, pretty = TRUE, na = "null", matrix = "rowmajor")
