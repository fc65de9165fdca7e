using RepoML.Git.Export;

namespace RepoML.Cli.Commands;

/// <summary><c>repoml export registry --format csv|parquet --out DIR</c>: models, versions, tags, lineage edges, deployments.</summary>
public static class ExportRegistryCommand
{
    public static Command Create(CliContext context)
    {
        var format = new Option<string>("--format") { Description = "csv or parquet.", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong("csv", "parquet");
        var outFolder = new Option<string>("--out") { Description = "Folder to write the tables into.", Required = true };
        var branch = RegistryCli.Branch();
        var output = CommonOptions.Output();
        var command = new Command("registry", "Export the registry: models, versions, tags, lineage_edges, deployments.") { format, outFolder,
            branch, output };
        command.SetAction((parse, cancel) => RegistryCli.RunAsync(context, async () =>
        {
            using var registry = RegistryAccess.Open(context, parse.GetValue(branch));
            var files = await RegistryExporter.WriteAsync(registry, context.FullPath(parse.GetValue(outFolder)!),
                parse.GetValue(format) == "parquet" ? ExportFormat.Parquet : ExportFormat.Csv, cancel);
            if (parse.GetValue(output) == OutputFormat.Json)
            {
                RegistryCli.WriteJson(context, new JsonObject { ["files"] = new JsonArray(files.Select(f => (JsonNode)f).ToArray()) });
            }
            else
            {
                foreach (var file in files)
                {
                    context.Output.WriteLine(file);
                }
            }

            return (int)ExitCode.Success;
        }));
        return command;
    }
}
