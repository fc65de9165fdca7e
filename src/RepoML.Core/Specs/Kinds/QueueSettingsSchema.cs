namespace RepoML.Core.Specs.Kinds;

/// <summary>The queueing tier and priority of a job on serverless or Kubernetes compute.</summary>
public static class QueueSettingsSchema
{
    public static ObjectSchema Schema { get; } = new("queue_settings",
    [
        new("job_tier", new EnumSchema("null", "spot", "basic", "standard", "premium")),
        new("priority", new EnumSchema("low", "medium", "high")),
    ]);
}
