using Microsoft.ML.OnnxRuntime;
using RepoML.Onnx.Graphs;

namespace RepoML.Onnx;

/// <summary>
/// A model's input values for runs of one set of shapes, made once and refilled for every run: each numeric input's
/// value wraps a pinned managed buffer, each string input is a native string tensor written again element by element.
/// Creating the values is most of a small model's run (about 1.5 µs an input: 20 inputs of the sample model cost more
/// than its trees), so a server keeps them (<see cref="OnnxServingSession.RentInputs"/>). Not thread-safe: one run at a time.
/// For a session whose feature vector was taken out of the graph (<see cref="FeatureVectorFolding"/>) the model's inputs
/// are written into that one vector instead.
/// </summary>
public sealed class OnnxRunInputs : IDisposable
{
    private readonly Array?[] buffers;
    private readonly Action<OnnxRunInputs>? returnTo;
    private readonly FeatureVectorLayout? layout;
    private readonly float[]? vector;
    private readonly long vectorRows = -1;
    private bool destroyed;
    private int lent;

    internal OnnxRunInputs(IReadOnlyList<OnnxTensorInfo> inputs, IReadOnlyList<long[]> shapes, Action<OnnxRunInputs>? returnTo, FeatureVectorLayout? layout = null)
    {
        if (shapes.Count != inputs.Count)
        {
            throw new ArgumentException($"{shapes.Count} shapes for {inputs.Count} inputs", nameof(shapes));
        }

        this.returnTo = returnTo;
        this.layout = layout;
        Shapes = shapes;
        Types = [.. inputs.Select(i => i.DataType ?? throw new ArgumentException($"input '{i.Name}' is not a tensor", nameof(inputs)))];
        buffers = new Array?[inputs.Count];
        if (layout is not null)
        {
            var rows = vectorRows = RowsOf(shapes);
            vector = GC.AllocateArray<float>(checked((int)rows * layout.Width), pinned: returnTo is not null);
            Names = [layout.VectorInput];
            Values = [OnnxTensorConverter.Wrap(TensorDataType.Fp32, vector, [rows, layout.Width])];
            return;
        }

        Names = [.. inputs.Select(i => i.Name)];
        Values = new OrtValue[inputs.Count];
        try
        {
            for (var i = 0; i < inputs.Count; i++)
            {
                var count = checked((int)OnnxTensor.ElementsOf(shapes[i]));
                if (Types[i] == TensorDataType.Bytes)
                {
                    Values[i] = OrtValue.CreateTensorWithEmptyStrings(OrtAllocator.DefaultInstance, shapes[i]);
                    continue;
                }

                // A kept set lives on the pinned heap; a one-run set (large inputs) is ordinary garbage after its run,
                // which the pinned heap, collected only with generation 2, would hold on to.
                buffers[i] = OnnxTensorConverter.Buffer(Types[i], count, pinned: returnTo is not null);
                Values[i] = OnnxTensorConverter.Wrap(Types[i], buffers[i]!, shapes[i]);
            }
        }
        catch
        {
            Destroy();
            throw;
        }
    }

    /// <summary>Each input's shape, in model input order.</summary>
    public IReadOnlyList<long[]> Shapes { get; }

    internal string[] Names { get; }

    internal TensorDataType[] Types { get; }

    internal OrtValue[] Values { get; }

    /// <summary>Whether these values are kept for later runs (and so worth binding).</summary>
    internal bool Kept => returnTo is not null;

    /// <summary>Runs of these values with their outputs bound (<see cref="OnnxBoundRun"/>), once a run has shown the outputs' shapes.</summary>
    internal OnnxBoundRun? Bound { get; private set; }

    /// <summary>Set when a bound run failed where an ordinary one did not: the outputs' shapes vary, so these values are never bound again.</summary>
    internal bool Unbindable { get; private set; }

    /// <summary>Binds these values' runs to <paramref name="bound"/>.</summary>
    internal void Bind(OnnxBoundRun bound) => Bound = bound;

    /// <summary>Drops the bound run; <paramref name="forGood"/> when it failed where an ordinary run of the same values did not.</summary>
    internal void Unbind(bool forGood)
    {
        Bound?.Dispose();
        Bound = null;
        Unbindable |= forGood;
    }

    /// <summary>
    /// Writes <paramref name="source"/> (a <c>float[]</c>, <c>string[]</c>, … of the input's managed element type, as in
    /// <see cref="OnnxTensor.ElementType"/>) into input <paramref name="input"/> from element <paramref name="offset"/> on.
    /// </summary>
    public void Write(int input, Array source, int offset)
    {
        if (layout is not null)
        {
            layout.Write(input, source, vector, offset);
            return;
        }

        switch (Types[input])
        {
            case TensorDataType.Bytes:
                var strings = (string[])source;
                for (var i = 0; i < strings.Length; i++)
                {
                    Values[input].StringTensorSetElementAt(strings[i].AsSpan(), offset + i);
                }

                break;
            case TensorDataType.Fp16:
                var halves = (Float16[])buffers[input]!;
                var floats = (float[])source;
                for (var i = 0; i < floats.Length; i++)
                {
                    halves[offset + i] = (Float16)floats[i];
                }

                break;
            default:
                Array.Copy(source, 0, buffers[input]!, offset, source.Length);
                break;
        }
    }

    /// <summary>The rows of a feature vector for inputs of <paramref name="shapes"/>: each must be [rows, 1], with the same rows.</summary>
    private static long RowsOf(IReadOnlyList<long[]> shapes)
    {
        var rows = shapes.Count > 0 && shapes[0] is [var first, 1] ? first : -1;
        if (rows < 0 || shapes.Any(s => s is not [var r, 1] || r != rows))
        {
            // The caller's shapes (a v2 or gRPC request's): a client error, answered 400 / INVALID_ARGUMENT, never a server one.
            throw new ScoringInputException($"inputs of shapes {string.Join(", ", shapes.Select(s => $"[{string.Join(',', s)}]"))} are not one " +
                "[rows, 1] column each with the same rows, as this model's inputs (built into one feature vector) must be");
        }

        return rows;
    }

    /// <summary>Whether these values have exactly <paramref name="shapes"/>.</summary>
    public bool Fits(IReadOnlyList<long[]> shapes)
    {
        if (shapes.Count != Shapes.Count)
        {
            return false;
        }

        // A feature vector's inputs are all [rows, 1]: comparing each with the rows is enough.
        for (var i = 0; i < shapes.Count; i++)
        {
            if (vectorRows >= 0 ? shapes[i] is not [var r, 1] || r != vectorRows : !shapes[i].AsSpan().SequenceEqual(Shapes[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Gives the values back to their session for the next run of these shapes (or frees them); once per rent.</summary>
    public void Dispose()
    {
        // A second Dispose must not put the set in the pool twice, where two runs could then fill it at once.
        if (Interlocked.Exchange(ref lent, 0) == 0)
        {
            return;
        }

        if (returnTo is null)
        {
            Destroy();
        }
        else
        {
            returnTo(this);
        }
    }

    /// <summary>Marks the values as handed to a run (the pool calls this on every rent).</summary>
    internal OnnxRunInputs Lend()
    {
        Volatile.Write(ref lent, 1);
        return this;
    }

    /// <summary>Frees the native values.</summary>
    internal void Destroy()
    {
        if (destroyed)
        {
            return;
        }

        destroyed = true;
        Bound?.Dispose();
        foreach (var value in Values)
        {
            value?.Dispose();
        }
    }
}
