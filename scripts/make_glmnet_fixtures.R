#!/usr/bin/env Rscript
# Frozen glmnet references for penalized's glmnet-style options (issue "Choosing the
# penalty"): penalty.factor, standardize and lower.limits = 0, on the bundled diabetes
# data (data/diabetes.csv), family "gaussian", alpha = 1 (the Lasso).
#
#   apt-get install -y r-cran-glmnet        # Debian's glmnet (4.1-6 when written)
#   Rscript scripts/make_glmnet_fixtures.R  # writes tests/fixtures/glmnet/*.json
#
# Mapping: penalized Lasso({ alpha }) <-> glmnet(lambda = alpha): for the L1 penalty
# glmnet's internal division of y by sd(y) cancels (see docs/from-glmnet.md).
# thresh = 1e-30: glmnet's rule bounds the objective change of an update, so its
# coefficients are accurate to about sqrt(thresh) relative; 1e-14 gives only ~1e-7.
# A two-value lambda sequence (10·lambda, lambda) is glmnet's recommended warm start.
suppressMessages(library(glmnet))
d <- read.csv("data/diabetes.csv")
x <- as.matrix(d[, 1:10]); y <- d$target
num <- function(v) paste0("[", paste(sprintf("%.17g", v), collapse = ","), "]")
write_case <- function(name, description, options, fit) {
  b <- as.matrix(coef(fit)); b <- b[, ncol(b)]
  json <- sprintf('{"name":"%s","description":"%s","glmnet":"%s","estimator":"Lasso","options":%s,"expected":{"intercept":%.17g,"coef":%s}}',
                  name, description, as.character(packageVersion("glmnet")), options, b[1], num(b[-1]))
  writeLines(json, file.path("tests/fixtures/glmnet", paste0(name, ".json")))
}
lam <- 0.5
fit <- function(...) glmnet(x, y, alpha = 1, lambda = c(10 * lam, lam), thresh = 1e-30, maxit = 1e7, ...)
factors <- c(1, 1, 0, 1, 2, 1, 1, 0.5, 1, 1)
write_case("lasso-penalty-factor", "Lasso alpha 0.5 with penalty.factor (bmi unpenalized), standardize = FALSE",
           sprintf('{"alpha":%g,"penaltyFactor":%s}', lam, num(factors)), fit(penalty.factor = factors, standardize = FALSE))
write_case("lasso-standardize", "Lasso alpha 0.5 with standardize = TRUE (glmnet's default)",
           sprintf('{"alpha":%g,"standardize":true}', lam), fit(standardize = TRUE))
write_case("lasso-positive", "Lasso alpha 0.5 with lower.limits = 0, standardize = FALSE",
           sprintf('{"alpha":%g,"positive":true}', lam), fit(lower.limits = 0, standardize = FALSE))
write_case("lasso-standardize-penalty-factor", "Lasso alpha 0.5, standardize = TRUE and penalty.factor together",
           sprintf('{"alpha":%g,"standardize":true,"penaltyFactor":%s}', lam, num(factors)), fit(penalty.factor = factors, standardize = TRUE))
