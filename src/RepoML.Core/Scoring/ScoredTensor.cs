namespace RepoML.Core.Scoring;

/// <summary>
/// One output of a scored batch, row-major. Numeric and boolean outputs are in <see cref="Numbers"/>
/// (booleans as 0/1), string outputs in <see cref="Strings"/>.
/// </summary>
public sealed record ScoredTensor(string Name, TensorElementKind ElementKind, int Rows, int RowWidth, double[]? Numbers, string[]? Strings)
{
    /// <summary>The number at <paramref name="row"/>, <paramref name="column"/>; throws for string outputs.</summary>
    public double NumberAt(int row, int column = 0) =>
        (Numbers ?? throw new InvalidOperationException($"output '{Name}' holds strings"))[(row * RowWidth) + column];

    /// <summary>The value at <paramref name="row"/>, <paramref name="column"/> as text (numbers in invariant round-trip form).</summary>
    public string TextAt(int row, int column = 0) =>
        Strings is not null ? Strings[(row * RowWidth) + column] : NumberAt(row, column).ToString("R",
            System.Globalization.CultureInfo.InvariantCulture);
}
