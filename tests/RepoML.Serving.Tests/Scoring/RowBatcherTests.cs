namespace RepoML.Serving.Tests.Scoring;

/// <summary>Coalescing concurrent requests into shared ONNX Runtime runs, on the real iris model: every request gets its own rows back.</summary>
public sealed class RowBatcherTests : IDisposable
{
    private readonly OnnxServingSession session = OnnxServingSession.Load(TestModels.Iris);

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public async Task Should_answer_each_request_with_its_own_rows_and_share_runs_When_requests_arrive_together(int lanes)
    {
        // Given 64 requests of 1 to 3 rows each, and what each scores alone
        var table = new TableModel(session);
        var requests = Enumerable.Range(0, 64).Select(i => Batch(table, i)).ToList();
        var alone = new RowBatcher(table, 256, coalesce: false, lanes: 1);
        var expected = new List<string>();
        foreach (var request in requests)
        {
            expected.Add(Answer(await alone.ScoreAsync(request)));
        }

        // When they arrive at once (again, until some were coalesced: arrival order is up to the thread pool)
        var runs = new ConcurrentQueue<double>();
        var batcher = new RowBatcher(table, 256, coalesce: true, lanes, runs.Enqueue, longRun: TimeSpan.Zero);
        string[] answers = [];
        for (var attempt = 0; attempt < 10; attempt++)
        {
            runs.Clear();
            using var start = new ManualResetEventSlim();
            var pending = requests.Select(r => Task.Run(async () =>
            {
                start.Wait();
                return Answer(await batcher.ScoreAsync(r));
            })).ToList();
            start.Set();
            answers = await Task.WhenAll(pending);
            if (runs.Count < requests.Count)
            {
                break;
            }
        }

        // Then every request got exactly what it gets alone, every request was served once, and runs were shared
        // (A batched run may round the last float bit differently from a single-row one.)
        var different = Enumerable.Range(0, answers.Length).FirstOrDefault(i => !Same(JsonNode.Parse(expected[i]), JsonNode.Parse(answers[i])), -1);
        Assert.True(different < 0, different < 0 ? "" : $"request {different}: alone {expected[different]}, coalesced {answers[different]}");
        Assert.Equal(requests.Count, runs.Sum());
        Assert.True(runs.Count < requests.Count, $"no run served more than one request in 10 attempts ({runs.Count} runs)");
        Assert.All(runs, r => Assert.InRange(r, 1, requests.Count));
    }

    public void Dispose() => session.Dispose();

    /// <summary>Request <paramref name="i"/>: 1 to 3 rows, each different.</summary>
    private static TableBatch Batch(TableModel table, int i)
    {
        var rows = string.Join(',', Enumerable.Range(0, 1 + (i % 3)).Select(r
            => $"[{4.3 + (i * 0.05)},{2.0 + (r * 0.4)},{1.0 + (i * 0.09)},{0.1 + (i * 0.035)}]"));
        using var body = JsonDocument.Parse($$"""{"data":[{{rows}}]}""");
        return TableRequestParser.Parse(body.RootElement, table);
    }

    private static bool Same(JsonNode? a, JsonNode? b) => (a, b) switch
    {
        (JsonArray x, JsonArray y) => x.Count == y.Count && x.Zip(y).All(p => Same(p.First, p.Second)),
        (JsonObject x, JsonObject y) => x.Count == y.Count && x.All(p => y.ContainsKey(p.Key) && Same(p.Value, y[p.Key])),
        (JsonValue x, JsonValue y) when x.TryGetValue<double>(out var u) && y.TryGetValue<double>(out var v)
            => Math.Abs(u - v) <= 1e-6 + (1e-5 * Math.Abs(u)),
        _ => JsonNode.DeepEquals(a, b),
    };

    private static string Answer(TableResult result) => System.Text.Encoding.UTF8.GetString(ScoreResponse.Write(result));
}
