using System.Collections.Concurrent;
using RepoML.Onnx.Graphs;

namespace RepoML.Onnx;

/// <summary>
/// Idle <see cref="OnnxRunInputs"/> of one session, by shapes. Only small sets are kept (a coalescing server sees each
/// batch size over and over); a large input is made for its run and freed after it, so the pool never holds much memory.
/// </summary>
internal sealed class OnnxInputPool(IReadOnlyList<OnnxTensorInfo> inputs, FeatureVectorLayout? layout = null) : IDisposable
{
    /// <summary>Elements of all inputs together up to which a set is kept (256 KiB of floats).</summary>
    public const long MaxKeptElements = 65_536;

    /// <summary>Idle sets kept per shape: as many as runs that go at once, in practice.</summary>
    private const int MaxIdlePerShape = 8;

    private readonly ConcurrentDictionary<long, Shelf> idle = new();
    private volatile bool disposed;

    public OnnxRunInputs Rent(IReadOnlyList<long[]> shapes)
    {
        if (idle.TryGetValue(Key(shapes), out var shelf) && shelf.TryTake(out var kept))
        {
            if (kept.Fits(shapes))
            {
                return kept.Lend();
            }

            kept.Destroy();
        }

        // A feature vector holds a row's one-hot blocks too: its own size is what a kept set would hold on to.
        var elements = layout is null ? shapes.Sum(OnnxTensor.ElementsOf) : (shapes is [[var rows, ..], ..] ? rows * (long)layout.Width : 0);
        return new OnnxRunInputs(inputs, shapes, elements <= MaxKeptElements ? Return : null, layout).Lend();
    }

    public void Dispose()
    {
        disposed = true;
        foreach (var shelf in idle.Values)
        {
            while (shelf.TryTake(out var set))
            {
                set.Destroy();
            }
        }
    }

    private void Return(OnnxRunInputs set)
    {
        var shelf = idle.GetOrAdd(Key(set.Shapes), _ => new Shelf());
        if (disposed || !shelf.TryAdd(set))
        {
            set.Destroy();
            return;
        }

        if (disposed && shelf.TryTake(out var late))
        {
            // Disposed while this set was being added: free it rather than leave it behind.
            late.Destroy();
        }
    }

    /// <summary>
    /// The shelf a set of these shapes goes on. For a feature vector's inputs, all [rows, 1] columns, that is the rows
    /// alone (a one-row run then hashes no shapes); other shapes, which no such set fits, are hashed whole.
    /// </summary>
    private long Key(IReadOnlyList<long[]> shapes)
    {
        if (layout is not null && shapes is [[var rows, 1], ..] && AllColumnsOf(shapes, rows))
        {
            return rows;
        }

        var key = 17L;
        foreach (var shape in shapes)
        {
            foreach (var dimension in shape)
            {
                key = (key * 31) + dimension;
            }

            key *= 7;
        }

        return key;
    }

    private static bool AllColumnsOf(IReadOnlyList<long[]> shapes, long rows)
    {
        for (var i = 0; i < shapes.Count; i++)
        {
            if (shapes[i] is not [var r, 1] || r != rows)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Idle sets of one shape, counted as they come and go: a bag's own count locks every thread's list, which cost a
    /// one-row run more than renting itself. Returns that race each other may each add one past the bound.
    /// </summary>
    private sealed class Shelf
    {
        private readonly ConcurrentBag<OnnxRunInputs> sets = [];
        private int count;

        public bool TryAdd(OnnxRunInputs set)
        {
            if (Volatile.Read(ref count) >= MaxIdlePerShape)
            {
                return false;
            }

            Interlocked.Increment(ref count);
            sets.Add(set);
            return true;
        }

        public bool TryTake([System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out OnnxRunInputs set)
        {
            if (!sets.TryTake(out set))
            {
                return false;
            }

            Interlocked.Decrement(ref count);
            return true;
        }
    }
}
