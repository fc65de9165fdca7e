namespace RepoML.Cli;

/// <summary>A command line that parses but makes no sense (e.g. paths from two repositories). Exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);
