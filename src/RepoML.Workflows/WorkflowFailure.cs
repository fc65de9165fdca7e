namespace RepoML.Workflows;

/// <summary>Why a workflow stopped; the values are the CLI's exit codes for them.</summary>
public enum WorkflowFailure
{
    /// <summary>The input is invalid: a bad file, data the model cannot score, a store or registry problem.</summary>
    Invalid = 1,

    /// <summary>The request makes no sense (missing option, a name that resolves to nothing).</summary>
    Usage = 2,

    /// <summary>A gate failed: the comparison or the rollout's checks said no.</summary>
    GateFailed = 4,

    /// <summary>A monitoring alert fired.</summary>
    AlertFired = 5,
}
