namespace RepoML.Core.Comparison;

/// <summary>
/// A comparison policy (<c>models/&lt;name&gt;.compare.yml</c>, <c>$schema: https://repoml.dev/schemas/comparePolicy.schema.json</c>):
/// which rows both models are scored on, the task, the primary metric and the gates a candidate must pass.
/// </summary>
/// <param name="Model">The model it governs (a name; null: the file name stem).</param>
/// <param name="Data">
/// Evaluation rows: a CSV path (relative to the policy file), a data asset <c>azureml:name[@latest]</c>, or a candidate
/// run output <c>${{candidate.jobs.JOB.outputs.OUTPUT}}/FILE.csv</c>.
/// </param>
/// <param name="Label">Label column; null: the one in model-info.json.</param>
/// <param name="Task">Task; null: the one in model-info.json.</param>
/// <param name="PrimaryMetric">Headline metric: first in reports, used for permutation importance.</param>
public sealed record ComparePolicy(
    string? Model,
    string? Data,
    string? Label,
    MlTask? Task,
    string? PrimaryMetric,
    IReadOnlyList<MetricGate> Gates,
    int Resamples = ComparePolicy.DefaultResamples,
    int Seed = ComparePolicy.DefaultSeed,
    int ImportanceRepeats = ComparePolicy.DefaultImportanceRepeats,
    int ImportanceMaxRows = ComparePolicy.DefaultImportanceMaxRows,
    int TopDisagreements = ComparePolicy.DefaultTopDisagreements)
{
    public const int DefaultResamples = 1000;
    public const int DefaultSeed = 42;
    public const int DefaultImportanceRepeats = 3;
    public const int DefaultImportanceMaxRows = 1000;
    public const int DefaultTopDisagreements = 10;

    /// <summary>The policy used when a model has none: no gates, defaults everywhere.</summary>
    public static ComparePolicy Default { get; } = new(null, null, null, null, null, []);

    /// <summary>The primary metric, or the task's first metric (binary: accuracy; regression: rmse).</summary>
    public string PrimaryMetricFor(MlTask task) => PrimaryMetric ?? MetricNames.ForTask(task)[0];
}
