using System.Buffers;

namespace RepoML.Workflows.Serving;

/// <summary>
/// A mini-batch as the JSON body a custom scorer's <c>Run</c> receives: Azure ML's
/// <c>{"input_data": {"columns": […], "index": […], "data": [[…], …]}}</c> (pandas' split orientation, as a batch
/// scoring script receives a DataFrame). CSV cells that are numbers are JSON numbers, empty cells null, others strings.
/// </summary>
public static class BatchRequestBody
{
    public static string Write(IReadOnlyList<string> columns, IReadOnlyList<BatchRow> rows)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartObject("input_data");
            json.WriteStartArray("columns");
            foreach (var column in columns)
            {
                json.WriteStringValue(column);
            }

            json.WriteEndArray();
            json.WriteStartArray("index");
            foreach (var row in rows)
            {
                json.WriteNumberValue(row.Index);
            }

            json.WriteEndArray();
            json.WriteStartArray("data");
            foreach (var row in rows)
            {
                json.WriteStartArray();
                foreach (var cell in row.Cells)
                {
                    WriteCell(json, cell);
                }

                json.WriteEndArray();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteCell(Utf8JsonWriter json, string cell)
    {
        if (cell.Length == 0)
        {
            json.WriteNullValue();
        }
        else if (double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number))
        {
            json.WriteNumberValue(number);
        }
        else
        {
            json.WriteStringValue(cell);
        }
    }
}
