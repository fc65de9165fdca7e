namespace RepoML.Core.Comparison;

/// <summary>One class's precision, recall, F1 and support (rows whose truth is the class).</summary>
public sealed record ClassMetrics(string Class, double Precision, double Recall, double F1, int Support);
