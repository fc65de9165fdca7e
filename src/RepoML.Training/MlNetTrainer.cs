using System.Reflection;
using Microsoft.ML.Data;
using RepoML.Onnx;
using RepoML.Onnx.Graphs;

namespace RepoML.Training;

/// <summary>
/// Trains an ML.NET model on a CSV table and exports it to ONNX with one input per feature column (named after it,
/// shape [-1,1]: float for numeric, string for categorical) and outputs <c>PredictedLabel.output</c> (classification),
/// <c>Score.output</c> and <c>Probability.output</c> (binary). One-hot encoded text columns are folded into one string
/// encoder each (<see cref="CategoricalEncoderFolding"/>); the evaluation scores the model as it is written.
/// </summary>
public static class MlNetTrainer
{
    private const string FeaturesColumn = "__features";
    private const string LabelKeyColumn = "__label_key";

    /// <exception cref="TrainingDataException">Missing columns, bad cells, a label that does not fit the task.</exception>
    /// <exception cref="TrainingOptionsException">Unknown or invalid hyper-parameters.</exception>
    public static TrainedModel Train(CsvTable table, TrainingRequest request)
    {
        var parameters = HyperParameters.Resolve(request.Trainer, request.Parameters ?? []);
        var schema = TrainingSchema.Infer(table, request.Task, request.Label, request.Features, request.Categorical);
        var ml = new MLContext(request.Seed);
        IDataView data = TableColumns.ToDataView(table, schema, withLabel: true);
        var label = TableColumns.LabelColumn;
        if (request.Task == MlTask.Multiclass)
        {
            // Keys in the class order written to model-info.json, so score column k is Classes[k].
            var keys = ml.Data.LoadFromEnumerable(schema.Classes.Select(c => new ClassRow { Value = c }));
            data = ml.Transforms.Conversion.MapValueToKey(LabelKeyColumn, label, keyData: keys).Fit(data).Transform(data);
            label = LabelKeyColumn;
        }

        var pipeline = Featurizer(ml, schema, request.Trainer, HasMissingNumbers(table, schema))
            .Append(TrainerFactory.Create(ml, request.Task, request.Trainer, parameters, request.Seed, label, FeaturesColumn));
        ITransformer model = request.Task == MlTask.Multiclass
            ? pipeline.Append(ml.Transforms.Conversion.MapKeyToValue("PredictedLabel")).Fit(data)
            : pipeline.Fit(data);

        string[] outputs = request.Task switch
        {
            MlTask.Binary => ["PredictedLabel", "Score", "Probability"],
            MlTask.Multiclass => ["PredictedLabel", "Score"],
            _ => ["Score"],
        };
        using var stream = new MemoryStream();
        ml.Model.ConvertToOnnx(model, TableColumns.ToDataView(table, schema, withLabel: false), stream, outputs);

        // Each one-hot text column is exported as four small nodes; one string encoder does the same for less per run.
        var (onnx, folded) = CategoricalEncoderFolding.Fold(stream.ToArray());

        using var scorer = OnnxRuntimeScorer.Load(onnx, fold: false); // folded just above
        var info = new ModelInfo(request.Task, request.Label, schema.Classes, schema.Features, request.Trainer, parameters, request.Seed,
            table.Rows.Count, MlNetVersion(), ModelOutputNames.Discover(scorer.Signature.Outputs.Select(o => o.Name)));
        var evaluation = ModelEvaluator.Evaluate(scorer, table, EvaluationTarget.FromInfo(info));
        return new TrainedModel(onnx, folded, info, evaluation, model, ml);
    }

    private static IEstimator<ITransformer> Featurizer(MLContext ml, TrainingSchema schema, TrainerKind trainer, bool missingNumbers)
    {
        IEstimator<ITransformer> chain = new EstimatorChain<ITransformer>();
        var categorical = schema.Features.Where(f => f.Kind == FeatureEncoding.Categorical)
            .Select(f => new InputOutputColumnPair("__onehot_" + f.Name, f.Name)).ToArray();
        if (categorical.Length > 0)
        {
            chain = chain.Append(ml.Transforms.Categorical.OneHotEncoding(categorical));
        }

        var parts = schema.Features.Select(f => f.Kind == FeatureEncoding.Numeric ? f.Name : "__onehot_" + f.Name).ToArray();
        chain = chain.Append(ml.Transforms.Concatenate(FeaturesColumn, parts));
        if (trainer == TrainerKind.Linear)
        {
            // Linear models need finite, comparable scales; trees need neither.
            chain = chain.Append(ml.Transforms.ReplaceMissingValues(FeaturesColumn))
                .Append(ml.Transforms.NormalizeMinMax(FeaturesColumn));
        }
        else if (trainer == TrainerKind.FastTree && missingNumbers)
        {
            // FastTree silently skips every row with a missing feature (all of them when a column is empty); the column's mean
            // keeps those rows. LightGBM learns a direction for missing values itself. Only when the data has gaps, so models
            // trained on complete data stay as they were.
            chain = chain.Append(ml.Transforms.ReplaceMissingValues(FeaturesColumn));
        }

        return chain;
    }

    private static bool HasMissingNumbers(CsvTable table, TrainingSchema schema) => schema.Features
        .Where(f => f.Kind == FeatureEncoding.Numeric).Select(f => table.ColumnIndex(f.Name))
        .Any(index => table.Rows.Any(r => RepoML.Core.Profiles.MissingCell.Is(r[index])));

    private static string MlNetVersion()
    {
        var version = typeof(MLContext).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? version : version[..plus];
    }

    private sealed class ClassRow
    {
        public string Value { get; set; } = "";
    }
}
