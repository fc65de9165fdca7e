namespace RepoML.Core.Specs.Kinds;

/// <summary>Liveness and readiness probes of an online deployment; they differ only in their defaults.</summary>
public static class ProbeSettingsSchema
{
    public static ObjectSchema Liveness { get; } = Probe("liveness_probe", failureThreshold: "30");

    public static ObjectSchema Readiness { get; } = Probe("readiness_probe", failureThreshold: "3");

    private static ObjectSchema Probe(string name, string failureThreshold) => new(name,
    [
        new("initial_delay", new IntegerSchema(0), Default: "10"),
        new("period", new IntegerSchema(1), Default: "10"),
        new("timeout", new IntegerSchema(1), Default: "2"),
        new("success_threshold", new IntegerSchema(1), Default: "1"),
        new("failure_threshold", new IntegerSchema(1), Default: failureThreshold),
    ]);
}
