namespace Sarc.Statistics.Hypothesis;

/// <summary>
/// The comparison behind a "Table 1": one variable summarised per group and tested across groups with gtsummary's
/// defaults (<c>tbl_summary(by = group) |&gt; add_p()</c>): continuous → Wilcoxon rank-sum for two groups,
/// Kruskal-Wallis for more; categorical → chi-square without correction, or Fisher's exact test when any expected
/// count is below 5. A test can be chosen instead. Missing values (NaN, level -1) are left out per variable and
/// counted per group. Groups and levels come coded, in the order the caller gives their names (R's factor order,
/// decided by the column reader); the first group is x of the two-sample tests. Rows without a group must be removed
/// by the caller, as gtsummary drops them.
/// </summary>
public static class GroupComparison
{
    /// <summary>A numeric variable with fewer distinct non-missing values than this is categorical by default (gtsummary's rule).</summary>
    public const int CategoricalLevelLimit = 10;

    /// <summary>Below this expected count in any cell, Fisher's exact test replaces chi-square by default (gtsummary's rule).</summary>
    public const double MinimumExpectedForChiSquare = 5;

    /// <summary>Categorical when fewer than <see cref="CategoricalLevelLimit"/> distinct non-missing values, else continuous.</summary>
    public static VariableKind DefaultKind(ReadOnlySpan<double> values)
    {
        var distinct = new HashSet<double>();
        foreach (var v in values)
        {
            if (!double.IsNaN(v) && distinct.Add(v) && distinct.Count >= CategoricalLevelLimit)
            {
                return VariableKind.Continuous;
            }
        }
        return VariableKind.Categorical;
    }

    /// <summary>
    /// Compares a continuous variable: median (Q1, Q3) per group and, by default, Wilcoxon (2 groups) or
    /// Kruskal-Wallis (more). <paramref name="values"/>[i] belongs to group <paramref name="group"/>[i], an index into
    /// <paramref name="groupNames"/>; NaN is missing.
    /// </summary>
    /// <exception cref="ArgumentException">Lengths differ, a group index is out of range, or <paramref name="test"/> does not apply to a continuous variable with this many groups (<see cref="ComparisonTestNames.Applies"/>).</exception>
    public static VariableComparison Continuous(string name, ReadOnlySpan<double> values, ReadOnlySpan<int> group, IReadOnlyList<string> groupNames, ComparisonTest? test = null)
    {
        ArgumentNullException.ThrowIfNull(groupNames);
        Preconditions.SameLength(values.Length, group.Length, nameof(group));
        RequireCodes(group, groupNames.Count, nameof(group));
        var samples = new List<double>[groupNames.Count];
        var missing = new int[groupNames.Count];
        for (var g = 0; g < samples.Length; g++)
        {
            samples[g] = new List<double>();
        }
        for (var i = 0; i < values.Length; i++)
        {
            var g = group[i];
            if (double.IsNaN(values[i]))
            {
                missing[g]++;
            }
            else
            {
                samples[g].Add(values[i]);
            }
        }
        var summaries = new GroupSummary[groupNames.Count];
        var arrays = new List<double[]>();
        for (var g = 0; g < groupNames.Count; g++)
        {
            var sorted = samples[g].ToArray();
            Array.Sort(sorted);
            summaries[g] = new GroupSummary(groupNames[g], sorted.Length, missing[g],
                SampleQuantile.Type2(sorted, 0.5), SampleQuantile.Type2(sorted, 0.25), SampleQuantile.Type2(sorted, 0.75), []);
            if (sorted.Length > 0)
            {
                arrays.Add(samples[g].ToArray());
            }
        }
        var chosen = test ?? (groupNames.Count == 2 ? ComparisonTest.Wilcoxon : ComparisonTest.KruskalWallis);
        if (!ComparisonTestNames.Applies(chosen, VariableKind.Continuous, groupNames.Count))
        {
            throw new ArgumentException(
                $"Test '{ComparisonTestNames.Name(chosen)}' does not apply to continuous variable '{name}' with {groupNames.Count} groups.", nameof(test));
        }
        var warnings = new List<string>();
        double statistic = double.NaN, df = double.NaN, p = double.NaN;
        if (arrays.Count < 2)
        {
            warnings.Add($"'{name}': fewer than two groups have values; no test.");
        }
        else if (arrays.Count < groupNames.Count && chosen != ComparisonTest.KruskalWallis)
        {
            warnings.Add($"'{name}': a group has no values; no two-sample test.");
        }
        else
        {
            try
            {
                switch (chosen)
                {
                    case ComparisonTest.Wilcoxon:
                        var rankSum = WilcoxonRankSumTest.Test(arrays[0], arrays[1]);
                        (statistic, p) = (rankSum.W, rankSum.P);
                        warnings.AddRange(rankSum.Warnings.Select(w => $"'{name}': {w}"));
                        break;
                    case ComparisonTest.KruskalWallis:
                        var kruskal = KruskalWallisTest.Test(arrays);
                        (statistic, df, p) = (kruskal.ChiSquare, kruskal.DegreesOfFreedom, kruskal.P);
                        break;
                    default:
                        var t = chosen == ComparisonTest.WelchT ? TTest.Welch(arrays[0], arrays[1]) : TTest.Student(arrays[0], arrays[1]);
                        (statistic, df, p) = (t.T, t.DegreesOfFreedom, t.P);
                        break;
                }
            }
            catch (ArgumentException exception)
            {
                // The tests reject degenerate data (too few values, constant data) as R stops; in a Table 1 that is a blank p.
                warnings.Add($"'{name}': {exception.Message}");
            }
        }
        return new VariableComparison(name, VariableKind.Continuous, chosen, statistic, df, p, summaries, warnings);
    }

    /// <summary>
    /// Compares a categorical variable given as level indices into <paramref name="levelNames"/> (-1 = missing):
    /// n (%) per level and group and, by default, chi-square without correction, or Fisher's exact test when any
    /// expected count is below 5. Levels are listed in the order of <paramref name="levelNames"/>.
    /// </summary>
    /// <exception cref="ArgumentException">Lengths differ, an index is out of range, or <paramref name="test"/> is not chi-square or Fisher.</exception>
    public static VariableComparison Categorical(string name, ReadOnlySpan<int> level, IReadOnlyList<string> levelNames,
        ReadOnlySpan<int> group, IReadOnlyList<string> groupNames, ComparisonTest? test = null)
    {
        ArgumentNullException.ThrowIfNull(levelNames);
        ArgumentNullException.ThrowIfNull(groupNames);
        Preconditions.SameLength(level.Length, group.Length, nameof(group));
        RequireCodes(group, groupNames.Count, nameof(group));
        for (var i = 0; i < level.Length; i++)
        {
            if (level[i] < -1 || level[i] >= levelNames.Count)
            {
                throw new ArgumentException($"level[{i}] must be -1 or in [0, {levelNames.Count}), found {level[i]}.", nameof(level));
            }
        }
        if (test is { } requested && !ComparisonTestNames.Applies(requested, VariableKind.Categorical, 2))
        {
            throw new ArgumentException($"Test '{ComparisonTestNames.Name(requested)}' does not apply to categorical variable '{name}'.", nameof(test));
        }
        var levels = levelNames.Count;
        var groups = groupNames.Count;
        var counts = new int[levels, groups];
        var missing = new int[groups];
        var groupTotals = new int[groups];
        for (var i = 0; i < level.Length; i++)
        {
            var g = group[i];
            if (level[i] >= 0)
            {
                counts[level[i], g]++;
                groupTotals[g]++;
            }
            else
            {
                missing[g]++;
            }
        }
        var summaries = new GroupSummary[groups];
        for (var g = 0; g < groups; g++)
        {
            var levelCounts = new LevelCount[levels];
            for (var l = 0; l < levels; l++)
            {
                levelCounts[l] = new LevelCount(levelNames[l], counts[l, g], groupTotals[g] == 0 ? double.NaN : 100.0 * counts[l, g] / groupTotals[g]);
            }
            summaries[g] = new GroupSummary(groupNames[g], groupTotals[g], missing[g], double.NaN, double.NaN, double.NaN, levelCounts);
        }

        // R's table() of the non-missing values has no empty group column; a level exists only if observed.
        var usedGroups = Enumerable.Range(0, groups).Where(g => groupTotals[g] > 0).ToArray();
        var warnings = new List<string>();
        double statistic = double.NaN, df = double.NaN, p = double.NaN;
        ComparisonTest chosen;
        if (levels < 2 || usedGroups.Length < 2)
        {
            chosen = test ?? ComparisonTest.ChiSquare;
            warnings.Add($"'{name}': fewer than two {(levels < 2 ? "levels" : "groups with values")}; no test.");
            return new VariableComparison(name, VariableKind.Categorical, chosen, statistic, df, p, summaries, warnings);
        }
        var table = new int[levels, usedGroups.Length];
        for (var l = 0; l < levels; l++)
        {
            for (var g = 0; g < usedGroups.Length; g++)
            {
                table[l, g] = counts[l, usedGroups[g]];
            }
        }
        var chiSquare = ContingencyChiSquare.Pearson(table);
        chosen = test ?? (chiSquare.MinimumExpected < MinimumExpectedForChiSquare ? ComparisonTest.Fisher : ComparisonTest.ChiSquare);
        if (chosen == ComparisonTest.ChiSquare)
        {
            (statistic, df, p) = (chiSquare.ChiSquare, chiSquare.DegreesOfFreedom, chiSquare.P);
            warnings.AddRange(chiSquare.Warnings.Select(w => $"'{name}': {w}"));
        }
        else if (!FisherExactTest.TryPValue(table, out p, out var reason))
        {
            warnings.Add($"'{name}': {reason}");
        }
        return new VariableComparison(name, VariableKind.Categorical, chosen, statistic, df, p, summaries, warnings);
    }

    private static void RequireCodes(ReadOnlySpan<int> codes, int count, string name)
    {
        for (var i = 0; i < codes.Length; i++)
        {
            if ((uint)codes[i] >= (uint)count)
            {
                throw new ArgumentException($"{name}[{i}] must be in [0, {count}), found {codes[i]}.", name);
            }
        }
    }
}
