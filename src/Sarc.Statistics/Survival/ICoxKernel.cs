namespace Sarc.Statistics.Survival;

/// <summary>
/// Evaluates the log partial likelihood, its gradient (score) and the information matrix (minus the Hessian) at a
/// coefficient vector, on <see cref="CoxPrepared"/> data (scaled coordinates).
/// </summary>
internal interface ICoxKernel
{
    /// <summary>Returns the log partial likelihood; fills <paramref name="score"/> (p) and <paramref name="information"/> (p x p, both triangles).</summary>
    double Evaluate(double[] beta, double[] score, double[,] information);
}
