namespace RepoML.Cli;

/// <summary>
/// Process exit codes of <c>repoml</c>. Documented in the README; never renumber. A workflow's failure exits with its
/// <see cref="WorkflowFailure"/> value, so the two enums share their numbers.
/// </summary>
public enum ExitCode
{
    /// <summary>Success (warnings allowed).</summary>
    Success = 0,

    /// <summary>The input is invalid: validation errors, a failed step.</summary>
    Invalid = (int)WorkflowFailure.Invalid,

    /// <summary>The command line itself is wrong.</summary>
    Usage = (int)WorkflowFailure.Usage,

    /// <summary>A bug or an environment failure RepoML did not expect.</summary>
    Unexpected = 3,

    /// <summary>A comparison gate failed.</summary>
    GateFailed = (int)WorkflowFailure.GateFailed,

    /// <summary>A monitoring alert fired.</summary>
    AlertFired = (int)WorkflowFailure.AlertFired,
}
