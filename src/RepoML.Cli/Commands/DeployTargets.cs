using System.CommandLine;
using RepoML.Azure;
using RepoML.Cli.Commands.Registry;
using RepoML.Cli.Commands.Rollout;
using RepoML.Cli.Output;
using RepoML.Core.References;
using RepoML.Core.Registry;
using RepoML.Core.Rollout;
using RepoML.Core.Yaml;

namespace RepoML.Cli.Commands;

/// <summary>
/// The <c>azureml</c> and <c>kubernetes</c> targets of <c>repoml deploy</c>, kept apart from the local/container ones.
/// Wiring (two lines in DeployCommand): <c>var cloud = DeployTargets.AddTo(command);</c> after building the command, and
/// <c>if (DeployTargets.Handles(parse)) return await DeployTargets.RunAsync(context, parse, cancel);</c> first in its action.
/// </summary>
public static class DeployTargets
{
    private static Option<string?> Out() => new("--out") { Description = "kubernetes: folder for the manifests (KServe and plain)." };
    private static Option<string?> Image() => new("--image") { Description = "azureml/kubernetes: the packaged serving image; '{deployment}' is replaced by the deployment's name." };
    private static Option<string?> Subscription() => new("--subscription") { Description = "azureml: subscription id (default: AZURE_SUBSCRIPTION_ID)." };
    private static Option<string?> ResourceGroup() => new("--resource-group") { Description = "azureml: resource group (default: AZUREML_RESOURCE_GROUP)." };
    private static Option<string?> Workspace() => new("--workspace") { Description = "azureml: workspace (default: AZUREML_WORKSPACE)." };
    private static Option<bool> DryRun() => new("--dry-run") { Description = "azureml: print the requests and uploads it would make; sends nothing, needs no credential." };
    private static Option<string?> Store() => new("--store") { Description = "azureml: the artifact store holding the registered models (default: REPOML_STORE or .repoml/store)." };

    /// <summary>Adds the cloud targets' options to the deploy command.</summary>
    public static Command AddTo(Command command)
    {
        foreach (var option in new Option[] { Out(), Image(), Subscription(), ResourceGroup(), Workspace(), DryRun(), Store(), CommonOptions.Output() })
        {
            command.Options.Add(option);
        }

        return command;
    }

    /// <summary>True for the azureml and kubernetes targets, and for --dry-run given with another (answered with a usage error).</summary>
    public static bool Handles(ParseResult parse) =>
        parse.CommandResult.Command.Options.FirstOrDefault(o => o.Name == "--target") is Option<string> target
        && (parse.GetValue(target) is "azureml" or "kubernetes" || parse.GetValue<bool>("--dry-run"));

    public static Task<int> RunAsync(CliContext context, ParseResult parse, CancellationToken cancellation) => RunAsync(context, parse, null, cancellation);

    internal static async Task<int> RunAsync(CliContext context, ParseResult parse, AzureMlRunTarget.SessionFactory? open, CancellationToken cancellation)
    {
        var target = parse.GetValue((Option<string>)parse.CommandResult.Command.Options.First(o => o.Name == "--target"));
        if (target != "azureml" && parse.GetValue<bool>("--dry-run"))
        {
            throw new UsageException("--dry-run applies to --target azureml");
        }

        var endpointArgument = (Argument<string>)parse.CommandResult.Command.Arguments[0];
        return await RegistryCli.RunAsync(context, async () =>
        {
            var root = RegistryCli.Root(context);
            var folder = EndpointFolder.Read(root, context.FullPath(parse.GetValue(endpointArgument)!));
            var image = parse.GetValue<string?>("--image");
            return target == "kubernetes"
                ? Kubernetes(context, parse, root, folder, image)
                : await AzureMlAsync(context, parse, root, folder, image, open, cancellation);
        });
    }

    private static int Kubernetes(CliContext context, ParseResult parse, string root, EndpointFolder folder, string? image)
    {
        var output = parse.GetValue<string?>("--out") ?? throw new UsageException("--target kubernetes needs --out DIR");
        using var registry = RegistryCli.Open(context, null);
        var state = new EndpointState(folder.Name,
            (folder.Endpoint.Root.GetMapping("traffic")?.Entries ?? []).Where(e => e.Value is YamlScalar s && s.TryGetInteger(out _)).ToDictionary(e => e.Key.Value, e => int.Parse(((YamlScalar)e.Value).Value, System.Globalization.CultureInfo.InvariantCulture)),
            [.. folder.Deployments.Select(d => new DeploymentState(d.Key, d.Value.Root.GetString("model"), null))]);
        var images = folder.Deployments.Keys.ToDictionary(d => d, d => (image ?? "localhost/repoml-{endpoint}-{deployment}:latest").Replace("{endpoint}", folder.Name, StringComparison.Ordinal).Replace("{deployment}", d, StringComparison.Ordinal));
        var counts = folder.Deployments.ToDictionary(d => d.Key, d => d.Value.Root["instance_count"] is YamlScalar c && c.TryGetInteger(out var n) ? (int)n : 1);
        foreach (var (name, text) in KubernetesManifests.Write(state, images, counts))
        {
            var path = Path.Combine(context.FullPath(output), name);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
            context.Output.WriteLine($"wrote {Path.GetRelativePath(root, path)}");
        }

        return (int)ExitCode.Success;
    }

    private static Task<int> AzureMlAsync(
        CliContext context, ParseResult parse, string root, EndpointFolder folder, string? image, AzureMlRunTarget.SessionFactory? open, CancellationToken cancellation) =>
        AzureMlRunTarget.GuardAsync(context, async () =>
        {
            var dryRun = parse.GetValue<bool>("--dry-run");
            var json = parse.GetValue<OutputFormat>("--output") == OutputFormat.Json;
            var workspace = AzureMlRunTarget.Workspace(context, parse, dryRun);
            using var registry = RegistryCli.Open(context, null);
            var store = RegistryCli.OpenStore(context, root, parse.GetValue<string?>("--store"));
            var log = json ? context.Error : context.Output;
            var session = await AzureMlRunTarget.Open(context, open)(workspace, dryRun, line => log.WriteLine(line), cancellation);
            var request = new AzureMlEndpointRequest(
                folder.Endpoint.Root, Path.Combine(root, folder.Endpoint.Path),
                [.. folder.Deployments.Values.Select(d => (d.Root, Path.Combine(root, d.Path)))],
                reference =>
                {
                    var version = registry.Resolve(reference);
                    return new DeploymentModel(version.Name, version.Version, version.Digest, version.Record.Description, version.Record.Tags);
                },
                image,
                Environments(root));
            var written = await new AzureMlOnlineDeployer(session, store, root).DeployAsync(request, cancellation);
            if (dryRun)
            {
                return AzureMlRunTarget.WriteDryRun(context, session, json, root);
            }

            var traffic = folder.Endpoint.Root.GetMapping("traffic")?.Entries.Select(e => $"{e.Key.Value} {e.Value} %") ?? [];
            context.Output.WriteLine($"Azure ML endpoint {folder.Name} reconciled: {written.Count} resources, traffic {string.Join(", ", traffic)}");
            return (int)ExitCode.Success;
        });

    private static Dictionary<string, YamlMapping> Environments(string root)
    {
        var folder = Path.Combine(root, "environments");
        var result = new Dictionary<string, YamlMapping>(StringComparer.Ordinal);
        foreach (var file in Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*.yml") : [])
        {
            if (YamlReader.Read(file, File.ReadAllText(file)).Root is YamlMapping map && map.GetString("name") is { } name)
            {
                result[name] = map;
            }
        }

        return result;
    }
}
