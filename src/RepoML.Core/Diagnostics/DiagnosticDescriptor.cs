namespace RepoML.Core.Diagnostics;

/// <summary>The fixed part of a diagnostic: its id, default severity and a one-line title for the docs.</summary>
public sealed record DiagnosticDescriptor(string Id, Severity Severity, string Title);
