namespace RepoML.Cli.Commands.Registry;

/// <summary>Renders a <see cref="LineageReport"/> for people (text) and programs (JSON).</summary>
internal static class LineageOutput
{
    public static JsonObject Json(LineageReport report, IReadOnlyList<Core.Profiles.TrainingData> trainedOn)
    {
        var v = report.Version;
        var run = v.Record.Run;
        return new JsonObject
        {
            ["kind"] = v.Kind.Word(),
            ["name"] = v.Name,
            ["version"] = v.Version,
            ["digest"] = v.Digest,
            ["labels"] = new JsonArray(report.Labels.Select(l => (JsonNode)l).ToArray()),
            ["archived"] = report.Archived,
            ["dirty"] = v.Record.Properties.GetValueOrDefault(RegistrationFacts.DirtyProperty) == "true",
            ["registered"] = RegistryJson.Commit(v.Commit),
            ["source_commit"] = report.SourceCommit is null ? v.Record.SourceCommit : RegistryJson.Commit(report.SourceCommit),
            ["previous"] = report.Previous is null ? null : new JsonObject { ["version"] = report.Previous.Version,
                ["digest"] = report.Previous.Digest },
            ["next"] = report.Next is null ? null : new JsonObject { ["version"] = report.Next.Version, ["digest"] = report.Next.Digest },
            ["run"] = run is null ? null : new JsonObject
            {
                ["run_id"] = run.RunId,
                ["pipeline"] = run.Pipeline,
                ["pipeline_digest"] = run.PipelineDigest,
                ["record_digest"] = run.RecordDigest,
                ["job"] = run.Job,
                ["output"] = run.Output,
                ["jobs"] = new JsonArray(run.Jobs.Select(j => (JsonNode)new JsonObject
                {
                    ["name"] = j.Name,
                    ["status"] = j.Status,
                    ["cached"] = j.Cached,
                    ["environment"] = j.Environment,
                    ["environment_digest"] = j.EnvironmentDigest,
                    ["inputs"] = RegistryJson.Map(j.Inputs),
                    ["outputs"] = RegistryJson.Map(j.Outputs),
                }).ToArray()),
            },
            ["data"] = new JsonArray((run?.Assets ?? []).Select(a => (JsonNode)new JsonObject
            {
                ["kind"] = a.Kind, ["name"] = a.Name, ["version"] = a.Version, ["digest"] = a.Digest,
            }).ToArray()),
            ["environments"] = new JsonArray((run?.Jobs ?? []).Where(j => j.EnvironmentDigest is not null).DistinctBy(j => j.EnvironmentDigest)
                .Select(j => (JsonNode)new JsonObject { ["name"] = j.Environment, ["digest"] = j.EnvironmentDigest }).ToArray()),
            ["trained_on"] = RegistryJson.TrainedOn(trainedOn),
            ["deployments"] = new JsonArray(report.Deployments.Select(d => (JsonNode)RegistryJson.Deployment(d)).ToArray()),
        };
    }

    public static void Text(TextWriter output, LineageReport report, IReadOnlyList<Core.Profiles.TrainingData> trainedOn)
    {
        var v = report.Version;
        output.WriteLine($"{v.Name}:{v.Version}  " +
            $"{v.Digest}{(report.Labels.Count > 0 ? "  " + string.Join(' ', report.Labels.Select(l => "@" + l)) : "")}" +
                $"{(report.Archived ? "  (archived)" : "")}");
        output.WriteLine($"  registered  {v.Commit.ShortSha} {v.Commit.AuthorDate:yyyy-MM-dd HH:mm zzz} by {v.Commit.AuthorName} " +
            $"<{v.Commit.AuthorEmail}>");
        output.WriteLine($"              {v.Commit.Subject}");
        if (report.SourceCommit is { } source)
        {
            output.WriteLine($"  code        {source.ShortSha} {source.AuthorDate:yyyy-MM-dd HH:mm zzz} by {source.AuthorName}: {source.Subject}" +
                (v.Record.Properties.GetValueOrDefault(RegistrationFacts.DirtyProperty) == "true" ? " (plus uncommitted changes)" : ""));
        }

        output.WriteLine($"  replaces    " +
            $"{(report.Previous is null ? "(first version)" : $"{report.Previous.Name}:{report.Previous.Version} {report.Previous.Digest[..19]}")}");
        if (v.Record.Run is { } run)
        {
            output.WriteLine($"  run         {run.RunId} of {run.Pipeline} " +
                $"({run.PipelineDigest[..Math.Min(19, run.PipelineDigest.Length)]}), output '{run.Output}' of job '{run.Job}'");
            foreach (var job in run.Jobs)
            {
                output.WriteLine($"    job       {job.Name} " +
                    $"{job.Status}{(job.Cached ? " (cached)" : "")}" +
                        $"{(job.EnvironmentDigest is null ? "" : $" env {job.Environment} {job.EnvironmentDigest[..19]}")}");
            }

            foreach (var asset in run.Assets)
            {
                output.WriteLine($"    {asset.Kind,-9} {asset.Name}:{asset.Version} {asset.Digest}");
            }
        }

        foreach (var data in trainedOn)
        {
            output.WriteLine($"  trained on  {data}");
        }

        if (report.Deployments.Count == 0)
        {
            output.WriteLine("  deployed    never");
        }

        foreach (var d in report.Deployments)
        {
            output.WriteLine($"  deployed    {d.Endpoint}/{d.Deployment} ({d.Reference}) since {d.Since.ShortSha} " +
                $"{d.Since.AuthorDate:yyyy-MM-dd HH:mm}" +
                    $"{(d.Until is null ? ", active" : $" until {d.Until.ShortSha} {d.Until.AuthorDate:yyyy-MM-dd HH:mm}")}");
        }
    }
}
