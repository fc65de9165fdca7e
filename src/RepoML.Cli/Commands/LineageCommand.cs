namespace RepoML.Cli.Commands;

/// <summary><c>repoml lineage NAME:VERSION [--output text|json|mermaid]</c>: where a version came from and where it went.</summary>
public static class LineageCommand
{
    public static Command Create(CliContext context)
    {
        var reference = CommonOptions.Reference("NAME:VERSION, NAME@LABEL or NAME (latest).");
        var kind = RegistryCli.Kind();
        var branch = RegistryCli.Branch();
        var output = new Option<string>("--output", "-o") { Description = "text, json or mermaid (a flowchart for Markdown).",
            DefaultValueFactory = _ => "text" };
        output.AcceptOnlyFromAmong("text", "json", "mermaid");
        var command = new Command("lineage", "Show a version's lineage: commit, author, run, jobs, data, environment, previous version, deployments.")
        {
            reference, kind, branch, output,
        };
        command.SetAction(parse => RegistryCli.Run(context, () =>
        {
            var assetKind = RegistryAccess.ParseKind(parse.GetValue(kind)!);
            using var registry = RegistryAccess.OpenFor(context, parse.GetValue(branch), assetKind, parse.GetValue(reference)!);
            var version = registry.Resolve(parse.GetValue(reference)!, assetKind);
            var report = registry.Lineage(version);
            var trainedOn = Workflows.Profiles.TrainingDataProfiles.Of(context, registry, version);
            switch (parse.GetValue(output))
            {
                case "json":
                    RegistryCli.WriteJson(context, LineageOutput.Json(report, trainedOn));
                    break;
                case "mermaid":
                    context.Output.Write(MermaidRenderer.Render(LineageGraph.From(report)));
                    break;
                default:
                    LineageOutput.Text(context.Output, report, trainedOn);
                    break;
            }

            return (int)ExitCode.Success;
        }));
        return command;
    }
}
