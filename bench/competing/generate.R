# Writes bench/out/competing_100k.csv: 100,000 synthetic patients (fixed seed) for the cif / Fine-Gray timings.
set.seed(20260504)
n <- as.integer(Sys.getenv("BENCH_N", "100000"))
age <- round(rnorm(n, 60, 12), 1)
grade3 <- rbinom(n, 1, 0.45)
size <- round(rexp(n, 1 / 7), 1)
group <- sample(c("A", "B", "C"), n, replace = TRUE)
lp <- 0.02 * (age - 60) + 0.7 * grade3 + 0.05 * size
t1 <- rexp(n, 0.03 * exp(lp)); t2 <- rexp(n, 0.02); t3 <- rexp(n, 0.01); cens <- runif(n, 6, 120)
time <- pmin(t1, t2, t3, cens)
status <- ifelse(time == cens, 0, ifelse(time == t1, 1, ifelse(time == t2, 2, 3)))
dir.create("../out", showWarnings = FALSE)
write.csv(data.frame(time = round(time, 2), status, group, age, grade3, size),
          sprintf("../out/competing_%s.csv", if (n == 100000) "100k" else n), row.names = FALSE, quote = FALSE)
