namespace RepoML.Core.Events;

/// <summary>
/// CloudEvents <c>type</c> values. Where Azure ML emits the event to Event Grid RepoML uses Azure's type and data field
/// names; failures, which Azure ML does not emit, use the <c>RepoML.</c> prefix.
/// </summary>
public static class EventTypes
{
    public const string AzurePrefix = "Microsoft.MachineLearningServices.";
    public const string RepoMLPrefix = "RepoML.";

    public const string ModelRegistered = AzurePrefix + "ModelRegistered";
    public const string ModelDeployed = AzurePrefix + "ModelDeployed";
    public const string RunCompleted = AzurePrefix + "RunCompleted";
    public const string RunStatusChanged = AzurePrefix + "RunStatusChanged";
    public const string DatasetDriftDetected = AzurePrefix + "DatasetDriftDetected";

    public const string RegistrationFailed = RepoMLPrefix + "RegistrationFailed";
    public const string DeploymentFailed = RepoMLPrefix + "DeploymentFailed";

    /// <summary>A monitor alert other than dataset drift: data quality, prediction drift, attribution drift, infrastructure.</summary>
    public const string MonitorAlert = RepoMLPrefix + "MonitorAlert";

    public static IReadOnlyList<string> All { get; } =
        [ModelRegistered, ModelDeployed, RunCompleted, RunStatusChanged, DatasetDriftDetected, RegistrationFailed, DeploymentFailed, MonitorAlert];
}
