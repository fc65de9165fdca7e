namespace RepoML.Serving.Scoring;

/// <summary>
/// One model input as a table column: <see cref="RowWidth"/> values per row (1 for [-1] or [-1,1]); -1 where a dimension after
/// the batch has no fixed size, which a request settles when it is the only one (<see cref="VariableRow"/>).
/// </summary>
public sealed record TableInput(string Name, TensorDataType? DataType, IReadOnlyList<long> Shape, int RowWidth)
{
    /// <summary>What the input is (<see cref="OnnxTensorInfo.Kind"/>), to name one that is not a tensor.</summary>
    public string Kind { get; init; } = "tensor";

    /// <summary><see cref="Kind"/> after its article: "a sequence", "an optional value".</summary>
    public string KindWithArticle => OnnxTensorInfo.WithArticle(Kind);

    /// <summary>The tensor shape for <paramref name="rows"/> rows (a scalar input takes one row as a scalar).</summary>
    public long[] ShapeFor(int rows) => Shape.Count == 0 ? [] : Shape.Count == 1 ? [rows] : [rows, .. Shape.Skip(1).Select(d => d < 0 ? 1 : d)];

    /// <summary>
    /// Whether one dimension after the batch has no fixed size and all others have (a token sequence [batch, sequence]): each
    /// request's rows say how long it is, all of them equally long.
    /// </summary>
    public bool VariableRow => RowWidth < 0 && Shape.Count >= 2 && Shape.Skip(1).Count(d => d < 0) == 1 && !Shape.Contains(0);

    /// <summary>The values of one row per step of the variable dimension: the product of the fixed dimensions after the batch.</summary>
    public int FixedWidth => (int)Shape.Skip(1).Where(d => d >= 0).Aggregate(1L, (w, d) => w * d);

    /// <summary>The tensor shape for <paramref name="rows"/> rows of <paramref name="width"/> values each (the variable dimension settled).</summary>
    public long[] ShapeFor(int rows, int width) =>
        !VariableRow ? ShapeFor(rows) : [rows, .. Shape.Skip(1).Select(d => d < 0 ? (FixedWidth == 0 ? 0 : width / FixedWidth) : d)];

    /// <summary>How many rows this input takes when it fixes the number: 1 for a scalar, a first dimension of fixed size; null when any number fits.</summary>
    public long? FixedRows => Shape.Count == 0 ? 1 : Shape[0] >= 0 ? Shape[0] : null;
}
