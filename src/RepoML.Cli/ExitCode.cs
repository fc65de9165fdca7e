namespace RepoML.Cli;

/// <summary>Process exit codes of <c>repoml</c>. Documented in the README; never renumber.</summary>
public enum ExitCode
{
    /// <summary>Success (warnings allowed).</summary>
    Success = 0,

    /// <summary>The input is invalid: validation errors, a failed step.</summary>
    Invalid = 1,

    /// <summary>The command line itself is wrong.</summary>
    Usage = 2,

    /// <summary>A bug or an environment failure RepoML did not expect.</summary>
    Unexpected = 3,

    /// <summary>A comparison gate failed.</summary>
    GateFailed = 4,

    /// <summary>A monitoring alert fired.</summary>
    AlertFired = 5,
}
