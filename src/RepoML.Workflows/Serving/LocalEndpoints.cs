using RepoML.Core.Json;

namespace RepoML.Workflows.Serving;

/// <summary>
/// The endpoints <c>repoml serve</c> is serving from this workspace now: each server writes
/// <c>.repoml/serving/&lt;endpoint&gt;-&lt;pid&gt;-&lt;port&gt;.json</c> (address, process, folder) when it starts and removes it when it stops.
/// A record whose process is gone (kill -9) is ignored. <c>repoml status</c> finds the live address here, and archiving
/// refuses a version a running endpoint reports.
/// </summary>
public static class LocalEndpoints
{
    /// <summary>A running local endpoint: its base address, process id and folder (relative to the workspace root).</summary>
    public sealed record Entry(string Endpoint, string Address, int Pid, string Folder);

    public static string FolderOf(string root) => Path.Combine(root, ".repoml", "serving");

    /// <summary>Records this process as serving the endpoint; returns the record's path, to pass to <see cref="Remove"/>.</summary>
    public static string Add(string root, Entry entry)
    {
        var port = Uri.TryCreate(entry.Address, UriKind.Absolute, out var uri) ? uri.Port : 0;
        var path = Path.Combine(FolderOf(root), $"{entry.Endpoint}-{entry.Pid}-{port}.json");
        Directory.CreateDirectory(FolderOf(root));
        AtomicText.Write(path, JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["endpoint"] = entry.Endpoint, ["address"] = entry.Address, ["pid"] = entry.Pid, ["folder"] = entry.Folder,
        }));
        return path;
    }

    public static void Remove(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A stale record is ignored once its process is gone.
        }
    }

    /// <summary>Every recorded endpoint whose process still runs; unreadable records are skipped.</summary>
    public static IReadOnlyList<Entry> Running(string root)
    {
        var folder = FolderOf(root);
        if (!Directory.Exists(folder))
        {
            return [];
        }

        var running = new List<Entry>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            try
            {
                using var json = StrictJson.Parse(File.ReadAllText(file));
                var e = json.RootElement;
                var entry = new Entry(e.GetProperty("endpoint").GetString()!, e.GetProperty("address").GetString()!, e.GetProperty("pid").GetInt32(),
                    e.GetProperty("folder").GetString()!);
                if (RecordedProcess.IsRunning(entry.Pid))
                {
                    running.Add(entry);
                }
            }
            catch (Exception ex) when (ex is IOException or JsonException or KeyNotFoundException or InvalidOperationException or
                UnauthorizedAccessException)
            {
            }
        }

        return running;
    }
}
