using System.Buffers;
using System.Globalization;

namespace RepoML.Onnx;

/// <summary>
/// Per-call input buffers, rented once and refilled for every batch, so scoring a large table allocates
/// O(batch) not O(rows). Numeric inputs are handed to ONNX Runtime without copying (pinned memory). An input wider than
/// one value per row ([N,4], an sklearn export's one feature input) takes several columns, in order.
/// </summary>
internal sealed class OnnxInputBuffers : IDisposable
{
    private readonly ModelTensor input;
    private readonly int[] columns;
    private readonly long[] rowShape;
    private readonly float[]? floats;
    private readonly double[]? doubles;
    private readonly long[]? longs;
    private readonly int[]? ints;
    private readonly bool[]? bools;

    /// <param name="input">The model input.</param>
    /// <param name="columns">The table columns that fill each row of it: one, or its row width's worth.</param>
    /// <param name="batchSize">Rows per batch.</param>
    public OnnxInputBuffers(ModelTensor input, int[] columns, int batchSize)
    {
        this.input = input;
        this.columns = columns;
        // A wide input's dimensions after the batch are fixed (its row width is known); a one-column input is [N] or [N,1].
        rowShape = columns.Length > 1 ? [.. input.Shape.Skip(1)] : input.Shape.Count == 1 ? [] : [1];
        batchSize *= columns.Length;
        switch (input.ElementKind)
        {
            case TensorElementKind.Float: floats = ArrayPool<float>.Shared.Rent(batchSize); break;
            case TensorElementKind.Double: doubles = ArrayPool<double>.Shared.Rent(batchSize); break;
            case TensorElementKind.Int64: longs = ArrayPool<long>.Shared.Rent(batchSize); break;
            case TensorElementKind.Int32: ints = ArrayPool<int>.Shared.Rent(batchSize); break;
            case TensorElementKind.Bool: bools = ArrayPool<bool>.Shared.Rent(batchSize); break;
            case TensorElementKind.String: break;
            default: throw new ScoringInputException($"input '{input.Name}' has element type {input.ElementKind}, which table rows cannot fill");
        }
    }

    /// <summary>Fills the buffer from rows [start, start+count) and wraps it in an OrtValue of shape [count, 1] (or [count], or
    /// [count, …] for a wide input).</summary>
    public OrtValue Fill(IReadOnlyList<IReadOnlyList<string>> rows, int start, int count)
    {
        long[] shape = [count, .. rowShape];
        var width = columns.Length;
        if (input.ElementKind == TensorElementKind.String)
        {
            var value = OrtValue.CreateTensorWithEmptyStrings(OrtAllocator.DefaultInstance, shape);
            for (var i = 0; i < count * width; i++)
            {
                value.StringTensorSetElementAt(Cell(rows, start + (i / width), i % width).AsSpan(), i);
            }

            return value;
        }

        for (var i = 0; i < count * width; i++)
        {
            var row = start + (i / width);
            var text = Cell(rows, row, i % width);
            if (floats is not null) { floats[i] = (float)Number(text, row); }
            else if (doubles is not null) { doubles[i] = Number(text, row); }
            else if (longs is not null) { longs[i] = Integer(text, row); }
            else if (ints is not null) { ints[i] = checked((int)Integer(text, row)); }
            else if (bools is not null) { bools[i] = Boolean(text, row); }
        }

        var memory = OrtMemoryInfo.DefaultInstance;
        var length = count * width;
        return floats is not null ? OrtValue.CreateTensorValueFromMemory(memory, floats.AsMemory(0, length), shape)
            : doubles is not null ? OrtValue.CreateTensorValueFromMemory(memory, doubles.AsMemory(0, length), shape)
            : longs is not null ? OrtValue.CreateTensorValueFromMemory(memory, longs.AsMemory(0, length), shape)
            : ints is not null ? OrtValue.CreateTensorValueFromMemory(memory, ints.AsMemory(0, length), shape)
            : OrtValue.CreateTensorValueFromMemory(memory, bools!.AsMemory(0, length), shape);
    }

    /// <summary>Rows [start, start+count) of a float or string input as a new array of exactly that many values.</summary>
    public Array Column(IReadOnlyList<IReadOnlyList<string>> rows, int start, int count)
    {
        if (input.ElementKind == TensorElementKind.String)
        {
            var texts = new string[count];
            for (var i = 0; i < count; i++)
            {
                texts[i] = Cell(rows, start + i);
            }

            return texts;
        }

        var numbers = new float[count];
        for (var i = 0; i < count; i++)
        {
            numbers[i] = (float)Number(Cell(rows, start + i), start + i);
        }

        return numbers;
    }

    public void Dispose()
    {
        if (floats is not null) { ArrayPool<float>.Shared.Return(floats); }
        if (doubles is not null) { ArrayPool<double>.Shared.Return(doubles); }
        if (longs is not null) { ArrayPool<long>.Shared.Return(longs); }
        if (ints is not null) { ArrayPool<int>.Shared.Return(ints); }
        if (bools is not null) { ArrayPool<bool>.Shared.Return(bools); }
    }

    private string Cell(IReadOnlyList<IReadOnlyList<string>> rows, int row, int slot = 0)
    {
        var cells = rows[row];
        var column = columns[slot];
        return column < cells.Count ? cells[column]
            : throw new ScoringInputException($"row {row}: has {cells.Count} cells, input '{input.Name}' needs cell {column + 1}");
    }

    // An empty cell, or one spelled NA, null…, is a missing value: NaN, which tree ensembles route and imputers replace.
    private double Number(string text, int row) =>
        RepoML.Core.Profiles.MissingCell.Is(text) ? double.NaN
        : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value
        : throw Bad(text, row, "a number");

    private long Integer(string text, int row) =>
        long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : throw Bad(text, row, "an integer");

    private bool Boolean(string text, int row) => text.Trim().ToLowerInvariant() switch
    {
        "true" or "1" => true,
        "false" or "0" => false,
        _ => throw Bad(text, row, "a boolean"),
    };

    private ScoringInputException Bad(string text, int row, string expected) =>
        new($"row {row}, column '{input.Name}': '{text}' is not {expected}") { Row = row, Problem = $"column '{input.Name}': '{text}' is not {expected}" };
}
