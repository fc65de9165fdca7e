namespace RepoML.Events;

/// <summary>Where events live in a workspace: <c>.repoml/events/outbox.jsonl</c> and <c>.repoml/events/sinks/</c>.</summary>
public static class EventsFolder
{
    public static string Outbox(string root) => Path.Combine(root, ".repoml", "events", "outbox.jsonl");

    public static string Progress(string root) => Path.Combine(root, ".repoml", "events", "sinks");

    public static string SettingsFile(string root) => Path.Combine(root, Core.Events.EventsFileReader.DefaultPath);
}
