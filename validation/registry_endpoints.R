# Reference endpoints and covariates for the registry's one endpoint engine (Sarc.Registry.Endpoints), computed
# independently in R from the long format (data/registry_long: patients, surgeries, radiotherapy, systemic, events,
# followup; 500 synthetic patients from Sarc.Testing.SyntheticLongRegistry, seed 20261123). Rules of docs/formats.md:
# origin = the primary surgery; months = days / 30.4375; last contact = the latest date of any follow-up contact, event,
# surgery, radiotherapy or systemic therapy date; metastatic at diagnosis = the flag, or a distant metastasis on or
# before the primary surgery (no DFS, DMFS, dm-cr or multistate path); "after the surgery" is strictly after its date.
# Writes reference/registry_endpoints.json.
library(jsonlite)

read <- function(name) read.csv(file.path("data/registry_long", paste0(name, ".csv")), colClasses = "character", na.strings = "")
p <- read("patients"); su <- read("surgeries"); rt <- read("radiotherapy"); sy <- read("systemic"); ev <- read("events"); fu <- read("followup")
day <- function(x) as.numeric(as.Date(x))
dpm <- 30.4375
ids <- p$patient_id
by <- function(frame, value, f) {
  out <- rep(NA_real_, length(ids))
  if (nrow(frame) == 0) return(out)
  agg <- tapply(value, frame$patient_id, function(v) if (all(is.na(v))) NA_real_ else f(v, na.rm = TRUE))
  out[match(names(agg), ids)] <- agg
  out
}
first_of <- function(frame, value) by(frame, value, min)

s <- first_of(su[su$kind == "primary", ], day(su$date[su$kind == "primary"]))
birth <- day(p$birth_date)
last <- pmax(s,
  by(fu, day(fu$date), max), by(ev, day(ev$date), max), by(su, day(su$date), max),
  by(rt, day(rt$start_date), max), by(rt, day(rt$end_date), max), by(sy, day(sy$start_date), max), by(sy, day(sy$end_date), max),
  na.rm = TRUE)
lrs <- ev[ev$kind == "local_recurrence", ]; dms <- ev[ev$kind == "distant_metastasis", ]; dts <- ev[ev$kind == "death", ]
death <- first_of(dts, day(dts$date))
lr <- first_of(lrs, day(lrs$date))
dm_first <- first_of(dms, day(dms$date))
s_of <- function(frame) s[match(frame$patient_id, ids)]
dm_after <- first_of(dms, ifelse(day(dms$date) > s_of(dms), day(dms$date), NA))
m1 <- (!is.na(p$metastatic_at_diagnosis) & p$metastatic_at_diagnosis == "yes") | (!is.na(dm_first) & dm_first <= s)
dead <- !is.na(death)
relapse <- pmin(lr, dm_after, na.rm = TRUE)
m <- function(from, to) (to - from) / dpm

single <- function(keep, origin, at, status = 1L) {
  hit <- !is.na(at)
  list(patient_id = ids[keep], time = m(origin, ifelse(hit, at, last))[keep], event = ifelse(hit, status, 0L)[keep])
}
cr <- function(keep, at) {
  st <- ifelse(!is.na(at), 1L, ifelse(dead, 2L, 0L))
  list(patient_id = ids[keep], time = m(s, ifelse(st == 1L, at, ifelse(st == 2L, death, last)))[keep], status = st[keep])
}
all <- rep(TRUE, length(ids))
os <- single(all, s, death)
dfs <- single(!m1, s, pmin(relapse, death, na.rm = TRUE))
lrfs <- single(all, s, lr)
dmfs <- single(!m1, s, dm_after)
pfs <- single(all, s, pmin(relapse, death, na.rm = TRUE))
lrcr <- cr(all, lr)
dmcr <- cr(!m1, dm_after)

k <- !is.na(relapse)
rtype <- ifelse(!is.na(lr) & !is.na(dm_after) & lr == relapse & dm_after == relapse, "lr+dm", ifelse(!is.na(lr) & lr == relapse, "lr", "dm"))
prel <- single(k, relapse, death)
prel$relapse_type <- rtype[k]; prel$relapse_months <- m(s, relapse)[k]

pms <- su[su$kind == "metastasectomy", ]
pm <- first_of(pms, day(pms$date))
pm_of <- function(frame) pm[match(frame$patient_id, ids)]
after_pm <- function(frame) first_of(frame, ifelse(day(frame$date) > pm_of(frame), day(frame$date), NA))
kp <- !is.na(pm)
pmdfs <- single(kp, pm, pmin(after_pm(lrs), after_pm(dms), death, na.rm = TRUE))
pmos <- single(kp, pm, death)

# Systemic therapy-free survival: the first line starting after the primary surgery, or death; none for a patient with
# a line of adjuvant intent.
adjuvant <- ids %in% sy$patient_id[!is.na(sy$intent) & sy$intent == "adjuvant"]
next_line <- first_of(sy, ifelse(day(sy$start_date) > s_of(sy), day(sy$start_date), NA))
stfs <- single(!adjuvant, s, pmin(next_line, death, na.rm = TRUE))

# Multistate entry -> lr -> dm -> death with the first LR and first DM: an LR counts only strictly before DM and death, a
# DM only strictly before death (same-day events go straight to the furthest state). Every path starts in entry: a
# patient metastatic at diagnosis, or whose first event is on the day of surgery (or whose follow-up ends that day), has
# no interval. from = state during the interval, event = state entered at stop, "" = censored.
ms <- list(patient_id = character(), start = numeric(), stop = numeric(), from = character(), event = character())
for (i in seq_along(ids)) {
  if (m1[i]) next
  tl <- lr[i] - s[i]; td <- dm_after[i] - s[i]; tx <- death[i] - s[i]
  lr_in <- !is.na(tl) && (is.na(td) || tl < td) && (is.na(tx) || tl < tx)
  dm_in <- !is.na(td) && (is.na(tx) || td < tx)
  states <- c("entry", if (lr_in) "lr", if (dm_in) "dm", if (!is.na(tx)) "death")
  times <- c(0, if (lr_in) tl, if (dm_in) td, if (!is.na(tx)) tx)
  n <- length(states)
  if (n > 1 && times[2] == 0) next
  if (n == 1 && last[i] - s[i] <= 0) next
  for (j in seq_along(states)[-1]) {
    ms$patient_id <- c(ms$patient_id, ids[i]); ms$start <- c(ms$start, times[j - 1] / dpm)
    ms$stop <- c(ms$stop, times[j] / dpm); ms$from <- c(ms$from, states[j - 1]); ms$event <- c(ms$event, states[j])
  }
  if (states[n] != "death" && (last[i] - s[i]) > times[n]) {
    ms$patient_id <- c(ms$patient_id, ids[i]); ms$start <- c(ms$start, times[n] / dpm)
    ms$stop <- c(ms$stop, (last[i] - s[i]) / dpm); ms$from <- c(ms$from, states[n]); ms$event <- c(ms$event, "")
  }
}

# Covariates. The primary course: the first course not aimed at a metastasis, courses ordered by start date (unknown
# first), then setting (neoadjuvant, adjuvant, definitive, palliative; unknown first), then the other cells as text.
size <- as.numeric(p$size_cm)
staged <- p$site %in% c("extremity_lower", "extremity_upper", "trunk", "retroperitoneum")
tcat <- ifelse(p$site == "visceral", NA,
  ifelse(is.na(size), "TX",
    ifelse(p$site == "head_neck", ifelse(size <= 2, "T1", ifelse(size <= 4, "T2", "T3")),
      ifelse(size <= 5, "T1", ifelse(size <= 10, "T2", ifelse(size <= 15, "T3", "T4"))))))
low <- p$grade %in% c("1", "X")
stage <- ifelse(!staged, NA, ifelse(m1, "IV", ifelse(is.na(size), NA,
  ifelse(low, ifelse(tcat == "T1", "IA", "IB"), ifelse(tcat == "T1", "II", ifelse(tcat == "T2", "IIIA", "IIIB"))))))
blank <- function(x) ifelse(is.na(x), "", x)
prim <- rt[is.na(rt$target) | rt$target != "metastasis", ]
setting_rank <- match(prim$setting, c("neoadjuvant", "adjuvant", "definitive", "palliative"), nomatch = 0)
prim <- prim[order(prim$patient_id, blank(prim$start_date), setting_rank, blank(prim$target), prim$dose_gy, prim$fractions,
  blank(prim$end_date), blank(prim$late_toxicity_grade), method = "radix"), ]
prim <- prim[!duplicated(prim$patient_id), ]
pc <- match(ids, prim$patient_id)
dose <- as.numeric(prim$dose_gy[pc]); fx <- as.numeric(prim$fractions[pc])
primary <- su[su$kind == "primary", ][match(ids, su$patient_id[su$kind == "primary"]), ]
tox <- by(rt, as.numeric(rt$late_toxicity_grade), max)
n_of <- function(frame) { out <- rep(0, length(ids)); t <- table(frame$patient_id); out[match(names(t), ids)] <- t; out }
resections <- su[su$kind %in% c("recurrence_resection", "metastasectomy"), ]
resected_after <- by(resections, ifelse(day(resections$date) >= relapse[match(resections$patient_id, ids)], 1, 0), max)
pm_row <- pms[order(pms$patient_id, pms$date, method = "radix"), ]; pm_row <- pm_row[match(ids, pm_row$patient_id), ]
periop <- by(sy, ifelse(!is.na(sy$intent) & sy$intent == "perioperative" | abs(day(sy$start_date) - pm[match(sy$patient_id, ids)]) <= 90, 1, 0), max)
covariates <- list(
  patient_id = ids, age = (s - birth) / 365.25, surgery_year = as.integer(format(as.Date(s, origin = "1970-01-01"), "%Y")), ajcc_t = tcat, ajcc_stage = stage,
  eqd2 = dose * (1 + dose / fx / 4) / (1 + 2 / 4),
  rt_to_surgery_days = s - day(prim$end_date[pc]),
  metastatic_at_diagnosis = as.integer(m1), lr = as.integer(!is.na(lr)), dm = as.integer(!is.na(dm_after)), death = as.integer(dead),
  relapse = as.integer(k), relapse_gt12 = ifelse(k, as.integer(m(s, relapse) > 12), NA),
  n_lr = n_of(lrs), n_metastasectomies = n_of(pms), systemic_any = as.integer(n_of(sy) > 0),
  wound_complication = ifelse(is.na(primary$wound_complication), NA, as.integer(primary$wound_complication == "yes")),
  late_toxicity_grade = tox,
  relapse_resected = ifelse(k, ifelse(is.na(resected_after), 0, resected_after), NA),
  tfi_months = m(s, dm_first),
  pm_lesions = as.numeric(pm_row$lesions), pm_max_lesion_cm = as.numeric(pm_row$max_lesion_cm),
  pm_clavien_major = ifelse(is.na(pm_row$clavien_dindo), NA, as.integer(pm_row$clavien_dindo %in% c("IIIa", "IIIb", "IVa", "IVb", "V"))),
  pm_systemic = ifelse(kp, ifelse(is.na(periop), 0, periop), NA))

# The multistate data must be accepted by survival's multi-state survfit as sarc multistate reads it (everyone starts in
# entry, no zero-length or overlapping intervals); its occupancy probabilities at a few times are the reference.
library(survival)
msf <- data.frame(ms)
fit <- survfit(Surv(start, stop, factor(event, c("", "lr", "dm", "death"))) ~ 1, data = msf, id = patient_id)
ms_at <- c(12, 60, 120)
ms_sum <- summary(fit, times = ms_at)
osfit <- survfit(Surv(os$time, os$event) ~ 1)

out <- list(os = os, dfs = dfs, lrfs = lrfs, dmfs = dmfs, pfs = pfs, "lr-cr" = lrcr, "dm-cr" = dmcr, "post-relapse-os" = prel,
            "pm-dfs" = pmdfs, "pm-os" = pmos, stfs = stfs, multistate = ms, covariates = covariates,
            checks = list(multistate_states = fit$states, multistate_at = ms_at,
                          multistate_pstate = ms_sum$pstate, multistate_std_err = ms_sum$std.err, os_median = unname(summary(osfit)$table["median"])))
dir.create("reference", showWarnings = FALSE)
write_json(out, "reference/registry_endpoints.json", digits = NA, auto_unbox = TRUE, pretty = TRUE, na = "null")
