namespace RepoML.Core.Specs.Kinds;

/// <summary>The limits of a command job or command node.</summary>
public static class JobLimitsSchema
{
    public static ObjectSchema Command { get; } = new("limits",
    [
        // Seconds; the job is cancelled when it runs longer.
        new("timeout", new IntegerSchema(1)),
    ]);
}
