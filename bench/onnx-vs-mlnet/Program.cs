using System.Diagnostics;
using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.OnnxRuntime;
using RepoML.Bench.OnnxVsMlNet;

// The source document claims ONNX "doubles inference speed on average". This measures it for the sample model:
// the credit classifier (one-hot + FastTree, as `repoml train --trainer fasttree`), one row per call — the
// online-scoring case — through ML.NET's own PredictionEngine and through ONNX Runtime on the ML.NET ONNX export.
// Usage: dotnet run -c Release --project bench/onnx-vs-mlnet [-- data/credit/credit.csv [calls]]
var csv = args.Length > 0 ? args[0] : Path.Combine("data", "credit", "credit.csv");
var calls = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20_000;
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
var engine = ml.Model.CreatePredictionEngine<CreditRow, CreditPrediction>(model);

// Agreement first: a speed ratio between models that disagree would mean nothing.
var agree = rows.Count(r => engine.Predict(r).PredictedLabel == OnnxPredict(session, r).Label);
Console.WriteLine($"rows {rows.Count}, predictions agreeing {agree}/{rows.Count}, ONNX {onnxStream.Length:N0} bytes, {calls:N0} single-row calls per round");

var mlnet = Measure(() => { foreach (var r in Take(rows, calls)) { engine.Predict(r); } });
var ort = Measure(() => { foreach (var r in Take(rows, calls)) { OnnxPredict(session, r); } });
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ML.NET PredictionEngine  {mlnet * 1e6 / calls,8:F2} µs/row (median of 5 rounds)"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ONNX Runtime 1.31        {ort * 1e6 / calls,8:F2} µs/row"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio (ML.NET / ONNX)    {mlnet / ort,8:F2}x"));

static IEnumerable<CreditRow> Take(List<CreditRow> rows, int count)
{
    for (var i = 0; i < count; i++)
    {
        yield return rows[i % rows.Count];
    }
}

static double Measure(Action round)
{
    round();
    var seconds = new List<double>();
    for (var i = 0; i < 5; i++)
    {
        var clock = Stopwatch.StartNew();
        round();
        seconds.Add(clock.Elapsed.TotalSeconds);
    }

    seconds.Sort();
    return seconds[2];
}

static (bool Label, float Probability) OnnxPredict(InferenceSession session, CreditRow row)
{
    var inputs = new List<NamedOnnxValue>(20);
    foreach (var property in Features.Properties)
    {
        inputs.Add(property.PropertyType == typeof(float)
            ? NamedOnnxValue.CreateFromTensor(property.Name, new Microsoft.ML.OnnxRuntime.Tensors.DenseTensor<float>(new[] { (float)property.GetValue(row)! }, [1, 1]))
            : NamedOnnxValue.CreateFromTensor(property.Name, new Microsoft.ML.OnnxRuntime.Tensors.DenseTensor<string>(new[] { (string)property.GetValue(row)! }, [1, 1])));
    }

    using var results = session.Run(inputs);
    var label = results.First(r => r.Name.StartsWith("PredictedLabel", StringComparison.Ordinal)).AsEnumerable<bool>().First();
    var probability = results.First(r => r.Name.StartsWith("Probability", StringComparison.Ordinal)).AsEnumerable<float>().First();
    return (label, probability);
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
