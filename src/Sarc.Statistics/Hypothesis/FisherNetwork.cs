using System.Runtime.InteropServices;
using MathNet.Numerics;

namespace Sarc.Statistics.Hypothesis;

/// <summary>
/// Kernel: Fisher's exact p for an r x c table by a network enumeration in the manner of Mehta and Patel's FEXACT.
/// Inputs: counts (rows x columns, non-negative). Zero rows and columns are dropped; the smaller dimension becomes the
/// "rows" whose remaining totals form a node, the other dimension is filled one column at a time, largest first.
/// A node is (column index, multiset of remaining row totals), so row totals are kept sorted ascending.
/// Each table's log weight is W = -Σ log n_ij!; P(table) = exp(W + Σ log R_i! + Σ log C_j! - log N!).
/// For every node the largest and smallest W of its completions are found once (memoised dynamic programming), and the
/// sum of exp(W) over its completions is known in closed form, m! / (Π r_i! Π c_j!). Columns are processed breadth
/// first; paths reaching a node with equal past weight are merged. A path whose best completion is still no more
/// probable than the observed table adds its whole subtree at once; one whose least probable completion is more
/// probable adds nothing; only the rest is carried on. With two columns left, a node's completions are sorted once and
/// each open path is settled by binary search.
/// Output: p = Σ P(tables with W &lt;= W_obs + 3.45254e-7), FEXACT's tolerance, clamped to [0, 1]; or "too large" when
/// more than <see cref="WorkLimit"/> steps would be needed.
/// </summary>
internal sealed class FisherNetwork
{
    /// <summary>Nodes and arcs visited before giving up: a few seconds of work.</summary>
    public const long WorkLimit = 20_000_000;

    private readonly int _rows;
    private readonly int[] _columns;
    private readonly double[] _logFactorial;
    private readonly double _threshold;
    private readonly double _logConstant;
    private readonly long _radix;
    private readonly Dictionary<long, (double Max, double Min)> _bounds = new();
    private readonly int[][] _walkRemaining;
    private readonly int[][] _walkAllocation;
    private readonly int[][] _boundRemaining;
    private readonly int[][] _boundAllocation;
    private readonly double[] _bestMax;
    private readonly double[] _bestMin;
    private readonly List<(double Weight, double Count)> _open = new();
    private readonly List<double> _lastWeights = new();
    private readonly List<double> _prefix = new();
    private long _work;
    private double _pValue;

    private FisherNetwork(int[] rowTotals, int[] columnTotals, double observedWeight, int total)
    {
        _rows = rowTotals.Length;
        _columns = columnTotals;
        _logFactorial = new double[total + 1];
        for (var i = 2; i <= total; i++)
        {
            _logFactorial[i] = SpecialFunctions.FactorialLn(i);
        }
        _threshold = observedWeight + FisherExactTest.LogTolerance;
        _logConstant = -_logFactorial[total];
        foreach (var r in rowTotals)
        {
            _logConstant += _logFactorial[r];
        }
        foreach (var c in columnTotals)
        {
            _logConstant += _logFactorial[c];
        }
        _radix = total + 1L;
        var levels = columnTotals.Length + 1;
        _walkRemaining = NewBuffers(levels, _rows);
        _walkAllocation = NewBuffers(levels, _rows);
        _boundRemaining = NewBuffers(levels, _rows);
        _boundAllocation = NewBuffers(levels, _rows);
        _bestMax = new double[levels];
        _bestMin = new double[levels];
    }

    public static bool TryPValue(int[,] counts, out double p, out string? reason)
    {
        var (table, rowTotals, columnTotals, total) = Compact(counts);
        if (rowTotals.Length < 2 || columnTotals.Length < 2)
        {
            p = 1;
            reason = null;
            return true;
        }
        // The node key packs (column, remaining row totals) into a long in base N + 1.
        if ((rowTotals.Length + 1) * Math.Log(total + 1.0) + Math.Log(columnTotals.Length + 1.0) > Math.Log(long.MaxValue))
        {
            p = double.NaN;
            reason = $"Fisher's exact test is not computed for a {rowTotals.Length} x {columnTotals.Length} table of {total}: too large to enumerate; use the chi-square test.";
            return false;
        }
        var observedWeight = 0.0;
        foreach (var n in table)
        {
            observedWeight -= SpecialFunctions.FactorialLn(n);
        }
        var network = new FisherNetwork(rowTotals, columnTotals, observedWeight, total);
        Array.Sort(rowTotals);
        if (!network.Run(rowTotals))
        {
            p = double.NaN;
            reason = $"Fisher's exact test is not computed for a {rowTotals.Length} x {columnTotals.Length} table of {total}: more than {WorkLimit:N0} steps; use the chi-square test.";
            return false;
        }
        p = Math.Max(0, Math.Min(1, network._pValue));
        reason = null;
        return true;
    }

    // Drops zero rows and columns and turns the table so that rows are the smaller dimension; columns are processed
    // largest first, which makes the first levels of the network narrow.
    private static (int[,] Table, int[] Rows, int[] Columns, int Total) Compact(int[,] counts)
    {
        var r = counts.GetLength(0);
        var c = counts.GetLength(1);
        var rowTotals = new int[r];
        var columnTotals = new int[c];
        var total = 0;
        for (var i = 0; i < r; i++)
        {
            for (var j = 0; j < c; j++)
            {
                rowTotals[i] = checked(rowTotals[i] + counts[i, j]);
                columnTotals[j] = checked(columnTotals[j] + counts[i, j]);
                total = checked(total + counts[i, j]);
            }
        }
        var keptRows = Enumerable.Range(0, r).Where(i => rowTotals[i] > 0).ToArray();
        var keptColumns = Enumerable.Range(0, c).Where(j => columnTotals[j] > 0).ToArray();
        var transpose = keptRows.Length > keptColumns.Length;
        var outer = transpose ? keptColumns : keptRows;
        var inner = transpose ? keptRows : keptColumns;
        var table = new int[outer.Length, inner.Length];
        for (var i = 0; i < outer.Length; i++)
        {
            for (var j = 0; j < inner.Length; j++)
            {
                table[i, j] = transpose ? counts[inner[j], outer[i]] : counts[outer[i], inner[j]];
            }
        }
        var rows = outer.Select(i => transpose ? columnTotals[i] : rowTotals[i]).ToArray();
        var columns = inner.Select(j => transpose ? rowTotals[j] : columnTotals[j]).OrderByDescending(x => x).ToArray();
        return (table, rows, columns, total);
    }

    // Breadth-first over the columns. Each node of level k keeps the distinct log weights of the paths that reach it
    // (paths with equal weight are merged and counted, as FEXACT does), so the work grows with the number of distinct
    // past weights rather than the number of partial tables. Returns false when the work limit is hit.
    private bool Run(int[] rowTotals)
    {
        if (!Bounds(0, rowTotals, out var max, out var min))
        {
            return false;
        }
        if (max <= _threshold)
        {
            _pValue = 1;
            return true;
        }
        if (min > _threshold)
        {
            return true;
        }
        var current = new Dictionary<long, Node>();
        var root = new Node((int[])rowTotals.Clone());
        root.Add(0.0, 1.0);
        current[Key(0, rowTotals)] = root;
        for (var k = 0; k < _columns.Length - 1 && current.Count > 0; k++)
        {
            var next = new Dictionary<long, Node>();
            foreach (var node in current.Values)
            {
                // Every path stored in a node is undecided there: decided ones were settled when the node was reached.
                _open.Clear();
                _open.AddRange(node.Paths.Values);
                node.Remaining.CopyTo(_walkRemaining[k], 0);
                if (k == _columns.Length - 2)
                {
                    SettleLastTwoColumns(k);
                    continue;
                }
                if (!Expand(k, 0, _columns[k], 0.0, next))
                {
                    return false;
                }
            }
            current = next;
        }
        return true;
    }

    // With two columns left every allocation of column k fixes the last one, so the completions of this node are a
    // list of weights. Sorted once, with prefix sums of exp(weight), each open path is settled by one binary search
    // instead of a walk over all allocations.
    private void SettleLastTwoColumns(int k)
    {
        _lastWeights.Clear();
        CollectLastTwo(k, 0, _columns[k], 0.0);
        _lastWeights.Sort();
        var shift = _lastWeights[^1];
        _prefix.Clear();
        var sum = 0.0;
        foreach (var w in _lastWeights)
        {
            sum += Math.Exp(w - shift);
            _prefix.Add(sum);
        }
        foreach (var (pastWeight, count) in _open)
        {
            var limit = _threshold - pastWeight;
            // Number of completions with weight <= limit (the same upper-bound search as a step function's).
            var settled = SortedTimes.CountAtOrBefore(CollectionsMarshal.AsSpan(_lastWeights), limit);
            if (settled > 0)
            {
                _pValue += count * Math.Exp(pastWeight + shift + _logConstant) * _prefix[settled - 1];
            }
        }
        _work += _open.Count + _lastWeights.Count;
    }

    private void CollectLastTwo(int k, int row, int left, double weight)
    {
        var remaining = _walkRemaining[k];
        if (row == _rows - 1)
        {
            if (left > remaining[row])
            {
                return;
            }
            var total = weight - _logFactorial[left] - _logFactorial[remaining[row] - left];
            _lastWeights.Add(total);
            return;
        }
        var (low, high) = RowRange(remaining, row, left);
        for (var v = low; v <= high; v++)
        {
            CollectLastTwo(k, row + 1, left - v, weight - _logFactorial[v] - _logFactorial[remaining[row] - v]);
        }
    }

    // Fills column k row by row and hands every open path of the node to the child it leads to.
    private bool Expand(int k, int row, int left, double weight, Dictionary<long, Node> next)
    {
        var remaining = _walkRemaining[k];
        var allocation = _walkAllocation[k];
        if (row == _rows - 1)
        {
            var child = _walkRemaining[k + 1];
            if (!TryCloseColumn(remaining, allocation, left, child))
            {
                return true;
            }
            // Settle each path at the child at once: the whole subtree counts, none of it does, or it waits there.
            if (!Bounds(k + 1, child, out var max, out var min))
            {
                return false;
            }
            var logCompletions = LogCompletions(k + 1, child);
            var step = weight - _logFactorial[left];
            Node? node = null;
            foreach (var (pastWeight, count) in _open)
            {
                var pathWeight = pastWeight + step;
                if (pathWeight + max <= _threshold)
                {
                    _pValue += count * Math.Exp(pathWeight + logCompletions + _logConstant);
                }
                else if (pathWeight + min <= _threshold)
                {
                    if (node is null)
                    {
                        var key = Key(k + 1, child);
                        if (!next.TryGetValue(key, out node))
                        {
                            node = new Node((int[])child.Clone());
                            next[key] = node;
                        }
                    }
                    node.Add(pathWeight, count);
                }
            }
            _work += _open.Count;
            return _work <= WorkLimit;
        }
        var (low, high) = RowRange(remaining, row, left);
        for (var v = low; v <= high; v++)
        {
            allocation[row] = v;
            if (!Expand(k, row + 1, left - v, weight - _logFactorial[v], next))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>A node of the network: remaining row totals and the distinct log weights (with counts) of the paths into it.</summary>
    private sealed class Node(int[] remaining)
    {
        // Weights within 1e-9 (log scale) are one weight: they differ only by rounding in the order of summation.
        private const double MergeResolution = 1e9;

        public int[] Remaining { get; } = remaining;

        public Dictionary<long, (double Weight, double Count)> Paths { get; } = new();

        public void Add(double weight, double count)
        {
            var key = (long)Math.Round(weight * MergeResolution);
            Paths[key] = Paths.TryGetValue(key, out var known) ? (known.Weight, known.Count + count) : (weight, count);
        }
    }

    // Largest and smallest Σ -log n_ij! over the completions of node (k, remaining), memoised by node.
    private bool Bounds(int k, int[] remaining, out double max, out double min)
    {
        if (k == _columns.Length - 1)
        {
            max = 0;
            for (var i = 0; i < _rows; i++)
            {
                max -= _logFactorial[remaining[i]];
            }
            min = max;
            return true;
        }
        var key = Key(k, remaining);
        if (_bounds.TryGetValue(key, out var known))
        {
            (max, min) = known;
            return true;
        }
        var own = _boundRemaining[k];
        remaining.CopyTo(own, 0);
        _bestMax[k] = double.NegativeInfinity;
        _bestMin[k] = double.PositiveInfinity;
        if (!BoundAllocate(k, 0, _columns[k], 0.0))
        {
            max = min = double.NaN;
            return false;
        }
        max = _bestMax[k];
        min = _bestMin[k];
        _bounds[key] = (max, min);
        return true;
    }

    private bool BoundAllocate(int k, int row, int left, double weight)
    {
        if (++_work > WorkLimit)
        {
            return false;
        }
        var remaining = _boundRemaining[k];
        var allocation = _boundAllocation[k];
        if (row == _rows - 1)
        {
            var child = _boundRemaining[k + 1];
            if (!TryCloseColumn(remaining, allocation, left, child))
            {
                return true;
            }
            // Bounds(k + 1) overwrites _boundRemaining[k + 1] only below its own level, so child stays valid here.
            if (!Bounds(k + 1, child, out var childMax, out var childMin))
            {
                return false;
            }
            var own = weight - _logFactorial[left];
            _bestMax[k] = Math.Max(_bestMax[k], own + childMax);
            _bestMin[k] = Math.Min(_bestMin[k], own + childMin);
            return true;
        }
        var (low, high) = RowRange(remaining, row, left);
        for (var v = low; v <= high; v++)
        {
            allocation[row] = v;
            if (!BoundAllocate(k, row + 1, left - v, weight - _logFactorial[v]))
            {
                return false;
            }
        }
        return true;
    }

    // log Σ over completions of Π 1/n_ij! = log m! - Σ log r_i! - Σ_{j >= k} log c_j!, with m = Σ r_i.
    private double LogCompletions(int k, int[] remaining)
    {
        var m = 0;
        var value = 0.0;
        for (var i = 0; i < _rows; i++)
        {
            m += remaining[i];
            value -= _logFactorial[remaining[i]];
        }
        value += _logFactorial[m];
        for (var j = k; j < _columns.Length; j++)
        {
            value -= _logFactorial[_columns[j]];
        }
        return value;
    }

    private long Key(int k, int[] remaining)
    {
        long key = k;
        for (var i = 0; i < _rows; i++)
        {
            key = key * _radix + remaining[i];
        }
        return key;
    }

    // The values row `row` of a column can take when `left` is still to be placed in rows row.._rows - 1: no more than
    // the row's remaining total, and no less than the rows after it cannot hold.
    private (int Low, int High) RowRange(int[] remaining, int row, int left)
    {
        var capacityAfter = 0;
        for (var i = row + 1; i < _rows; i++)
        {
            capacityAfter += remaining[i];
        }
        return (Math.Max(0, left - capacityAfter), Math.Min(left, remaining[row]));
    }

    // Puts what is left of the column into its last row and forms the child node: the row totals left after the
    // allocation, sorted as node keys need them. False when the last row cannot take it (no table goes this way).
    private bool TryCloseColumn(int[] remaining, int[] allocation, int left, int[] child)
    {
        var last = _rows - 1;
        if (left > remaining[last])
        {
            return false;
        }
        allocation[last] = left;
        for (var i = 0; i < _rows; i++)
        {
            child[i] = remaining[i] - allocation[i];
        }
        InsertionSort(child);
        return true;
    }

    private static void InsertionSort(int[] values)
    {
        for (var i = 1; i < values.Length; i++)
        {
            var v = values[i];
            var j = i - 1;
            while (j >= 0 && values[j] > v)
            {
                values[j + 1] = values[j];
                j--;
            }
            values[j + 1] = v;
        }
    }

    private static int[][] NewBuffers(int count, int length)
    {
        var buffers = new int[count][];
        for (var i = 0; i < count; i++)
        {
            buffers[i] = new int[length];
        }
        return buffers;
    }
}
