using System.CommandLine;
using System.Text.Json;
using RepoML.Workflows.Disk;
using RepoML.Cli.Output;
using RepoML.Core.Artifacts;
using RepoML.Storage;

namespace RepoML.Cli.Commands;

/// <summary>
/// <c>repoml store push|pull [REMOTE]</c>: share the step cache through a team store (a shared folder or Azure
/// Blob Storage) by copying only what the other side lacks; <c>repoml store verify</c> re-hashes every object.
/// </summary>
public static class StoreCommand
{
    public const string RemoteVariable = "REPOML_REMOTE_STORE";

    public static Command Create(CliContext context) => new("store", "The content-addressed artifact store and its step-cache index.")
    {
        Sync(context, "push", "Copy local objects and cache entries the remote store lacks (e.g. after a CI run).", toRemote: true),
        Sync(context, "pull", "Copy remote objects and cache entries this workspace lacks (e.g. before a local run).", toRemote: false),
        Verify(context),
    };

    private static Command Sync(CliContext context, string name, string description, bool toRemote)
    {
        var remote = new Argument<string?>("remote") { Description = $"Remote store address (default: ${RemoteVariable}).", Arity = ArgumentArity.ZeroOrOne };
        var output = CommonOptions.Output();
        var command = new Command(name, description) { remote, output };
        command.SetAction((parse, cancellation) => SyncAsync(context, parse.GetValue(remote), toRemote, parse.GetValue(output), cancellation));
        return command;
    }

    private static async Task<int> SyncAsync(CliContext context, string? remoteAddress, bool toRemote, OutputFormat format, CancellationToken cancellation)
    {
        var address = remoteAddress ?? context.GetEnvironmentVariable(RemoteVariable)
            ?? throw WorkflowException.Usage($"name the remote store, or set {RemoteVariable}");
        var root = WorkspaceRoot.Find(context.CurrentDirectory);
        var local = (ArtifactStoreFactory.Create(null, root, context.GetEnvironmentVariable), ArtifactStoreFactory.CreateCacheEntries(null, root, context.GetEnvironmentVariable));
        var remote = (ArtifactStoreFactory.Create(address, root, context.GetEnvironmentVariable), ArtifactStoreFactory.CreateCacheEntries(address, root, context.GetEnvironmentVariable));
        var (source, target) = toRemote ? (local, remote) : (remote, local);

        // Objects first: an entry is only useful where the outputs it names exist.
        var objects = await StoreSync.CopyMissingAsync(source.Item1, target.Item1, cancellationToken: cancellation);
        var entries = 0;
        await foreach (var key in source.Item2.ListAsync(cancellation))
        {
            if (await target.Item2.ReadAsync(key, cancellation) is null && await source.Item2.ReadAsync(key, cancellation) is { } json
                && await target.Item2.TryAddAsync(key, json, cancellation))
            {
                entries++;
            }
        }

        if (format == OutputFormat.Json)
        {
            context.Output.WriteLine(JsonSerializer.Serialize(new { from = source.Item1.Location, to = target.Item1.Location, copied_objects = objects.Copied.Count, already_present = objects.AlreadyPresent, copied_cache_entries = entries }));
        }
        else
        {
            context.Output.WriteLine($"{(toRemote ? "pushed" : "pulled")} {objects.Copied.Count} object(s) and {entries} cache entr{(entries == 1 ? "y" : "ies")}; {objects.AlreadyPresent} object(s) already there ({source.Item1.Location} → {target.Item1.Location})");
        }

        return (int)ExitCode.Success;
    }

    private static Command Verify(CliContext context)
    {
        var command = new Command("verify", "Re-hash every object of the local store; report (and quarantine) corrupt ones.");
        command.SetAction(async (_, cancellation) =>
        {
            var store = ArtifactStoreFactory.Create(null, WorkspaceRoot.Find(context.CurrentDirectory), context.GetEnvironmentVariable);
            var (good, bad) = (0, 0);
            await foreach (var digest in store.ListAsync(cancellation))
            {
                try
                {
                    await using var stream = await store.OpenReadAsync(digest, cancellation);
                    await stream.CopyToAsync(Stream.Null, cancellation);
                    good++;
                }
                catch (ArtifactCorruptException ex)
                {
                    bad++;
                    context.Error.WriteLine($"error: {ex.Message}");
                }
            }

            context.Output.WriteLine($"{good} object(s) verified, {bad} corrupt");
            return bad == 0 ? (int)ExitCode.Success : (int)ExitCode.Invalid;
        });
        return command;
    }
}
