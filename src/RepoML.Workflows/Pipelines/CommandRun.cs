namespace RepoML.Workflows.Pipelines;

/// <summary>A job's (or a sweep trial's) command as it ran: the command line, its exit code, and where its outputs were written.</summary>
public sealed record CommandRun(string Command, int ExitCode, IReadOnlyDictionary<string, string> OutputPaths, string Folder)
{
    /// <summary>The image it ran in (<c>--isolation container</c>); null on the host.</summary>
    public string? Image { get; init; }
}
