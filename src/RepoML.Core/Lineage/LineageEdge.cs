namespace RepoML.Core.Lineage;

/// <summary>A directed lineage relation, e.g. data → job ("input"), job → model ("produced"), model → deployment ("deployed").</summary>
public sealed record LineageEdge(string From, string To, string Relation);
