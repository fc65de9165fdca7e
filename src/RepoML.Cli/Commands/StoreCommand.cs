namespace RepoML.Cli.Commands;

/// <summary>
/// <c>repoml store push|pull [REMOTE]</c>: share the step cache through a team store (a shared folder or Azure
/// Blob Storage) by copying only what the other side lacks; <c>repoml store verify</c> re-hashes every object.
/// </summary>
public static class StoreCommand
{
    public const string RemoteVariable = StoreSharing.RemoteVariable;

    public static Command Create(CliContext context) => new("store", "The content-addressed artifact store and its step-cache index.")
    {
        Sync(context, "push", "Copy local objects and cache entries the remote store lacks (e.g. after a CI run).", toRemote: true),
        Sync(context, "pull", "Copy remote objects and cache entries this workspace lacks (e.g. before a local run).", toRemote: false),
        Verify(context),
    };

    private static Command Sync(CliContext context, string name, string description, bool toRemote)
    {
        var remote = new Argument<string?>("remote") { Description = $"Remote store address (default: ${RemoteVariable}).",
            Arity = ArgumentArity.ZeroOrOne };
        var output = CommonOptions.Output();
        var command = new Command(name, description) { remote, output };
        command.SetAction((parse, cancellation) => SyncAsync(context, parse.GetValue(remote), toRemote, parse.GetValue(output), cancellation));
        return command;
    }

    private static async Task<int> SyncAsync(CliContext context, string? remoteAddress, bool toRemote, OutputFormat format,
        CancellationToken cancellation)
    {
        var o = await StoreSharing.SyncAsync(context, remoteAddress, toRemote, cancellation);
        if (format == OutputFormat.Json)
        {
            context.Output.WriteLine(JsonSerializer.Serialize(new
            {
                from = o.From, to = o.To, copied_objects = o.CopiedObjects, already_present = o.AlreadyPresent, copied_cache_entries =
                    o.CopiedEntries,
            }));
        }
        else
        {
            var entries = $"{o.CopiedEntries} cache entr{(o.CopiedEntries == 1 ? "y" : "ies")}";
            context.Output.WriteLine($"{(toRemote ? "pushed" : "pulled")} {o.CopiedObjects} object(s) and {entries}; {o.AlreadyPresent} " +
                $"object(s) already there ({o.From} → {o.To})");
        }

        return (int)ExitCode.Success;
    }

    private static Command Verify(CliContext context)
    {
        var command = new Command("verify", "Re-hash every object of the local store; report (and quarantine) corrupt ones.");
        command.SetAction(async (_, cancellation) =>
        {
            var (good, bad) = await StoreSharing.VerifyAsync(context, cancellation);
            context.Output.WriteLine($"{good} object(s) verified, {bad} corrupt");
            return bad == 0 ? (int)ExitCode.Success : (int)ExitCode.Invalid;
        });
        return command;
    }
}
