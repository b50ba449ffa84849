# Reference endpoints for the registry (Sarc.Registry.Endpoints.EndpointBuilder), computed independently in R from the
# flat template: origin = surgery, months = days / 30.4375, age = days / 365.25, EQD2 at alpha/beta 4, AJCC 8th T and
# stage (extremity/trunk/retroperitoneum, N0; a DM on or before surgery is M1). Writes reference/registry_endpoints.json.
library(jsonlite)

d <- read.csv("data/registry_synthetic.csv", colClasses = "character", na.strings = "")
day <- function(x) as.numeric(as.Date(x))
s <- day(d$surgery_date); lfu <- day(d$last_followup_date)
lr <- day(d$lr_date); dm <- day(d$dm_date); death <- day(d$death_date); birth <- day(d$birth_date)
m <- function(from, to) (to - from) / 30.4375
dead <- !is.na(death)

os <- list(patient_id = d$patient_id, time = m(s, ifelse(dead, death, lfu)), event = as.integer(dead))

first <- pmin(lr, dm, death, na.rm = TRUE)
dfs <- list(patient_id = d$patient_id, time = m(s, ifelse(is.na(first), lfu, first)), event = as.integer(!is.na(first)))

censor <- ifelse(dead, death, lfu)
lrfs <- list(patient_id = d$patient_id, time = m(s, ifelse(is.na(lr), censor, lr)), event = as.integer(!is.na(lr)))
dmfs <- list(patient_id = d$patient_id, time = m(s, ifelse(is.na(dm), censor, dm)), event = as.integer(!is.na(dm)))

crs <- ifelse(!is.na(lr), 1L, ifelse(dead, 2L, 0L))
lrcr <- list(patient_id = d$patient_id, time = m(s, ifelse(crs == 1L, lr, ifelse(crs == 2L, death, lfu))), status = crs)

rel <- pmin(lr, dm, na.rm = TRUE)
k <- !is.na(rel)
type <- ifelse(!is.na(lr) & !is.na(dm) & lr == rel & dm == rel, "lr+dm", ifelse(!is.na(lr) & lr == rel, "lr", "dm"))
prel <- list(patient_id = d$patient_id[k], time = m(rel[k], ifelse(dead, death, lfu)[k]), event = as.integer(dead[k]),
             relapse_type = type[k], relapse_months = m(s[k], rel[k]))

# Multistate entry -> lr -> dm -> death, progressive: an LR counts only strictly before DM and death, a DM only strictly
# before death (same-day events go straight to the furthest state). Every path starts in entry, so a patient whose first
# event is on the day of surgery (or with follow-up ending that day) has no interval. Columns as sarc multistate reads
# them: from = state during the interval, event = state entered at stop, "" = censored.
ms <- list(patient_id = character(), start = numeric(), stop = numeric(), from = character(), event = character())
for (i in seq_len(nrow(d))) {
  tl <- lr[i] - s[i]; td <- dm[i] - s[i]; tx <- death[i] - s[i]
  lr_in <- !is.na(tl) && (is.na(td) || tl < td) && (is.na(tx) || tl < tx)
  dm_in <- !is.na(td) && (is.na(tx) || td < tx)
  states <- c("entry", if (lr_in) "lr", if (dm_in) "dm", if (!is.na(tx)) "death")
  times <- c(0, if (lr_in) tl, if (dm_in) td, if (!is.na(tx)) tx)
  last <- length(states)
  if (last > 1 && times[2] == 0) next
  for (j in seq_along(states)[-1]) {
    ms$patient_id <- c(ms$patient_id, d$patient_id[i]); ms$start <- c(ms$start, times[j - 1] / 30.4375)
    ms$stop <- c(ms$stop, times[j] / 30.4375); ms$from <- c(ms$from, states[j - 1]); ms$event <- c(ms$event, states[j])
  }
  if (states[last] != "death" && (lfu[i] - s[i]) > times[last]) {
    ms$patient_id <- c(ms$patient_id, d$patient_id[i]); ms$start <- c(ms$start, times[last] / 30.4375)
    ms$stop <- c(ms$stop, (lfu[i] - s[i]) / 30.4375); ms$from <- c(ms$from, states[last]); ms$event <- c(ms$event, "")
  }
}

size <- as.numeric(d$size_cm)
staged <- d$site %in% c("extremity_lower", "extremity_upper", "trunk", "retroperitoneum")
tcat <- ifelse(d$site == "visceral", NA,
  ifelse(is.na(size), "TX",
    ifelse(d$site == "head_neck", ifelse(size <= 2, "T1", ifelse(size <= 4, "T2", "T3")),
      ifelse(size <= 5, "T1", ifelse(size <= 10, "T2", ifelse(size <= 15, "T3", "T4"))))))
low <- d$grade %in% c("1", "X")
# AJCC 8th with N0 assumed (no nodes in the template): a DM on or before the surgery is M1 -> stage IV.
m1 <- !is.na(dm) & dm <= s
stage <- ifelse(!staged, NA, ifelse(m1, "IV", ifelse(is.na(size), NA,
  ifelse(low, ifelse(tcat == "T1", "IA", "IB"),
    ifelse(tcat == "T1", "II", ifelse(tcat == "T2", "IIIA", "IIIB"))))))
dose <- as.numeric(d$rt_dose_gy); fx <- as.numeric(d$rt_fractions)
covariates <- list(patient_id = d$patient_id, age = (s - birth) / 365.25, ajcc_t = tcat, ajcc_stage = stage,
                   eqd2 = dose * (1 + dose / fx / 4) / (1 + 2 / 4))

# The multistate data must be accepted by survival's multi-state survfit as sarc multistate reads it (everyone starts in
# entry, no zero-length or overlapping intervals); its occupancy probabilities at a few times are the reference.
library(survival)
msf <- data.frame(ms)
fit <- survfit(Surv(start, stop, factor(event, c("", "lr", "dm", "death"))) ~ 1, data = msf, id = patient_id)
ms_at <- c(12, 60, 120)
ms_sum <- summary(fit, times = ms_at)
osfit <- survfit(Surv(os$time, os$event) ~ 1)

out <- list(os = os, dfs = dfs, lrfs = lrfs, dmfs = dmfs, "lr-cr" = lrcr, "post-relapse-os" = prel, multistate = ms,
            covariates = covariates,
            checks = list(multistate_states = fit$states, multistate_at = ms_at,
                          multistate_pstate = ms_sum$pstate, multistate_std_err = ms_sum$std.err, os_median = unname(summary(osfit)$table["median"])))
dir.create("reference", showWarnings = FALSE)
write_json(out, "reference/registry_endpoints.json", digits = NA, auto_unbox = TRUE, pretty = TRUE, na = "null")
