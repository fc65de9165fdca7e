using RepoML.Core.Scoring;

namespace RepoML.Training.Evaluation;

/// <summary>Scores a table with a model (ONNX Runtime in practice) and computes the task's metrics against its label column.</summary>
public static class ModelEvaluator
{
    /// <exception cref="TrainingDataException">The label column is missing or holds values the task cannot use.</exception>
    /// <exception cref="ScoringInputException">A model input has no column or a cell cannot be converted.</exception>
    public static EvaluationResult Evaluate(IModelScorer scorer, CsvTable table, EvaluationTarget target)
    {
        if (table.Rows.Count == 0)
        {
            throw new TrainingDataException($"{table.Source}: no data rows after the header");
        }

        var labelIndex = table.ColumnIndex(target.Label);
        var actual = table.Rows.Select(r => r[labelIndex]).ToArray();
        var o = target.Outputs;
        var wanted = new[] { o.PredictedLabel, o.Score, o.Probability }.OfType<string>().ToList();
        // The label is never a feature: hidden (an empty name) unless a model input is named after it.
        var header = scorer.Signature.FindInput(target.Label) is null ? [.. table.Header.Select((h, i) => i == labelIndex ? "" : h)] : table.Header;
        ScoringResult scored;
        try
        {
            scored = scorer.Score(header, table.Rows, wanted);
        }
        catch (ScoringInputException e)
        {
            // The scorer counts rows; the table knows their file and lines.
            throw new ScoringInputException(e is { Row: { } row, Problem: { } problem } && row < table.LineNumbers.Count
                ? $"{table.Source}:{table.LineNumbers[row]}: {problem}" : $"{table.Source}: {e.Message}");
        }

        return target.Task switch
        {
            MlTask.Binary => Binary(table, target, actual, scored),
            MlTask.Multiclass => Multiclass(target, actual, scored),
            _ => Regression(table, target, actual, scored),
        };
    }

    private static EvaluationResult Binary(CsvTable table, EvaluationTarget target, string[] actual, ScoringResult scored)
    {
        var (negative, positive) = (target.Classes[0], target.Classes[1]);
        var n = actual.Length;
        var truth = new bool[n];
        for (var i = 0; i < n; i++)
        {
            truth[i] = actual[i] == positive ? true
                : actual[i] == negative ? false
                : throw new TrainingDataException($"{table.Source}:{table.LineNumbers[i]}: label '{actual[i]}' is neither '{negative}' " +
                    $"nor '{positive}'");
        }

        var score = target.Outputs.Score is { } s ? scored[s] : null;
        var probabilityOutput = target.Outputs.Probability is { } p ? scored[p] : null;
        var labelOutput = target.Outputs.PredictedLabel is { } l ? scored[l] : null;
        // A foreign classifier's probabilities have a column per class: the positive class's is the one to read.
        var positiveColumn = target.ClassesFromModel && probabilityOutput is { RowWidth: > 1 }
            ? ClassColumns.Infer(probabilityOutput, labelOutput, target.Classes).ToList().IndexOf(positive) : 0;
        if (positiveColumn < 0)
        {
            throw new TrainingDataException($"output '{probabilityOutput!.Name}' has no column for class '{positive}'");
        }

        var probability = new double[n];
        var predictedFlags = new bool[n];
        for (var i = 0; i < n; i++)
        {
            // Without a calibrated probability, the logistic of the score keeps the ranking and the 0.5 threshold.
            probability[i] = probabilityOutput?.NumberAt(i, positiveColumn) ?? 1.0 / (1.0 + Math.Exp(-score!.NumberAt(i)));
            predictedFlags[i] = labelOutput is null ? probability[i] >= 0.5
                : target.ClassesFromModel ? labelOutput.TextAt(i) == positive
                : labelOutput.Strings is { } texts ? texts[i] == positive || texts[i] is "true" or "True"
                : labelOutput.NumberAt(i) != 0;
        }

        var metrics = BinaryMetrics.Compute(truth, probability, predictedFlags).ToDictionary();
        var scores = score is null ? null : Enumerable.Range(0, n).Select(i => score.NumberAt(i)).ToArray();
        return new EvaluationResult(MlTask.Binary, metrics, target.Classes, actual, [.. predictedFlags.Select(f => f ? positive : negative)],
            probability, 1, scores);
    }

    private static EvaluationResult Multiclass(EvaluationTarget target, string[] actual, ScoringResult scored)
    {
        var score = scored[target.Outputs.Score ?? throw new TrainingDataException("the model has no Score output")];
        var labelOutput = target.Outputs.PredictedLabel is { } name ? scored[name] : null;
        var classes = (target.ClassesFromModel ? ClassColumns.Infer(score, labelOutput, target.Classes) : target.Classes).ToList();
        var known = classes.Count;
        var index = classes.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i, StringComparer.Ordinal);
        var actualIndex = actual.Select(a => index.TryGetValue(a, out var i) ? i : AddClass(a)).ToArray();
        if (score.RowWidth != known)
        {
            throw new TrainingDataException($"output '{score.Name}' has {score.RowWidth} columns but model-info.json lists {known} classes");
        }

        var n = actual.Length;
        var width = classes.Count;
        var probabilities = new double[n * width];
        var predicted = new int[n];
        for (var r = 0; r < n; r++)
        {
            for (var c = 0; c < known; c++)
            {
                probabilities[(r * width) + c] = score.NumberAt(r, c);
                predicted[r] = score.NumberAt(r, c) > score.NumberAt(r, predicted[r]) ? c : predicted[r];
            }
        }

        // The model's own label output wins over argmax where it names a known class (ties, thresholds).
        if (labelOutput is not null && (labelOutput.Strings is not null || target.ClassesFromModel))
        {
            for (var r = 0; r < n; r++)
            {
                predicted[r] = index.TryGetValue(labelOutput.TextAt(r), out var c) && c < known ? c : predicted[r];
            }
        }

        var metrics = MulticlassMetrics.Compute(actualIndex, predicted, probabilities, width).ToDictionary();
        return new EvaluationResult(MlTask.Multiclass, metrics, classes, actual, [.. predicted.Select(p => classes[p])], probabilities, width, null);

        int AddClass(string name)
        {
            index[name] = classes.Count;
            classes.Add(name);
            return classes.Count - 1;
        }
    }

    private static EvaluationResult Regression(CsvTable table, EvaluationTarget target, string[] actual, ScoringResult scored)
    {
        var score = scored[target.Outputs.Score ?? throw new TrainingDataException("the model has no Score output")];
        var n = actual.Length;
        var truth = new double[n];
        var predicted = new double[n];
        for (var i = 0; i < n; i++)
        {
            truth[i] = double.TryParse(actual[i], NumberStyles.Float, CultureInfo.InvariantCulture, out var v)
                ? v
                : throw new TrainingDataException($"{table.Source}:{table.LineNumbers[i]}: the label '{target.Label}' must be numeric " +
                    $"for regression, found '{actual[i]}'");
            predicted[i] = score.NumberAt(i);
        }

        var metrics = RegressionMetrics.Compute(truth, predicted).ToDictionary();
        return new EvaluationResult(MlTask.Regression, metrics, [], actual, [.. predicted.Select(p => p.ToString("R",
            CultureInfo.InvariantCulture))], [], 0, predicted);
    }
}
