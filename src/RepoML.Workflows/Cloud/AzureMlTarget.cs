using RepoML.Azure;

namespace RepoML.Workflows.Cloud;

/// <summary>Where an Azure ML command goes: the workspace (from options and the environment) and how to open its session.</summary>
/// <param name="Subscription">--subscription, else AZURE_SUBSCRIPTION_ID.</param>
/// <param name="DryRun">Build and print the requests; send nothing, need no credential.</param>
/// <param name="Open">Opens the session; null: the real ARM connection. Tests pass one that reaches a local stand-in.</param>
public sealed record AzureMlTarget(
    string? Subscription, string? ResourceGroup, string? Workspace, bool DryRun, AzureMlTarget.SessionFactory? Open = null)
{
    /// <summary>Opens the Azure ML session of a command.</summary>
    public delegate Task<AzureMlSession> SessionFactory(AzureMlWorkspace workspace, bool dryRun, Action<string> log, CancellationToken cancellation);

    /// <summary>The workspace and its session; a missing setting is a usage error (in a dry run, a placeholder).</summary>
    internal async Task<AzureMlSession> OpenAsync(WorkflowContext context, Action<string> log, CancellationToken cancellation)
    {
        AzureMlWorkspace workspace;
        try
        {
            workspace = AzureMlWorkspace.From(context.GetEnvironmentVariable, Subscription, ResourceGroup, Workspace, null, DryRun);
        }
        catch (ArgumentException ex)
        {
            throw WorkflowException.Usage(ex.Message);
        }

        var open = Open ?? ((w, dryRun, l, c) => AzureMlConnection.OpenAsync(context.GetEnvironmentVariable, w, dryRun, l, c));
        return await Guard(() => open(workspace, DryRun, log, cancellation));
    }

    /// <summary>A credential problem is a usage error (exit 2); a file or request Azure ML refuses is invalid input (exit 1).</summary>
    internal static async Task<T> Guard<T>(Func<Task<T>> action)
    {
        try
        {
            return await action();
        }
        catch (AzureMlCredentialException ex)
        {
            throw WorkflowException.Usage(ex.Message);
        }
        catch (Exception ex) when (ex is AzureMlSpecException or AzureMlRequestException)
        {
            throw WorkflowException.Invalid(ex.Message, ex);
        }
    }
}
