using Sarc.Studies.Running;

namespace Sarc.Studies.Reports;

/// <summary>
/// The report's "Statistical methods" paragraph, written from what the studies actually ran: each method named with
/// its reference, R's equivalent, and the validation of Sarc's engines against R (versions from the fixtures).
/// </summary>
public static class MethodsParagraph
{
    /// <summary>The paragraph's sentences, then the numbered references they cite.</summary>
    public static (IReadOnlyList<string> Sentences, IReadOnlyList<string> References) Write(IReadOnlyList<StudyResult> studies)
    {
        var ran = studies.SelectMany(s => s.Analyses).Where(a => a.Output is not null).ToArray();
        bool Has(string kind) => ran.Any(a => a.Kind == kind);
        var references = new List<string>();
        string Cite(string reference)
        {
            var index = references.IndexOf(reference);
            if (index < 0)
            {
                references.Add(reference);
                index = references.Count - 1;
            }
            return $"[{index + 1}]";
        }
        var sentences = new List<string>();
        if (Has("table1") || Has("table2x2") || Has("rates") || Has("correlate"))
        {
            var parts = new List<string>();
            if (Has("table1"))
            {
                parts.Add("patient characteristics are given as median (Q1, Q3) or n (%), with an Unknown row for missing values, and compared with the Wilcoxon rank-sum or Kruskal-Wallis test and the chi-square or Fisher's exact test (gtsummary's defaults)");
            }
            if (Has("table2x2"))
            {
                parts.Add($"2 × 2 tables with Fisher's exact test, its mid-p, and odds ratios with Woolf's interval and the conditional maximum-likelihood estimate {Cite("Fisher RA. On the interpretation of χ² from contingency tables, and the calculation of P. J R Stat Soc 1922;85:87–94.")}");
            }
            if (Has("rates"))
            {
                parts.Add($"proportions with exact Clopper-Pearson 95% intervals {Cite("Clopper CJ, Pearson ES. The use of confidence or fiducial limits illustrated in the case of the binomial. Biometrika 1934;26:404–413.")}");
            }
            if (Has("correlate"))
            {
                parts.Add("correlations as Spearman's ρ (or Pearson's r) on pairwise complete cases");
            }
            sentences.Add(Capital(string.Join("; ", parts)) + ".");
        }
        var km = ran.Where(a => a.Kind == "km").Select(a => a.Payload).OfType<KmAnalysis>().ToArray();
        if (km.Length > 0)
        {
            var text = $"Survival was estimated by the Kaplan-Meier method {Cite("Kaplan EL, Meier P. Nonparametric estimation from incomplete observations. J Am Stat Assoc 1958;53:457–481.")} with Greenwood's variance and log-transformed 95% intervals, compared by the log-rank test {Cite("Mantel N. Evaluation of survival data and two new rank order statistics arising in its consideration. Cancer Chemother Rep 1966;50:163–170.")}, and follow-up summarised by the reverse Kaplan-Meier method {Cite("Schemper M, Smith TL. A note on quantifying follow-up in studies of failure time. Control Clin Trials 1996;17:343–346.")}";
            if (km.Any(k => k.Method == "landmark"))
            {
                text += $"; groupings by an event during follow-up were compared by landmark analysis, among patients alive and event-free at the landmark and grouped by their status then {Cite("Anderson JR, Cain KC, Gelber RD. Analysis of survival by tumor response. J Clin Oncol 1983;1:710–719.")}";
            }
            if (km.Any(k => k.Method == "simon-makuch"))
            {
                text += $", or with the grouping as a time-dependent covariate by the Simon-Makuch extended Kaplan-Meier estimate {Cite("Simon R, Makuch RW. A non-parametric graphical representation of the relationship between survival and the occurrence of an event: application to responder versus non-responder bias. Stat Med 1984;3:35–44.")} and the Mantel-Byar test {Cite("Mantel N, Byar DP. Evaluation of response-time data involving transient states: an illustration using heart-transplant data. J Am Stat Assoc 1974;69:81–86.")} (the score test of the Cox model with the time-dependent grouping)";
            }
            sentences.Add(text + ".");
        }
        if (Has("cox") || Has("multistate"))
        {
            var robust = ran.Select(a => a.Payload).OfType<CoxAnalysis>().Any(c => c.Fit.RobustVariance is not null);
            sentences.Add($"Hazard ratios come from Cox proportional hazards models {Cite("Cox DR. Regression models and life-tables. J R Stat Soc B 1972;34:187–220.")} with Efron's handling of tied times {Cite("Efron B. The efficiency of Cox's likelihood function for censored data. J Am Stat Assoc 1977;72:557–565.")}"
                + (robust ? $"; local recurrence and distant metastasis enter as time-dependent covariates (counting-process data) with robust standard errors by patient {Cite("Lin DY, Wei LJ. The robust inference for the Cox proportional hazards model. J Am Stat Assoc 1989;84:1074–1078.")}" : "") + ".");
        }
        if (Has("cif") || Has("finegray"))
        {
            var text = $"With death as a competing event, cumulative incidence was estimated by the Aalen-Johansen method {Cite("Aalen OO, Johansen S. An empirical transition matrix for non-homogeneous Markov chains based on censored observations. Scand J Stat 1978;5:141–150.")} with Gray's variance, log(−log) 95% intervals, and groups compared by Gray's test {Cite("Gray RJ. A class of K-sample tests for comparing the cumulative incidence of a competing risk. Ann Stat 1988;16:1141–1154.")}";
            if (Has("finegray"))
            {
                text += $"; covariates were modelled as subdistribution hazards {Cite("Fine JP, Gray RJ. A proportional hazards model for the subdistribution of a competing risk. J Am Stat Assoc 1999;94:496–509.")}";
            }
            sentences.Add(text + ".");
        }
        if (Has("multistate"))
        {
            sentences.Add($"The illness-death course (surgery → local recurrence → distant metastasis → death) was described by Aalen-Johansen state occupancy probabilities {Cite("Aalen OO, Johansen S. An empirical transition matrix for non-homogeneous Markov chains based on censored observations. Scand J Stat 1978;5:141–150.")} with infinitesimal-jackknife standard errors and one Cox model per observed transition.");
        }
        if (Has("model"))
        {
            sentences.Add($"Prediction models were fitted as Cox (or, for one cause among competing risks, Fine-Gray) regressions with continuous predictors as restricted cubic splines at Harrell's default knots {Cite("Harrell FE. Regression Modeling Strategies. 2nd ed. Springer; 2015.")}, and validated at each prediction time by Harrell's and Uno's C {Cite("Uno H, Cai T, Pencina MJ, D'Agostino RB, Wei LJ. On the C-statistics for evaluating overall adequacy of risk prediction procedures with censored survival data. Stat Med 2011;30:1105–1117.")}, the time-dependent AUC, the Brier score and the index of prediction accuracy with inverse-probability-of-censoring weights {Cite("Kattan MW, Gerds TA. The index of prediction accuracy: an intuitive measure useful for evaluating risk prediction models. Diagn Progn Res 2018;2:7.")}, the calibration slope and calibration by decile, with optimism estimated by bootstrap refits where asked (as rms, riskRegression and survival).");
        }
        var packages = Provenance.ValidatedPackages;
        sentences.Add($"All analyses were run with Sarc, whose engines are validated against R {Provenance.ValidatedRVersion} (survival {packages.GetValueOrDefault("survival", "?")}, cmprsk {packages.GetValueOrDefault("cmprsk", "?")}) to a relative 10⁻⁶ for estimates and 10⁻⁵ for p-values and confidence limits; p-values are two-sided.");
        return (sentences, references);
    }

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
