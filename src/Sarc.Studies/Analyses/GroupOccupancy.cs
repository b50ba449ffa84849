namespace Sarc.Studies.Analyses;

/// <summary>The state occupancy of the patients of one level of a multistate analysis's grouping column.</summary>
public sealed record GroupOccupancy(string Level, MultistateAnalysis Occupancy);
