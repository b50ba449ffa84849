using System.Runtime.CompilerServices;

namespace Sarc.Statistics.Multistate;

/// <summary>
/// The Aalen-Johansen transition matrices H_0, H_1, ... of the event times seen so far, kept so that a row vector can
/// be carried from after matrix <c>from</c> - 1 to after matrix <c>to</c> - 1 (v ← v H_from ... H_(to-1)) in
/// O((B + log(count / B)) × states²) instead of one product per event time in between.
/// </summary>
/// <remarks>
/// Each H is stored sparsely: it equals the identity except in the rows of the states that somebody left at that
/// time (usually one). Above that, products of aligned blocks are kept in a binary counter: level L holds the
/// product of each complete block [b·B·2^L, (b+1)·B·2^L). A block is built as soon as its last matrix arrives, so a
/// query over matrices already appended only ever meets complete blocks, and matrices can be appended while earlier
/// ranges are queried. Every stored product is a product of stochastic matrices (rows sum to 1, entries in [0, 1]),
/// so no cancellation builds up in the tree.
/// </remarks>
internal sealed class TransitionProducts
{
    /// <summary>Matrices per level-0 block: the raw matrices are sparse, so short runs are applied one by one.</summary>
    private const int BlockSize = 8;

    private readonly int states;
    private int[] rowStart = new int[65];
    private int[] rowState = new int[64];
    private double[] rowValues;
    private readonly List<double[]> levels = [];
    private readonly List<int> levelCounts = [];

    public TransitionProducts(int states)
    {
        this.states = states;
        rowValues = new double[64 * states];
    }

    /// <summary>Number of matrices appended.</summary>
    public int Count { get; private set; }

    /// <summary>
    /// Appends the next transition matrix, given by its rows that differ from the identity: <paramref name="h"/> is
    /// the full matrix (states × states, row-major) and <paramref name="moved"/> the indices of those rows.
    /// </summary>
    public void Append(ReadOnlySpan<int> moved, ReadOnlySpan<double> h)
    {
        var used = rowStart[Count];
        EnsureRows(used + moved.Length);
        if (Count + 1 >= rowStart.Length)
        {
            Array.Resize(ref rowStart, rowStart.Length * 2);
        }
        foreach (var j in moved)
        {
            rowState[used] = j;
            h.Slice(j * states, states).CopyTo(rowValues.AsSpan(used * states, states));
            used++;
        }
        Count++;
        rowStart[Count] = used;
        if (Count % BlockSize == 0)
        {
            AddBlock();
        }
    }

    /// <summary>v ← v H_from H_(from+1) ... H_(to-1), for 0 ≤ from ≤ to ≤ <see cref="Count"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Apply(Span<double> v, int from, int to)
    {
        // A subject's influence is zero until it is first at risk: nothing to carry.
        if (from == to || !v.ContainsAnyExcept(0.0))
        {
            return;
        }
        var k = from;
        while (k < to)
        {
            if (k % BlockSize == 0 && k + BlockSize <= to)
            {
                var level = 0;
                while (level + 1 < levels.Count && k % (BlockSize << (level + 1)) == 0 && k + (BlockSize << (level + 1)) <= to)
                {
                    level++;
                }
                var size = BlockSize << level;
                MultiplyDense(v, levels[level].AsSpan(k / size * states * states, states * states));
                k += size;
            }
            else
            {
                MultiplySparse(v, k);
                k++;
            }
        }
    }

    // v ← v H_k, touching only the rows of H_k that differ from the identity.
    private void MultiplySparse(Span<double> v, int k)
    {
        var first = rowStart[k];
        var last = rowStart[k + 1];
        Span<double> left = stackalloc double[last - first];
        for (var r = first; r < last; r++)
        {
            left[r - first] = v[rowState[r]];
            v[rowState[r]] = 0;
        }
        for (var r = first; r < last; r++)
        {
            var weight = left[r - first];
            if (weight == 0)
            {
                continue;
            }
            var row = rowValues.AsSpan(r * states, states);
            for (var m = 0; m < states; m++)
            {
                v[m] += weight * row[m];
            }
        }
    }

    private void MultiplyDense(Span<double> v, ReadOnlySpan<double> matrix)
    {
        Span<double> result = stackalloc double[states];
        for (var a = 0; a < states; a++)
        {
            var weight = v[a];
            if (weight == 0)
            {
                continue;
            }
            var row = matrix.Slice(a * states, states);
            for (var m = 0; m < states; m++)
            {
                result[m] += weight * row[m];
            }
        }
        result.CopyTo(v);
    }

    // The block of the last BlockSize matrices at level 0, then carries upwards as a binary counter does.
    private void AddBlock()
    {
        var squared = states * states;
        var block = new double[squared];
        for (var a = 0; a < states; a++)
        {
            block[a * states + a] = 1;
        }
        for (var k = Count - BlockSize; k < Count; k++)
        {
            for (var a = 0; a < states; a++)
            {
                MultiplySparse(block.AsSpan(a * states, states), k);
            }
        }
        var level = 0;
        while (true)
        {
            if (levels.Count == level)
            {
                levels.Add(new double[4 * squared]);
                levelCounts.Add(0);
            }
            var index = levelCounts[level];
            var store = levels[level];
            if ((index + 1) * squared > store.Length)
            {
                Array.Resize(ref store, store.Length * 2);
                levels[level] = store;
            }
            block.CopyTo(store.AsSpan(index * squared, squared));
            levelCounts[level] = index + 1;
            if (index % 2 == 0)
            {
                return;
            }
            // Two neighbours complete a block one level up: their product, left first.
            var product = new double[squared];
            Multiply(store.AsSpan((index - 1) * squared, squared), store.AsSpan(index * squared, squared), product, states);
            block = product;
            level++;
        }
    }

    /// <summary>result ← left × right, square matrices of the given size, row-major.</summary>
    internal static void Multiply(ReadOnlySpan<double> left, ReadOnlySpan<double> right, Span<double> result, int size)
    {
        result.Clear();
        for (var a = 0; a < size; a++)
        {
            for (var b = 0; b < size; b++)
            {
                var weight = left[a * size + b];
                if (weight == 0)
                {
                    continue;
                }
                for (var m = 0; m < size; m++)
                {
                    result[a * size + m] += weight * right[b * size + m];
                }
            }
        }
    }

    private void EnsureRows(int count)
    {
        if (count > rowState.Length)
        {
            var size = Math.Max(count, rowState.Length * 2);
            Array.Resize(ref rowState, size);
            Array.Resize(ref rowValues, size * states);
        }
    }
}
