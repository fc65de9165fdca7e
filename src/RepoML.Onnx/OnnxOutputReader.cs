namespace RepoML.Onnx;

/// <summary>Accumulates one output across batches into a single row-major array.</summary>
internal sealed class OnnxOutputReader(ModelTensor output, int totalRows)
{
    private double[]? numbers;
    private string[]? strings;
    private int width = -1;

    public void Append(OrtValue value, int start, int count)
    {
        var info = value.GetTensorTypeAndShape();
        if (info.Shape.Length == 0 || info.Shape[0] != count)
        {
            throw new ScoringInputException($"output '{output.Name}' is not one row per input row (shape " +
                $"[{string.Join(',', info.Shape)}] for {count} rows)");
        }

        var rowWidth = count == 0 ? Math.Max(0, width) : checked((int)(info.ElementCount / count));
        if (width < 0)
        {
            width = rowWidth;
        }
        else if (width != rowWidth)
        {
            throw new InvalidOperationException($"output '{output.Name}' changed width between batches ({width} then {rowWidth})");
        }

        var offset = start * width;
        if (info.ElementDataType == TensorElementType.String)
        {
            strings ??= new string[totalRows * width];
            for (var i = 0; i < count * width; i++)
            {
                strings[offset + i] = value.GetStringElement(i);
            }

            return;
        }

        numbers ??= new double[totalRows * width];
        var target = numbers.AsSpan(offset, count * width);
        switch (info.ElementDataType)
        {
            case TensorElementType.Float: Copy(value.GetTensorDataAsSpan<float>(), target); break;
            case TensorElementType.Double: value.GetTensorDataAsSpan<double>().CopyTo(target); break;
            case TensorElementType.Int64: Copy(value.GetTensorDataAsSpan<long>(), target); break;
            case TensorElementType.Int32: Copy(value.GetTensorDataAsSpan<int>(), target); break;
            case TensorElementType.UInt32: Copy(value.GetTensorDataAsSpan<uint>(), target); break;
            case TensorElementType.Bool: Copy(value.GetTensorDataAsSpan<bool>(), target); break;
            default: throw new ScoringInputException($"output '{output.Name}' has element type {info.ElementDataType}, which is not supported");
        }
    }

    public ScoredTensor ToTensor(int rows) => new(output.Name, output.ElementKind, rows, Math.Max(width, 0),
        numbers ?? (strings is null ? [] : null), strings);

    private static void Copy(ReadOnlySpan<float> source, Span<double> target)
    {
        for (var i = 0; i < source.Length; i++) { target[i] = source[i]; }
    }

    private static void Copy(ReadOnlySpan<long> source, Span<double> target)
    {
        for (var i = 0; i < source.Length; i++) { target[i] = source[i]; }
    }

    private static void Copy(ReadOnlySpan<int> source, Span<double> target)
    {
        for (var i = 0; i < source.Length; i++) { target[i] = source[i]; }
    }

    private static void Copy(ReadOnlySpan<uint> source, Span<double> target)
    {
        for (var i = 0; i < source.Length; i++) { target[i] = source[i]; }
    }

    private static void Copy(ReadOnlySpan<bool> source, Span<double> target)
    {
        for (var i = 0; i < source.Length; i++) { target[i] = source[i] ? 1 : 0; }
    }
}
