namespace RepoML.Core.Rollout;

/// <summary>What promotion decided and the desired state it leads to; the shell turns it into file edits and a commit.</summary>
/// <param name="Step">The plan step (1-based) the endpoint is at after the action; 0 before the first step.</param>
/// <param name="Traffic">The endpoint's traffic after the action (the current split when it does not change).</param>
/// <param name="Models">Deployments whose <c>model:</c> changes, with the new reference.</param>
/// <param name="Label">The label to move to <paramref name="Target"/>, when the rollout completes.</param>
public sealed record PromotionDecision(
    PromotionAction Action,
    string Summary,
    string Reason,
    int Target,
    string? Candidate,
    string? Stable,
    int Step,
    int StepCount,
    IReadOnlyDictionary<string, int> Traffic,
    IReadOnlyDictionary<string, string> Models,
    string? Label,
    IReadOnlyList<GateCheck> Checks)
{
    /// <summary>True when the action edits files or moves a label.</summary>
    public bool ChangesSomething => Action is PromotionAction.Prepare or PromotionAction.Shift or PromotionAction.Complete or
        PromotionAction.RollBack;

    /// <summary>True when the run should fail the pipeline that called it (exit code 4 for gates, 1 otherwise).</summary>
    public bool IsFailure => Action is PromotionAction.RollBack or PromotionAction.Hold or PromotionAction.Blocked;
}
