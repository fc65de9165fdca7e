namespace RepoML.Cli;

/// <summary>The exit code of a workflow's outcome: success, or the code of the failure it reports.</summary>
internal static class ExitCodes
{
    public static int Of(WorkflowFailure? failure) => failure is { } f ? (int)Of(f) : (int)ExitCode.Success;

    public static ExitCode Of(WorkflowFailure failure) => (ExitCode)(int)failure;
}
