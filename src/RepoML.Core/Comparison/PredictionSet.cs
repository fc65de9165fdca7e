namespace RepoML.Core.Comparison;

/// <summary>
/// One model's per-row outputs on the evaluation rows, with the truth. Binary: classes 0/1 and P(positive);
/// multiclass: class indexes and <see cref="Width"/> probabilities per row; regression: values only.
/// </summary>
public sealed class PredictionSet
{
    private PredictionSet(MlTask task, IReadOnlyList<string> classes, int[] actualClass, int[] predictedClass, double[] probabilities, int width,
        double[] actualValue, double[] predictedValue)
    {
        Task = task;
        Classes = classes;
        ActualClass = actualClass;
        PredictedClass = predictedClass;
        Probabilities = probabilities;
        Width = width;
        ActualValue = actualValue;
        PredictedValue = predictedValue;
        Rows = task == MlTask.Regression ? actualValue.Length : actualClass.Length;
    }

    public MlTask Task { get; }

    /// <summary>Class names by index (binary: negative, positive); empty for regression.</summary>
    public IReadOnlyList<string> Classes { get; }

    public int[] ActualClass { get; }

    public int[] PredictedClass { get; }

    /// <summary>Row-major probabilities: binary P(positive) (width 1), multiclass one per class.</summary>
    public double[] Probabilities { get; }

    public int Width { get; }

    public double[] ActualValue { get; }

    public double[] PredictedValue { get; }

    public int Rows { get; }

    public static PredictionSet Binary(bool[] actual, bool[] predicted, double[] probability, IReadOnlyList<string>? classes = null)
    {
        Require(actual.Length == predicted.Length && actual.Length == probability.Length && actual.Length > 0,
            "binary predictions need the same, non-zero number of rows");
        return new(MlTask.Binary, classes ?? ["false", "true"], [.. actual.Select(a => a ? 1 : 0)], [.. predicted.Select(p => p ? 1 : 0)],
            probability, 1, [], []);
    }

    public static PredictionSet Multiclass(IReadOnlyList<string> classes, int[] actual, int[] predicted, double[] probabilities)
    {
        Require(actual.Length == predicted.Length && actual.Length > 0 && probabilities.Length == actual.Length * classes.Count,
            "multiclass predictions need one class per row and one probability per class and row");
        return new(MlTask.Multiclass, classes, actual, predicted, probabilities, classes.Count, [], []);
    }

    public static PredictionSet Regression(double[] actual, double[] predicted)
    {
        Require(actual.Length == predicted.Length && actual.Length > 0, "regression predictions need the same, non-zero number of rows");
        return new(MlTask.Regression, [], [], [], [], 0, actual, predicted);
    }

    /// <summary>The task's metrics, computed by the shared metric code (as <c>repoml evaluate</c> does).</summary>
    public IReadOnlyDictionary<string, double> Metrics() => Task switch
    {
        MlTask.Binary => BinaryMetrics.Compute([.. ActualClass.Select(a => a == 1)], Probabilities, [.. PredictedClass.Select(p
            => p == 1)]).ToDictionary(),
        MlTask.Multiclass => MulticlassMetrics.Compute(ActualClass, PredictedClass, Probabilities, Width).ToDictionary(),
        _ => RegressionMetrics.Compute(ActualValue, PredictedValue).ToDictionary(),
    };

    /// <summary>The truth of a row as text (class name or value).</summary>
    public string ActualText(int row) => Task == MlTask.Regression ? Format(ActualValue[row]) : Classes[ActualClass[row]];

    /// <summary>The prediction of a row as text (class name or value).</summary>
    public string PredictedText(int row) => Task == MlTask.Regression ? Format(PredictedValue[row]) : Classes[PredictedClass[row]];

    /// <summary>Whether <paramref name="other"/> describes the same rows with the same truth, so both can be compared row by row.</summary>
    public bool IsPairedWith(PredictionSet other) =>
        other.Task == Task && other.Rows == Rows && other.ActualClass.AsSpan().SequenceEqual(ActualClass)
            && other.ActualValue.AsSpan().SequenceEqual(ActualValue);

    private static string Format(double value) => value.ToString("G6", System.Globalization.CultureInfo.InvariantCulture);

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new ArgumentException(message);
        }
    }
}
