namespace RepoML.Core.Comparison;

/// <summary>One thing known about how a model was made (trainer, a hyper-parameter, training rows, an input's digest), for the diff.</summary>
public sealed record ModelFact(string Name, string Value);
