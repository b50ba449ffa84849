# Reference values for Sarc's Cox regression: survival::coxph, summary() and cox.zph() on the committed datasets.
# Rscript validation/cox.R (from the repository root, or run-all.sh from validation/) -> validation/reference/cox.json
# Data: validation/data/cox_*.csv, made by validation/data/generate_cox.R.
suppressPackageStartupMessages({ library(survival); library(jsonlite) })
if (dir.exists("validation")) setwd("validation")
sarcoma <- read.csv("data/cox_sarcoma.csv", na.strings = c("", "NA"))
counting <- read.csv("data/cox_counting.csv")
separation <- read.csv("data/cox_separation.csv")

models <- list(
  efron        = list(data = "cox_sarcoma", f = Surv(time, status) ~ age + size + factor(grade) + depth + histology, ties = "efron", zph = TRUE),
  breslow      = list(data = "cox_sarcoma", f = Surv(time, status) ~ age + size + factor(grade) + depth + histology, ties = "breslow", zph = TRUE),
  strata       = list(data = "cox_sarcoma", f = Surv(time, status) ~ age + depth + strata(site), ties = "efron", zph = TRUE),
  interaction  = list(data = "cox_sarcoma", f = Surv(time, status) ~ age * depth + size:factor(grade), ties = "efron", zph = TRUE),
  single       = list(data = "cox_sarcoma", f = Surv(time, status) ~ size, ties = "efron", zph = TRUE),
  counting     = list(data = "cox_counting", f = Surv(start, stop, death) ~ lr + age + grade3 + cluster(id), ties = "efron", zph = TRUE),
  counting_breslow = list(data = "cox_counting", f = Surv(start, stop, death) ~ lr + age + grade3 + cluster(id), ties = "breslow", zph = TRUE),
  cluster_right = list(data = "cox_sarcoma", f = Surv(time, status) ~ age + factor(grade) + cluster(site), ties = "efron", zph = FALSE),
  separation   = list(data = "cox_separation", f = Surv(time, status) ~ marker + age, ties = "efron", zph = FALSE)
)

out <- list()
for (name in names(models)) {
  m <- models[[name]]
  d <- get(sub("cox_", "", m$data))
  warn <- character(0)
  fit <- withCallingHandlers(coxph(m$f, data = d, ties = m$ties),
                             warning = function(w) { warn <<- c(warn, conditionMessage(w)); invokeRestart("muffleWarning") })
  s <- summary(fit)
  cf <- s$coefficients
  robust <- "robust se" %in% colnames(cf)
  df <- sum(!is.na(coef(fit)))
  r <- list(
    data = m$data, formula = paste(deparse(m$f), collapse = ""), ties = m$ties,
    n = fit$n, events = fit$nevent, n_excluded = length(fit$na.action),
    terms = names(coef(fit)),
    coef = unname(coef(fit)),
    se = unname(sqrt(diag(if (robust) fit$naive.var else fit$var))),
    robust_se = if (robust) unname(cf[, "robust se"]) else NULL,
    z = unname(cf[, "z"]), p = unname(cf[, "Pr(>|z|)"]),
    hr_lower = unname(s$conf.int[, "lower .95"]), hr_upper = unname(s$conf.int[, "upper .95"]),
    loglik = unname(fit$loglik),
    lr_test = list(chisq = 2 * diff(fit$loglik), df = df, p = pchisq(2 * diff(fit$loglik), df, lower.tail = FALSE)),
    wald_test = list(chisq = unname(fit$wald.test), df = df, p = pchisq(unname(fit$wald.test), df, lower.tail = FALSE)),
    score_test = list(chisq = unname(fit$score), df = df, p = pchisq(unname(fit$score), df, lower.tail = FALSE)),
    concordance = unname(fit$concordance["concordance"]),
    iterations = fit$iter,
    warnings = warn
  )
  if (m$zph) {
    z <- cox.zph(fit)
    tab <- z$table
    r$zph <- list(terms = rownames(tab)[-nrow(tab)],
                  chisq = unname(tab[-nrow(tab), "chisq"]), df = unname(tab[-nrow(tab), "df"]),
                  p = unname(tab[-nrow(tab), "p"]),
                  global = list(chisq = unname(tab[nrow(tab), "chisq"]), df = unname(tab[nrow(tab), "df"]),
                                p = unname(tab[nrow(tab), "p"])))
  }
  out[[name]] <- r
}
out$r_version <- R.version.string
out$survival_version <- as.character(packageVersion("survival"))
write_json(out, "reference/cox.json", digits = NA, auto_unbox = TRUE, pretty = TRUE, na = "null")
