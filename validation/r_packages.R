# The R and package versions the committed fixtures in validation/reference/ were computed with. Sarc's reports
# state them in their provenance ("validated against"), read from reference/r-packages.json, which this writes.
# Run from validation/: Rscript r_packages.R
library(jsonlite)
packages <- c("survival", "cmprsk", "stats", "rms", "riskRegression", "prodlim")
versions <- lapply(packages, function(p) as.character(packageVersion(p)))
names(versions) <- packages
out <- list(r_version = paste(R.version$major, R.version$minor, sep = "."), packages = versions)
writeLines(toJSON(out, auto_unbox = TRUE, pretty = TRUE), "reference/r-packages.json")
