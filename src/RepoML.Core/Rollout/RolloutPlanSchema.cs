namespace RepoML.Core.Rollout;

/// <summary>The declarative schema of a rollout plan file (<c>endpoints/NAME/rollout.yml</c>).</summary>
public static class RolloutPlanSchema
{
    /// <summary>The kind's name in its <c>$schema</c> address.</summary>
    public const string KindName = "rolloutPlan";

    /// <summary>Health gates: read from the live endpoint's <c>/metrics</c> for the candidate deployment.</summary>
    public static ObjectSchema Gates { get; } = new("gates",
    [
        new("max_error_rate", new NumberSchema(Min: 0, Max: 1)),
        new("max_p95_latency_ms", new NumberSchema(Min: 0)),
        new("min_requests", new IntegerSchema(Min: 0)),
    ]);

    public static ObjectSchema Step { get; } = new("step",
    [
        new("traffic", new IntegerSchema(Min: 1, Max: 100), Required: true),
        new("soak", new StringSchema(), Default: "0s"),
        new("gates", Gates),
    ]);

    public static ObjectSchema Schema { get; } = new("rolloutPlan",
    [
        CommonFields.SchemaUrl,
        CommonFields.Description,
        new("model", new StringSchema()),
        new("label", new StringSchema(Pattern: "^[A-Za-z0-9_-]+$", PatternDescription: "letters, digits, '-' and '_'"), Default: "prod"),
        new("metrics_url", new StringSchema()),
        new("compare", new ObjectSchema("compare",
        [
            new("policy", new StringSchema(), Required: true),
            new("data", new StringSchema()),
        ])),
        new("gates", Gates),
        new("steps", new ListSchema(Step), Required: true),
        new("rollback", new ObjectSchema("rollback",
        [
            new("on_failed_gate", new EnumSchema("rollback", "hold"), Default: "rollback"),
            new("restore_model", BooleanSchema.Instance, Default: "true"),
        ])),
    ]);
}
