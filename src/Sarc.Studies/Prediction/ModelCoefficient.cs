namespace Sarc.Studies.Prediction;

/// <summary>A coefficient of a prediction model and what it multiplies (the product of its parts; one part for a main effect).</summary>
/// <param name="Name">The coefficient's name as R prints it (<c>age'</c>, <c>factor(grade)3</c>).</param>
/// <param name="Estimate">The log hazard ratio (log subdistribution hazard ratio for Fine-Gray).</param>
/// <param name="StandardError">Its standard error, when known.</param>
/// <param name="Parts">What it multiplies.</param>
public sealed record ModelCoefficient(string Name, double Estimate, double? StandardError, IReadOnlyList<CoefficientPart> Parts);
