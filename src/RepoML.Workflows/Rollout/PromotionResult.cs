namespace RepoML.Workflows.Rollout;

/// <summary>What a promotion decided and did: the files it edited (or would), the commit or the pull request.</summary>
public sealed record PromotionResult(PromotionDecision Decision, string Message, IReadOnlyList<string> Files, string? Commit,
    ProposalOutcome? Proposal)
{
    /// <summary>What the live endpoint served beside what Git said, when the step was decided.</summary>
    public LiveState? Live { get; init; }

    /// <summary>Why the promotion did not go ahead, if it did not: a rollback, a hold or a failed comparison; a blocked step.</summary>
    public WorkflowFailure? Failure => Decision.Action switch
    {
        PromotionAction.RollBack or PromotionAction.Hold => WorkflowFailure.GateFailed,
        PromotionAction.Blocked when Decision.Checks.Any(c => c.Gate == RolloutGateEvaluator.Comparison && c.Observed == "failed")
            => WorkflowFailure.GateFailed,
        PromotionAction.Blocked => WorkflowFailure.Invalid,
        _ => null,
    };
}
