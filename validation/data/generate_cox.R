# Generates the synthetic datasets of the Cox validation (fixed seeds); run once, the CSVs are committed.
# Rscript validation/data/generate_cox.R   (from the repository root or from validation/)
if (dir.exists("validation")) setwd("validation")
set.seed(20261123)
n <- 300
age <- round(rnorm(n, 58, 14))
size <- round(rlnorm(n, log(6), 0.6), 1)
grade <- sample(1:3, n, replace = TRUE, prob = c(0.25, 0.35, 0.4))
depth <- sample(c("deep", "superficial"), n, replace = TRUE, prob = c(0.7, 0.3))
histology <- sample(c("LMS", "SyS", "UPS", "LPS"), n, replace = TRUE)
site <- sample(c("extremity", "trunk", "retroperitoneum"), n, replace = TRUE, prob = c(0.6, 0.25, 0.15))
lin <- 0.02 * (age - 58) + 0.08 * size + 0.5 * (grade == 2) + 1.1 * (grade == 3) - 0.4 * (depth == "superficial") +
  0.3 * (histology == "UPS")
t_event <- rexp(n, 0.01 * exp(lin))
t_cens <- runif(n, 12, 120)
# Rounded to whole months: many tied event times, as registry data have.
time <- pmax(1, round(pmin(t_event, t_cens)))
status <- as.integer(t_event <= t_cens)
age[sample(n, 6)] <- NA
histology[sample(n, 4)] <- NA
sarcoma <- data.frame(id = 1:n, time, status, age, size, grade, depth, histology, site)
write.csv(sarcoma, "data/cox_sarcoma.csv", row.names = FALSE, na = "", quote = FALSE)

# Counting-process data: local recurrence (lr) switches on at its date; death is the event.
set.seed(4242)
m <- 200
rows <- list()
for (i in 1:m) {
  a <- round(rnorm(1, 60, 12))
  g3 <- rbinom(1, 1, 0.4)
  t_lr <- rexp(1, 0.03)
  t_death0 <- rexp(1, 0.012 * exp(0.5 * g3 + 0.02 * (a - 60)))
  t_cens <- runif(1, 20, 100)
  if (t_lr < min(t_death0, t_cens)) {
    # after LR the hazard of death is higher: redraw residual time with HR 2.5
    t_death <- t_lr + rexp(1, 0.012 * 2.5 * exp(0.5 * g3 + 0.02 * (a - 60)))
    end <- round(min(t_death, t_cens), 1)
    lr_at <- round(t_lr, 1)
    if (lr_at <= 0) lr_at <- 0.1
    if (end <= lr_at) end <- lr_at + 0.1
    rows[[length(rows) + 1]] <- data.frame(id = i, start = 0, stop = lr_at, death = 0, lr = 0, age = a, grade3 = g3)
    rows[[length(rows) + 1]] <- data.frame(id = i, start = lr_at, stop = end, death = as.integer(t_death <= t_cens), lr = 1, age = a, grade3 = g3)
  } else {
    end <- round(min(t_death0, t_cens), 1)
    if (end <= 0) end <- 0.1
    rows[[length(rows) + 1]] <- data.frame(id = i, start = 0, stop = end, death = as.integer(t_death0 <= t_cens), lr = 0, age = a, grade3 = g3)
  }
}
counting <- do.call(rbind, rows)
write.csv(counting, "data/cox_counting.csv", row.names = FALSE, quote = FALSE)

# A perfect separator: every patient with marker = 1 dies before every patient with marker = 0.
set.seed(7)
k <- 40
marker <- rep(0:1, each = k / 2)
time <- ifelse(marker == 1, round(runif(k, 1, 10), 1), round(runif(k, 11, 30), 1))
status <- ifelse(marker == 1, 1L, rbinom(k, 1, 0.5))
age <- round(rnorm(k, 60, 10))
write.csv(data.frame(time, status, marker, age), "data/cox_separation.csv", row.names = FALSE, quote = FALSE)
