using System.Globalization;
using System.Text.Json;
using RepoML.Onnx;
using RepoML.Serving.Scoring;

/// <summary>
/// What refilling kept input values saves per model run against making tensors for every run, as the scoring server's
/// coalesced runs do, at the batch sizes coalescing produces. Old and new alternate in one process, so a noisy machine
/// slows both alike; the best of several rounds is printed.
/// </summary>
internal static class InputReuse
{
    private const int RunsPerRound = 2000;

    public static void Run(string modelPath, JsonElement row, IReadOnlyList<string> columns)
    {
        using var session = OnnxServingSession.Load(modelPath);
        var table = new TableModel(session);
        var outputs = table.OutputNames;
        Console.WriteLine("rows a run   fresh tensors (us/run)   kept inputs refilled (us/run)   saved");
        foreach (var rows in new[] { 1, 6, 16 })
        {
            var columnsData = session.Inputs.Select(i => Column(i, row[Index(columns, i.Name)], rows)).ToArray();
            var shapes = table.Inputs.Select(i => i.ShapeFor(rows)).ToArray();
            void Fresh() => session.Run([.. session.Inputs.Select((input, i) => new OnnxTensor(input.Name, input.DataType!.Value, shapes[i], columnsData[i]))], outputs);
            void Kept()
            {
                using var values = session.RentInputs(shapes);
                for (var i = 0; i < columnsData.Length; i++)
                {
                    values.Write(i, columnsData[i], 0);
                }

                session.Run(values, outputs);
            }

            var fresh = double.MaxValue;
            var kept = double.MaxValue;
            for (var round = 0; round < 7; round++)
            {
                fresh = Math.Min(fresh, CallTimer.MicrosecondsPerCall(Fresh, RunsPerRound));
                kept = Math.Min(kept, CallTimer.MicrosecondsPerCall(Kept, RunsPerRound));
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{rows,10} {fresh,24:F1} {kept,31:F1} {1 - (kept / fresh),7:P0}"));
        }
    }


    private static int Index(IReadOnlyList<string> columns, string name) =>
        columns.Select((c, i) => (c, i)).First(p => p.c == name).i;

    private static Array Column(OnnxTensorInfo input, JsonElement cell, int rows) => input.DataType == TensorDataType.Bytes
        ? Enumerable.Repeat(cell.ValueKind == JsonValueKind.String ? cell.GetString()! : cell.GetRawText(), rows).ToArray()
        : Enumerable.Repeat((float)cell.GetDouble(), rows).ToArray();
}
