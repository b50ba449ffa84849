namespace Sarc.Data.Models;

/// <summary>How the event column of a formula's <c>Surv(...)</c> is read.</summary>
public enum ResponseKind
{
    /// <summary>An event indicator in any coding R's <c>Surv</c> takes (0/1, 1/2, TRUE/FALSE, T/F); the status is 0/1.</summary>
    Survival,

    /// <summary>A competing-risks status (cmprsk, <c>cencode = 0</c>): 0 = censored, a positive whole number = the cause; the status is the code.</summary>
    CompetingRisks,
}
