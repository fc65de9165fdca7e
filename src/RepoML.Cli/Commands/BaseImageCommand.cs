using System.CommandLine;
using RepoML.Workflows.Packaging;
using RepoML.Workflows.Registry;
using RepoML.Containers;
using RepoML.Core.Packaging;

namespace RepoML.Cli.Commands;

/// <summary>
/// <c>repoml base-image prepare [--variant distroless|minbase] [--registry-port N | --no-registry]</c> builds a base
/// image where no registry can be reached and serves it from a local registry on 127.0.0.1;
/// <c>repoml base-image stop-registry</c> stops that registry.
/// </summary>
public static class BaseImageCommand
{
    public static Command Create(CliContext context)
    {
        var variant = new Option<BaseImageVariant>("--variant") { Description = "distroless (the server's library closure, ~10 MB) or minbase (debootstrap Debian).", DefaultValueFactory = _ => BaseImageVariant.Distroless };
        var port = new Option<int>("--registry-port") { Description = "Port of the local registry on 127.0.0.1.", DefaultValueFactory = _ => LocalRegistry.DefaultPort };
        var noRegistry = new Option<bool>("--no-registry") { Description = "Keep the base in local image storage only; start no registry." };
        var force = new Option<bool>("--force") { Description = "Rebuild even when the base image exists." };
        var prepare = new Command("prepare", "Build a local base image (no pull) and serve it from a registry on 127.0.0.1.") { variant, port, noRegistry, force };
        prepare.SetAction((parse, cancel) => PackagingCli.RunAsync(context, () =>
            PrepareAsync(context, parse.GetValue(variant), parse.GetValue(port), parse.GetValue(noRegistry), parse.GetValue(force), cancel)));

        var stopPort = new Option<int>("--registry-port") { Description = "Port of the local registry.", DefaultValueFactory = _ => LocalRegistry.DefaultPort };
        var stop = new Command("stop-registry", "Stop the local registry that prepare started.") { stopPort };
        stop.SetAction(parse =>
        {
            var stopped = new LocalRegistry(ContainerSession.StateFolder(context.WorkspaceRoot), parse.GetValue(stopPort)).Stop();
            context.Output.WriteLine(stopped ? "Stopped the local registry." : "No local registry was recorded as running.");
            return (int)ExitCode.Success;
        });
        return new Command("base-image", "Prepare base images and a local registry for packaging without internet access.") { prepare, stop };
    }

    private static async Task<int> PrepareAsync(CliContext context, BaseImageVariant variant, int port, bool noRegistry, bool force, CancellationToken cancel)
    {
        var needed = variant == BaseImageVariant.Minbase ? new[] { "buildah", "debootstrap" } : ["buildah"];
        if (ContainerTools.Missing([.. needed, .. noRegistry ? Array.Empty<string>() : ["docker-registry"]]) is { } missing)
        {
            throw new ContainerToolException(missing);
        }

        var root = context.WorkspaceRoot;
        var state = ContainerSession.StateFolder(root);
        var tools = ContainerSession.Tools(root, context);
        var builder = new BuildahImageBuilder(tools);
        var tag = BaseImageBuilder.DefaultTag(variant);
        if (force || !await builder.ExistsAsync(tag, cancel))
        {
            await new BaseImageBuilder(tools).BuildAsync(variant, tag, state, cancel);
        }

        context.Output.WriteLine($"Base image {tag} ({await builder.SizeAsync(tag, cancel) / 1_000_000.0:F1} MB)");
        if (noRegistry)
        {
            return (int)ExitCode.Success;
        }

        var registry = new LocalRegistry(state, port);
        var started = await registry.StartAsync(cancel);
        var remote = ImageReference.Parse($"{registry.Address}/repoml/base:{variant.ToString().ToLowerInvariant()}");
        var digest = await builder.PushRegistryAsync(tag, remote, cancel);
        context.Output.WriteLine($"Registry  http://{registry.Address} ({(started ? "started" : "already running")}; stop: repoml base-image stop-registry)");
        context.Output.WriteLine($"Pushed    {remote}@{digest}");
        context.Output.WriteLine($"Use it:   repoml package endpoints/NAME --base-image {remote}   (or set {ContainerSession.BaseImageVariable})");
        return (int)ExitCode.Success;
    }
}
