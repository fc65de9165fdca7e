using System.Diagnostics;
using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.OnnxRuntime;
using RepoML.Bench.OnnxVsMlNet;
using RepoML.Onnx;
using RepoML.Onnx.Graphs;

// The source document claims ONNX "doubles inference speed on average". This measures it for the sample model:
// the credit classifier (one-hot + FastTree, as `repoml train --trainer fasttree`), one row per call — the
// online-scoring case — through ML.NET's own PredictionEngine and through ONNX Runtime on the ML.NET ONNX export, then
// all 1,000 rows in one call — the batch-scoring case, and what coalesced serving requests become. Both on ML.NET's
// export as it is and on the export with its text encoders folded (CategoricalEncoderFolding), as `repoml train` writes it,
// and through RepoML's own serving session (OnnxServingSession, as `repoml serve` runs a model: folded at load, the feature
// vector built in managed code, FeatureVectorFolding; the nodes after the trees computed in managed code, ScoreTailFolding).
// Methods are timed in interleaved rounds, so a busy neighbour slows
// them alike; each figure is the median of the rounds.
// Usage: dotnet run -c Release --project bench/onnx-vs-mlnet [-- data/credit/credit.csv [calls [rounds]]]
var csv = args.Length > 0 ? args[0] : Path.Combine("data", "credit", "credit.csv");
var calls = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20_000;
var rounds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 7;
var ml = new MLContext(seed: 42);
var data = ml.Data.LoadFromTextFile<CreditRow>(csv, separatorChar: ',', hasHeader: true, allowQuoting: true);
var rows = ml.Data.CreateEnumerable<CreditRow>(data, reuseRowObject: false).ToList();
string[] categorical = ["checking_status", "credit_history", "purpose", "savings_status", "employment", "personal_status", "other_parties",
    "property_magnitude", "other_payment_plans", "housing", "job", "own_telephone", "foreign_worker"];
string[] numeric = ["duration", "credit_amount", "installment_commitment", "residence_since", "age", "existing_credits", "num_dependents"];
var pipeline = ml.Transforms.CustomMapping<CreditRow, LabelRow>((row, label) => label.Label = row.@class == "good", "credit_label")
    .Append(ml.Transforms.Categorical.OneHotEncoding([.. categorical.Select(c => new InputOutputColumnPair("oh_" + c, c))]))
    .Append(ml.Transforms.Concatenate("Features", [.. numeric, .. categorical.Select(c => "oh_" + c)]))
    .Append(ml.BinaryClassification.Trainers.FastTree(numberOfTrees: 100, numberOfLeaves: 20));
var scoring = ml.Transforms.Categorical.OneHotEncoding([.. categorical.Select(c => new InputOutputColumnPair("oh_" + c, c))])
    .Append(ml.Transforms.Concatenate("Features", [.. numeric, .. categorical.Select(c => "oh_" + c)]));
var labelled = ml.Transforms.CustomMapping<CreditRow, LabelRow>((row, label) => label.Label = row.@class == "good", "credit_label").Fit(data).Transform(data);
var featurizer = scoring.Fit(labelled);
var trainer = ml.BinaryClassification.Trainers.FastTree(numberOfTrees: 100, numberOfLeaves: 20).Fit(featurizer.Transform(labelled));
var model = featurizer.Append(trainer);
_ = pipeline;

using var onnxStream = new MemoryStream();
ml.Model.ConvertToOnnx(model, data, onnxStream, "PredictedLabel", "Probability");
using var options = new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL, IntraOpNumThreads = 1, InterOpNumThreads = 1, LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_FATAL };
using var session = new InferenceSession(onnxStream.ToArray(), options);
using var onnx = new OnnxCreditScorer(session);
var (foldedModel, foldedColumns) = CategoricalEncoderFolding.Fold(onnxStream.ToArray());
using var foldedSession = new InferenceSession(foldedModel, options);
using var folded = new OnnxCreditScorer(foldedSession);
var engine = ml.Model.CreatePredictionEngine<CreditRow, CreditPrediction>(model);
var modelFile = Path.Combine(Path.GetTempPath(), $"repoml-onnx-vs-mlnet-{Environment.ProcessId}.onnx");
File.WriteAllBytes(modelFile, onnxStream.ToArray());
var servingSession = OnnxServingSession.Load(modelFile);
File.Delete(modelFile);
using var repoml = new RepoMLCreditScorer(servingSession);

// Agreement first, one row at a time and in one batch: a speed ratio between models that disagree would mean nothing.
var labels = new bool[rows.Count];
var probabilities = new float[rows.Count];
onnx.Score(rows, 0, rows.Count, labels, probabilities);
var mlnetBatch = MlNetBatch(rows);
var agreeRow = rows.Count(r => engine.Predict(r).PredictedLabel == onnx.PredictNamed(r).Label);
var agreeReused = rows.Count(r => Math.Abs(engine.Predict(r).Probability - onnx.ScoreReusing(r)) < 1e-5);
var agreeBatch = Enumerable.Range(0, rows.Count).Count(i => Math.Abs(mlnetBatch[i] - probabilities[i]) < 1e-5);
var agreeFolded = rows.Count(r => Math.Abs(engine.Predict(r).Probability - folded.ScoreReusing(r)) < 1e-5);
// RepoML's session must answer exactly what ML.NET's export answers, bit for bit, one row at a time and in one batch.
var repomlBatch = new float[rows.Count];
repoml.Score(rows, 0, rows.Count, labels, repomlBatch);
var sameRepoML = rows.Count(r => BitConverter.SingleToInt32Bits(onnx.ScoreReusing(r)) == BitConverter.SingleToInt32Bits(repoml.ScoreRow(r)));
var sameRepoMLBatch = Enumerable.Range(0, rows.Count).Count(i => BitConverter.SingleToInt32Bits(probabilities[i]) == BitConverter.SingleToInt32Bits(repomlBatch[i]));
Console.WriteLine($"rows {rows.Count}, labels agreeing one row at a time {agreeRow}/{rows.Count}, probabilities agreeing (1e-5) with reused inputs {agreeReused}/{rows.Count} and in one batch {agreeBatch}/{rows.Count}, ONNX {onnxStream.Length:N0} bytes");
Console.WriteLine($"encoders folded: {foldedColumns} text columns, ONNX {foldedModel.Length:N0} bytes, probabilities agreeing (1e-5) {agreeFolded}/{rows.Count}");
Console.WriteLine($"RepoML session: feature vector folded {servingSession.FeatureVectorFolded}, score tail folded {servingSession.ScoreTailFolded}, probabilities identical to ML.NET's export {sameRepoML}/{rows.Count} one row at a time, {sameRepoMLBatch}/{rows.Count} in one batch");

// Online scoring: one row per call. Batch scoring: every row in one call (ML.NET: a data view through Transform).
var batches = Math.Max(1, calls / rows.Count);
var (timed, best, cpu) = Interleaved(rounds,
    () => { foreach (var r in Take(rows, calls)) { engine.Predict(r); } },
    () => { for (var i = 0; i < calls; i++) { onnx.Score(rows, i % rows.Count, 1, labels, probabilities); } },
    () => { foreach (var r in Take(rows, calls)) { onnx.ScoreReusing(r); } },
    () => { foreach (var r in Take(rows, calls)) { onnx.PredictNamed(r); } },
    () => { foreach (var r in Take(rows, calls)) { folded.ScoreReusing(r); } },
    () => { foreach (var r in Take(rows, calls)) { repoml.ScoreRow(r); } },
    () => { for (var b = 0; b < batches; b++) { MlNetBatch(rows); } },
    () => { for (var b = 0; b < batches; b++) { onnx.Score(rows, 0, rows.Count, labels, probabilities); } },
    () => { for (var b = 0; b < batches; b++) { folded.Score(rows, 0, rows.Count, labels, probabilities); } },
    () => { for (var b = 0; b < batches; b++) { repoml.Score(rows, 0, rows.Count, labels, probabilities); } },
    () => { for (var i = 0; i < calls; i++) { engine.Predict(rows[0]); } },
    () => { for (var i = 0; i < calls; i++) { repoml.ScoreRow(rows[0]); } });
var perRow = 1e6 / calls;
var perBatchedRow = 1e6 / (batches * rows.Count);
var (mlnet, ort, ortReused, ortNamed, ortFolded, ortRepoML) = (timed[0] * perRow, timed[1] * perRow, timed[2] * perRow, timed[3] * perRow, timed[4] * perRow, timed[5] * perRow);
var (mlnetBatched, ortBatched, ortFoldedBatched, ortRepoMLBatched) = (timed[6] * perBatchedRow, timed[7] * perBatchedRow, timed[8] * perBatchedRow, timed[9] * perBatchedRow);
Console.WriteLine($"median of {rounds} interleaved rounds of {calls:N0} rows");
Console.WriteLine(Line("one row per call:   ML.NET PredictionEngine", mlnet));
Console.WriteLine(Line("                    ONNX Runtime, OrtValue inputs", ort, mlnet / ort));
Console.WriteLine(Line("                    ONNX Runtime, kept OrtValue inputs refilled", ortReused, mlnet / ortReused));
Console.WriteLine(Line("                    ONNX Runtime, NamedOnnxValue inputs", ortNamed, mlnet / ortNamed));
Console.WriteLine(Line("                    ONNX Runtime, kept inputs, encoders folded", ortFolded, mlnet / ortFolded));
Console.WriteLine(Line("                    RepoML OnnxServingSession (as repoml serve)", ortRepoML, mlnet / ortRepoML));
Console.WriteLine(Line($"{rows.Count:N0} rows per call: ML.NET Transform + GetColumn", mlnetBatched));
Console.WriteLine(Line("                    ONNX Runtime, one Run", ortBatched, mlnetBatched / ortBatched));
Console.WriteLine(Line("                    ONNX Runtime, one Run, encoders folded", ortFoldedBatched, mlnetBatched / ortFoldedBatched));
Console.WriteLine(Line("                    RepoML OnnxServingSession, one run", ortRepoMLBatched, mlnetBatched / ortRepoMLBatched));
// ML.NET's own fastest way through 1,000 rows may be its engine in a loop, not a data view: compare with the better.
var bestMlNet = Math.Min(mlnet, mlnetBatched);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"1,000 rows: ONNX Runtime {bestMlNet / ortBatched:F2}x (folded {bestMlNet / ortFoldedBatched:F2}x, RepoML {bestMlNet / ortRepoMLBatched:F2}x) the speed of ML.NET's faster way ({(mlnet <= mlnetBatched ? "PredictionEngine in a loop" : "Transform")})"));
// The same row on every call lets the CPU learn the trees' branches: what varying rows add is mostly the trees' walk.
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"the same row every call: ML.NET PredictionEngine {timed[10] * perRow:F2} µs, RepoML {timed[11] * perRow:F2} µs (varying rows add {mlnet - (timed[10] * perRow):F2} and {ortRepoML - (timed[11] * perRow):F2} µs)"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"RepoML: one row a call {mlnet / ortRepoML:F2}x PredictionEngine; {rows.Count:N0} rows a call {mlnetBatched / ortRepoMLBatched:F2}x Transform, {mlnet / ortRepoMLBatched:F2}x PredictionEngine in a loop"));
// The same two one-row paths in alternating blocks of 1,000 rows, each pair's ratio on its own: the steadier figure on a busy host.
var paired = PairedRatio.Measure(i => engine.Predict(rows[i % rows.Count]), i => repoml.ScoreRow(rows[i % rows.Count]), pairs: 15 * rounds, block: 1_000);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"RepoML, paired blocks: one row a call {paired.Median:F2}x PredictionEngine (median of {15 * rounds} pairs of 1,000 rows; quartiles {paired.Low:F2}-{paired.High:F2}x)"));
// Each method's fastest round, and its CPU time: what it costs when the neighbours leave it alone, steadier on a busy host.
var bestRow = best[0] * perRow;
var cpuRow = cpu[0] * perRow;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"RepoML, by process CPU time: one row a call {cpuRow / (cpu[5] * perRow):F2}x PredictionEngine ({cpuRow:F2} vs {cpu[5] * perRow:F2} µs); "
    + $"{rows.Count:N0} rows a call {cpu[6] / cpu[9]:F2}x Transform, {cpuRow / (cpu[9] * perBatchedRow):F2}x PredictionEngine in a loop"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"RepoML, fastest rounds: one row a call {bestRow / (best[5] * perRow):F2}x PredictionEngine ({bestRow:F2} vs {best[5] * perRow:F2} µs); "
    + $"{rows.Count:N0} rows a call {best[6] / best[9]:F2}x Transform, {bestRow / (best[9] * perBatchedRow):F2}x PredictionEngine in a loop"));

float[] MlNetBatch(List<CreditRow> batch) => [.. model.Transform(ml.Data.LoadFromEnumerable(batch)).GetColumn<float>("Probability")];

static string Line(string what, double microseconds, double? speedup = null) => string.Create(CultureInfo.InvariantCulture,
    $"{what,-66} {microseconds,8:F2} µs/row{(speedup is { } x ? $"   ONNX Runtime {x:F2}x the speed of ML.NET" : "")}");

static IEnumerable<CreditRow> Take(List<CreditRow> rows, int count)
{
    for (var i = 0; i < count; i++)
    {
        yield return rows[i % rows.Count];
    }
}

// Each round runs every method once, in turn; a method's time is the median of its rounds (after one warm-up round), and
// its fastest round is kept too, and the median of the process's CPU time in its rounds: on a host whose cores are
// shared, time spent waiting for a core is not the method's.
static (double[] Median, double[] Fastest, double[] Cpu) Interleaved(int rounds, params Action[] methods)
{
    foreach (var method in methods)
    {
        method();
    }

    var seconds = methods.Select(_ => new List<double>()).ToArray();
    var cpuSeconds = methods.Select(_ => new List<double>()).ToArray();
    for (var round = 0; round < rounds; round++)
    {
        for (var m = 0; m < methods.Length; m++)
        {
            var cpuStart = ProcessCpu.Seconds();
            var clock = Stopwatch.StartNew();
            methods[m]();
            seconds[m].Add(clock.Elapsed.TotalSeconds);
            cpuSeconds[m].Add(ProcessCpu.Seconds() - cpuStart);
        }
    }

    static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
    return ([.. seconds.Select(Median)], [.. seconds.Select(s => s.Min())], [.. cpuSeconds.Select(Median)]);
}

/// <summary>The feature properties, read once (reflection per call would bill the harness to ONNX Runtime).</summary>
internal static class Features
{
    public static readonly System.Reflection.PropertyInfo[] Properties = [.. typeof(CreditRow).GetProperties().Where(p => p.Name != "class")];
}

/// <summary>The boolean label ML.NET trains on.</summary>
internal sealed class LabelRow
{
    public bool Label { get; set; }
}
