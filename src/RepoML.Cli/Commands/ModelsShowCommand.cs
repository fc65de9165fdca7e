using RepoML.Core.Profiles;
using RepoML.Workflows.Profiles;

namespace RepoML.Cli.Commands;

/// <summary><c>repoml models show NAME[:VERSION|@LABEL]</c>: one version's record, commit and labels.</summary>
public static class ModelsShowCommand
{
    public static Command Create(CliContext context)
    {
        var reference = CommonOptions.Reference("NAME (latest), NAME:VERSION or NAME@LABEL; the azureml: prefix is optional.");
        var scope = new RegistryScopeOptions();
        var command = scope.AddTo(new Command("show", "Show one registered version.") { reference });
        command.SetAction(parse => RegistryCli.Run(context, () => Run(context, parse.GetValue(reference)!, scope.Read(parse))));
        return command;
    }

    private static int Run(CliContext context, string reference, RegistryScope scope)
    {
        var (kind, branch, format) = scope;
        using var registry = RegistryAccess.OpenFor(context, branch, kind, reference);
        var version = registry.Resolve(reference, kind);
        var asset = registry.Snapshot.Find(kind, version.Name)!;
        var trainedOn = TrainingDataProfiles.Of(context, registry, version);
        if (format == OutputFormat.Json)
        {
            var json = RegistryJson.Version(asset, version);
            json["name"] = version.Name;
            json["kind"] = kind.Word();
            json["trained_on"] = RegistryJson.TrainedOn(trainedOn);
            json["record"] = JsonNode.Parse(RegistrationRecordJson.Serialize(version.Record));
            RegistryCli.WriteJson(context, json);
            return (int)ExitCode.Success;
        }

        var r = version.Record;
        context.Output.WriteLine($"{version.Name}:{version.Version}{(asset.IsArchived(version) ? " (archived)" : "")}");
        context.Output.WriteLine($"  digest      {r.Digest} ({r.FileCount} file(s), {r.Size:N0} bytes)");
        context.Output.WriteLine($"  labels      {string.Join(' ', RegistryJson.Labels(asset, version).Select(l => "@" + l))}");
        context.Output.WriteLine($"  registered  {version.Commit.ShortSha} by {version.Commit.AuthorName} " +
            $"<{version.Commit.AuthorEmail}> on {version.Commit.AuthorDate:yyyy-MM-dd HH:mm zzz}");
        context.Output.WriteLine($"  message     {version.Commit.Subject}");
        context.Output.WriteLine($"  source      " +
            $"{r.SourceCommit ?? "-"}{(r.Run is { } run ? $" (run {run.RunId}, job {run.Job}, output {run.Output})" : "")}");
        foreach (var data in trainedOn)
        {
            context.Output.WriteLine($"  trained on  {data}");
        }

        foreach (var (name, values) in new[] { ("tags", r.Tags), ("properties", r.Properties) })
        {
            if (values.Count > 0)
            {
                context.Output.WriteLine($"  {name,-11} " +
                    $"{string.Join(", ", values.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"))}");
            }
        }

        if (r.Metrics.Count > 0)
        {
            context.Output.WriteLine($"  metrics     " +
                $"{string.Join(", ", r.Metrics.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value:0.####}"))}");
        }

        return (int)ExitCode.Success;
    }
}
