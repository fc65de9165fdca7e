namespace RepoML.Core.Rollout;

/// <summary>What promotion does when a health gate fails.</summary>
public enum FailedGateAction
{
    /// <summary>Stable deployment back to 100 % (and, with restore_model, the candidate back to the stable's model).</summary>
    Rollback,

    /// <summary>Change nothing and fail, so a person decides.</summary>
    Hold,
}
