namespace RepoML.Azure;

/// <summary>What the command line adds to a job file: the job's name, and the experiment and compute that override the file's.</summary>
public sealed record AzureMlJobOptions(string Name, string? Experiment = null, string? Compute = null);
