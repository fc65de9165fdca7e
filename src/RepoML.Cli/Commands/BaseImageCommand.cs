using RepoML.Containers;

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
        var variant = new Option<BaseImageVariant>("--variant") { Description =
            "distroless (the server's library closure, ~10 MB) or minbase (debootstrap Debian).", DefaultValueFactory = _
            => BaseImageVariant.Distroless };
        var port = new Option<int>("--registry-port") { Description = "Port of the local registry on 127.0.0.1.", DefaultValueFactory = _
            => LocalRegistry.DefaultPort };
        var noRegistry = new Option<bool>("--no-registry") { Description = "Keep the base in local image storage only; start no registry." };
        var force = new Option<bool>("--force") { Description = "Rebuild even when the base image exists." };
        var prepare = new Command("prepare", "Build a local base image (no pull) and serve it from a registry on 127.0.0.1.") { variant, port,
            noRegistry, force };
        prepare.SetAction((parse, cancel) => PackagingCli.RunAsync(context, async () =>
        {
            await BaseImages.PrepareAsync(context, parse.GetValue(variant), parse.GetValue(noRegistry) ? null : parse.GetValue(port),
                parse.GetValue(force), cancel);
            return (int)ExitCode.Success;
        }));

        var stopPort = new Option<int>("--registry-port") { Description = "Port of the local registry.", DefaultValueFactory = _
            => LocalRegistry.DefaultPort };
        var stop = new Command("stop-registry", "Stop the local registry that prepare started.") { stopPort };
        stop.SetAction(parse =>
        {
            var stopped = BaseImages.StopRegistry(context, parse.GetValue(stopPort));
            context.Output.WriteLine(stopped ? "Stopped the local registry." : "No local registry was recorded as running.");
            return (int)ExitCode.Success;
        });
        return new Command("base-image", "Prepare base images and a local registry for packaging without internet access.") { prepare, stop };
    }
}
