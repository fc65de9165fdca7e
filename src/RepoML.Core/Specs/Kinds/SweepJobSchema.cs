namespace RepoML.Core.Specs.Kinds;

/// <summary>
/// A sweep job file (<c>sweepJob.schema.json</c>): a <c>trial</c> command run once per parameter set drawn from
/// <c>search_space</c>, the best trial chosen by <c>objective</c>. Search-space expressions and the sampling algorithm follow
/// <see cref="SearchSpaceSchema"/>; what only a local run cannot honour is left to <c>SweepJobReader</c>.
/// </summary>
public static class SweepJobSchema
{
    public static ObjectSchema Objective { get; } = new("objective",
    [
        new("goal", new EnumSchema("maximize", "minimize"), Required: true),
        new("primary_metric", new StringSchema(), Required: true),
    ]);

    public static ObjectSchema Limits { get; } = new("sweep limits",
    [
        new("max_total_trials", new IntegerSchema(1), Default: "1000"),
        new("max_concurrent_trials", new IntegerSchema(1), Default: "max_total_trials"),
        new("timeout", new IntegerSchema(1), Default: "10080 minutes (7 days), in seconds"),
        new("trial_timeout", new IntegerSchema(1)),
    ]);

    public static ObjectSchema EarlyTermination { get; } = new("early_termination",
    [
        new("type", new EnumSchema("bandit", "median_stopping", "truncation_selection"), Required: true),
        new("evaluation_interval", new IntegerSchema(0), Default: "0"),
        new("delay_evaluation", new IntegerSchema(0), Default: "0"),
        new("slack_factor", new NumberSchema(0)),
        new("slack_amount", new NumberSchema(0)),
        new("truncation_percentage", new IntegerSchema(1, 99)),
        new("exclude_finished_jobs", BooleanSchema.Instance),
    ]);

    /// <summary>The sweep fields a sweep job shares with the sweep nodes of pipelines.</summary>
    public static IReadOnlyList<FieldSchema> SweepFields { get; } =
    [
        new("search_space", SearchSpaceSchema.Schema, Required: true),
        new("sampling_algorithm", SearchSpaceSchema.SamplingAlgorithm, Required: true),
        new("objective", Objective, Required: true),
        new("limits", Limits),
        new("early_termination", EarlyTermination),
    ];

    public static ObjectSchema Schema { get; } = new("sweep job",
    [
        .. CommandJobSchema.JobFields,
        new("type", new EnumSchema("sweep"), Required: true),
        new("trial", CommandComponentSchema.ReferenceOrInline, Required: true),
        new("inputs", JobInputsSchema.Schema),
        new("outputs", JobOutputsSchema.Schema),
        .. SweepFields,
        new("queue_settings", QueueSettingsSchema.Schema),
        new("resources", JobResourcesSchema.Schema),
    ]);
}
