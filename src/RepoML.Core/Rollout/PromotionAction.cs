namespace RepoML.Core.Rollout;

/// <summary>What one run of <c>repoml promote</c> does.</summary>
public enum PromotionAction
{
    /// <summary>Point the idle deployment at the target version (traffic 0), pinning the stable one.</summary>
    Prepare,

    /// <summary>Raise the candidate's traffic to the next step.</summary>
    Shift,

    /// <summary>The last step held: move the label to the target version.</summary>
    Complete,

    /// <summary>A gate failed: stable back to 100 %, candidate back to the last good model.</summary>
    RollBack,

    /// <summary>A gate failed and the plan says hold: nothing changes, a person decides.</summary>
    Hold,

    /// <summary>The step has not soaked long enough, or has too few requests yet.</summary>
    Wait,

    /// <summary>The target version already serves all traffic and carries the label.</summary>
    UpToDate,

    /// <summary>Promotion cannot proceed (a failed comparison, a rolled-back version, a file it cannot edit).</summary>
    Blocked,
}
