namespace RepoML.Serving.Scoring;

/// <summary>One model input as a table column: <see cref="RowWidth"/> values per row (1 for [-1] or [-1,1]).</summary>
public sealed record TableInput(string Name, TensorDataType? DataType, IReadOnlyList<long> Shape, int RowWidth)
{
    /// <summary>What the input is (<see cref="OnnxTensorInfo.Kind"/>), to name one that is not a tensor.</summary>
    public string Kind { get; init; } = "tensor";

    /// <summary><see cref="Kind"/> after its article: "a sequence", "an optional value".</summary>
    public string KindWithArticle => OnnxTensorInfo.WithArticle(Kind);

    /// <summary>The tensor shape for <paramref name="rows"/> rows (a scalar input takes one row as a scalar).</summary>
    public long[] ShapeFor(int rows) => Shape.Count == 0 ? [] : Shape.Count == 1 ? [rows] : [rows, .. Shape.Skip(1).Select(d => d < 0 ? 1 : d)];

    /// <summary>How many rows this input takes when it fixes the number: 1 for a scalar, a first dimension of fixed size; null when any number fits.</summary>
    public long? FixedRows => Shape.Count == 0 ? 1 : Shape[0] >= 0 ? Shape[0] : null;
}
