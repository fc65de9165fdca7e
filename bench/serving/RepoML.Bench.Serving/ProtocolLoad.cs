using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using RepoML.Serving.Grpc.Protocol;

/// <summary>
/// The v2 inference protocol over gRPC against the same protocol over REST, one load client for both (there is no ghz
/// here, and wrk speaks no HTTP/2): the same single-row request (one [1,1] tensor per model input, built from a /score
/// body and the model's metadata, asking for the outputs /score answers), from as many connections as wrk uses, each
/// with one request in flight. REST is HTTP/1.1 with JSON; gRPC is cleartext HTTP/2, typed contents, a channel per
/// connection (GRPC_CHANNELS=1 multiplexes them on one). Both are warmed up, then measured in alternating halves; the server's CPU per
/// request comes from /proc/PID/stat, the client's own from this process, since both share the cores.
/// Prints: rest_rps rest_server_cpu_us grpc_rps grpc_server_cpu_us rest_client_cpu_us grpc_client_cpu_us.
/// </summary>
internal static class ProtocolLoad
{
    public static async Task RunAsync(string restUrl, string grpcUrl, string key, string model, byte[] scoreBody, int connections, double seconds, int serverPid)
    {
        var metadata = new Metadata { { "authorization", $"Bearer {key}" } };
        var channelCount = int.TryParse(Environment.GetEnvironmentVariable("GRPC_CHANNELS"), out var n) ? n : connections;
        var channels = Enumerable.Range(0, channelCount).Select(_ => GrpcChannel.ForAddress(grpcUrl)).ToList();
        var clients = Enumerable.Range(0, connections).Select(c => new GRPCInferenceService.GRPCInferenceServiceClient(channels[c % channelCount])).ToList();
        var signature = await clients[0].ModelMetadataAsync(new ModelMetadataRequest { Name = model }, metadata);
        var (grpcRequest, restBody) = Requests(model, [.. signature.Inputs.Select(i => (i.Name, i.Datatype, i.Shape.ToArray()))],
            [.. signature.Outputs.Select(o => o.Name)], scoreBody);

        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = connections, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        using var http = new HttpClient(handler) { BaseAddress = new Uri(restUrl), DefaultRequestVersion = HttpVersion.Version11 };
        http.DefaultRequestHeaders.Add("Authorization", $"Bearer {key}");
        var restPath = $"/v2/models/{model}/infer";
        async Task Rest(int _)
        {
            using var content = new ByteArrayContent(restBody);
            content.Headers.ContentType = new("application/json");
            using var response = await http.PostAsync(restPath, content);
            response.EnsureSuccessStatusCode();
            await response.Content.ReadAsByteArrayAsync();
        }

        async Task Grpc(int connection) => await clients[connection].ModelInferAsync(grpcRequest, metadata);

        // Both answer the same before anything is measured.
        await Rest(0);
        await Grpc(0);
        await LoopAsync(Rest, connections, Math.Min(3, seconds));
        await LoopAsync(Grpc, connections, Math.Min(3, seconds));

        // Alternating halves (REST, gRPC, REST, gRPC), so that a change in the host's load falls on both alike.
        var rest = new Totals();
        var grpc = new Totals();
        for (var round = 0; round < 2; round++)
        {
            rest.Add(await MeasureAsync(Rest, connections, seconds / 2, serverPid));
            grpc.Add(await MeasureAsync(Grpc, connections, seconds / 2, serverPid));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{rest.Rps:F0} {rest.ServerCpu:F1} {grpc.Rps:F0} {grpc.ServerCpu:F1} {rest.ClientCpu:F1} {grpc.ClientCpu:F1}"));
        channels.ForEach(c => c.Dispose());
    }

    /// <returns>Requests, seconds, and the server's and this client's CPU time (µs).</returns>
    private static async Task<(long Count, double Seconds, double ServerCpu, double ClientCpu)> MeasureAsync(Func<int, Task> call, int connections, double seconds, int pid)
    {
        var before = Ticks(pid);
        var client = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var count = await LoopAsync(call, connections, seconds);
        var elapsed = clock.Elapsed.TotalSeconds;
        var server = (Ticks(pid) - before) * 1e6 / 100; // USER_HZ is 100 on Linux
        return (count, elapsed, server, (Process.GetCurrentProcess().TotalProcessorTime - client).TotalMicroseconds);
    }

    /// <summary>One protocol's measured windows added up.</summary>
    private sealed class Totals
    {
        private long count;
        private double seconds, server, client;

        public double Rps => count / seconds;

        public double ServerCpu => server / count;

        public double ClientCpu => client / count;

        public void Add((long Count, double Seconds, double ServerCpu, double ClientCpu) window)
        {
            count += window.Count;
            seconds += window.Seconds;
            server += window.ServerCpu;
            client += window.ClientCpu;
        }
    }

    private static async Task<long> LoopAsync(Func<int, Task> call, int connections, double seconds)
    {
        long count = 0;
        var stopAt = Stopwatch.GetTimestamp() + (long)(seconds * Stopwatch.Frequency);
        await Task.WhenAll(Enumerable.Range(0, connections).Select(c => Task.Run(async () =>
        {
            long mine = 0;
            while (Stopwatch.GetTimestamp() < stopAt)
            {
                await call(c);
                mine++;
            }

            Interlocked.Add(ref count, mine);
        })));
        return count;
    }

    private static long Ticks(int pid)
    {
        // Fields 14 and 15 (utime, stime) after the parenthesised command name.
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
    }

    /// <summary>The first row of a /score body as a gRPC request (typed contents) and as the REST v2 JSON body.</summary>
    public static (ModelInferRequest Message, byte[] Json) Requests(string model, IReadOnlyList<(string Name, string Datatype, long[] Shape)> signatureInputs,
        IReadOnlyList<string> signatureOutputs, byte[] scoreBody)
    {
        using var document = JsonDocument.Parse(scoreBody);
        var table = document.RootElement.GetProperty("input_data");
        var columns = table.GetProperty("columns").EnumerateArray().Select(c => c.GetString()!).ToList();
        var row = table.GetProperty("data")[0];
        var request = new ModelInferRequest { ModelName = model };
        var inputs = new JsonArray();
        foreach (var input in signatureInputs)
        {
            var cell = row[columns.IndexOf(input.Name)];
            long[] shape = [.. input.Shape.Select(d => d < 0 ? 1 : d)];
            var tensor = new ModelInferRequest.Types.InferInputTensor { Name = input.Name, Datatype = input.Datatype, Contents = new InferTensorContents() };
            tensor.Shape.AddRange(shape);
            JsonNode value;
            if (input.Datatype == "BYTES")
            {
                var text = cell.ValueKind == JsonValueKind.String ? cell.GetString()! : cell.GetRawText();
                tensor.Contents.BytesContents.Add(ByteString.CopyFromUtf8(text));
                value = text;
            }
            else
            {
                tensor.Contents.Fp32Contents.Add((float)cell.GetDouble());
                value = (float)cell.GetDouble();
            }

            request.Inputs.Add(tensor);
            inputs.Add(new JsonObject { ["name"] = input.Name, ["datatype"] = input.Datatype, ["shape"] = new JsonArray([.. shape.Select(d => (JsonNode)d)]), ["data"] = new JsonArray(value) });
        }

        // The outputs /score answers: ML.NET exports add constant side outputs that are not per row.
        var outputs = signatureOutputs.Where(n => !n.EndsWith("unusedOutput", StringComparison.Ordinal)).ToList();
        request.Outputs.AddRange(outputs.Select(n => new ModelInferRequest.Types.InferRequestedOutputTensor { Name = n }));
        var body = new JsonObject { ["inputs"] = inputs, ["outputs"] = new JsonArray([.. outputs.Select(n => (JsonNode)new JsonObject { ["name"] = n })]) };
        return (request, Encoding.UTF8.GetBytes(body.ToJsonString()));
    }
}
