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

    private readonly ConcurrentDictionary<long, ConcurrentBag<OnnxRunInputs>> idle = new();
    private volatile bool disposed;

    public OnnxRunInputs Rent(IReadOnlyList<long[]> shapes)
    {
        if (idle.TryGetValue(Key(shapes), out var bag) && bag.TryTake(out var kept))
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
        foreach (var bag in idle.Values)
        {
            while (bag.TryTake(out var set))
            {
                set.Destroy();
            }
        }
    }

    private void Return(OnnxRunInputs set)
    {
        var bag = idle.GetOrAdd(Key(set.Shapes), _ => []);
        if (disposed || bag.Count >= MaxIdlePerShape)
        {
            set.Destroy();
            return;
        }

        bag.Add(set);
        if (disposed && bag.TryTake(out var late))
        {
            // Disposed while this set was being added: free it rather than leave it behind.
            late.Destroy();
        }
    }

    private static long Key(IReadOnlyList<long[]> shapes)
    {
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
}
