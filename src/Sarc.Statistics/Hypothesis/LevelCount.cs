namespace Sarc.Statistics.Hypothesis;

/// <summary>n (%) of one level of a categorical variable within one group; the percentage is of the group's non-missing values.</summary>
public sealed record LevelCount(string Level, int Count, double Percent);
