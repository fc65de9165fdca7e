namespace RepoML.Core.Specs;

/// <summary>Maps <c>$schema</c> addresses to spec kinds, and kinds to their schemas.</summary>
public static class SpecKindCatalog
{
    private static readonly Dictionary<string, SpecKind> BySchemaName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["model"] = SpecKind.Model,
        ["environment"] = SpecKind.Environment,
        ["data"] = SpecKind.Data,
        ["managedOnlineEndpoint"] = SpecKind.ManagedOnlineEndpoint,
        ["managedOnlineDeployment"] = SpecKind.ManagedOnlineDeployment,
        ["kubernetesOnlineEndpoint"] = SpecKind.KubernetesOnlineEndpoint,
        ["kubernetesOnlineDeployment"] = SpecKind.KubernetesOnlineDeployment,
        ["batchEndpoint"] = SpecKind.BatchEndpoint,
        ["batchDeployment"] = SpecKind.BatchDeployment,
        ["modelBatchDeployment"] = SpecKind.BatchDeployment,
        ["commandComponent"] = SpecKind.CommandComponent,
        ["commandJob"] = SpecKind.CommandJob,
        ["pipelineJob"] = SpecKind.PipelineJob,
        ["sweepJob"] = SpecKind.SweepJob,
    };

    /// <summary>The schema address RepoML writes for a kind (the one the Azure ML CLI publishes).</summary>
    public static string SchemaUrl(SpecKind kind) =>
        $"https://azuremlschemas.azureedge.net/latest/{char.ToLowerInvariant(kind.ToString()[0])}{kind.ToString()[1..]}.schema.json";

    /// <summary>
    /// The kind named by a <c>$schema</c> value such as
    /// <c>https://azuremlschemas.azureedge.net/latest/model.schema.json</c>; null when RepoML does not read it.
    /// </summary>
    public static SpecKind? FromSchemaUrl(string url)
    {
        var name = SchemaName(url);
        return name is not null && BySchemaName.TryGetValue(name, out var kind) ? kind : null;
    }

    /// <summary>The bare schema name of an address: <c>model</c> for <c>…/latest/model.schema.json</c>.</summary>
    public static string? SchemaName(string url)
    {
        var trimmed = url.Trim();
        var slash = trimmed.LastIndexOf('/');
        var last = slash >= 0 ? trimmed[(slash + 1)..] : trimmed;
        var dot = last.IndexOf('.', StringComparison.Ordinal);
        var name = dot >= 0 ? last[..dot] : last;
        return name.Length == 0 ? null : name;
    }

    public static ObjectSchema SchemaOf(SpecKind kind) => kind switch
    {
        SpecKind.Model => ModelSchema.Schema,
        SpecKind.Environment => EnvironmentSchema.Schema,
        SpecKind.Data => DataSchema.Schema,
        SpecKind.ManagedOnlineEndpoint => OnlineEndpointSchema.Managed,
        SpecKind.KubernetesOnlineEndpoint => OnlineEndpointSchema.Kubernetes,
        SpecKind.ManagedOnlineDeployment => OnlineDeploymentSchema.Managed,
        SpecKind.KubernetesOnlineDeployment => OnlineDeploymentSchema.Kubernetes,
        SpecKind.BatchEndpoint => BatchEndpointSchema.Schema,
        SpecKind.BatchDeployment => BatchDeploymentSchema.Schema,
        SpecKind.CommandComponent => CommandComponentSchema.Schema,
        SpecKind.CommandJob => CommandJobSchema.Schema,
        SpecKind.PipelineJob => PipelineJobSchema.Schema,
        SpecKind.SweepJob => SweepJobSchema.Schema,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
