# Reference values for Kaplan-Meier, log-rank and median follow-up (Sarc.Statistics.Survival).
#
# For every dataset validation/data/km_NAME.csv (columns time, event, group; NA or empty = missing) this writes
# validation/reference/km_NAME.json with everything `sarc km --json` reports, for several confidence types and levels:
#   survfit(Surv(time, event) ~ group, conf.type, conf.int)      steps, n, events
#   quantile(fit, 0.5)                                            median and its CI
#   summary(fit, times = at, extend = TRUE)                       the `at` rows
#   survfit(Surv(time, 1 - event) ~ 1)  + quantile(, 0.5)         median follow-up (reverse Kaplan-Meier)
#   survdiff(Surv(time, event) ~ group)                           log-rank chisq, df, p, observed, expected
# Synthetic datasets are generated here with a fixed seed and written with 17 significant digits, then every number
# is computed from the CSV as read back, so the C# tests and R see exactly the same doubles.
#
# Run from the repository root:  Rscript validation/km.R
suppressPackageStartupMessages({
  library(survival)
  library(jsonlite)
})

data_dir <- file.path("validation", "data")
ref_dir <- file.path("validation", "reference")
dir.create(data_dir, showWarnings = FALSE, recursive = TRUE)
dir.create(ref_dir, showWarnings = FALSE, recursive = TRUE)

write_dataset <- function(name, time, event, group) {
  fmt <- function(x) ifelse(is.na(x), "NA", sprintf("%.17g", x))
  lines <- paste(fmt(time), ifelse(is.na(event), "NA", as.character(event)),
                 ifelse(is.na(group), "NA", group), sep = ",")
  writeLines(c("time,event,group", lines), file.path(data_dir, paste0("km_", name, ".csv")))
}

# ---- datasets --------------------------------------------------------------------------------------------------

# Ties: events and censorings at the same time (R counts the censored as at risk at that time), an event at time 0,
# and a curve that drops to 0 (last time is an event, so Greenwood's variance is infinite there).
write_dataset("ties",
  time  = c(0, 2, 2, 2, 3, 5, 5, 5, 5, 8, 8, 9, 12, 12,   1, 2, 2, 4, 4, 4, 6, 7, 7, 10),
  event = c(1, 1, 1, 0, 1, 1, 0, 0, 1, 1, 0, 1, 1, 1,    0, 1, 0, 1, 1, 0, 1, 0, 0, 1),
  group = c(rep("a", 14), rep("b", 10)))

# All censored: no step, the median and every CI limit are NA, and the log-rank test has no expected events.
write_dataset("all_censored",
  time  = c(3, 5, 7, 11, 2, 4, 9),
  event = c(0, 0, 0, 0, 0, 0, 0),
  group = c("x", "x", "x", "x", "y", "y", "y"))

# One group (no group column in the analysis): no log-rank test.
write_dataset("one_group",
  time  = c(6.5, 13.2, 21.0, 10.0, 34.7, 3.1, 15.0, 15.0, 28.3, 40.0, 8.8, 19.9),
  event = c(1, 0, 1, 1, 0, 1, 1, 0, 1, 0, 1, 1),
  group = rep(NA_character_, 12))

# A group with zero events next to groups with events: it still contributes expected events to the log-rank test.
write_dataset("zero_events",
  time  = c(2, 4, 6, 8, 10, 12,   3, 5, 7, 9, 11,   1, 6, 13, 14),
  event = c(1, 1, 0, 1, 1, 0,     0, 0, 0, 0, 0,    1, 1, 0, 1),
  group = c(rep("g1", 6), rep("g2", 5), rep("g3", 4)))

# A group whose median is not reached, and one whose median is reached but not its upper CI limit.
write_dataset("not_reached",
  time  = c(5, 10, 15, 20, 25, 30, 35, 40, 45, 50,   4, 8, 12, 16, 20, 24),
  event = c(1, 0, 1, 0, 0, 0, 1, 0, 0, 0,            1, 1, 1, 0, 0, 0),
  group = c(rep("long", 10), rep("short", 6)))

# Curves exactly flat at 0.5: n = 4 with 2 events then censoring (flat to the end: quantile() takes the midpoint
# with the last time), and n = 10 with 5 deaths, a censoring, then more deaths (midpoint of the flat segment).
write_dataset("flat_half",
  time  = c(1, 2, 3, 4,   1, 2, 3, 4, 5, 6, 7, 8, 9, 10),
  event = c(1, 1, 0, 0,   1, 1, 1, 1, 1, 0, 0, 1, 1, 1),
  group = c(rep("four", 4), rep("ten", 10)))

# Near-equal times that aeqSurv (timefix = TRUE) merges: 0.1 + 0.2 vs 0.3, 1 vs 1 + 1e-10, a chain 5, 5 + 1e-9,
# 5 + 2e-9, and 7 vs 7 + 3e-8 (beyond the absolute tolerance, merged by the relative rule); 2 and 2.001 stay apart.
write_dataset("timefix",
  time  = c(0.1 + 0.2, 0.3, 1, 1 + 1e-10, 2, 2.001, 5, 5 + 1e-9, 5 + 2e-9, 7, 7 + 3e-8, 9,
            0.3, 1 + 1e-10, 2.001, 5 + 2e-9, 7, 8),
  event = c(1, 0, 1, 1, 1, 0, 1, 0, 1, 0, 1, 1,   1, 0, 1, 1, 1, 0),
  group = c(rep("p", 12), rep("q", 6)))

# Sarcoma-like: 400 patients, 4 histologies with different hazards, follow-up in months = days / 30.4375
# (many ties from whole days), administrative censoring at 5 to 10 years plus some loss to follow-up.
set.seed(20260311)
hist <- sample(c("LMS", "SyS", "UPS", "LPS"), 400, replace = TRUE, prob = c(0.3, 0.2, 0.3, 0.2))
rate <- c(LMS = 1 / 70, SyS = 1 / 55, UPS = 1 / 40, LPS = 1 / 110)[hist]     # per month
death_days <- ceiling(rexp(400, rate) * 30.4375)
admin_days <- ceiling(runif(400, 60, 120) * 30.4375)
lost_days <- ceiling(rexp(400, 1 / 200) * 30.4375)
cens_days <- pmin(admin_days, lost_days)
write_dataset("sarcoma",
  time = pmin(death_days, cens_days) / 30.4375,
  event = as.integer(death_days <= cens_days),
  group = hist)

# Missing values, stored as NA and as empty cells; R's na.omit drops them (the caller counts them as n_excluded).
writeLines(c(
  "time,event,group",
  "4.5,1,A", "7.25,0,A", "NA,1,A", "9,1,A", "12.5,0,A", ",0,A", "3,1,A", "15,1,A",
  "2.5,1,B", "6,NA,B", "8.75,1,B", "11,0,B", "14,,B", "5.5,1,B", "13,1,B",
  "10,1,", "6.5,0,NA", "16,0,B", "1.5,1,A", "NA,NA,NA"
), file.path(data_dir, "km_missing.csv"))

# ---- reference values ------------------------------------------------------------------------------------------

conf_settings <- list(
  list(type = "log", level = 0.95), list(type = "log-log", level = 0.95), list(type = "plain", level = 0.95),
  list(type = "log", level = 0.90), list(type = "log-log", level = 0.80), list(type = "plain", level = 0.99))

# `at` times per dataset: before the first event, on and between steps, after the last time.
at_times <- list(
  ties = c(0, 0.5, 2, 2.5, 5, 11.99, 12, 20),
  all_censored = c(0, 1, 5, 6, 20),
  one_group = c(1, 6.5, 12, 15, 24, 40, 60),
  zero_events = c(0.5, 3, 6, 9.5, 13, 30),
  not_reached = c(1, 5, 12, 24, 36, 60),
  flat_half = c(0.5, 2, 2.5, 3, 5.5, 8, 12),
  timefix = c(0.2, 0.3, 1, 1 + 5e-11, 2, 5, 7, 100),
  sarcoma = c(0.5, 6, 12, 24, 36, 60, 120, 200),
  missing = c(1, 3, 6, 12, 24),
  missing_nogroup = c(1, 3, 6, 12, 24))

# Analyses that reuse another dataset's file; missing_nogroup is `sarc km` on km_missing.csv without --group, where
# a missing group no longer excludes the row.
csv_of <- c(missing_nogroup = "missing")
ignore_group <- c("missing_nogroup")

num <- function(x) as.numeric(x)
# write_json(na = "null") would turn Inf into null (NA); Greenwood's se(log S) is Inf once S = 0, so keep it as "Inf".
inf_as_string <- function(x) if (is.infinite(x)) (if (x > 0) "Inf" else "-Inf") else x

curve_json <- function(fit1, level, at, n, events) {
  q <- quantile(fit1, 0.5)
  s <- summary(fit1, times = at, extend = TRUE)
  list(
    group = if (is.null(level)) NA else level,
    n = n,
    events = events,
    median = num(q$quantile), median_lower = num(q$lower), median_upper = num(q$upper),
    # print(fit) uses a different rule when the curve is flat at 0.5 to its end (survmean's minmin); kept for docs.
    print_median = num(summary(fit1)$table[["median"]]),
    quantiles = lapply(c(0.25, 0.75), function(p) {
      qp <- quantile(fit1, p)
      list(p = p, quantile = num(qp$quantile), lower = num(qp$lower), upper = num(qp$upper))
    }),
    at = lapply(seq_along(s$time), function(i) list(
      time = s$time[i], n_risk = s$n.risk[i], surv = s$surv[i], std_err = s$std.err[i],
      lower = s$lower[i], upper = s$upper[i])),
    steps = lapply(seq_along(fit1$time), function(i) list(
      time = fit1$time[i], n_risk = fit1$n.risk[i], n_event = fit1$n.event[i], n_censor = fit1$n.censor[i],
      surv = fit1$surv[i], std_err_log = inf_as_string(fit1$std.err[i]), lower = fit1$lower[i], upper = fit1$upper[i])))
}

for (name in names(at_times)) {
  file <- paste0("km_", if (name %in% names(csv_of)) csv_of[[name]] else name, ".csv")
  raw <- read.csv(file.path(data_dir, file), na.strings = c("NA", ""), colClasses = c("numeric", "integer", "character"))
  has_group <- !all(is.na(raw$group)) && !(name %in% ignore_group)
  used <- if (has_group) raw else raw[, c("time", "event")]
  d <- na.omit(used)
  n_excluded <- nrow(raw) - nrow(d)

  fits <- lapply(conf_settings, function(cs) {
    if (has_group) {
      d$group <- factor(d$group)
      fit <- survfit(Surv(time, event) ~ group, data = d, conf.type = cs$type, conf.int = cs$level)
      levels_ <- levels(d$group)
      groups <- lapply(seq_along(levels_), function(k) {
        rows <- d$group == levels_[k]
        curve_json(fit[k], levels_[k], at_times[[name]], sum(rows), sum(d$event[rows]))
      })
      sd <- suppressWarnings(survdiff(Surv(time, event) ~ group, data = d))
      logrank <- list(chisq = sd$chisq, df = sum(sd$exp > 0) - 1, p = sd$pvalue,
                      observed = num(sd$obs), expected = num(sd$exp))
    } else {
      fit <- survfit(Surv(time, event) ~ 1, data = d, conf.type = cs$type, conf.int = cs$level)
      groups <- list(curve_json(fit, NULL, at_times[[name]], nrow(d), sum(d$event)))
      logrank <- NA  # no test with one group; NA is written as JSON null
    }
    rfit <- survfit(Surv(time, 1 - event) ~ 1, data = d, conf.type = cs$type, conf.int = cs$level)
    rq <- quantile(rfit, 0.5)
    list(conf_type = cs$type, conf_level = cs$level, n_excluded = n_excluded,
         median_followup = list(median = num(rq$quantile), lower = num(rq$lower), upper = num(rq$upper)),
         groups = groups, logrank = logrank)
  })

  out <- list(dataset = file, has_group = has_group, at = at_times[[name]], fits = fits)
  jsonlite::write_json(out, file.path(ref_dir, paste0("km_", name, ".json")),
                       digits = NA, auto_unbox = TRUE, pretty = TRUE, na = "null")
}
cat("wrote", length(at_times), "reference files\n")
