namespace RepoML.Core.Events;

/// <summary>
/// A lifecycle event before it becomes a CloudEvent 1.0: <paramref name="Id"/> is stable for the same fact (a retried or
/// re-emitted event keeps it), <paramref name="Type"/> is one of <see cref="EventTypes"/>, <paramref name="Data"/> mirrors
/// Azure ML's Event Grid data fields.
/// </summary>
/// <param name="Source">The CloudEvents source: the workspace (repository) the event is about.</param>
/// <param name="Subject">What inside the source: <c>models/credit:3</c>, <c>endpoints/credit/deployments/blue</c>, <c>runs/ID</c>.</param>
public sealed record LifecycleEvent(string Id, string Type, string Source, string Subject, DateTimeOffset Time, JsonObject Data);
