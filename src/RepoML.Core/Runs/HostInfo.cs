namespace RepoML.Core.Runs;

/// <summary>Who ran it and on what: user, machine, .NET runtime and operating system, RepoML version.</summary>
public sealed record HostInfo(string User, string Machine, string Runtime, string Os, string RepoMLVersion);
