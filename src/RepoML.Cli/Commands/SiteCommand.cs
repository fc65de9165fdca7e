using RepoML.Workflows.Site;

namespace RepoML.Cli.Commands;

/// <summary><c>repoml site [--out DIR] [--serve]</c>: the registry as a static site (models, data, versions, lineage, runs, endpoints) from Git.</summary>
public static class SiteCommand
{
    public static Command Create(CliContext context)
    {
        var outFolder = new Option<string?>("--out") { Description = $"Folder to write the site into (default: {SiteGeneration.DefaultFolder})." };
        var title = new Option<string?>("--title") { Description = "The site's title (default: the repository folder's name)." };
        var branch = RegistryCli.Branch();
        var serve = new Option<bool>("--serve") { Description = "Then serve the site on 127.0.0.1 and rebuild it whenever the branch moves, until Ctrl+C." };
        var port = new Option<int>("--port", "-p") { Description = "Port for --serve (0 picks a free one).", DefaultValueFactory = _ => 5080 };
        var output = CommonOptions.Output();
        var command = new Command("site", "Write a static registry site from Git history: models, data profiles, versions with lineage, runs, "
            + "comparisons, endpoints. Works from file:// and any static host.") { outFolder, title, branch, serve, port, output };
        command.SetAction((parse, cancel) => RegistryCli.RunAsync(context, async () =>
        {
            var request = new SiteRequest(parse.GetValue(outFolder), parse.GetValue(branch), parse.GetValue(title));
            if (parse.GetValue(serve))
            {
                await SitePreview.RunAsync(context, request, parse.GetValue(port), null, cancel);
                return (int)ExitCode.Success;
            }

            var result = SiteGeneration.Build(context, request);
            if (parse.GetValue(output) == OutputFormat.Json)
            {
                RegistryCli.WriteJson(context, new JsonObject
                {
                    ["folder"] = result.Folder, ["pages"] = result.Pages, ["written"] = result.Written, ["unchanged"] = result.Unchanged,
                    ["removed"] = result.Removed, ["versions"] = result.Versions,
                });
            }
            else
            {
                context.Output.WriteLine($"Site: {result.Pages} pages for {result.Versions} versions in {result.Folder} ({result.Written} written, " +
                    $"{result.Unchanged} unchanged, {result.Removed} removed). Open {Path.Combine(result.Folder, "index.html")}");
            }

            foreach (var problem in result.Problems)
            {
                context.Error.WriteLine($"warning {RepoML.Core.Registry.RegistryErrors.BadRecord}: {problem}");
            }

            return (int)ExitCode.Success;
        }));
        return command;
    }
}
