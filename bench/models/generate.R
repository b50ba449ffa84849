# Synthetic cohort for the prediction-model benchmark (fixed seed): 4 continuous predictors with non-linear effects
# (what rcs() is for), a 3-level grade, follow-up in months to one decimal. Rscript generate.R N out.csv
args <- commandArgs(trailingOnly = TRUE)
n <- as.integer(args[1])
set.seed(20260611 + n)
age <- round(pmin(pmax(rnorm(n, 58, 15), 18), 92))
size <- round(rlnorm(n, log(7), 0.65), 1)
necrosis <- round(runif(n, 0, 100))
bmi <- round(rnorm(n, 27, 5), 1)
grade <- sample(1:3, n, replace = TRUE, prob = c(0.2, 0.35, 0.45))
lin <- 0.035 * pmax(age - 50, 0) + 0.45 * log(size) + 0.004 * (necrosis - 50)^2 / 50 + 0.02 * abs(bmi - 25) +
  0.55 * (grade == 2) + 1.2 * (grade == 3)
t_event <- rexp(n, 0.002 * exp(lin))
t_cens <- runif(n, 6, 180)
write.csv(data.frame(age, size, necrosis, bmi, grade, time = pmax(0.1, round(pmin(t_event, t_cens), 1)),
                     status = as.integer(t_event <= t_cens)), args[2], row.names = FALSE, quote = FALSE)
