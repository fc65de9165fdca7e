using Microsoft.ML.Data;

namespace RepoML.Training.Data;

/// <summary>
/// An in-memory ML.NET data view over typed columns (float, text, bool). Its column names become the ONNX
/// input names when a model is exported, which is why the table is not loaded through a class with fixed fields.
/// </summary>
internal sealed class TableDataView : IDataView
{
    private readonly Array[] columns;
    private readonly int rowCount;

    public TableDataView(IReadOnlyList<(string Name, Array Values)> columns)
    {
        var builder = new DataViewSchema.Builder();
        foreach (var (name, values) in columns)
        {
            builder.AddColumn(name, values switch
            {
                float[] => NumberDataViewType.Single,
                bool[] => BooleanDataViewType.Instance,
                ReadOnlyMemory<char>[] => TextDataViewType.Instance,
                _ => throw new ArgumentException($"unsupported column type {values.GetType()}"),
            });
        }

        Schema = builder.ToSchema();
        this.columns = [.. columns.Select(c => c.Values)];
        rowCount = columns.Count == 0 ? 0 : columns[0].Values.Length;
    }

    public bool CanShuffle => false;

    public DataViewSchema Schema { get; }

    public long? GetRowCount() => rowCount;

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null) => new Cursor(this);

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) => [new Cursor(this)];

    private sealed class Cursor(TableDataView view) : DataViewRowCursor
    {
        private long position = -1;

        public override DataViewSchema Schema => view.Schema;

        public override long Position => position;

        public override long Batch => 0;

        public override bool IsColumnActive(DataViewSchema.Column column) => true;

        public override bool MoveNext()
        {
            position++;
            return position < view.rowCount;
        }

        public override ValueGetter<DataViewRowId> GetIdGetter() => (ref DataViewRowId value) => value = new DataViewRowId((ulong)position, 0);

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
        {
            if (view.columns[column.Index] is not TValue[] values)
            {
                throw new InvalidOperationException($"column '{column.Name}' is not of type {typeof(TValue).Name}");
            }

            return (ref TValue value) => value = values[position];
        }
    }
}
