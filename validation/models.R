# Reference values for Sarc's prediction models (sarc model fit | apply | validate | recalibrate | decision | nomogram).
# Rscript validation/models.R (from the repository root, or run-all.sh from validation/) -> validation/reference/models.json
# Data: validation/data/models_dev.csv (development) and models_ext.csv (external), made by data/generate_models.R.
# R 4.2 with survival 3.5, rms 6.5 (Hmisc 4.8), riskRegression 2022.11.28, prodlim, cmprsk, jsonlite.
suppressPackageStartupMessages({
  library(rms); library(riskRegression); library(prodlim); library(cmprsk); library(jsonlite)
})
if (dir.exists("validation")) setwd("validation")
dev <- read.csv("data/models_dev.csv", na.strings = c("", "NA"))
ext <- read.csv("data/models_ext.csv", na.strings = c("", "NA"))
times <- c(24, 60, 120)
out <- list()

# --- 1. Knots and basis: Hmisc's rcspline.eval, which rms::rcs calls with inclx = TRUE ----------------------------
knot_case <- function(name, x, nk = NULL, knots = NULL) {
  warned <- FALSE
  k <- withCallingHandlers(
    if (is.null(knots)) rcspline.eval(x, nk = nk, knots.only = TRUE) else sort(unique(knots)),
    warning = function(w) { warned <<- TRUE; invokeRestart("muffleWarning") })
  at <- sort(unique(c(quantile(x, c(0, 0.1, 0.33, 0.5, 0.77, 0.9, 1), na.rm = TRUE), min(x, na.rm = TRUE) - 5,
                      max(x, na.rm = TRUE) + 5, k)))
  basis <- rcspline.eval(at, knots = k, inclx = TRUE)
  list(name = name, x = x, nk = if (is.null(nk)) length(knots) else nk, explicit = !is.null(knots),
       knots = unname(k), warning = warned, at = at, basis = unname(basis))
}
set.seed(7)
zeros <- c(rep(0, 40), round(rexp(160, 0.2), 1))            # 20 % at the minimum: the fractied rule
capped <- c(round(runif(150, 0, 90)), rep(90, 30))           # 17 % at the maximum
few <- rep(1:7, 12)                                          # 7 distinct values: nk reduced to the interior values
small <- dev$age[1:60]                                       # < 100 values: outer knots at the 5th smallest/largest
both <- c(rep(1, 20), round(runif(60, 1, 10), 2), rep(10, 20))
out$knots <- list(
  knot_case("age3", dev$age, 3), knot_case("age4", dev$age, 4), knot_case("age5", dev$age, 5),
  knot_case("age6", dev$age, 6), knot_case("age7", dev$age, 7),
  knot_case("size3", dev$size_cm, 3), knot_case("size4", dev$size_cm, 4), knot_case("size5", dev$size_cm, 5),
  knot_case("small4", small, 4), knot_case("small5", small, 5),
  knot_case("zeros4", zeros, 4), knot_case("capped5", capped, 5), knot_case("both5", both, 5),
  knot_case("few5", few, 5), knot_case("few6", few, 6),
  knot_case("explicit", dev$age, knots = c(70, 30, 50)))

# --- 2. Cox model with splines: coxph on rms's basis (= cph fully converged) ----------------------------------------
kage <- rcspline.eval(dev$age, nk = 4, knots.only = TRUE)    # knots from every non-missing age, as model.frame does
ksize <- rcspline.eval(dev$size_cm, nk = 3, knots.only = TRUE)
dev$gradef <- factor(dev$grade); ext$gradef <- factor(ext$grade, levels = levels(dev$gradef))
cox <- coxph(Surv(os_months, death) ~ rcs(age, kage) + rcs(size_cm, ksize) + gradef + histology, data = dev)
cphfit <- cph(Surv(os_months, death) ~ rcs(age, 4) + rcs(size_cm, 3) + gradef + histology, data = dev,
              x = TRUE, y = TRUE, surv = TRUE, eps = 1e-9, iter.max = 30)
stopifnot(max(abs(coef(cphfit) - coef(cox))) < 1e-10, all.equal(unname(cphfit$Design$parms$age), kage))
base <- summary(survfit(cox), times = times)
out$cox <- list(
  data = "models_dev", formula = "Surv(os_months, death) ~ rcs(age, 4) + rcs(size_cm, 3) + factor(grade) + histology",
  times = times, n = cox$n, events = cox$nevent, n_excluded = length(cox$na.action),
  knots = list(age = kage, size_cm = ksize), coef = unname(coef(cox)), se = unname(sqrt(diag(cox$var))),
  cph_default_eps_coef = unname(coef(cph(Surv(os_months, death) ~ rcs(age, 4) + rcs(size_cm, 3) + gradef + histology,
                                          data = dev))),
  means = unname(cox$means), centre = sum(cox$means * coef(cox)),
  baseline_cumhaz = base$cumhaz, baseline_surv = base$surv,
  lp_range = range(cox$linear.predictors), loglik = cox$loglik)

# apply: predict(type = "lp") and survfit(fit, newdata) on the external cohort (every row complete there)
sf <- survfit(cox, newdata = ext)
surv_ext <- summary(sf, times = times, extend = TRUE)$surv        # times x patients
lp_ext <- unname(predict(cox, newdata = ext, type = "lp"))
out$cox_apply <- list(data = "models_ext", lp = lp_ext, surv = lapply(seq_along(times), function(j) unname(surv_ext[j, ])))

# --- 3. Fine-Gray model with splines: crr on the same basis, predict.crr -------------------------------------------
cc <- !is.na(dev$grade) & !is.na(dev$size_cm)
fgx <- function(d) {
  m <- model.matrix(~ rcs(age, kage) + rcs(size_cm, ksize) + gradef + histology, data = d)
  m[, -1, drop = FALSE]
}
fg <- crr(dev$dm_months[cc], dev$dm_status[cc], fgx(dev[cc, ]), failcode = 1, cencode = 0, gtol = 1e-9, maxiter = 100)
cumsub <- function(fit, t) sapply(t, function(s) sum(fit$bfitj[fit$uftime <= s]))
pc <- predict(fg, cov1 = fgx(ext))
cif_at <- function(p, t) sapply(t, function(s) { r <- max(which(p[, 1] <= s)); p[r, -1] })
cif_ext <- cif_at(pc, times)                                       # patients x times
out$finegray <- list(
  data = "models_dev", formula = "Surv(dm_months, dm_status) ~ rcs(age, 4) + rcs(size_cm, 3) + factor(grade) + histology",
  cause = 1, times = times, n = fg$n, events = sum(dev$dm_status[cc] == 1), coef = unname(fg$coef),
  baseline_cumsubhaz = cumsub(fg, times))
out$finegray_apply <- list(data = "models_ext", lp = unname(c(fgx(ext) %*% fg$coef)),
                           cif = lapply(seq_along(times), function(j) unname(cif_ext[, j])))

# --- 4. Validation metrics on the external cohort ------------------------------------------------------------------
decile <- function(p) floor(10 * (rank(p, ties.method = "first") - 1) / length(p)) + 1
cll <- function(p) log(-log(1 - p))
km_risk <- function(time, status, t) {
  s <- summary(survfit(Surv(time, status) ~ 1), times = t, extend = TRUE)
  c(risk = 1 - s$surv, lower = 1 - s$upper, upper = 1 - s$lower)
}
aj_risk <- function(time, status, cause, t) {
  ci <- cuminc(time, status, cencode = 0)
  # timepoints() is NA after the last follow-up; the curve is carried on there, as survfit's summary(extend = TRUE).
  tp <- timepoints(ci, min(t, max(time)))
  key <- paste("1", cause)
  est <- unname(tp$est[key, 1]); v <- unname(tp$var[key, 1])
  se <- sqrt(v) / (est * abs(log(est)))                            # log(-log) interval, as prodlim
  c(risk = est, lower = est^exp(qnorm(0.975) * se), upper = est^exp(-qnorm(0.975) * se))
}
validate_cox <- function(risk, lp, d, t) {
  y <- Surv(d$os_months, d$death)
  sc <- Score(list(model = risk), formula = Surv(os_months, death) ~ 1, data = d, times = t,
              metrics = c("auc", "brier"), summary = "ipa", se.fit = FALSE)
  g <- decile(risk)
  groups <- lapply(1:10, function(k) {
    i <- g == k
    r <- km_risk(d$os_months[i], d$death[i], t)
    list(n = sum(i), events = sum(d$death[i] == 1 & d$os_months[i] <= t), predicted = mean(risk[i]),
         observed = unname(r["risk"]), lower = unname(r["lower"]), upper = unname(r["upper"]))
  })
  # Smooth curve (Austin, Harrell & van Klaveren 2020): Cox of the outcome on rcs(cll(risk), 3), read at t.
  x <- cll(risk); kx <- rcspline.eval(x, nk = 3, knots.only = TRUE)
  cal <- coxph(y ~ rcs(x, kx))
  grid <- seq(quantile(risk, 0.01, type = 7), quantile(risk, 0.99, type = 7), length.out = 50)
  obs <- 1 - summary(survfit(cal, newdata = data.frame(x = cll(grid))), times = t, extend = TRUE)$surv[1, ]
  r <- km_risk(d$os_months, d$death, t)
  list(time = t,
       harrell = concordance(y ~ lp, reverse = TRUE)$concordance,
       uno = concordance(y ~ lp, reverse = TRUE, timewt = "n/G2", ymax = t)$concordance,
       auc = sc$AUC$score$AUC, brier = sc$Brier$score[model == "model"]$Brier,
       brier_null = sc$Brier$score[model == "Null model"]$Brier, ipa = sc$Brier$score[model == "model"]$IPA,
       observed = unname(r["risk"]), observed_lower = unname(r["lower"]), observed_upper = unname(r["upper"]),
       expected = mean(risk), deciles = groups, smooth_knots = kx, smooth_risk = grid, smooth_observed = unname(obs))
}
slope_fit <- coxph(Surv(os_months, death) ~ lp_ext, data = ext)
out$cox_validate <- list(
  data = "models_ext", slope = unname(coef(slope_fit)), slope_se = unname(sqrt(slope_fit$var[1, 1])),
  at = lapply(seq_along(times), function(j) validate_cox(1 - surv_ext[j, ], lp_ext, ext, times[j])))

validate_fg <- function(risk, d, t) {
  ext_h <- data.frame(time = d$dm_months, status = d$dm_status)
  sc <- Score(list(model = risk), formula = Hist(time, status) ~ 1, data = ext_h, times = t, cause = 1,
              metrics = c("auc", "brier"), summary = "ipa", se.fit = FALSE)
  g <- decile(risk)
  groups <- lapply(1:10, function(k) {
    i <- g == k
    r <- aj_risk(d$dm_months[i], d$dm_status[i], 1, t)
    list(n = sum(i), events = sum(d$dm_status[i] == 1 & d$dm_months[i] <= t), predicted = mean(risk[i]),
         observed = unname(r["risk"]), lower = unname(r["lower"]), upper = unname(r["upper"]))
  })
  x <- cll(risk); kx <- rcspline.eval(x, nk = 3, knots.only = TRUE)
  calx <- rcspline.eval(x, knots = kx, inclx = TRUE)
  cal <- crr(d$dm_months, d$dm_status, calx, failcode = 1, cencode = 0, gtol = 1e-9, maxiter = 100)
  grid <- seq(quantile(risk, 0.01, type = 7), quantile(risk, 0.99, type = 7), length.out = 50)
  gx <- rcspline.eval(cll(grid), knots = kx, inclx = TRUE)
  obs <- 1 - exp(-exp(c(gx %*% cal$coef)) * cumsub(cal, t))
  r <- aj_risk(d$dm_months, d$dm_status, 1, t)
  list(time = t, auc = sc$AUC$score$AUC, brier = sc$Brier$score[model == "model"]$Brier,
       brier_null = sc$Brier$score[model == "Null model"]$Brier, ipa = sc$Brier$score[model == "model"]$IPA,
       observed = unname(r["risk"]), observed_lower = unname(r["lower"]), observed_upper = unname(r["upper"]),
       expected = mean(risk), deciles = groups, smooth_knots = kx, smooth_risk = grid, smooth_observed = obs)
}
fg_lp <- out$finegray_apply$lp
fg_slope <- crr(ext$dm_months, ext$dm_status, matrix(fg_lp), failcode = 1, cencode = 0, gtol = 1e-9, maxiter = 100)
out$finegray_validate <- list(
  data = "models_ext", slope = unname(fg_slope$coef), slope_se = unname(sqrt(fg_slope$var[1, 1])),
  at = lapply(seq_along(times), function(j) validate_fg(cif_ext[, j], ext, times[j])))

# --- 5. Harrell's bootstrap (rms::validate) with the resamples it drew ---------------------------------------------
B <- 20
seed <- 20260611
set.seed(seed)
v <- rms::validate(cphfit, B = B)
set.seed(seed)
n_used <- nrow(cphfit$x)
indices <- t(sapply(1:B, function(b) sample(n_used, replace = TRUE)))
# The same method written out with those resamples must give validate's table (so the indices are the ones it used).
dxy <- function(lp, y) unname(dxy.cens(lp, y, type = "hazard")["Dxy"])
X <- cphfit$x; y <- cphfit$y
orig <- dxy(c(X %*% coef(cphfit)), y)
train <- test <- slope <- numeric(B)
for (b in 1:B) {
  i <- indices[b, ]
  f <- coxph.fit(X[i, ], y[i, ], strata = NULL, offset = NULL, init = NULL,
                 control = coxph.control(eps = 1e-4, iter.max = 10, toler.chol = 1e-9), weights = NULL,
                 method = "efron", rownames = NULL)
  lp <- c(X %*% f$coefficients)
  train[b] <- dxy(lp[i], y[i, ])
  test[b] <- dxy(lp, y)
  sf <- coxph.fit(matrix(lp), y, strata = NULL, offset = NULL, init = NULL,
                  control = coxph.control(eps = 1e-4, iter.max = 10), weights = NULL, method = "efron", rownames = NULL)
  slope[b] <- sf$coefficients
}
stopifnot(abs(v["Dxy", "index.orig"] - orig) < 1e-12, abs(v["Dxy", "test"] - mean(test)) < 1e-12,
          abs(v["Slope", "test"] - mean(slope)) < 1e-12)
tab <- function(row) as.list(v[row, c("index.orig", "training", "test", "optimism", "index.corrected", "n")])
out$bootstrap <- list(data = "models_dev", formula = out$cox$formula, B = B, seed = seed, n = n_used,
                      indices = indices, dxy = tab("Dxy"), slope = tab("Slope"))

# --- 6. Decision curves (Vickers 2008): net benefit with the risk above the threshold from KM / Aalen-Johansen ------
thresholds <- (1:99) / 100
net_benefit <- function(risk, time, status, t, cause = NULL) {
  observed <- function(i) {
    if (is.null(cause)) 1 - summary(survfit(Surv(time[i], status[i]) ~ 1), times = t, extend = TRUE)$surv
    else { tp <- timepoints(cuminc(time[i], status[i], cencode = 0), t)$est; v <- tp[paste("1", cause), 1]
           if (is.na(v)) { ci <- cuminc(time[i], status[i], cencode = 0)[[paste("1", cause)]]; v <- tail(ci$est, 1) }
           v }
  }
  all <- observed(rep(TRUE, length(risk)))
  model <- sapply(thresholds, function(pt) {
    above <- risk > pt
    p <- mean(above)
    if (p == 0) return(0)
    o <- observed(above)
    o * p - (1 - o) * p * pt / (1 - pt)
  })
  list(observed_all = all, net_benefit = model, treat_all = all - (1 - all) * thresholds / (1 - thresholds))
}
out$decision <- list(
  thresholds = thresholds,
  cox = c(list(time = 60), net_benefit(1 - surv_ext[2, ], ext$os_months, ext$death, 60)),
  finegray = c(list(time = 60), net_benefit(cif_ext[, 2], ext$dm_months, ext$dm_status, 60, cause = 1)))

# --- 7. Recalibration on the external cohort ---------------------------------------------------------------------
lpd <- data.frame(lp = lp_ext, os_months = ext$os_months, death = ext$death)
ri <- coxph(Surv(os_months, death) ~ offset(lp), data = lpd)
rs <- coxph(Surv(os_months, death) ~ lp, data = lpd)
base_at <- function(fit, lp) summary(survfit(fit, newdata = data.frame(lp = lp)), times = times, extend = TRUE)$cumhaz
fgi <- crr(ext$dm_months, ext$dm_status, matrix(fg_lp), failcode = 1, cencode = 0, init = 1, maxiter = 0)
out$recalibrate <- list(
  cox = list(intercept = list(baseline_cumhaz = c(base_at(ri, 0))),
             slope = list(slope = unname(coef(rs)), baseline_cumhaz = c(base_at(rs, 0)))),
  finegray = list(intercept = list(baseline_cumsubhaz = cumsub(fgi, times)),
                  slope = list(slope = unname(fg_slope$coef), baseline_cumsubhaz = cumsub(fg_slope, times))))

# --- 8. Nomogram (rms::nomogram) on the Cox model; datadist over the rows the model used ---------------------------
used <- dev[cc, ]
ddist <- datadist(used[, c("age", "size_cm", "gradef", "histology")])
options(datadist = "ddist")
nomfit <- cph(Surv(os_months, death) ~ rcs(age, kage) + rcs(size_cm, ksize) + gradef + histology, data = used,
              x = TRUE, y = TRUE, surv = TRUE, eps = 1e-9, iter.max = 30)
h60 <- out$cox$baseline_cumhaz[2]
centre_cox <- out$cox$centre
# cph centres its linear predictor at every column mean; coxph (and Sarc) leave 0/1 columns uncentred.
shift <- nomfit$center - centre_cox
s60 <- function(lp) exp(-h60 * exp(lp + shift))
probabilities <- c(0.99, 0.95, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1, 0.05, 0.01)
nom <- nomogram(nomfit, fun = s60, fun.at = probabilities, lp = TRUE, funlabel = "60-month survival")
# Sarc labels its lp axis on coxph's centring (what sarc model apply prints): the same ticks given to rms on its scale.
lp_at_sarc <- pretty(range(cox$linear.predictors), n = 10)
nom_sarc <- nomogram(nomfit, fun = s60, fun.at = probabilities, lp = TRUE, lp.at = lp_at_sarc - shift,
                     funlabel = "60-month survival")
axis <- function(a) list(values = if (is.numeric(a[[1]])) a[[1]] else as.character(a[[1]]), points = unname(a$points))
info <- attr(nom, "info")
out$nomogram <- list(
  time = 60, scale = info$sc, intercept = info$Intercept, cph_center = nomfit$center,
  variables = list(age = axis(nom$age), size_cm = axis(nom$size_cm), grade = axis(nom$gradef),
                   histology = axis(nom$histology)),
  total_points = nom$total.points$x, lp_at = nom$lp$x.real, lp_points = nom$lp$x,
  sarc_lp_at = lp_at_sarc, sarc_total_points = nom_sarc$total.points$x, sarc_lp_points = nom_sarc$lp$x,
  sarc_survival_at = nom_sarc[["60-month survival"]]$x.real,
  survival_at = nom[["60-month survival"]]$x.real, survival_points = nom[["60-month survival"]]$x,
  # The same positions by exact inversion of s60 (R interpolates on a grid of 1000 linear predictors).
  survival_points_exact = (log(-log(nom[["60-month survival"]]$x.real) / h60) - shift - info$Intercept) * info$sc)

# --- 9. pretty(), which places every nomogram axis --------------------------------------------------------------
ranges <- list(c(18, 92), c(0, 178.4), c(-1.2425, 1.1924), c(0.5, 44.3), c(-0.0031, 0.0029), c(0, 100),
               c(1, 3), c(0.3, 0.8), c(-3.7, -0.2), c(12345, 98765), c(5, 5), c(0.1, 0.1000001))
out$pretty <- lapply(ranges, function(r) list(low = r[1], high = r[2], n = 10, breaks = pretty(r, n = 10),
                                              breaks5 = pretty(r)))

out$r_version <- R.version.string
out$versions <- list(survival = as.character(packageVersion("survival")), rms = as.character(packageVersion("rms")),
                     Hmisc = as.character(packageVersion("Hmisc")),
                     riskRegression = as.character(packageVersion("riskRegression")),
                     cmprsk = as.character(packageVersion("cmprsk")))
write_json(out, "reference/models.json", digits = NA, auto_unbox = TRUE, pretty = FALSE, na = "null", matrix = "rowmajor")
