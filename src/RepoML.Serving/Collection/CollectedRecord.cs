namespace RepoML.Serving.Collection;

/// <summary>One model input or output payload to append, with the correlation id that joins inputs to outputs.</summary>
public sealed record CollectedRecord(string Endpoint, string Deployment, string Collection, RollingRate Rate, string CorrelationId,
    DateTimeOffset Time, byte[] Json);
