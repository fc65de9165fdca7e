namespace RepoML.Core.Specs.Kinds;

/// <summary>Production data collection of a managed online deployment.</summary>
public static class DataCollectorSchema
{
    private static readonly ObjectSchema DataAsset = new("data collector data asset",
    [
        new("name", new StringSchema()),
        new("path", new StringSchema()),
        new("version", new StringSchema()),
    ]);

    private static readonly ObjectSchema Collection = new("data collection",
    [
        // Azure ML documents the strings 'true'/'false'; a YAML boolean reads the same.
        new("enabled", new EnumSchema("true", "false"), Required: true, Default: "false"),
        new("data", DataAsset),
        new("client_id", new StringSchema()),
        new("sampling_rate", new NumberSchema(0, 1), Default: "1.0"),
    ]);

    private static readonly ObjectSchema RequestLogging = new("request_logging",
    [
        new("capture_headers", new ListSchema(new StringSchema())),
    ]);

    public static ObjectSchema Schema { get; } = new("data_collector",
    [
        new("collections", new MapSchema(Collection)),
        new("rolling_rate", new EnumSchema("minute", "hour", "day"), Default: "hour"),
        new("sampling_rate", new NumberSchema(0, 1), Default: "1.0"),
        new("request_logging", RequestLogging),
    ]);
}
