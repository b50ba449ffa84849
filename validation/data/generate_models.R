# Generates the synthetic cohorts of the prediction-model validation (fixed seed); run once, the CSVs are committed.
# Rscript validation/data/generate_models.R   (from the repository root or from validation/)
# models_dev.csv: the development cohort (a model is fitted on it); models_ext.csv: an external cohort from another
# center, older patients with larger tumours (some beyond the development range), for external validation.
if (dir.exists("validation")) setwd("validation")
set.seed(20260611)
cohort <- function(n, age_mean, size_log_mean, censor_max) {
  age <- round(pmin(pmax(rnorm(n, age_mean, 15), 18), 92))
  size_cm <- round(rlnorm(n, size_log_mean, 0.65), 1)
  size_cm[size_cm < 0.5] <- 0.5
  grade <- sample(1:3, n, replace = TRUE, prob = c(0.2, 0.35, 0.45))
  histology <- sample(c("LPS", "LMS", "UPS", "MPNST", "SS"), n, replace = TRUE, prob = c(0.3, 0.2, 0.3, 0.1, 0.1))
  # A non-linear age effect (flat until 50, then rising) and a log effect of size: what splines are for.
  lin <- 0.035 * pmax(age - 50, 0) + 0.45 * log(size_cm) + 0.55 * (grade == 2) + 1.2 * (grade == 3) +
    0.35 * (histology == "UPS") + 0.4 * (histology == "MPNST") - 0.3 * (histology == "LPS")
  # Distant metastasis (cause 1) and death without it (cause 2) as competing risks; death is overall survival.
  t_dm <- rexp(n, 0.0012 * exp(lin))
  t_other <- rexp(n, 0.002 * exp(0.03 * (age - 60)))
  t_cens <- runif(n, 6, censor_max)
  t_death_after_dm <- t_dm + rexp(n, 0.04)
  first <- pmin(t_dm, t_other, t_cens)
  status <- ifelse(first == t_cens, 0L, ifelse(first == t_dm, 1L, 2L))
  death_time <- pmin(ifelse(status == 1, t_death_after_dm, ifelse(status == 2, t_other, Inf)), t_cens)
  # Follow-up recorded to a tenth of a month: tied times, as registry data have.
  data.frame(
    id = seq_len(n),
    age = age, size_cm = size_cm, grade = grade, histology = histology,
    os_months = pmax(0.1, round(death_time, 1)), death = as.integer(death_time < t_cens),
    dm_months = pmax(0.1, round(first, 1)), dm_status = status)
}
dev <- cohort(600, 58, log(7), 180)
ext <- cohort(400, 63, log(9), 150)
# Missing values in the development cohort: rows an analysis drops, but whose ages still count for the knots (R).
dev$grade[c(17, 123, 301)] <- NA
dev$size_cm[c(45, 250)] <- NA
write.csv(dev, "data/models_dev.csv", row.names = FALSE, na = "", quote = FALSE)
write.csv(ext, "data/models_ext.csv", row.names = FALSE, na = "", quote = FALSE)
