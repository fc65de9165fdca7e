namespace RepoML.Core.Monitoring;

/// <summary>Rows of raw cells (null = missing) under named columns: a baseline CSV or collected requests flattened.</summary>
/// <param name="Keys">Per row, the join key to model outputs (<c>correlationid#row</c>); null for baseline files.</param>
public sealed record CellTable(IReadOnlyList<string> Columns, IReadOnlyList<string?[]> Rows, IReadOnlyList<string?>? Keys = null)
{
    public int Index(string column) => Columns.ToList().IndexOf(column);

    public IReadOnlyList<string?> Column(string column)
    {
        var index = Index(column);
        return index < 0 ? new string?[Rows.Count] : [.. Rows.Select(r => index < r.Length ? r[index] : null)];
    }
}
