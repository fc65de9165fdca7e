namespace RepoML.Core.Monitoring;

/// <summary>The schema of a monitor file (<c>https://repoml.dev/schemas/monitor.schema.json</c>), checked by <see cref="SchemaValidator"/>.</summary>
public static class MonitorSchema
{
    // Declared first: the schema fields below read it while the class initializes.
    // Five cron fields (minute hour day month weekday) of numbers, names, * / , - ? L W #; "every morning" is not one.
    private static readonly StringSchema Cron = new(@"^\s*[\w*/,?#-]+(\s+[\w*/,?#-]+){4}\s*$",
        "a cron expression of five fields (minute hour day month weekday), e.g. \"0 6 * * *\"");

    public const string KindName = "monitor";

    private static readonly NumberSchema Share = new(Min: 0, Max: 1);

    public static EnumSchema Tests { get; } = new(StatTests.Names);

    private static ObjectSchema Override { get; } = new("override",
    [
        new("stattest", Tests),
        new("threshold", new NumberSchema(Min: 0)),
    ]);

    public static ObjectSchema Schema { get; } = new("monitor",
    [
        CommonFields.SchemaUrl,
        CommonFields.Description,
        new("name", new StringSchema()),
        new("endpoint", new StringSchema()),
        new("deployments", new ListSchema(new StringSchema())),
        new("baseline", new ObjectSchema("baseline",
        [
            new("data", new StringSchema()),
            new("target_column", new StringSchema()),
            new("window", new ObjectSchema("window", [new("from", new StringSchema()), new("to", new StringSchema())])),
        ]), Required: true),
        new("window", new ObjectSchema("window", [new("lookback", new StringSchema(@"^P(\d+D)?(T(\d+H)?(\d+M)?)?$",
            "an ISO 8601 duration such as P1D or PT6H"))])),
        new("schedule", new ObjectSchema("schedule", [new("cron", Cron), new("time_zone", new StringSchema())])),
        new("signals", new ObjectSchema("signals",
        [
            new("data_drift", new ObjectSchema("data_drift",
            [
                new("enabled", BooleanSchema.Instance),
                new("features", new ListSchema(new StringSchema())),
                new("drift_share", Share),
                new("large_sample_rows", new IntegerSchema(Min: 1)),
                new("min_rows", new IntegerSchema(Min: 1)),
                new("bins", new IntegerSchema(Min: 2, Max: 1000)),
                new("thresholds", new MapSchema(new NumberSchema(Min: 0))),
                new("overrides", new MapSchema(Override)),
            ])),
            new("prediction_drift", new ObjectSchema("prediction_drift",
            [
                new("enabled", BooleanSchema.Instance),
                new("output", new StringSchema()),
                new("stattest", Tests),
                new("threshold", new NumberSchema(Min: 0)),
            ])),
            new("data_quality", new ObjectSchema("data_quality",
            [
                new("enabled", BooleanSchema.Instance),
                new("null_value_rate", Share),
                new("data_type_error_rate", Share),
                new("out_of_bounds_rate", Share),
            ])),
            new("feature_attribution_drift", new ObjectSchema("feature_attribution_drift",
            [
                new("enabled", BooleanSchema.Instance),
                new("ndcg_threshold", Share),
            ])),
        ])),
        new("infrastructure", new ObjectSchema("infrastructure",
        [
            new("metrics_url", new StringSchema()),
            new("latency_p95_ms", new NumberSchema(Min: 0)),
            new("error_rate", Share),
            new("saturation", new NumberSchema(Min: 0)),
        ])),
    ]);
}
