using System.Text;
using RepoML.Core.Artifacts;
using RepoML.Core.Runs;

namespace RepoML.Azure;

/// <summary>
/// The run record of an Azure ML job, in the form local runs write (<c>.repoml/runs/ID/run.json</c>): one job record per
/// pipeline step (or one for a command or sweep job), each output's datastore URI in <c>output_uris</c> and, for the
/// outputs brought back, its digest in <c>outputs</c>, so <c>repoml register --from-run</c> works on a cloud run.
/// </summary>
public static class AzureMlRunRecords
{
    public static RunRecord Build(AzureMlJobResult result, string relativeFile, string fileText, GitState git, HostInfo host)
    {
        var status = result.Status switch
        {
            "Completed" => RunRecord.Completed,
            "Canceled" => RunRecord.Canceled,
            null => RunRecord.Running,
            _ => RunRecord.Failed,
        };
        var jobStatus = status switch
        {
            RunRecord.Completed => JobRecord.Completed,
            RunRecord.Canceled => JobRecord.Canceled,
            RunRecord.Failed => JobRecord.Failed,
            _ => JobRecord.Skipped,
        };
        var duration = result.EndedAt is { } ended ? (ended - result.SubmittedAt).TotalSeconds : 0;
        var properties = result.Plan.Body["properties"]!;
        var names = properties["jobs"] is JsonObject steps ? steps.Select(s => s.Key).ToList() : [Path.GetFileNameWithoutExtension(relativeFile)];
        var jobs = names.Select(name =>
        {
            var outputs = result.Outputs.Where(o => o.Job == name).ToList();
            var node = properties["jobs"]?[name];
            var command = node?["componentId"]?.GetValue<string>() is { } component ? $"component {component}" : properties["command"]?.GetValue<string>() ?? "";
            return new JobRecord(
                name, jobStatus, Cached: false, command, ExitCode: null, duration, CacheKey: "", Reason: $"ran on Azure ML as job {result.Plan.Name}",
                Environment: properties["environmentId"]?.GetValue<string>(), EnvironmentDigest: null, CodeDigest: null,
                Inputs: new Dictionary<string, string>(StringComparer.Ordinal),
                Outputs: outputs.Where(o => o.Uri is not null && result.Fetched.ContainsKey(o.Uri))
                    .ToDictionary(o => o.Output, o => result.Fetched[o.Uri!].ToString(), StringComparer.Ordinal),
                Metrics: new Dictionary<string, double>(StringComparer.Ordinal),
                Assets: [])
            {
                OutputUris = outputs.Where(o => o.Uri is not null).ToDictionary(o => o.Output, o => o.Uri!, StringComparer.Ordinal),
            };
        }).ToList();

        var inputs = (properties["inputs"] as JsonObject ?? []).ToDictionary(
            i => i.Key, i => i.Value?["value"]?.GetValue<string>() ?? i.Value?["uri"]?.GetValue<string>() ?? "", StringComparer.Ordinal);
        var digest = Digest.Compute(Encoding.UTF8.GetBytes(fileText)).ToString();
        return new RunRecord(result.Plan.Name, relativeFile, digest, status, git, host, result.SubmittedAt, result.EndedAt, inputs, jobs);
    }
}
