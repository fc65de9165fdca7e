namespace RepoML.Core.Diagnostics;

/// <summary>An expected problem found in user input, with a stable id and, where one exists, a position.</summary>
/// <param name="Id">Stable identifier such as <c>RML0102</c>; documented in docs/diagnostics.md.</param>
/// <param name="File">The file the problem is in, when there is one.</param>
/// <param name="Line">1-based line, when the problem has a position.</param>
/// <param name="Column">1-based column, when the problem has a position.</param>
public sealed record Diagnostic(string Id, Severity Severity, string Message, string? File, int? Line, int? Column)
{
    public static Diagnostic At(DiagnosticDescriptor descriptor, SourceSpan? span, string message) =>
        new(descriptor.Id, descriptor.Severity, message, span?.File, span?.Line, span?.Column);

    public static Diagnostic InFile(DiagnosticDescriptor descriptor, string? file, string message) =>
        new(descriptor.Id, descriptor.Severity, message, file, null, null);

    public bool IsError => Severity == Severity.Error;
}
