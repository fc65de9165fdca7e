namespace RepoML.Core.Scoring;

/// <summary>The rows do not fit the model: a missing input column, a value of the wrong type. An input problem, not a bug.</summary>
public sealed class ScoringInputException(string message) : Exception(message);
