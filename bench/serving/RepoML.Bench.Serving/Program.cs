using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

// Raw in-process ONNX Runtime on one row of a /score request: the baseline the server is measured against.
// Usage: RepoML.Bench.Serving MODEL.onnx REQUEST.json [threads=16] [seconds=5]
// Prints: p50_us p99_us runs_per_second cpu_us_per_run (single-row Run latency, then throughput from N threads and the
// process CPU time each of those runs took).
// Or: RepoML.Bench.Serving floor PORT ANSWER.json — the HTTP floor (see HttpFloor.cs).
// Or: RepoML.Bench.Serving inputs MODEL.onnx REQUEST.json — kept, refilled input values against new ones (InputReuse.cs).
// Or: RepoML.Bench.Serving parse MODEL.onnx BODY.json — the server's JSON work per request (RequestParsing.cs).
// Or: RepoML.Bench.Serving protocols REST_URL GRPC_URL KEY MODEL BODY.json CONNECTIONS SECONDS SERVER_PID — v2 over REST vs gRPC (ProtocolLoad.cs).
// Or: RepoML.Bench.Serving v2work MODEL.onnx BODY.json — the v2 protocol's own work per request, REST vs gRPC (ProtocolWork.cs).
// Or: RepoML.Bench.Serving coalesce MODEL.onnx BODY.json [stand-in us=25] — what coalescing's hand-off costs (Coalescing.cs).
if (args[0] == "floor")
{
    await HttpFloor.RunAsync(int.Parse(args[1], CultureInfo.InvariantCulture), File.ReadAllBytes(args[2]));
    return;
}

if (args[0] == "protocols")
{
    await ProtocolLoad.RunAsync(args[1], args[2], args[3], args[4], File.ReadAllBytes(args[5]), int.Parse(args[6], CultureInfo.InvariantCulture),
        double.Parse(args[7], CultureInfo.InvariantCulture), int.Parse(args[8], CultureInfo.InvariantCulture));
    return;
}

if (args[0] == "v2work")
{
    ProtocolWork.Run(args[1], File.ReadAllBytes(args[2]));
    return;
}

if (args[0] == "coalesce")
{
    Coalescing.Run(args[1], File.ReadAllBytes(args[2]), args.Length > 3 ? double.Parse(args[3], CultureInfo.InvariantCulture) : 25);
    return;
}

if (args[0] == "parse")
{
    RequestParsing.Run(args[1], File.ReadAllBytes(args[2]));
    return;
}

if (args[0] == "inputs")
{
    using var sample = JsonDocument.Parse(File.ReadAllText(args[2]));
    var data = sample.RootElement.GetProperty("input_data");
    InputReuse.Run(args[1], data.GetProperty("data")[0], [.. data.GetProperty("columns").EnumerateArray().Select(c => c.GetString()!)]);
    return;
}

var (modelPath, requestPath) = (args[0], args[1]);
var threads = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 16;
var seconds = args.Length > 3 ? double.Parse(args[3], CultureInfo.InvariantCulture) : 5;

// The same session settings as the server: full graph optimisation, one intra-op thread per run.
using var options = new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL, IntraOpNumThreads = 1, InterOpNumThreads = 1, LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR };
using var session = new InferenceSession(modelPath, options);
using var request = JsonDocument.Parse(File.ReadAllText(requestPath));
var inputData = request.RootElement.GetProperty("input_data");
var columns = inputData.GetProperty("columns").EnumerateArray().Select(c => c.GetString()!).ToList();
var row = inputData.GetProperty("data")[0];
var names = session.InputMetadata.Keys.ToArray();
var outputs = session.OutputMetadata.Keys.Where(n => !n.EndsWith("unusedOutput", StringComparison.Ordinal)).ToArray();

OrtValue[] Inputs() => [.. names.Select(name =>
{
    var cell = row[columns.IndexOf(name)];
    var meta = session.InputMetadata[name];
    long[] shape = meta.Dimensions.Length == 1 ? [1] : [1, 1];
    if (meta.ElementDataType == TensorElementType.String)
    {
        var value = OrtValue.CreateTensorWithEmptyStrings(OrtAllocator.DefaultInstance, shape);
        value.StringTensorSetElementAt((cell.ValueKind == JsonValueKind.String ? cell.GetString()! : cell.GetRawText()).AsSpan(), 0);
        return value;
    }

    return OrtValue.CreateTensorValueFromMemory(new[] { (float)cell.GetDouble() }, shape);
})];

using var runOptions = new RunOptions();
var single = Inputs();
for (var i = 0; i < 2000; i++)
{
    session.Run(runOptions, names, single, outputs).Dispose();
}

var samples = new double[20_000];
for (var i = 0; i < samples.Length; i++)
{
    var start = Stopwatch.GetTimestamp();
    session.Run(runOptions, names, single, outputs).Dispose();
    samples[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
}

Array.Sort(samples);
long runs = 0;
var stopAt = Stopwatch.GetTimestamp() + (long)(seconds * Stopwatch.Frequency);
var workers = Enumerable.Range(0, threads).Select(_ => new Thread(() =>
{
    var inputs = Inputs();
    long mine = 0;
    while (Stopwatch.GetTimestamp() < stopAt)
    {
        session.Run(runOptions, names, inputs, outputs).Dispose();
        mine++;
    }

    Interlocked.Add(ref runs, mine);
})).ToList();
var clock = Stopwatch.StartNew();
var cpu = Process.GetCurrentProcess().TotalProcessorTime;
workers.ForEach(w => w.Start());
workers.ForEach(w => w.Join());
var cpuPerRun = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMicroseconds / runs;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{samples[samples.Length / 2]:F1} {samples[(int)(samples.Length * 0.99)]:F1} {runs / clock.Elapsed.TotalSeconds:F0} {cpuPerRun:F1}"));
