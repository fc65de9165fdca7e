namespace RepoML.Azure;

/// <summary>The ARM resources one endpoint folder becomes, in the order Azure needs them.</summary>
/// <param name="Assets">Model and environment versions the deployments reference (id → properties).</param>
/// <param name="EndpointProperties">The endpoint's properties without traffic (traffic may only name deployments that exist).</param>
/// <param name="Deployments">Each deployment: id, instance count (the SKU capacity) and properties.</param>
/// <param name="Traffic">The endpoint's traffic, set last.</param>
public sealed record OnlineDeploymentPlan(
    ResourceIdentifier EndpointId,
    IReadOnlyDictionary<string, string> EndpointTags,
    JsonObject EndpointProperties,
    IReadOnlyList<(ResourceIdentifier Id, JsonObject Properties)> Assets,
    IReadOnlyList<(ResourceIdentifier Id, int InstanceCount, IReadOnlyDictionary<string, string> Tags, JsonObject Properties)> Deployments,
    IReadOnlyDictionary<string, int> Traffic,
    IReadOnlyDictionary<string, int> MirrorTraffic);
