using RepoML.Events;

namespace RepoML.Workflows.Registry;

/// <summary>
/// Makes a registration and its ModelRegistered event inseparable by a crash: an intent (kind, name, content key, branch)
/// is written, fsynced, before the registration commit and removed once the event is in the outbox. The next command
/// that registers, lists or flushes events finds any intent left by a killed process, looks the key up in Git history
/// and appends the event if the commit happened (and the outbox lacks it), or drops the intent if it did not.
/// </summary>
public static class RegistrationIntents
{
    /// <summary><c>.repoml/events/intents/</c>.</summary>
    public static string Folder(string root) => Path.Combine(root, ".repoml", "events", "intents");

    /// <summary>Records the intent to register <paramref name="key"/>; returns its file, for <see cref="Done"/>.</summary>
    public static string Write(string root, AssetKind kind, string name, string key, string? branch)
    {
        var id = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes($"{kind.Word()}\n{name}\n{key}")))[..24];
        var path = Path.Combine(Folder(root), id + ".json");
        AtomicText.Write(path, JsonSerializer.Serialize(new Intent(kind.Word(), name, key, branch)));
        return path;
    }

    /// <summary>The event is in the outbox (or was not to be published): the intent is fulfilled.</summary>
    public static void Done(string intent) => File.Delete(intent);

    /// <summary>Publishes the events of registrations a killed process committed but did not announce; returns how many.</summary>
    public static async Task<int> RecoverAsync(WorkflowContext context, IEventPublisher publisher, string source, CancellationToken cancel)
    {
        var folder = Folder(context.WorkspaceRoot);
        var files = Directory.Exists(folder) ? Directory.GetFiles(folder, "*.json") : [];
        var recovered = 0;
        foreach (var file in files)
        {
            if (Read(file) is not { } intent || AssetKinds.Parse(intent.Kind) is not { } kind)
            {
                context.Error.WriteLine($"warning: {file} is not a registration intent; removed");
                File.Delete(file);
                continue;
            }

            using var registry = RegistryAccess.Open(context, intent.Branch);
            if (registry.Snapshot.Find(kind, intent.Name)?.ByKey(intent.Key) is { } registered && !Announced(context.WorkspaceRoot, registered))
            {
                await new EventRegistrationListener(publisher, source, context.Time).OnRegisteredAsync(registered, pending: false, cancel);
                context.Error.WriteLine($"note: announced {intent.Kind} {intent.Name}:{registered.Version}, registered by a command that was interrupted");
                recovered++;
            }

            File.Delete(file);
        }

        return recovered;
    }

    private static bool Announced(string root, RegisteredVersion version)
    {
        var id = EventIds.For(EventTypes.ModelRegistered, $"{version.Name}:{version.Version.ToString(CultureInfo.InvariantCulture)}");
        return new FileOutbox(EventsFolder.Outbox(root)).ReadAll().Any(e => e.Id == id);
    }

    private static Intent? Read(string file)
    {
        try
        {
            return JsonSerializer.Deserialize<Intent>(File.ReadAllText(file));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed record Intent(string Kind, string Name, string Key, string? Branch);
}
