using RepoML.Azure;

namespace RepoML.Workflows.Pipelines;

/// <summary>Submits a pipeline or command job file as an Azure ML job through ARM instead of running it here.</summary>
public static class AzureMlJobs
{
    /// <param name="workspace">The workspace from its parts (subscription, resource group, name), each defaulting to the environment.</param>
    /// <param name="compute">A compute cluster name, for a file that sets no default_compute.</param>
    public static async Task SubmitAsync(WorkflowContext context, string path, (string? Subscription, string? ResourceGroup, string? Name) workspace,
        string? experiment, string? compute, CancellationToken cancellation)
    {
        if (YamlReader.Read(path, File.ReadAllText(path)).Root is not YamlMapping job)
        {
            throw WorkflowException.Usage($"'{path}' is not a job file");
        }

        var azure = AzureMlWorkspace.From(context.GetEnvironmentVariable, workspace.Subscription, workspace.ResourceGroup, workspace.Name, null);
        var computeId = compute is { } c ? $"{azure.Id}/computes/{c}" : null;
        var name = $"repoml-{Path.GetFileNameWithoutExtension(path)}-{context.Time.GetUtcNow():yyyyMMddHHmmss}".ToLowerInvariant();
        var client = AzureMlApi.CreateClient(AzureMlApi.DefaultCredential(), azure.SubscriptionId);
        var (id, status) = await new AzureMlJobSubmitter(client, azure.Location)
            .SubmitAsync(azure.Job(name), AzureMlJobBodies.Job(job, experiment, computeId), cancellation);
        context.Output.WriteLine($"Submitted {name} to Azure ML ({status ?? "submitted"}): {id}");
    }
}
