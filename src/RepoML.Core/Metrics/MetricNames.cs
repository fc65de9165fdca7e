namespace RepoML.Core.Metrics;

/// <summary>Stable metric names used in metrics.json, trials.json, sweep primary metrics and comparison gates.</summary>
public static class MetricNames
{
    public const string Accuracy = "accuracy";
    public const string Precision = "precision";
    public const string Recall = "recall";
    public const string F1 = "f1";
    public const string RocAuc = "roc_auc";
    public const string PrAuc = "pr_auc";
    public const string LogLoss = "log_loss";
    public const string MacroF1 = "macro_f1";
    public const string Rmse = "rmse";
    public const string Mae = "mae";
    public const string R2 = "r2";

    /// <summary>The metrics reported for a task ("binary", "multiclass" or "regression"), in report order.</summary>
    public static IReadOnlyList<string> ForTask(MlTask task) => task switch
    {
        MlTask.Binary => [Accuracy, Precision, Recall, F1, RocAuc, PrAuc, LogLoss],
        MlTask.Multiclass => [Accuracy, MacroF1, LogLoss],
        _ => [Rmse, Mae, R2],
    };

    /// <summary>False for losses and errors (log_loss, rmse, mae), true for everything else.</summary>
    public static bool GreaterIsBetter(string name) => name is not (LogLoss or Rmse or Mae);
}
