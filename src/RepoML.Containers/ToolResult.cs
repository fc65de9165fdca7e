namespace RepoML.Containers;

/// <summary>What a finished tool process printed, and its exit code.</summary>
public sealed record ToolResult(int ExitCode, string Output, string Error);
