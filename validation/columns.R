# Reference values for how Sarc reads columns (Sarc.Data.Analysis): the order of factor levels and the event codings.
#
# 1. Level order. R's sort() and factor() order text by the locale's collation; R 4.2 in C.UTF-8 (the default here)
#    collates with ICU's root collation. Writes hand-picked cases (punctuation, digits, case, accents, ß, æ, fractions)
#    and random strings over printable ASCII and Latin-1, each with the order sort() gives them.
# 2. Event codings. One small data set (validation/data/columns_codings.csv) holds the same events coded 0/1, 1/2,
#    TRUE/FALSE and T/F, and a group column whose levels differ in case and punctuation. For each coding this writes
#    what survfit(Surv(time, e) ~ group) and coxph(Surv(time, e) ~ group) see: events per group, the level order,
#    and the Cox coefficient names, so that `sarc km` and `sarc cox` can be held to one answer.
#
# Run from the repository root:  Rscript validation/columns.R
suppressPackageStartupMessages({
  library(survival)
  library(jsonlite)
})

stopifnot(capabilities("ICU"), Sys.getlocale("LC_COLLATE") %in% c("C.UTF-8", "en_US.UTF-8", "en_GB.UTF-8"))

data_dir <- "validation/data"
ref_dir <- "validation/reference"
dir.create(data_dir, showWarnings = FALSE, recursive = TRUE)
dir.create(ref_dir, showWarnings = FALSE, recursive = TRUE)

# ---- level order -----------------------------------------------------------------------------------------------

hand <- list(
  brief = c("B", "a", "b", "A", "_x", "10", "9"),
  case = c("ab", "Aa", "aB", "Ab", "AB", "aa", "a", "A", "b"),
  punctuation = c("a-b", "ab", "a b", "a_b", "a.b", "aB", "a", "a/b", "a(b)", "a,b", "(a)", "-a", "_a", "~a"),
  digits = c("a1", "a10", "a2", "A1", "a 1", "a01", "1", "10", "2", "9", "-1", "1.5", "1e3", "grade 10", "grade 9"),
  accents = c("é", "e", "f", "E", "É", "è", "ê", "ë", "résumé", "resume", "Resume", "résume", "resumé", "xa", "xá",
              "xà", "xâ", "xå", "xä", "xã", "Ab", "àb", "ÀB"),
  letters = c("ß", "ss", "st", "sr", "SS", "Ss", "ßa", "ssa", "ssb", "æ", "ae", "af", "Æ", "AE", "æb", "aea", "áe",
              "ø", "o", "p", "å", "aa", "Å", "ñ", "n", "ð", "d", "e", "Ð", "þ", "Þ", "z", "µ", "ÿ", "y", "ý", "Ý"),
  symbols = c("!", "¡", "?", "¿", ".", "·", "\"", "«", "»", "§", "@", "*", "/", "°", "©", "÷", "×", "1", "¹", "½",
              "¼", "2", "²", "3", "³", "¾", "4", "1/2", "a", "ª", "o", "º", "$", "£", "€", "+", "±"),
  space = c(" ", "\u00a0a", " b", "a", "b", "\ta", "a\tb", "a b", "ab", ""),
  sarcoma = c("UPS", "LMS", "DDLPS", "MLPS", "SyS", "MPNST", "myxofibrosarcoma", "Myxofibrosarcoma", "angiosarcoma",
              "Ewing", "ewing sarcoma", "G1", "G2", "G3", "g2", "T1a", "T1b", "T2", "T10", "extremity", "Extremity",
              "retroperitoneum", "trunk", "head & neck", "head/neck", "deep", "superficial", "R0", "R1", "R2", "Rx",
              "yes", "no", "NA_", "unknown", "male", "female", "F", "M")
)

set.seed(20261124)
alphabet <- c(intToUtf8(c(32:126), multiple = TRUE), intToUtf8(c(160, 161:172, 174:255), multiple = TRUE))
# Letters and digits more often than symbols, so that strings often tie at the first level and test the others.
weights <- ifelse(grepl("[[:alnum:]]", alphabet), 4, 1)
random <- unique(vapply(seq_len(3000), function(i) {
  n <- sample(0:6, 1)
  paste(sample(alphabet, n, replace = TRUE, prob = weights), collapse = "")
}, ""))
# Near-duplicates: change one character's case or accent, so that only the second or third level decides.
variants <- unique(unlist(lapply(sample(random[nchar(random) > 1], 400), function(s) {
  chars <- strsplit(s, "")[[1]]
  k <- sample(seq_along(chars), 1)
  c(s, paste(replace(chars, k, toupper(chars[k])), collapse = ""), paste(replace(chars, k, tolower(chars[k])), collapse = ""),
    paste(replace(chars, k, sample(c("é", "è", "e", "E", "É"), 1)), collapse = ""))
})))

level_order <- c(lapply(hand, function(x) sort(unique(x))),
                 list(random = sort(random), variants = sort(variants)))

# ---- event codings ---------------------------------------------------------------------------------------------

time <- c(5, 8, 3, 12, 7, 2, 9, 4, 6, 10, 11, 1, 13, 14, 15, 3.5, 8.5, 2.5)
event <- c(1, 0, 1, 1, 1, 1, 0, 1, 0, 0, 0, 1, 0, 1, 0, 0, 1, 1)
group <- c("b", "B", "a", "A", "_a", "a", "b", "B", "A", "_a", "a", "b", "B", "A", "_a", "b", "a", "A")
codings <- data.frame(
  time = time,
  e01 = event,
  e12 = event + 1,
  etf = ifelse(event == 1, "TRUE", "FALSE"),
  et = ifelse(event == 1, "T", "F"),
  group = group)
write.csv(codings, file.path(data_dir, "columns_codings.csv"), row.names = FALSE, quote = FALSE)
d <- read.csv(file.path(data_dir, "columns_codings.csv"))
stopifnot(is.logical(d$etf), is.logical(d$et), is.numeric(d$e12))

per_coding <- lapply(c("e01", "e12", "etf", "et"), function(column) {
  f_km <- as.formula(sprintf("Surv(time, %s) ~ group", column))
  km <- survfit(f_km, data = d)
  cox <- coxph(f_km, data = d)
  list(
    column = column,
    levels = levels(factor(d$group)),
    km_strata = sub("^group=", "", names(km$strata)),
    km_events = as.numeric(tapply(km$n.event, rep(seq_along(km$strata), km$strata), sum)),
    cox_terms = names(coef(cox)),
    cox_coef = unname(coef(cox)),
    cox_events = cox$nevent)
})

write_json(list(level_order = level_order, codings = per_coding),
           file.path(ref_dir, "columns.json"), digits = NA, auto_unbox = FALSE, pretty = TRUE)
