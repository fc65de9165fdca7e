namespace RepoML.Serving.Scoring;

/// <summary>One model input as a table column: <see cref="RowWidth"/> values per row (1 for [-1] or [-1,1]).</summary>
public sealed record TableInput(string Name, TensorDataType? DataType, IReadOnlyList<long> Shape, int RowWidth)
{
    /// <summary>The tensor shape for <paramref name="rows"/> rows.</summary>
    public long[] ShapeFor(int rows) => Shape.Count <= 1 ? [rows] : [rows, .. Shape.Skip(1).Select(d => d < 0 ? 1 : d)];
}
