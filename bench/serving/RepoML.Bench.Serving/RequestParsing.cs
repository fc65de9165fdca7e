using System.Globalization;
using System.Text.Json;
using RepoML.Onnx;
using RepoML.Serving.Scoring;

/// <summary>
/// The server's per-request JSON work on one /score body, in-process: the body into a JsonDocument, the document into
/// typed input columns (TableRequestParser), and one row's answer written (ScoreResponse). Best of several rounds.
/// </summary>
internal static class RequestParsing
{
    private const int CallsPerRound = 20_000;

    public static void Run(string modelPath, byte[] body)
    {
        using var session = OnnxServingSession.Load(modelPath);
        var model = new TableModel(session);
        TableBatch batch;
        using (var document = JsonDocument.Parse(body))
        {
            batch = TableRequestParser.Parse(document.RootElement, model);
        }

        var result = new RowBatcher(model, 256, coalesce: false, lanes: 1).ScoreAsync(batch).AsTask().GetAwaiter().GetResult();
        double parse = double.MaxValue, table = double.MaxValue, answer = double.MaxValue;
        for (var round = 0; round < 7; round++)
        {
            parse = Math.Min(parse, CallTimer.MicrosecondsPerCall(() => JsonDocument.Parse(body).Dispose(), CallsPerRound));
            table = Math.Min(table, CallTimer.MicrosecondsPerCall(() =>
            {
                using var document = JsonDocument.Parse(body);
                TableRequestParser.Parse(document.RootElement, model);
            }, CallsPerRound));
            answer = Math.Min(answer, CallTimer.MicrosecondsPerCall(() => ScoreResponse.Write(result), CallsPerRound));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"per request, in-process: body -> JsonDocument {parse:F2} us, -> typed input columns {table - parse:F2} us more, answer written {answer:F2} us"));
    }

}
