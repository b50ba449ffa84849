# Reference values for Fine-Gray subdistribution hazard regression (cmprsk::crr, cencode 0).
# Writes validation/data/finegray_*.csv (synthetic, fixed seed) and validation/reference/finegray.json.
# Each fit is given twice: with crr's defaults (gtol 1e-6, maxiter 10), and iterated to full convergence.
suppressPackageStartupMessages({ library(cmprsk); library(jsonlite) })

set.seed(20260503)
make <- function(n, causes) {
  age <- round(rnorm(n, 60, 12), 1)
  grade3 <- rbinom(n, 1, 0.45)
  size <- round(rexp(n, 1 / 7), 1)
  lp <- 0.02 * (age - 60) + 0.7 * grade3 + 0.05 * size
  t1 <- rexp(n, 0.03 * exp(lp))
  t2 <- rexp(n, 0.02 * exp(0.03 * (age - 60)))
  t3 <- if (causes == 3) rexp(n, 0.01) else rep(Inf, n)
  cens <- runif(n, 6, 90)
  time <- pmin(t1, t2, t3, cens)
  status <- ifelse(time == cens, 0, ifelse(time == t1, 1, ifelse(time == t2, 2, 3)))
  data.frame(time = ceiling(time), status = status, age = age, grade3 = grade3, size = size)
}
small <- make(200, 2)
three <- make(500, 3)
three$size[c(11, 40)] <- NA
# Times rounded down: events and censorings at time 0, where crr reads the censoring KM at 0 itself.
zero <- make(150, 2)
zero$time <- floor(zero$time / 6)
zero$status[which(zero$time == 0)[1:4]] <- 0
write.csv(zero, "data/finegray_zero.csv", row.names = FALSE, quote = FALSE)
write.csv(small, "data/finegray_small.csv", row.names = FALSE, quote = FALSE)
write.csv(three, "data/finegray_three.csv", row.names = FALSE, quote = FALSE, na = "NA")

fit <- function(d, terms, failcode, ...) {
  d <- na.omit(d[, c("time", "status", terms)])
  f <- crr(d$time, d$status, as.matrix(d[, terms, drop = FALSE]), failcode = failcode, cencode = 0, ...)
  list(coef = unname(f$coef), se = unname(sqrt(diag(f$var))), var = unname(f$var), loglik = f$loglik,
       loglik_null = f$loglik.null, converged = f$converged, n = f$n,
       events = sum(d$status == failcode))
}
both <- function(d, terms, failcode) list(
  default = fit(d, terms, failcode),
  converged = fit(d, terms, failcode, gtol = 1e-9, maxiter = 100),
  terms = terms, failcode = failcode, excluded = sum(!complete.cases(d[, c("time", "status", terms)])))

ref <- list(
  small = both(small, c("age", "grade3", "size"), 1),
  small_one = both(small, "grade3", 2),
  three = both(three, c("age", "grade3", "size"), 2),
  zero = both(zero, c("age", "grade3"), 1))
write_json(ref, "reference/finegray.json", digits = NA, auto_unbox = TRUE, pretty = TRUE, na = "null", matrix = "rowmajor")
