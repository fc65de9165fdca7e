namespace RepoML.Core.Specs.Kinds;

/// <summary>How an online deployment takes scoring requests.</summary>
public static class RequestSettingsSchema
{
    public static ObjectSchema Schema { get; } = new("request_settings",
    [
        new("request_timeout_ms", new IntegerSchema(1, 180_000), Default: "5000"),
        new("max_concurrent_requests_per_instance", new IntegerSchema(1), Default: "1"),

        // Deprecated for managed endpoints (raise request_timeout_ms instead) but still read.
        new("max_queue_wait_ms", new IntegerSchema(0), Default: "500"),
    ]);
}
