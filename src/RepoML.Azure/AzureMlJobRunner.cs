using RepoML.Core.Artifacts;

namespace RepoML.Azure;

/// <summary>
/// Submits a planned job (PUT), follows its status until it ends, printing each change, and brings the outputs
/// marked for fetching back into an artifact store, so the run can be registered like a local one.
/// </summary>
public sealed class AzureMlJobRunner(AzureMlSession session, TimeProvider time)
{
    private static readonly HashSet<string> Terminal = new(StringComparer.OrdinalIgnoreCase) { "Completed", "Failed", "Canceled" };

    /// <param name="store">Where fetched outputs go; null to fetch none.</param>
    public async Task<AzureMlJobResult> RunAsync(AzureMlJobPlan plan, bool wait, IArtifactStore? store, CancellationToken cancellationToken = default)
    {
        var submitted = time.GetUtcNow();
        var answer = await session.Channel.PutAsync(plan.Id, plan.Body, cancellationToken).ConfigureAwait(false);
        var status = Status(answer);
        session.Log(session.Channel.Offline
            ? $"would submit {plan.JobType.ToLowerInvariant()} job {plan.Name}"
            : $"submitted {plan.JobType.ToLowerInvariant()} job {plan.Name} ({status ?? "accepted"})");
        if (!wait || session.Channel.Offline)
        {
            return new AzureMlJobResult(plan, null, submitted, null, plan.Outputs, new Dictionary<string, Digest>());
        }

        while (status is null || !Terminal.Contains(status))
        {
            await Task.Delay(session.PollInterval, cancellationToken).ConfigureAwait(false);
            answer = await session.Channel.GetAsync(plan.Id, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"job {plan.Name} disappeared from the workspace");
            var next = Status(answer);
            if (next != status)
            {
                session.Log($"{plan.Name}: {next}");
                status = next;
            }
        }

        var outputs = Reported(plan.Outputs, answer);
        var fetched = new Dictionary<string, Digest>(StringComparer.Ordinal);
        if (status == "Completed" && store is not null)
        {
            var datastore = await session.DatastoreAsync(cancellationToken).ConfigureAwait(false);
            foreach (var output in outputs.Where(o => o.Fetch && o.Uri is not null && !fetched.ContainsKey(o.Uri)))
            {
                var path = DatastorePath(datastore, output.Uri!);
                fetched[output.Uri!] = await datastore.DownloadAsync(path, output.IsFolder, store, cancellationToken).ConfigureAwait(false);
                session.Log($"fetched {output.Job}.{output.Output} from {output.Uri}");
            }
        }

        return new AzureMlJobResult(plan, status, submitted, time.GetUtcNow(), outputs, fetched);
    }

    /// <summary>Outputs whose place Azure ML chose (sweeps) take the URI the finished job reports.</summary>
    private static List<PlannedOutput> Reported(IReadOnlyList<PlannedOutput> planned, JsonObject? job) =>
        [.. planned.Select(o => o.Uri is not null ? o
            : o with { Uri = job?["properties"]?["outputs"]?[o.Output]?["uri"]?.GetValue<string>() })];

    private static string DatastorePath(AzureMlDatastore datastore, string uri)
    {
        var prefix = $"azureml://datastores/{datastore.Name}/paths/";
        return uri.StartsWith(prefix, StringComparison.Ordinal)
            ? uri[prefix.Length..]
            : throw new InvalidOperationException($"output {uri} is not on the default datastore {datastore.Name}; RepoML fetches outputs from there only");
    }

    private static string? Status(JsonObject? job) => job?["properties"]?["status"]?.GetValue<string>();
}
