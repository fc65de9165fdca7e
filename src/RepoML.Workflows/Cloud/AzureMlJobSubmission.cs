using RepoML.Azure;

namespace RepoML.Workflows.Cloud;

/// <summary>
/// The work of <c>repoml run JOB.yml --target azureml</c>: builds the command, pipeline or sweep job's requests (RepoML.Azure),
/// uploads and submits them, and with <c>wait</c> follows the job, fetches its outputs into the store and writes the
/// run record (so <c>repoml register --from-run</c> works on a cloud run). A dry run only builds the requests.
/// </summary>
public static class AzureMlJobSubmission
{
    /// <param name="Session">What was (or would be) sent: uploads and requests, for a dry run's listing.</param>
    /// <param name="Record">The run record, when the job was followed to its end.</param>
    public sealed record Result(string Name, string? Id, AzureMlSession Session, RunRecord? Record, string? Status, bool Completed);

    /// <exception cref="WorkflowException">The file is missing or not a job, a credential is missing, or Azure ML refused it.</exception>
    public static async Task<Result> SubmitAsync(
        WorkflowContext context, string jobFile, AzureMlTarget target, string? experiment, string? compute, bool wait, string? storeAddress,
        Action<string> log, CancellationToken cancellation)
    {
        var path = context.FullPath(jobFile);
        if (!File.Exists(path))
        {
            throw WorkflowException.Usage($"job file '{path}' does not exist");
        }

        var text = await File.ReadAllTextAsync(path, cancellation);
        if (YamlReader.Read(path, text).Root is not YamlMapping job)
        {
            throw WorkflowException.Usage($"'{path}' is not a job file");
        }

        wait &= !target.DryRun;
        var root = WorkspaceRoot.Find(path);
        var session = await target.OpenAsync(context, log, cancellation);
        var name = job.GetString("name") ?? AzureMlConnection.JobName(path, context.Time.GetUtcNow());
        var plan = await AzureMlTarget.Guard(() => new AzureMlJobBodies(session, root).BuildAsync(job, path, new AzureMlJobOptions(name, experiment, compute), cancellation));
        var store = wait ? ArtifactStoreFactory.Create(storeAddress ?? context.GetEnvironmentVariable("REPOML_STORE"), root, context.GetEnvironmentVariable) : null;
        var result = await AzureMlTarget.Guard(() => new AzureMlJobRunner(session, context.Time).RunAsync(plan, wait, store, cancellation));
        if (!wait)
        {
            return new Result(plan.Name, plan.Id, session, null, null, false);
        }

        var record = AzureMlRunRecords.Build(
            result, Path.GetRelativePath(root, path).Replace('\\', '/'), text, new RepoML.Git.GitContext(root).State(), HostFacts.Host());
        new RunsFolder(root).Save(record);
        await WorkspaceEvents.PublishRunAsync(context, root, record, cancellation);
        return new Result(plan.Name, plan.Id, session, record, result.Status, result.Completed);
    }
}
