namespace RepoML.Cli.Output;

/// <summary>
/// How a workflow's expected failure is shown on stderr: the diagnostics of a file that did not validate, compiler-style
/// with the caret line (or as CI annotations where the command asks), else <c>error: message</c>.
/// </summary>
internal static class WorkflowErrors
{
    public static void Write(CliContext context, WorkflowException failure, OutputFormat format = OutputFormat.Text)
    {
        if (failure.Reported)
        {
            return;
        }

        if (failure.Diagnostics.Count == 0)
        {
            context.Error.WriteLine($"error: {failure.Message}");
            return;
        }

        DiagnosticRenderer.Render(context.Error, format == OutputFormat.Json ? OutputFormat.Text : format, failure.Diagnostics, failure.SourceOf,
            includeInfo: false);
    }
}
