namespace RepoML.Core.Lineage;

/// <summary>A node of a lineage graph: a stable id, its type (commit, run, job, data, environment, model, deployment) and a label.</summary>
public sealed record LineageNode(string Id, string Type, string Label);
