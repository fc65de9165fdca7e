namespace RepoML.Core.Rollout;

/// <summary>Everything the decision needs, as values: plan, declared state, registry facts and gate evidence.</summary>
/// <param name="Model">The registered model's name.</param>
/// <param name="Target">The version to roll out (the newest registered one unless <c>--to-version</c> named another).</param>
/// <param name="LabelVersion">The version the plan's label names now; null when the label is not set.</param>
/// <param name="RolledBack">Versions an earlier promotion of this endpoint rolled back.</param>
/// <param name="ExplicitTarget">True when a person named the target, which allows retrying a rolled-back version.</param>
/// <param name="Live">What the live endpoint serves beside what Git says; null when not reconciled (then no step waits on it).</param>
public sealed record PromotionRequest(
    RolloutPlan Plan,
    EndpointState State,
    string Model,
    int Target,
    int? LabelVersion,
    IReadOnlySet<int> RolledBack,
    bool ExplicitTarget,
    GateEvidence Evidence,
    LiveState? Live = null)
{
    /// <summary>The pinned reference of a version: <c>azureml:name:N</c>.</summary>
    public string Reference(int version) => $"azureml:{Model}:{version}";
}
