using Sarc.Data.Formulas;
using Sarc.Data.Tables;

namespace Sarc.Data.Models;

/// <summary>
/// The rows and design matrix a survival formula selects from a <see cref="DataFrame"/>, built as R's
/// <c>model.frame</c> + <c>model.matrix</c> do for <c>coxph</c>: rows with a missing value in any used column are
/// excluded (and counted); numeric columns enter as they are; text columns and <c>factor(x)</c> become factors with
/// treatment contrasts, the first level in sorted order as reference; interactions multiply the columns, the first
/// variable varying fastest. Column names follow R (<c>factor(grade)2</c>, <c>depthsuperficial</c>, <c>age:sexm</c>).
/// </summary>
/// <remarks>
/// Columns are read by <see cref="Analysis.AnalysisColumns"/>, as every other analysis reads them: the same missing
/// values, event codings and level order (R's, <see cref="Analysis.LevelOrder"/>). One difference from R, deliberate:
/// factor levels are taken from the rows used (R keeps levels seen only in excluded rows and then reports an NA
/// coefficient for them).
/// </remarks>
public sealed class ModelFrame
{
    internal ModelFrame(
        string source,
        int[] lineNumbers,
        Formula formula,
        int[] rows,
        int excluded,
        double[]? start,
        double[] stop,
        double[] status,
        double[][] design,
        string[] columnNames,
        int[] assign,
        int[]? strata,
        string[] strataLabels,
        int[]? cluster)
    {
        Source = source;
        _lineNumbers = lineNumbers;
        Formula = formula;
        Rows = rows;
        Excluded = excluded;
        Start = start;
        Stop = stop;
        Status = status;
        Design = design;
        ColumnNames = columnNames;
        Assign = assign;
        Strata = strata;
        StrataLabels = strataLabels;
        Cluster = cluster;
    }

    private readonly int[] _lineNumbers;

    /// <summary>The file the data came from, for messages.</summary>
    public string Source { get; }

    /// <summary>The formula the frame was built from; its terms index <see cref="Assign"/>.</summary>
    public Formula Formula { get; }

    /// <summary>The 0-based rows of the data frame used, in data order.</summary>
    public int[] Rows { get; }

    /// <summary>Rows excluded for a missing value in a used column (R's <c>na.action = na.omit</c>).</summary>
    public int Excluded { get; }

    /// <summary>Number of rows used (complete cases), the length of <see cref="Rows"/> and of every column of the design.</summary>
    public int RowCount => Rows.Length;

    /// <summary>Interval starts for counting-process data; null for right-censored data.</summary>
    public double[]? Start { get; }

    /// <summary>Event or censoring times (interval ends for counting-process data), in the data's units.</summary>
    public double[] Stop { get; }

    /// <summary>1 = event, 0 = censored; for <see cref="ResponseKind.CompetingRisks"/>, the status code (0 = censored, k = cause k).</summary>
    public double[] Status { get; }

    /// <summary>The design matrix by column: <c>Design[j][i]</c> is column j of used row i. No intercept.</summary>
    public double[][] Design { get; }

    /// <summary>R's name of each design column.</summary>
    public string[] ColumnNames { get; }

    /// <summary>For each design column, the index of its term in <see cref="Formula"/>.Terms (R's <c>assign</c>).</summary>
    public int[] Assign { get; }

    /// <summary>The term labels, in order.</summary>
    public IReadOnlyList<string> TermLabels => Formula.Terms.Select(t => t.Label).ToArray();

    /// <summary>Stratum code (0-based, in R's order of the strata) of each used row; null without strata().</summary>
    public int[]? Strata { get; }

    /// <summary>
    /// The label of each stratum code, as R prints strata: the level for one strata() column, <c>column=level</c>
    /// pairs joined by <c>", "</c> for several. Empty without strata().
    /// </summary>
    public string[] StrataLabels { get; }

    /// <summary>Cluster code (0-based, in order of first appearance) of each used row; null without cluster().</summary>
    public int[]? Cluster { get; }

    /// <summary>How each variable of the terms was coded (levels, knots), in order of first use: what rebuilds the design on other data.</summary>
    public IReadOnlyList<VariableCoding> Codings { get; init; } = [];

    /// <summary>For each design column, the parts whose product it is (one per variable of its term).</summary>
    public IReadOnlyList<IReadOnlyList<DesignPart>> DesignParts { get; init; } = [];

    /// <summary>What R would warn about while building the frame (a spline given fewer knots than asked for).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>The file line of used row <paramref name="index"/>.</summary>
    public int LineOf(int index) => _lineNumbers[Rows[index]];

    /// <summary>
    /// Turns what an estimator's <c>Check</c> found in this frame's data into one user error naming the file, the
    /// line of each row (rows are indices into the used rows) and the design column (<c>covariate 'age'</c>).
    /// </summary>
    /// <exception cref="DataInputException">There is a problem.</exception>
    public void ThrowIfAny(IReadOnlyList<Sarc.Statistics.DataProblem> problems) =>
        DataProblems.ThrowIfAny(Source, problems, LineOf, k => $"covariate '{ColumnNames[k]}'");

    /// <summary>Builds the model frame, reading the event column as <paramref name="kind"/> says.</summary>
    /// <exception cref="DataInputException">
    /// An unknown column (the message lists close names), a non-numeric time, start &gt;= stop, an event outside its
    /// coding, no events, or a factor with a single level; each as one line naming the file, line and column.
    /// </exception>
    public static ModelFrame Build(DataFrame data, Formula formula, ResponseKind kind = ResponseKind.Survival) =>
        ModelFrameBuilder.Build(data, formula, kind);
}
