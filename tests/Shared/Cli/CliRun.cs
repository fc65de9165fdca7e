namespace RepoML.Tests.Shared;

/// <summary>What one in-process run of the CLI returned and printed.</summary>
internal sealed record CliRun(int ExitCode, string Output, string Error);
