namespace RepoML.Core.Events;

/// <summary>
/// Builds the lifecycle events with Azure ML's Event Grid data fields (camelCase, as the Azure SDKs' system event data
/// classes name them). Times and sources are values from the caller: Core reads no clock.
/// </summary>
public static class LifecycleEvents
{
    public static LifecycleEvent ModelRegistered(string source, DateTimeOffset time, string modelName, string modelVersion,
        IReadOnlyDictionary<string, string> tags, IReadOnlyDictionary<string, string> properties) =>
        new(EventIds.For(EventTypes.ModelRegistered, $"{modelName}:{modelVersion}"), EventTypes.ModelRegistered, source,
            $"models/{modelName}:{modelVersion}", time, new JsonObject
        {
            ["modelName"] = modelName,
            ["modelVersion"] = modelVersion,
            ["modelTags"] = Map(tags),
            ["modelProperties"] = Map(properties),
        });

    /// <param name="modelIds">Azure's format: <c>name:version</c> joined by commas.</param>
    /// <param name="key">What makes this deployment unique (e.g. the traffic split or image digest), for the event id.</param>
    public static LifecycleEvent ModelDeployed(string source, DateTimeOffset time, string endpoint, string deployment,
        IReadOnlyList<string> modelIds, string computeType, IReadOnlyDictionary<string, string> properties, string key) =>
        new(EventIds.For(EventTypes.ModelDeployed, $"{endpoint}/{deployment}/{key}"), EventTypes.ModelDeployed, source, $"endpoints/{endpoint}",
            time, new JsonObject
        {
            ["serviceName"] = endpoint,
            ["serviceComputeType"] = computeType,
            ["modelIds"] = string.Join(',', modelIds),
            ["serviceTags"] = new JsonObject(),
            ["serviceProperties"] = Map(properties),
            ["deploymentName"] = deployment,
        });

    public static LifecycleEvent RunCompleted(string source, DateTimeOffset time, string experimentName, string runId, string runType,
        IReadOnlyDictionary<string, string> tags, IReadOnlyDictionary<string, string> properties) =>
        new(EventIds.For(EventTypes.RunCompleted, runId), EventTypes.RunCompleted, source, $"experiments/{experimentName}/runs/{runId}", time,
            Run(experimentName, runId, runType, tags, properties, null));

    public static LifecycleEvent RunStatusChanged(string source, DateTimeOffset time, string experimentName, string runId, string runType,
        string runStatus, IReadOnlyDictionary<string, string> tags, IReadOnlyDictionary<string, string> properties) =>
        new(EventIds.For(EventTypes.RunStatusChanged, $"{runId}/{runStatus}"), EventTypes.RunStatusChanged, source,
            $"experiments/{experimentName}/runs/{runId}", time, Run(experimentName, runId, runType, tags, properties, runStatus));

    /// <param name="driftCoefficient">The share of drifted features (RepoML's coefficient, 0–1).</param>
    public static LifecycleEvent DatasetDriftDetected(string source, DateTimeOffset time, string monitorName, string runId, string baseDatasetId,
        string targetDatasetId, double driftCoefficient, DateTimeOffset startTime, DateTimeOffset endTime) =>
        new(EventIds.For(EventTypes.DatasetDriftDetected, $"{monitorName}/{targetDatasetId}/{Iso(startTime)}/{Iso(endTime)}"),
            EventTypes.DatasetDriftDetected, source, $"datadrifts/{monitorName}", time, new JsonObject
        {
            ["dataDriftId"] = monitorName,
            ["dataDriftName"] = monitorName,
            ["runId"] = runId,
            ["baseDatasetId"] = baseDatasetId,
            ["targetDatasetId"] = targetDatasetId,
            ["driftCoefficient"] = driftCoefficient,
            ["startTime"] = Iso(startTime),
            ["endTime"] = Iso(endTime),
        });

    public static LifecycleEvent RegistrationFailed(string source, DateTimeOffset time, string modelName, string? modelVersion, string reason,
        string key) =>
        new(EventIds.For(EventTypes.RegistrationFailed, $"{modelName}/{key}"), EventTypes.RegistrationFailed, source, $"models/{modelName}",
            time, new JsonObject
        {
            ["modelName"] = modelName,
            ["modelVersion"] = modelVersion,
            ["reason"] = reason,
        });

    public static LifecycleEvent DeploymentFailed(string source, DateTimeOffset time, string endpoint, string deployment,
        IReadOnlyList<string> modelIds, string reason, string key) =>
        new(EventIds.For(EventTypes.DeploymentFailed, $"{endpoint}/{deployment}/{key}"), EventTypes.DeploymentFailed, source,
            $"endpoints/{endpoint}", time, new JsonObject
        {
            ["serviceName"] = endpoint,
            ["deploymentName"] = deployment,
            ["modelIds"] = string.Join(',', modelIds),
            ["reason"] = reason,
        });

    /// <param name="signal">data_quality, prediction_drift, feature_attribution_drift or infrastructure.</param>
    public static LifecycleEvent MonitorAlert(string source, DateTimeOffset time, string monitorName, string endpoint, string signal,
        JsonObject details, DateTimeOffset startTime, DateTimeOffset endTime) =>
        new(EventIds.For(EventTypes.MonitorAlert, $"{monitorName}/{signal}/{Iso(startTime)}/{Iso(endTime)}"), EventTypes.MonitorAlert, source,
            $"endpoints/{endpoint}/monitors/{monitorName}", time, new JsonObject
        {
            ["monitorName"] = monitorName,
            ["endpoint"] = endpoint,
            ["signal"] = signal,
            ["details"] = details,
            ["startTime"] = Iso(startTime),
            ["endTime"] = Iso(endTime),
        });

    private static JsonObject Run(string experimentName, string runId, string runType, IReadOnlyDictionary<string, string> tags,
        IReadOnlyDictionary<string, string> properties, string? status)
    {
        var data = new JsonObject
        {
            ["experimentId"] = experimentName,
            ["experimentName"] = experimentName,
            ["runId"] = runId,
            ["runType"] = runType,
            ["runTags"] = Map(tags),
            ["runProperties"] = Map(properties),
        };
        if (status is not null)
        {
            data["runStatus"] = status;
        }

        return data;
    }

    private static JsonObject Map(IReadOnlyDictionary<string, string> values) => new(values.Select(v => KeyValuePair.Create(v.Key,
        (JsonNode?)v.Value)));

    private static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
}
