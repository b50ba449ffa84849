# Reference values for `sarc cox --transition FROM:TO` (Sarc.Data.Models.TransitionData + Cox): the transition-specific
# Cox models of seed 003's multistate model, fitted in R on the intervals spent in FROM with event = "moved to TO".
# Data: validation/data/multistate_paths.csv (written by multistate.R) plus a covariate per patient, written here to
# validation/data/cox_transition.csv. Run from the repository root: Rscript validation/cox_transition.R
suppressPackageStartupMessages({ library(survival); library(jsonlite) })
d <- read.csv(file.path("validation", "data", "multistate_paths.csv"), na.strings = c("NA", ""), stringsAsFactors = FALSE)
set.seed(3003)
grades <- data.frame(id = unique(d$id), high_grade = rbinom(length(unique(d$id)), 1, 0.5),
                     size_cm = round(runif(length(unique(d$id)), 2, 20), 1))
d <- merge(d, grades, by = "id", sort = FALSE)
d <- d[order(d$id, d$start), ]
write.csv(d, file.path("validation", "data", "cox_transition.csv"), row.names = FALSE, na = "")
from_state <- unlist(lapply(split(d, d$id)[as.character(unique(d$id))], function(p) c("entry", head(p$event, -1))))
d$from <- from_state
fit_transition <- function(from, to) {
  s <- d[d$from == from, ]
  s$moved <- as.integer(!is.na(s$event) & s$event == to)
  fit <- coxph(Surv(start, stop, moved) ~ high_grade + size_cm, data = s)
  sm <- summary(fit)
  list(transition = paste0(from, ":", to), n = fit$n, events = fit$nevent,
       coef = unname(coef(fit)), se = unname(sqrt(diag(vcov(fit)))), p = unname(sm$coefficients[, "Pr(>|z|)"]),
       loglik = fit$loglik[2], terms = names(coef(fit)))
}
transitions <- list(c("entry", "LR"), c("entry", "DM"), c("LR", "DM"), c("LR", "death"), c("DM", "death"))
out <- lapply(transitions, function(t) fit_transition(t[1], t[2]))
write_json(out, file.path("validation", "reference", "cox_transition.json"), digits = NA, auto_unbox = TRUE, pretty = TRUE, na = "null")
