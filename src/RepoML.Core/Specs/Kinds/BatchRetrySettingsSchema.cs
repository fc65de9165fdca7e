namespace RepoML.Core.Specs.Kinds;

/// <summary>How a batch deployment retries a failed or timed-out mini-batch.</summary>
public static class BatchRetrySettingsSchema
{
    public static ObjectSchema Schema { get; } = new("retry_settings",
    [
        new("max_retries", new IntegerSchema(0), Default: "3"),
        new("timeout", new IntegerSchema(1), Default: "30"),
    ]);
}
