namespace RepoML.Onnx;

/// <summary>
/// A model's input values for runs of one set of shapes, made once and refilled for every run: each numeric input's
/// value wraps a pinned managed buffer, each string input is a native string tensor written again element by element.
/// Creating the values is most of a small model's run (about 1.5 µs an input: 20 inputs of the sample model cost more
/// than its trees), so a server keeps them (<see cref="OnnxServingSession.RentInputs"/>). Not thread-safe: one run at a time.
/// </summary>
public sealed class OnnxRunInputs : IDisposable
{
    private readonly Array?[] buffers;
    private readonly Action<OnnxRunInputs>? returnTo;
    private bool destroyed;
    private int lent;

    internal OnnxRunInputs(IReadOnlyList<OnnxTensorInfo> inputs, IReadOnlyList<long[]> shapes, Action<OnnxRunInputs>? returnTo)
    {
        if (shapes.Count != inputs.Count)
        {
            throw new ArgumentException($"{shapes.Count} shapes for {inputs.Count} inputs", nameof(shapes));
        }

        this.returnTo = returnTo;
        Shapes = shapes;
        Names = [.. inputs.Select(i => i.Name)];
        Types = [.. inputs.Select(i => i.DataType ?? throw new ArgumentException($"input '{i.Name}' is not a tensor", nameof(inputs)))];
        buffers = new Array?[inputs.Count];
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
                buffers[i] = Buffer(Types[i], count, pinned: returnTo is not null);
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

    /// <summary>
    /// Writes <paramref name="source"/> (a <c>float[]</c>, <c>string[]</c>, … of the input's managed element type, as in
    /// <see cref="OnnxTensor.ElementType"/>) into input <paramref name="input"/> from element <paramref name="offset"/> on.
    /// </summary>
    public void Write(int input, Array source, int offset)
    {
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

    /// <summary>Whether these values have exactly <paramref name="shapes"/>.</summary>
    public bool Fits(IReadOnlyList<long[]> shapes)
    {
        if (shapes.Count != Shapes.Count)
        {
            return false;
        }

        for (var i = 0; i < shapes.Count; i++)
        {
            if (!shapes[i].AsSpan().SequenceEqual(Shapes[i]))
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

    /// <summary>
    /// A numeric input's buffer (FP16 as <see cref="Float16"/>, which ONNX Runtime reads as it is). A pinned one is on
    /// the pinned object heap: it stays pinned as long as the values are kept, and pinned arrays in the ordinary heap
    /// would stop the garbage collector from compacting around them.
    /// </summary>
    private static Array Buffer(TensorDataType type, int count, bool pinned) => type switch
    {
        TensorDataType.Bool => GC.AllocateArray<bool>(count, pinned),
        TensorDataType.UInt8 => GC.AllocateArray<byte>(count, pinned),
        TensorDataType.UInt16 => GC.AllocateArray<ushort>(count, pinned),
        TensorDataType.UInt32 => GC.AllocateArray<uint>(count, pinned),
        TensorDataType.UInt64 => GC.AllocateArray<ulong>(count, pinned),
        TensorDataType.Int8 => GC.AllocateArray<sbyte>(count, pinned),
        TensorDataType.Int16 => GC.AllocateArray<short>(count, pinned),
        TensorDataType.Int32 => GC.AllocateArray<int>(count, pinned),
        TensorDataType.Int64 => GC.AllocateArray<long>(count, pinned),
        TensorDataType.Fp16 => GC.AllocateArray<Float16>(count, pinned),
        TensorDataType.Fp32 => GC.AllocateArray<float>(count, pinned),
        TensorDataType.Fp64 => GC.AllocateArray<double>(count, pinned),
        _ => throw new ArgumentException($"{type} has no numeric buffer", nameof(type)),
    };

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
        foreach (var value in Values)
        {
            value?.Dispose();
        }
    }
}
