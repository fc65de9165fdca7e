namespace RepoML.Training.Evaluation;

/// <summary>
/// Writes one CSV row per scored row so anyone can recompute the metrics. Columns: <c>row</c> (0-based data row),
/// <c>actual</c>, <c>predicted</c>, then binary: <c>probability</c> (of the positive class) and <c>score</c>;
/// multiclass: <c>probability_&lt;class&gt;</c> per class; regression: nothing more.
/// </summary>
public static class PredictionsCsv
{
    public static void Write(TextWriter writer, EvaluationResult result)
    {
        var header = new List<string> { "row", "actual", "predicted" };
        switch (result.Task)
        {
            case MlTask.Binary:
                header.Add("probability");
                if (result.Scores is not null)
                {
                    header.Add("score");
                }

                break;
            case MlTask.Multiclass:
                header.AddRange(result.Classes.Select(c => "probability_" + c));
                break;
        }

        CsvWriter.WriteRow(writer, header);
        var cells = new List<string>(header.Count);
        for (var r = 0; r < result.Rows; r++)
        {
            cells.Clear();
            cells.Add(r.ToString(CultureInfo.InvariantCulture));
            cells.Add(result.Actual[r]);
            cells.Add(result.Predicted[r]);
            for (var c = 0; c < result.ProbabilityWidth; c++)
            {
                cells.Add(Number(result.Probabilities[(r * result.ProbabilityWidth) + c]));
            }

            if (result.Task == MlTask.Binary && result.Scores is not null)
            {
                cells.Add(Number(result.Scores[r]));
            }

            CsvWriter.WriteRow(writer, cells);
        }
    }

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
