namespace RepoML.Core.Scoring;

/// <summary>One named input or output of a model. A shape dimension of -1 is dynamic (typically the batch).</summary>
public sealed record ModelTensor(string Name, TensorElementKind ElementKind, IReadOnlyList<long> Shape)
{
    /// <summary>Values per row: the product of the dimensions after the first (1 for [-1] or [-1,1]); -1 when unknown.</summary>
    public long RowWidth => Shape.Count <= 1 ? 1 : Shape.Skip(1).Aggregate(1L, (width, d) => d < 0 || width < 0 ? -1 : width * d);

    public override string ToString() =>
        $"{Name}: {ElementKind.ToString().ToLowerInvariant()}[{string.Join(',', Shape)}]";
}
