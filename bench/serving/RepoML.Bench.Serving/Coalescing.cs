using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using RepoML.Onnx;
using RepoML.Serving.Scoring;

/// <summary>
/// What coalescing itself costs per request, in-process, apart from HTTP: 16 clients send single-row requests through
/// the server's <see cref="RowBatcher"/>, each first spending a stand-in for its HTTP and JSON work (a busy wait of the
/// server's measured per-request cost without a model), and the CPU per request is set against the same work done by
/// one thread with no hand-off: the stand-in, a share of one direct run of as many rows as a coalesced run served on
/// average, and the answer written. The difference is the hand-off between requests (the follower's resumption, the
/// lead passed on, the thread pool's wake-ups). Measured alternately over several rounds; medians are printed.
/// </summary>
internal static class Coalescing
{
    private const int Clients = 16;
    private const int Rounds = 5;
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(2);

    public static void Run(string modelPath, byte[] body, double standInMicroseconds)
    {
        using var session = OnnxServingSession.Load(modelPath);
        var model = new TableModel(session);
        TableBatch row;
        using (var document = JsonDocument.Parse(body))
        {
            row = TableRequestParser.Parse(document.RootElement, model);
        }

        var standIn = (long)(standInMicroseconds * Stopwatch.Frequency / 1e6);
        var coalesced = new List<double>();
        var direct = new List<double>();
        var perRun = new List<double>();
        for (var round = 0; round < Rounds; round++)
        {
            var (cpu, requestsPerRun) = ThroughBatcher(model, row, standIn);
            coalesced.Add(cpu);
            perRun.Add(requestsPerRun);
            direct.Add(Direct(model, row, standIn, Math.Max(1, (int)Math.Round(requestsPerRun))));
        }

        var (c, d, k) = (Median(coalesced), Median(direct), Median(perRun));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"coalescing, in-process ({Clients} clients, {standInMicroseconds:F0} us stand-in per request): {c:F1} us CPU a request at {k:F1} requests a run; the same work without hand-off {d:F1} us; hand-off {c - d:F1} us a request"));
    }

    /// <returns>Process CPU per request and requests per run, with <see cref="Clients"/> clients through one batcher.</returns>
    private static (double CpuMicroseconds, double RequestsPerRun) ThroughBatcher(TableModel model, TableBatch row, long standIn)
    {
        long served = 0, runs = 0, requests = 0;
        var batcher = new RowBatcher(model, 256, coalesce: true, lanes: Environment.ProcessorCount, observeRun: n =>
        {
            Interlocked.Add(ref served, (long)n);
            Interlocked.Increment(ref runs);
        });
        var stopAt = Stopwatch.GetTimestamp() + (long)(Window.TotalSeconds * Stopwatch.Frequency);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clients = Enumerable.Range(0, Clients).Select(_ => Task.Run(async () =>
        {
            long mine = 0;
            while (Stopwatch.GetTimestamp() < stopAt)
            {
                Spin(standIn);
                ScoreResponse.Write(await batcher.ScoreAsync(row));
                mine++;

                // As a server's request ends: the next one on a connection arrives as new thread-pool work.
                await Task.Yield();
            }

            Interlocked.Add(ref requests, mine);
        })).ToArray();
        Task.WaitAll(clients);
        return ((Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMicroseconds / requests, (double)served / Math.Max(1, runs));
    }

    /// <returns>Process CPU per request when one thread does each request's stand-in and answer and one direct run of <paramref name="rows"/> rows per that many requests.</returns>
    private static double Direct(TableModel model, TableBatch row, long standIn, int rows)
    {
        var batch = new TableBatch(rows, [.. row.Columns.Select(column => Repeat(column, rows))]);
        var batcher = new RowBatcher(model, 256, coalesce: false, lanes: 1);
        var stopAt = Stopwatch.GetTimestamp() + (long)(Window.TotalSeconds * Stopwatch.Frequency);
        long requests = 0;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        while (Stopwatch.GetTimestamp() < stopAt)
        {
            for (var i = 0; i < rows; i++)
            {
                Spin(standIn);
            }

            var result = batcher.ScoreAsync(batch).AsTask().GetAwaiter().GetResult();
            for (var i = 0; i < rows; i++)
            {
                ScoreResponse.Write(result with { Offset = i, Rows = 1 });
            }

            requests += rows;
        }

        return (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMicroseconds / requests;
    }

    private static Array Repeat(Array column, int times)
    {
        var repeated = Array.CreateInstance(column.GetType().GetElementType()!, column.Length * times);
        for (var i = 0; i < times; i++)
        {
            Array.Copy(column, 0, repeated, i * column.Length, column.Length);
        }

        return repeated;
    }

    private static void Spin(long ticks)
    {
        var until = Stopwatch.GetTimestamp() + ticks;
        while (Stopwatch.GetTimestamp() < until)
        {
        }
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
