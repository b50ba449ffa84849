# Reference values for cumulative incidence (cmprsk::cuminc): estimates, variances and Gray's test.
# Writes validation/data/cif_*.csv (synthetic, fixed seed) and validation/reference/cif.json.
suppressPackageStartupMessages({ library(cmprsk); library(jsonlite) })

# Small cohort: ties within and across causes, a censoring tied with events, a cause missing from one group.
small <- data.frame(
  time   = c(1, 2, 2, 3, 3, 3, 4, 5, 5, 6, 7, 8, 8, 9, 10, 11, 12, 12, 13, 15),
  status = c(1, 1, 2, 0, 1, 2, 0, 2, 2, 1, 0, 1, 1, 0, 2, 1, 0, 2, 1, 0),
  group  = c("a","b","a","a","b","b","a","a","b","a","b","a","b","b","a","b","a","a","b","a"))
write.csv(small, "data/cif_small.csv", row.names = FALSE, quote = FALSE)

# Larger cohort: three causes, three groups, times rounded to create many ties, cause 3 absent from group C,
# censoring in every group, some missing values that the analysis must exclude.
set.seed(20260501)
n <- 400
group <- sample(c("A", "B", "C"), n, replace = TRUE, prob = c(0.4, 0.35, 0.25))
rate <- c(A = 0.05, B = 0.08, C = 0.12)[group]
t1 <- rexp(n, rate); t2 <- rexp(n, 0.04); t3 <- ifelse(group == "C", Inf, rexp(n, 0.02))
cens <- runif(n, 5, 60)
time <- pmin(t1, t2, t3, cens)
status <- ifelse(time == cens, 0, ifelse(time == t1, 1, ifelse(time == t2, 2, 3)))
time <- round(time)        # ties, and events at time 0
three <- data.frame(time = time, status = status, group = group)
three$time[c(7, 50)] <- NA
three$group[c(90)] <- NA
write.csv(three, "data/cif_three.csv", row.names = FALSE, quote = FALSE, na = "NA")

# All censored but one event, one group: a degenerate but legal case.
single <- data.frame(time = c(2, 4, 4, 6, 9), status = c(0, 1, 0, 0, 0))
write.csv(single, "data/cif_single.csv", row.names = FALSE, quote = FALSE)

run <- function(d, at, grouped = TRUE, rho = 0) {
  fit <- if (grouped) cuminc(d$time, d$status, d$group, rho = rho) else cuminc(d$time, d$status)
  curves <- fit[names(fit) != "Tests"]
  tp <- timepoints(fit, at)
  used <- if (grouped) d[, c("time", "status", "group")] else d[, c("time", "status")]
  out <- list(
    n = sum(complete.cases(used)),
    excluded = sum(!complete.cases(used)),
    at = at,
    curves = lapply(names(curves), function(nm) {
      parts <- strsplit(nm, " ")[[1]]
      list(name = nm, group = if (grouped) parts[1] else NULL, cause = parts[2],
           time = curves[[nm]]$time, est = curves[[nm]]$est, var = curves[[nm]]$var,
           at_est = unname(tp$est[nm, ]), at_var = unname(tp$var[nm, ]))
    }))
  if (!is.null(fit$Tests)) {
    out$tests <- lapply(rownames(fit$Tests), function(cause)
      list(cause = cause, stat = fit$Tests[cause, "stat"], p = fit$Tests[cause, "pv"], df = fit$Tests[cause, "df"]))
  }
  out
}

ref <- list(
  small = run(small, c(0, 2, 2.5, 8, 14.9, 15, 16)),
  three = run(three, c(0, 5, 10, 24, 36, 59)),
  three_rho1 = run(three, c(10), rho = 1),    # Gray's test weighted by (1 - F(t-))^1
  three_ungrouped = run(three, c(1, 12, 30), grouped = FALSE),
  single = run(single, c(3, 4, 9), grouped = FALSE))
write_json(ref, "reference/cif.json", digits = NA, auto_unbox = TRUE, pretty = TRUE, na = "null")
