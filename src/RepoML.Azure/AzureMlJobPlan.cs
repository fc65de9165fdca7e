namespace RepoML.Azure;

/// <summary>A job ready to submit: its name, type (Command, Pipeline, Sweep), ARM id, PUT body and outputs.</summary>
public sealed record AzureMlJobPlan(string Name, string JobType, string Id, JsonObject Body, IReadOnlyList<PlannedOutput> Outputs);
