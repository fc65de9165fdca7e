namespace RepoML.Workflows;

/// <summary>
/// An expected failure of a workflow: its kind (mapped to an exit code by the CLI), a message, and the diagnostics of
/// a file that did not validate (with the file's text, so a shell can show the line under the caret).
/// </summary>
public sealed class WorkflowException : Exception
{
    public WorkflowException(WorkflowFailure kind, string message, Exception? inner = null)
        : base(message, inner)
    {
        Kind = kind;
    }

    public WorkflowException(IReadOnlyList<Diagnostic> diagnostics, Func<string, string?> sourceOf)
        : base(string.Join("\n", diagnostics.Where(d => d.IsError).Select(d => d.Message)))
    {
        Kind = WorkflowFailure.Invalid;
        Diagnostics = diagnostics;
        SourceOf = sourceOf;
    }

    public WorkflowFailure Kind { get; }

    /// <summary>True when the workflow already wrote what went wrong (its errors are on the output sink): a shell adds nothing.</summary>
    public bool Reported { get; init; }

    /// <summary>The problems found in an input file; empty when the message says it all.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; } = [];

    /// <summary>The text of a diagnostic's file, for the caret line.</summary>
    public Func<string, string?> SourceOf { get; } = _ => null;

    /// <summary>The request makes no sense; exit code 2.</summary>
    public static WorkflowException Usage(string message) => new(WorkflowFailure.Usage, message);

    /// <summary>The input is invalid; exit code 1.</summary>
    public static WorkflowException Invalid(string message, Exception? inner = null) => new(WorkflowFailure.Invalid, message, inner);
}
