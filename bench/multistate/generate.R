# Writes the multistate benchmark cohort: N patients (default 20,000) on sarcoma-like paths entry -> LR -> DM ->
# death (and entry -> DM, entry -> death, LR -> death), censored uniformly in 12-120 months, times to 0.01 month
# (ties occur). Fixed seed: the same file every run. Vectorized over patients (one step of all paths at a time).
# Usage: Rscript generate.R N OUT.csv
args <- commandArgs(trailingOnly = TRUE)
n <- if (length(args) >= 1) as.integer(args[1]) else 20000L
out <- if (length(args) >= 2) args[2] else sprintf("../out/multistate_%d.csv", n)
suppressMessages(library(data.table))
set.seed(20261124)
rates <- list(entry = c(LR = 0.010, DM = 0.012, death = 0.004), LR = c(DM = 0.050, death = 0.015),
              DM = c(death = 0.060))
t <- numeric(n); state <- rep("entry", n); cens <- round(runif(n, 12, 120), 2); alive <- seq_len(n)
parts <- list()
while (length(alive) > 0) {
  next_alive <- integer(0)
  now <- state[alive]
  for (from in names(rates)) {
    who <- alive[now == from]
    if (length(who) == 0) next
    r <- rates[[from]]
    draws <- matrix(rexp(length(who) * length(r), rep(r, each = length(who))), ncol = length(r))
    wait <- pmax(round(apply(draws, 1, min), 2), 0.01)
    to <- names(r)[max.col(-draws, ties.method = "first")]
    censored <- t[who] + wait >= cens[who]
    parts[[length(parts) + 1]] <- data.table(
      id = who, start = t[who], stop = ifelse(censored, pmax(cens[who], t[who] + 0.01), t[who] + wait),
      event = ifelse(censored, "", to))
    moving <- !censored
    t[who[moving]] <- t[who[moving]] + wait[moving]
    state[who[moving]] <- to[moving]
    next_alive <- c(next_alive, who[moving & to != "death"])
  }
  alive <- sort(next_alive)
}
d <- rbindlist(parts)
setorder(d, id, start)
dir.create(dirname(out), showWarnings = FALSE, recursive = TRUE)
# Unquoted: an empty event (censored) is an empty cell, as registry exports write it.
fwrite(d, out, quote = FALSE)
