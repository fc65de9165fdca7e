using System.Diagnostics;
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
            parse = Math.Min(parse, Time(() => JsonDocument.Parse(body).Dispose()));
            table = Math.Min(table, Time(() =>
            {
                using var document = JsonDocument.Parse(body);
                TableRequestParser.Parse(document.RootElement, model);
            }));
            answer = Math.Min(answer, Time(() => ScoreResponse.Write(result)));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"per request, in-process: body -> JsonDocument {parse:F2} us, -> typed input columns {table - parse:F2} us more, answer written {answer:F2} us"));
    }

    private static double Time(Action work)
    {
        const int Calls = 20_000;
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < Calls; i++)
        {
            work();
        }

        return Stopwatch.GetElapsedTime(start).TotalMicroseconds / Calls;
    }
}
