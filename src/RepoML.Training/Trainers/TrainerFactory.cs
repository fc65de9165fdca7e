using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;

namespace RepoML.Training.Trainers;

/// <summary>
/// Builds the ML.NET trainer for a task and trainer kind. Every trainer runs single-threaded with the seed, so the
/// same data and parameters give the same model on every run (a pipeline's step cache relies on it).
/// </summary>
internal static class TrainerFactory
{
    public static IEstimator<ITransformer> Create(MLContext ml, MlTask task, TrainerKind trainer, IReadOnlyDictionary<string, double> p,
        int seed, string label, string features) =>
        (task, trainer) switch
        {
            (MlTask.Binary, TrainerKind.FastTree) => ml.BinaryClassification.Trainers.FastTree(FastTree<FastTreeBinaryTrainer.Options>(p, seed,
                label, features)),
            (MlTask.Multiclass, TrainerKind.FastTree) => ml.MulticlassClassification.Trainers.OneVersusAll(
                ml.BinaryClassification.Trainers.FastTree(FastTree<FastTreeBinaryTrainer.Options>(p, seed, label, features)), label),
            (MlTask.Regression, TrainerKind.FastTree) => ml.Regression.Trainers.FastTree(FastTree<FastTreeRegressionTrainer.Options>(p, seed,
                label, features)),
            (MlTask.Binary, TrainerKind.LightGbm) => ml.BinaryClassification.Trainers.LightGbm(LightGbmBinary(p, seed, label, features)),
            (MlTask.Multiclass, TrainerKind.LightGbm) => ml.MulticlassClassification.Trainers.LightGbm(LightGbmMulticlass(p, seed, label, features)),
            (MlTask.Regression, TrainerKind.LightGbm) => ml.Regression.Trainers.LightGbm(LightGbmRegression(p, seed, label, features)),
            (MlTask.Binary, _) => ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
            {
                LabelColumnName = label, FeatureColumnName = features, NumberOfThreads = 1,
                L1Regularization = (float)p["l1_regularization"], L2Regularization = (float)p["l2_regularization"],
                MaximumNumberOfIterations = (int)p["maximum_number_of_iterations"],
            }),
            (MlTask.Multiclass, _) => ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
            {
                LabelColumnName = label, FeatureColumnName = features, NumberOfThreads = 1,
                L1Regularization = (float)p["l1_regularization"], L2Regularization = (float)p["l2_regularization"],
                MaximumNumberOfIterations = (int)p["maximum_number_of_iterations"],
            }),
            _ => ml.Regression.Trainers.Sdca(new SdcaRegressionTrainer.Options
            {
                LabelColumnName = label, FeatureColumnName = features, NumberOfThreads = 1,
                L1Regularization = (float)p["l1_regularization"], L2Regularization = (float)p["l2_regularization"],
                MaximumNumberOfIterations = (int)p["maximum_number_of_iterations"],
            }),
        };

    private static T FastTree<T>(IReadOnlyDictionary<string, double> p, int seed, string label, string features)
        where T : BoostedTreeOptions, new() => new()
        {
            LabelColumnName = label,
            FeatureColumnName = features,
            NumberOfTrees = (int)p["number_of_trees"],
            NumberOfLeaves = (int)p["number_of_leaves"],
            LearningRate = p["learning_rate"],
            MinimumExampleCountPerLeaf = (int)p["min_example_count_per_leaf"],
            NumberOfThreads = 1,
            Seed = seed,
        };

    // The three LightGBM option types share no settable base, so each is spelled out.
    private static LightGbmBinaryTrainer.Options LightGbmBinary(IReadOnlyDictionary<string, double> p, int seed, string label, string features)
        => new()
    {
        LabelColumnName = label, FeatureColumnName = features, Seed = seed, NumberOfThreads = 1, Booster = Booster(p),
        NumberOfIterations = (int)p["number_of_trees"], NumberOfLeaves = (int)p["number_of_leaves"],
        LearningRate = p["learning_rate"], MinimumExampleCountPerLeaf = (int)p["min_example_count_per_leaf"],
    };

    private static LightGbmMulticlassTrainer.Options LightGbmMulticlass(IReadOnlyDictionary<string, double> p, int seed, string label,
        string features) => new()
    {
        LabelColumnName = label, FeatureColumnName = features, Seed = seed, NumberOfThreads = 1, Booster = Booster(p),
        NumberOfIterations = (int)p["number_of_trees"], NumberOfLeaves = (int)p["number_of_leaves"],
        LearningRate = p["learning_rate"], MinimumExampleCountPerLeaf = (int)p["min_example_count_per_leaf"],
    };

    private static LightGbmRegressionTrainer.Options LightGbmRegression(IReadOnlyDictionary<string, double> p, int seed, string label,
        string features) => new()
    {
        LabelColumnName = label, FeatureColumnName = features, Seed = seed, NumberOfThreads = 1, Booster = Booster(p),
        NumberOfIterations = (int)p["number_of_trees"], NumberOfLeaves = (int)p["number_of_leaves"],
        LearningRate = p["learning_rate"], MinimumExampleCountPerLeaf = (int)p["min_example_count_per_leaf"],
    };

    private static GradientBooster.Options Booster(IReadOnlyDictionary<string, double> p) =>
        new() { L2Regularization = p["l2_regularization"], L1Regularization = p["l1_regularization"] };
}
