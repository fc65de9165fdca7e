namespace RepoML.Workflows.Tests.Support;

/// <summary>A workflow context in a folder, with no environment, writing its notes to <paramref name="error"/> (default: nowhere).</summary>
internal static class WorkflowContexts
{
    public static WorkflowContext In(string folder, TextWriter? error = null) =>
        new(TextWriter.Null, error ?? TextWriter.Null, folder, _ => null, TimeProvider.System);
}
