namespace RepoML.Serving.Scoring;

/// <summary>
/// A model seen as a table scorer: each input takes a column (or, for a single wide input, a whole row),
/// each per-row output becomes a field of the row's answer.
/// </summary>
public sealed class TableModel
{
    public TableModel(OnnxServingSession session)
    {
        Session = session;
        Inputs = [.. session.Inputs.Select(i => new TableInput(i.Name, i.DataType, i.Shape, RowWidth(i.Shape)) { Kind = i.Kind })];
        var perRow = session.Outputs.Where(o => o.DataType is not null && o.Shape is [< 0, ..]).Select(o => o.Name).ToArray();
        OutputNames = perRow.Length > 0 ? perRow : [.. session.Outputs.Where(o => o.DataType is not null).Select(o => o.Name)];
        Unfillable = Inputs.FirstOrDefault(i => i.DataType is null || i.RowWidth == 0 || (i.RowWidth < 0 && !i.VariableRow));
        // Requests with rows of another length cannot share a run.
        Batchable = Unfillable is null && Inputs.All(i => i.Shape is [< 0, ..] && !i.VariableRow);
        var fixedRows = Inputs.Where(i => i.FixedRows is not null).ToList();
        RowConflict = fixedRows.FirstOrDefault(i => i.FixedRows != fixedRows[0].FixedRows) is { } other
            ? $"model inputs '{fixedRows[0].Name}' [{string.Join(',', fixedRows[0].Shape)}] and '{other.Name}' [{string.Join(',', other.Shape)}] " +
              "take different numbers of rows"
            : null;
    }

    /// <summary>
    /// Whether every input takes exactly one row (a first dimension of 1, as PyTorch exports fix the batch, or a scalar): several rows
    /// are then scored one run each (<see cref="RowByRow"/>) rather than refused.
    /// </summary>
    public bool RowByRow => Unfillable is null && Inputs.Count > 0 && Inputs.All(i => i.FixedRows == 1);

    /// <summary>Why no number of rows fits every input (two fix different numbers: <see cref="TableInput.FixedRows"/>); null when one does.</summary>
    public string? RowConflict { get; }

    public OnnxServingSession Session { get; }

    public IReadOnlyList<TableInput> Inputs { get; }

    /// <summary>Outputs returned by /score: every per-row tensor output (exporters add constant side outputs).</summary>
    public IReadOnlyList<string> OutputNames { get; }

    /// <summary>Whether rows of several requests can be stacked into one run: every input has a dynamic first dimension.</summary>
    public bool Batchable { get; }

    /// <summary>The first input table rows cannot fill (not a tensor, or a row width that is not fixed); null when all can.</summary>
    public TableInput? Unfillable { get; }

    /// <summary>The column names of the last request that named them, and where each input is among them (clients send the same every
    /// time).</summary>
    internal ColumnLayout? LastLayout
    {
        get => Volatile.Read(ref lastLayout);
        set => Volatile.Write(ref lastLayout, value);
    }

    private ColumnLayout? lastLayout;

    private static int RowWidth(IReadOnlyList<long> shape) =>
        shape.Count <= 1 ? 1 : shape.Skip(1).Aggregate(1, (w, d) => d < 0 || w < 0 ? -1 : w * (int)d);
}
