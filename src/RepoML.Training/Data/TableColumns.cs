using RepoML.Core.Profiles;

namespace RepoML.Training.Data;

/// <summary>Turns CSV cells into the typed columns ML.NET trains on, reporting the line of any bad cell.</summary>
internal static class TableColumns
{
    public const string LabelColumn = "__label";

    /// <summary>Feature columns (named after the CSV columns), plus the label when <paramref name="withLabel"/>.</summary>
    public static TableDataView ToDataView(CsvTable table, TrainingSchema schema, bool withLabel)
    {
        var columns = new List<(string, Array)>();
        foreach (var feature in schema.Features)
        {
            var index = table.ColumnIndex(feature.Name);
            columns.Add((feature.Name, feature.Kind == FeatureEncoding.Numeric
                ? Numbers(table, index, feature.Name)
                : table.Rows.Select(r => r[index].AsMemory()).ToArray()));
        }

        if (withLabel)
        {
            var index = table.ColumnIndex(schema.Label);
            columns.Add((LabelColumn, schema.Task switch
            {
                MlTask.Binary => table.Rows.Select(r => r[index] == schema.Classes[1]).ToArray(),
                MlTask.Multiclass => table.Rows.Select(r => r[index].AsMemory()).ToArray(),
                _ => Numbers(table, index, schema.Label),
            }));
        }

        return new TableDataView(columns);
    }

    private static float[] Numbers(CsvTable table, int index, string name)
    {
        var values = new float[table.Rows.Count];
        for (var r = 0; r < values.Length; r++)
        {
            var cell = table.Rows[r][index];
            if (MissingCell.Is(cell))
            {
                values[r] = float.NaN;
            }
            else if (!float.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out values[r]))
            {
                throw new TrainingDataException($"{table.Source}:{table.LineNumbers[r]}: column '{name}' must be numeric, found '{cell}'");
            }
        }

        return values;
    }
}
