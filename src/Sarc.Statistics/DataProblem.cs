namespace Sarc.Statistics;

/// <summary>
/// Something in the data an estimator cannot use, found by its <c>Check</c> before <c>Fit</c> (a fit given such data
/// throws, as for any programmer error). The statistics know rows and columns only by index, so the message names
/// neither file, line nor column: the caller that read the data turns problems into one user error
/// (<c>Sarc.Data.DataProblems</c>), and each front end adds its own hint.
/// </summary>
/// <param name="Message">What is wrong, in words for the user.</param>
/// <param name="Row">Index of the row in the caller's arrays, or -1 when no single row is at fault.</param>
/// <param name="Column">Index of the covariate column at fault, or -1.</param>
public record DataProblem(string Message, int Row = -1, int Column = -1);
