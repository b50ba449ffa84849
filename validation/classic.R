# Reference values for Sarc.Statistics.Hypothesis: the classic tests of a sarcoma paper's tables.
# Writes validation/data/classic_*.csv (synthetic, fixed seed) once, then reads them back and writes
# validation/reference/classic_*.json with every number at full precision. Run from the repository root:
#   Rscript validation/classic.R
suppressPackageStartupMessages(library(jsonlite))

data_dir <- "validation/data"
ref_dir <- "validation/reference"
dir.create(data_dir, showWarnings = FALSE, recursive = TRUE)
dir.create(ref_dir, showWarnings = FALSE, recursive = TRUE)

# jsonlite writes Inf as null; the C# Fixture reads the strings "Inf"/"-Inf", so keep infinities explicit.
num <- function(x) {
  x <- unname(x)
  out <- lapply(x, function(v) if (is.infinite(v)) (if (v > 0) "Inf" else "-Inf") else v)
  if (length(out) == 1) out[[1]] else out
}
write_ref <- function(x, name) {
  jsonlite::write_json(x, file.path(ref_dir, paste0(name, ".json")), digits = NA, auto_unbox = TRUE,
                       pretty = TRUE, na = "null")
}
quiet <- function(expr) suppressWarnings(expr)

# ---------------------------------------------------------------- 2 x 2 tables
tables_2x2 <- data.frame(
  name = c("seed000_local_recurrence", "seed000_distant_metastasis", "seed000_death", "seed000_smoking",
           "zero_a", "zero_d", "zero_b_and_c", "zero_row", "zero_column", "diagonal_1_1",
           "balanced_5", "large", "very_large", "one_sided_extreme", "yates_small_difference"),
  a = c(4, 15, 8, 15, 0, 5, 7, 0, 0, 1, 5, 120, 1500, 12, 10),
  b = c(28, 17, 24, 17, 10, 5, 0, 0, 5, 0, 5, 380, 8500, 0, 11),
  c = c(8, 8, 4, 7, 5, 10, 0, 5, 0, 0, 5, 95, 1300, 2, 10),
  d = c(24, 24, 28, 25, 5, 0, 9, 7, 7, 1, 5, 405, 8700, 14, 10))
write.csv(tables_2x2, file.path(data_dir, "classic_2x2.csv"), row.names = FALSE, quote = FALSE)
tables_2x2 <- read.csv(file.path(data_dir, "classic_2x2.csv"))

# Two-sided mid-p: P(tables strictly less probable than observed) + 1/2 P(tables as probable as observed),
# "as probable" with fisher.test's relative tolerance 1e-7.
mid_p <- function(a, b, c, d) {
  m <- a + c; n <- b + d; k <- a + b
  lo <- max(0, k - n); hi <- min(k, m)
  s <- lo:hi
  dens <- dhyper(s, m, n, k)
  d_obs <- dens[s == a]
  rel_err <- 1 + 1e-7
  less <- dens < d_obs / rel_err
  same <- !less & dens <= d_obs * rel_err
  sum(dens[less]) + 0.5 * sum(dens[same])
}

cases <- lapply(seq_len(nrow(tables_2x2)), function(i) {
  t <- tables_2x2[i, ]
  x <- matrix(c(t$a, t$b, t$c, t$d), 2, byrow = TRUE)
  f <- fisher.test(x)
  p <- quiet(chisq.test(x, correct = FALSE))
  y <- quiet(chisq.test(x, correct = TRUE))
  or <- (t$a * t$d) / (t$b * t$c)
  se <- sqrt(1 / t$a + 1 / t$b + 1 / t$c + 1 / t$d)
  z <- qnorm(0.975)
  list(name = t$name, counts = c(t$a, t$b, t$c, t$d),
       fisher_p = f$p.value, fisher_midp = mid_p(t$a, t$b, t$c, t$d),
       chisq = num(p$statistic), chisq_p = num(p$p.value),
       chisq_yates = num(y$statistic), chisq_yates_p = num(y$p.value),
       or = num(or), or_lower = num(exp(log(or) - z * se)), or_upper = num(exp(log(or) + z * se)),
       or_conditional = num(f$estimate), or_conditional_lower = num(f$conf.int[1]),
       or_conditional_upper = num(f$conf.int[2]))
})
write_ref(list(cases = cases), "classic_2x2")

# ---------------------------------------------------------------- r x c tables
rxc <- list(
  list(name = "two_by_three", nrow = 2, counts = c(3, 7, 12, 9, 4, 2)),
  list(name = "three_by_three", nrow = 3, counts = c(5, 2, 1, 3, 6, 2, 1, 2, 8)),
  list(name = "three_by_four", nrow = 3, counts = c(4, 2, 3, 1, 2, 5, 1, 3, 1, 2, 6, 4)),
  list(name = "three_by_four_larger", nrow = 3, counts = c(12, 8, 5, 3, 6, 11, 4, 7, 2, 5, 9, 10)),
  list(name = "symmetric_ties", nrow = 3, counts = c(2, 0, 1, 0, 2, 1, 1, 1, 2)),
  list(name = "two_by_two_via_rxc", nrow = 2, counts = c(15, 17, 7, 25)),
  list(name = "four_by_two", nrow = 4, counts = c(6, 1, 4, 3, 2, 5, 0, 7)),
  # Five levels both ways (more network levels), and a sparse 2 x 6 like a histology row of a Table 1.
  list(name = "five_by_five", nrow = 5, counts = c(3, 1, 0, 2, 1, 0, 4, 1, 1, 2, 1, 0, 5, 1, 0, 2, 1, 0, 3, 1, 0, 1, 2, 1, 4)),
  list(name = "two_by_six_sparse", nrow = 2, counts = c(5, 0, 3, 1, 7, 2, 9, 2, 1, 0, 11, 0)),
  # 200 patients in 3 x 4: beyond fisher.test's default workspace, so the reference uses a larger one.
  list(name = "three_by_four_two_hundred", nrow = 3, counts = c(20, 15, 10, 5, 12, 18, 14, 16, 25, 20, 30, 15)))
rxc_rows <- do.call(rbind, lapply(rxc, function(r) data.frame(name = r$name, nrow = r$nrow,
  counts = paste(r$counts, collapse = " "))))
write.csv(rxc_rows, file.path(data_dir, "classic_rxc.csv"), row.names = FALSE, quote = FALSE)
rxc_rows <- read.csv(file.path(data_dir, "classic_rxc.csv"))
rxc_cases <- lapply(seq_len(nrow(rxc_rows)), function(i) {
  counts <- as.numeric(strsplit(rxc_rows$counts[i], " ")[[1]])
  x <- matrix(counts, nrow = rxc_rows$nrow[i], byrow = TRUE)
  ch <- quiet(chisq.test(x, correct = FALSE))
  list(name = rxc_rows$name[i], nrow = nrow(x), ncol = ncol(x), counts = counts,
       chisq = num(ch$statistic), df = num(ch$parameter), chisq_p = num(ch$p.value),
       min_expected = min(ch$expected), fisher_p = fisher.test(x, workspace = 2e7)$p.value)
})
write_ref(list(cases = rxc_cases), "classic_rxc")

# ---------------------------------------------------------------- samples: t, Wilcoxon, Kruskal-Wallis
set.seed(20261123)
samples <- rbind(
  # t-tests: equal and unequal n, unequal variances.
  data.frame(case = "t_equal_n", group = rep(c("A", "B"), each = 10),
             value = round(c(rnorm(10, 50, 8), rnorm(10, 56, 8)), 2)),
  data.frame(case = "t_unequal_n", group = rep(c("A", "B"), c(8, 15)),
             value = round(c(rnorm(8, 20, 2), rnorm(15, 23, 6)), 2)),
  # Wilcoxon exact: small, no ties (values distinct by construction).
  data.frame(case = "wilcox_exact", group = rep(c("A", "B"), c(6, 9)),
             value = sample(seq(1.5, 40.5, by = 1.25), 15)),
  # Wilcoxon with ties: normal approximation with tie and continuity correction.
  data.frame(case = "wilcox_ties", group = rep(c("A", "B"), c(20, 25)),
             value = c(rpois(20, 6), rpois(25, 8))),
  # Wilcoxon n >= 50 in one group, no ties: normal approximation although no ties.
  data.frame(case = "wilcox_large", group = rep(c("A", "B"), c(55, 12)),
             value = sample(seq(0.01, 200, by = 0.01), 67) ),
  # Wilcoxon where the exact W lies above n.x n.y / 2 (the other tail of pwilcox).
  data.frame(case = "wilcox_exact_upper", group = rep(c("A", "B"), c(7, 5)),
             value = c(c(12.5, 15.25, 9.75, 18, 21.5, 14, 16.75), c(3.5, 8.25, 11, 6.5, 13.25))),
  # Kruskal-Wallis with ties, three groups.
  data.frame(case = "kruskal_ties", group = rep(c("G1", "G2", "G3"), c(12, 15, 10)),
             value = c(rpois(12, 4), rpois(15, 6), rpois(10, 5))),
  # Kruskal-Wallis, four groups, no ties.
  data.frame(case = "kruskal_four", group = rep(c("a", "b", "c", "d"), c(6, 7, 8, 5)),
             value = round(c(rnorm(6, 0), rnorm(7, 0.5), rnorm(8, 1), rnorm(5, 0.2)), 4)),
  # The exact/normal boundary: 49 vs 4 is exact, 50 vs 4 is not (no ties in either).
  data.frame(case = "wilcox_boundary_49", group = rep(c("A", "B"), c(49, 4)), value = c(1:49 * 1.5, c(20.25, 40.25, 60.25, 80.25))),
  data.frame(case = "wilcox_boundary_50", group = rep(c("A", "B"), c(50, 4)), value = c(1:50 * 1.5, c(20.25, 40.25, 60.25, 80.25))))
write.csv(samples, file.path(data_dir, "classic_samples.csv"), row.names = FALSE, quote = FALSE)
samples <- read.csv(file.path(data_dir, "classic_samples.csv"))

two_group <- function(case) {
  s <- samples[samples$case == case, ]
  list(x = s$value[s$group == sort(unique(s$group))[1]], y = s$value[s$group == sort(unique(s$group))[2]])
}
t_cases <- lapply(c("t_equal_n", "t_unequal_n", "wilcox_ties"), function(case) {
  g <- two_group(case)
  w <- t.test(g$x, g$y)
  s <- t.test(g$x, g$y, var.equal = TRUE)
  list(case = case,
       welch = list(t = num(w$statistic), df = num(w$parameter), p = w$p.value,
                    mean_x = num(w$estimate[1]), mean_y = num(w$estimate[2]), std_error = w$stderr,
                    lower = w$conf.int[1], upper = w$conf.int[2]),
       student = list(t = num(s$statistic), df = num(s$parameter), p = s$p.value,
                      mean_x = num(s$estimate[1]), mean_y = num(s$estimate[2]), std_error = s$stderr,
                      lower = s$conf.int[1], upper = s$conf.int[2]))
})
wilcox_cases <- lapply(c("wilcox_exact", "wilcox_ties", "wilcox_large", "wilcox_exact_upper", "t_equal_n",
                         "wilcox_boundary_49", "wilcox_boundary_50"),
  function(case) {
    g <- two_group(case)
    w <- quiet(wilcox.test(g$x, g$y))
    exact <- length(g$x) < 50 && length(g$y) < 50 && !any(duplicated(c(g$x, g$y)))
    list(case = case, w = num(w$statistic), p = w$p.value, exact = exact)
  })
kruskal_cases <- lapply(c("kruskal_ties", "kruskal_four", "wilcox_ties"), function(case) {
  s <- samples[samples$case == case, ]
  k <- kruskal.test(s$value, factor(s$group))
  list(case = case, statistic = num(k$statistic), df = num(k$parameter), p = k$p.value)
})
write_ref(list(t = t_cases, wilcox = wilcox_cases, kruskal = kruskal_cases), "classic_samples")

# ---------------------------------------------------------------- correlations (pairwise complete cases)
set.seed(7)
n <- 64
age <- round(rnorm(n, 58, 14))
necrosis <- pmin(100, pmax(0, round(60 + 0.2 * (age - 58) + rnorm(n, 0, 30))))
bmi <- round(rnorm(n, 28, 5), 1)
charlson <- rpois(n, 2)
size <- round(rlnorm(n, log(9), 0.5), 1)
bmi[c(3, 17, 40)] <- NA
necrosis[c(22, 51)] <- NA
pairs <- data.frame(necrosis, age, bmi, charlson, size)
write.csv(pairs, file.path(data_dir, "classic_correlation.csv"), row.names = FALSE, quote = FALSE, na = "")
pairs <- read.csv(file.path(data_dir, "classic_correlation.csv"))
cor_cases <- list()
for (y in c("age", "bmi", "charlson", "size")) {
  for (method in c("pearson", "spearman")) {
    ok <- complete.cases(pairs$necrosis, pairs[[y]])
    ct <- quiet(cor.test(pairs$necrosis[ok], pairs[[y]][ok], method = method, exact = FALSE))
    entry <- list(x = "necrosis", y = y, method = method, n = sum(ok), estimate = num(ct$estimate),
                  statistic = num(ct$statistic), p = ct$p.value)
    if (method == "pearson") {
      entry$df <- num(ct$parameter)
      entry$lower <- ct$conf.int[1]
      entry$upper <- ct$conf.int[2]
    }
    cor_cases[[length(cor_cases) + 1]] <- entry
  }
}
write_ref(list(cases = cor_cases), "classic_correlation")

# ---------------------------------------------------------------- Clopper-Pearson (binom.test)
binom_cases <- data.frame(x = c(0, 10, 15, 7, 1, 500, 3, 19), n = c(10, 10, 32, 32, 1000, 1000, 19, 19))
binom_out <- lapply(seq_len(nrow(binom_cases)), function(i) {
  b <- binom.test(binom_cases$x[i], binom_cases$n[i])
  b90 <- binom.test(binom_cases$x[i], binom_cases$n[i], conf.level = 0.9)
  list(x = binom_cases$x[i], n = binom_cases$n[i], estimate = num(b$estimate),
       lower = b$conf.int[1], upper = b$conf.int[2], lower90 = b90$conf.int[1], upper90 = b90$conf.int[2])
})
write_ref(list(cases = binom_out), "classic_binom")

# ---------------------------------------------------------------- a Table 1 as gtsummary would compute it
# gtsummary defaults: continuous -> wilcox.test (2 groups) / kruskal.test (more); categorical ->
# chisq.test(correct = FALSE) unless any expected count < 5, then fisher.test. Numeric with < 10 distinct
# values counts as categorical. Percentiles quantile(type = 2), median as median().
set.seed(64)
n <- 64
cohort <- data.frame(
  necrosis_group = rep(c("high", "low"), each = 32),
  age = round(rnorm(n, 60, 13)),
  bmi = round(rnorm(n, 28, 5), 1),
  smoking = sample(c("current", "former", "never"), n, replace = TRUE, prob = c(0.2, 0.2, 0.6)),
  histology = sample(c("LMS", "MFS", "UPS", "SyS", "LPS"), n, replace = TRUE, prob = c(0.3, 0.2, 0.3, 0.1, 0.1)),
  charlson = rpois(n, 1.5),
  sex = sample(c("female", "male"), n, replace = TRUE),
  stage = sample(c("I", "II", "III"), n, replace = TRUE))
cohort$bmi[c(5, 33, 60)] <- NA
cohort$smoking[c(12)] <- NA
write.csv(cohort, file.path(data_dir, "classic_table1.csv"), row.names = FALSE, quote = FALSE, na = "")
cohort <- read.csv(file.path(data_dir, "classic_table1.csv"), na.strings = "")
cohort$stage3 <- rep(c("a", "b", "c"), length.out = n)

q2 <- function(x, p) unname(quantile(x, p, type = 2))
table1 <- function(data, group_col, vars) {
  lapply(vars, function(v) {
    x <- data[[v]]
    g <- data[[group_col]]
    ok <- !is.na(x)
    levels_g <- sort(unique(g))
    categorical <- !is.numeric(x) || length(unique(x[ok])) < 10
    missing <- sapply(levels_g, function(l) sum(is.na(x[g == l])))
    if (!categorical) {
      if (length(levels_g) == 2) {
        t <- quiet(wilcox.test(x[ok & g == levels_g[1]], x[ok & g == levels_g[2]]))
        test <- "wilcoxon"; df <- NA
      } else {
        t <- kruskal.test(x[ok], factor(g[ok])); test <- "kruskal"; df <- num(t$parameter)
      }
      summary <- lapply(levels_g, function(l) {
        xs <- x[ok & g == l]
        list(group = l, n = length(xs), missing = unname(missing[l]), median = median(xs),
             q1 = q2(xs, 0.25), q3 = q2(xs, 0.75))
      })
      list(name = v, kind = "continuous", test = test, statistic = num(t$statistic), df = df, p = t$p.value,
           summary = summary)
    } else {
      tab <- table(x[ok], g[ok])
      expected <- outer(rowSums(tab), colSums(tab)) / sum(tab)
      if (any(expected < 5)) {
        test <- "fisher"; p <- fisher.test(tab)$p.value; stat <- NA; df <- NA
      } else {
        ch <- chisq.test(tab, correct = FALSE)
        test <- "chisq"; p <- ch$p.value; stat <- num(ch$statistic); df <- num(ch$parameter)
      }
      summary <- lapply(levels_g, function(l) {
        list(group = l, n = sum(tab[, l]), missing = unname(missing[l]),
             levels = lapply(rownames(tab), function(r) list(level = r, count = tab[r, l],
                                                             percent = 100 * tab[r, l] / sum(tab[, l]))))
      })
      list(name = v, kind = "categorical", test = test, statistic = stat, df = df, p = p, summary = summary)
    }
  })
}
write_ref(list(group = "necrosis_group",
               variables = table1(cohort, "necrosis_group",
                                  c("age", "bmi", "smoking", "histology", "charlson", "sex")),
               by_stage = table1(cohort, "stage", c("age", "bmi", "sex"))),
          "classic_table1")
cat("classic.R: wrote", length(list.files(ref_dir, "^classic")), "reference files\n")
