# The dfs endpoint of bench/registry/run.sh in R: data.table::fread of the long-format files, then the same rules as
# validation/registry_endpoints.R (origin = primary surgery, last contact, metastatic at diagnosis excluded), vectorised.
# Prints "elapsed SECONDS" (read + derive + write CSV) and writes the endpoint to the file given second.
suppressMessages(library(data.table))
args <- commandArgs(trailingOnly = TRUE)
folder <- args[1]
start <- proc.time()[["elapsed"]]
rd <- function(name) fread(file.path(folder, paste0(name, ".csv")), colClasses = "character", na.strings = "")
p <- rd("patients"); su <- rd("surgeries"); rt <- rd("radiotherapy"); sy <- rd("systemic"); ev <- rd("events"); fu <- rd("followup")
d <- function(x) as.integer(as.IDate(x))
dates <- rbindlist(list(
  su[, .(patient_id, x = d(date))], ev[, .(patient_id, x = d(date))], fu[, .(patient_id, x = d(date))],
  rt[, .(patient_id, x = d(start_date))], rt[, .(patient_id, x = d(end_date))],
  sy[, .(patient_id, x = d(start_date))], sy[, .(patient_id, x = d(end_date))]))
last <- dates[!is.na(x), .(last = max(x)), by = patient_id]
s <- su[kind == "primary", .(patient_id, s = d(date))]
e <- ev[, .(patient_id, kind, x = d(date))][s, on = "patient_id"]
dm1 <- e[kind == "distant_metastasis" & x <= s, .(m1 = TRUE), by = patient_id]
rel <- e[(kind == "local_recurrence") | (kind == "distant_metastasis" & x > s) | kind == "death", .(ev = min(x)), by = patient_id]
out <- p[, .(patient_id, flag = metastatic_at_diagnosis)]
for (right in list(s, last, rel, dm1)) out <- merge(out, right, by = "patient_id", all.x = TRUE)
out <- out[!(m1 %in% TRUE) & !(flag %in% "yes")]
out[, `:=`(time = ((ifelse(is.na(ev), last, ev)) - s) / 30.4375, event = as.integer(!is.na(ev)))]
fwrite(out[order(patient_id), .(patient_id, time, event)], args[2])
cat("elapsed", proc.time()[["elapsed"]] - start, "\n")
