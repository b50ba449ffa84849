# Reference values for survival grouped by an event during follow-up (Sarc.Studies km kind, landmark and
# method: simon-makuch; Sarc.Statistics.Survival.CountingProcessKaplanMeier).
#
# Dataset validation/data/sm_patients.csv: one row per patient, os_months / os_event, lr (0/1) and lrfs_months (the
# LR date when lr = 1, else the end of follow-up), with tied times, an LR on the day of death (does not precede it)
# and an LR at time 0. This writes validation/reference/landmark_simon_makuch.json:
#   landmark L:   survfit(Surv(os_months - L, os_event) ~ grp, subset = os_months > L), grp = lr & lrfs_months <= L;
#                 steps, summary at times, survdiff log-rank
#   simon-makuch: the counting-process rows of the published definition (Simon and Makuch 1984: a patient is in the
#                 no-LR group until the LR, then in the LR group), survfit(Surv(tstart, tstop, status) ~ grp) steps and
#                 summary, and the Mantel-Byar test as the score test of coxph(Surv(tstart, tstop, status) ~ grp).
#                 The product-limit values are also computed by hand from the definition (risk set of a group at t:
#                 rows with tstart < t <= tstop) and checked against survfit before anything is written.
#
# Run from the repository root:  Rscript validation/landmark_simon_makuch.R
suppressPackageStartupMessages({
  library(survival)
  library(jsonlite)
})

set.seed(20251203)
n <- 240
os <- round(rexp(n, 1 / 60), 1) + 0.1
event <- rbinom(n, 1, 0.7)
lr_time <- round(rexp(n, 1 / 40), 1)
lr <- as.integer(lr_time < os)
# Edges: an LR on the day of death, an LR at time 0, ties in death times.
lr[1] <- 1; lr_time[1] <- os[1]; event[1] <- 1
lr[2] <- 1; lr_time[2] <- 0
os[3:6] <- 24; event[3:6] <- c(1, 1, 0, 1)
lrfs <- ifelse(lr == 1, lr_time, os)
fmt <- function(x) sprintf("%.17g", x)
writeLines(c("patient_id,os_months,os_event,lr,lrfs_months",
             paste(sprintf("P%03d", seq_len(n)), fmt(os), event, lr, fmt(lrfs), sep = ",")),
           file.path("validation", "data", "sm_patients.csv"))
d <- read.csv(file.path("validation", "data", "sm_patients.csv"))
at <- c(6, 12, 24, 60)

# write_json(na = "null") would turn Inf into null (NA); Greenwood's se(log S) is Inf once S = 0, so keep it as "Inf".
inf_as_string <- function(x) lapply(x, function(v) if (is.infinite(v)) (if (v > 0) "Inf" else "-Inf") else v)
steps <- function(fit) {
  s <- if (is.null(fit$strata)) rep("all", length(fit$time)) else rep(names(fit$strata), fit$strata)
  lapply(split(seq_along(fit$time), factor(s, levels = unique(s))), function(i) list(
    time = fit$time[i], n_risk = fit$n.risk[i], n_event = fit$n.event[i], n_censor = fit$n.censor[i],
    surv = fit$surv[i], std_err = inf_as_string(fit$std.err[i]), lower = fit$lower[i], upper = fit$upper[i]))
}
summaries <- function(fit) {
  lapply(seq_along(fit$strata), function(k) {
    s <- summary(fit[k], times = at, extend = TRUE)
    list(time = s$time, n_risk = s$n.risk, surv = s$surv, std_err = s$std.err, lower = s$lower, upper = s$upper)
  })
}

landmarks <- lapply(c(12, 24), function(L) {
  sub <- d[d$os_months > L, ]
  sub$grp <- as.integer(sub$lr == 1 & sub$lrfs_months <= L)
  fit <- survfit(Surv(os_months - L, os_event) ~ grp, data = sub)
  lr_test <- survdiff(Surv(os_months - L, os_event) ~ grp, data = sub)
  list(landmark = L, n = nrow(sub), n_not_at_risk = nrow(d) - nrow(sub), groups = unname(steps(fit)), at = summaries(fit),
       logrank = list(chisq = lr_test$chisq, df = length(lr_test$n) - 1, p = pchisq(lr_test$chisq, length(lr_test$n) - 1, lower.tail = FALSE)))
})

rows <- do.call(rbind, lapply(seq_len(nrow(d)), function(i) {
  p <- d[i, ]
  if (p$lr == 1 && p$lrfs_months > 0 && p$lrfs_months < p$os_months) {
    data.frame(tstart = c(0, p$lrfs_months), tstop = c(p$lrfs_months, p$os_months), status = c(0, p$os_event), grp = c(0, 1))
  } else {
    data.frame(tstart = 0, tstop = p$os_months, status = p$os_event, grp = as.integer(p$lr == 1 && p$lrfs_months <= 0))
  }
}))
sm <- survfit(Surv(tstart, tstop, status) ~ grp, data = rows)
# The published definition by hand: S_g(t) = prod over event times u <= t of (1 - d_g(u) / n_g(u)), on the times as
# survfit sees them (near-equal times merged by aeqSurv, as everywhere in survival).
merged <- aeqSurv(Surv(rows$tstart, rows$tstop, rows$status))
fixed <- data.frame(tstart = merged[, 1], tstop = merged[, 2], status = merged[, 3], grp = rows$grp)
for (g in 0:1) {
  r <- fixed[fixed$grp == g, ]
  times <- sort(unique(r$tstop))
  s <- cumprod(sapply(times, function(u) 1 - sum(r$tstop == u & r$status == 1) / sum(r$tstart < u & r$tstop >= u)))
  stopifnot(isTRUE(all.equal(s, sm$surv[rep(0:1, sm$strata) == g], tolerance = 1e-14)))
}
cox <- coxph(Surv(tstart, tstop, status) ~ grp, data = rows)
out <- list(
  dataset = "sm_patients.csv", at = at, landmarks = landmarks,
  simon_makuch = list(rows = nrow(rows), groups = unname(steps(sm)), at = summaries(sm),
                      mantel_byar = list(chisq = unname(cox$score), df = 1, p = pchisq(cox$score, 1, lower.tail = FALSE))))
writeLines(toJSON(out, digits = NA, auto_unbox = TRUE, pretty = TRUE, na = "null"),
           file.path("validation", "reference", "landmark_simon_makuch.json"))
