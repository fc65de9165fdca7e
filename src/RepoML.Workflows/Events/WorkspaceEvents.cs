using RepoML.Events;

namespace RepoML.Workflows.Events;

/// <summary>
/// Builds the event publisher for a workspace: the outbox always, plus delivery to the sinks of <c>events.yml</c> when it
/// exists. A broken events file is reported and leaves events in the outbox; it never fails the command.
/// </summary>
public static class WorkspaceEvents
{
    private static readonly HttpClient Http = new() { Timeout = Timeout.InfiniteTimeSpan };

    public static (IEventPublisher Publisher, EventDelivery Delivery, EventsSettings Settings) Create(WorkflowContext context, string root)
    {
        var settings = EventsSettings.Empty;
        var path = EventsFolder.SettingsFile(root);
        if (File.Exists(path))
        {
            var (read, diagnostics) = EventsFileReader.Read(EventsFileReader.DefaultPath, File.ReadAllText(path));
            foreach (var d in diagnostics.Where(d => d.IsError)) {
                context.Error.WriteLine($"warning: {d.File}:{d.Line}:{d.Column}: {d.Message}; events stay in the outbox"); }
            settings = read ?? settings;
        }

        IReadOnlyList<IEventSink> sinks;
        try
        {
            sinks = EventSinkFactory.Create(settings, context.GetEnvironmentVariable, Http);
        }
        catch (InvalidOperationException ex)
        {
            context.Error.WriteLine($"warning: {ex.Message}; events stay in the outbox");
            sinks = [];
        }

        var delivery = new EventDelivery(new FileOutbox(EventsFolder.Outbox(root)), new SinkProgress(EventsFolder.Progress(root)), sinks,
            settings, context.Time);
        return (new OutboxEventPublisher(new FileOutbox(EventsFolder.Outbox(root)), delivery, context.Error), delivery, settings);
    }

    /// <summary>The events in the outbox, oldest first (only those of <paramref name="type"/> when given), and what each sink has pending.</summary>
    public static (IReadOnlyList<CloudNative.CloudEvents.CloudEvent> Events, IReadOnlyList<(string Sink, int Pending)> Pending) List(
        WorkflowContext context, string? type)
    {
        var root = context.WorkspaceRoot;
        var (_, delivery, settings) = Create(context, root);
        // Only appended here (no delivery): listing stays quick and offline; the next flush delivers.
        var appendOnly = new OutboxEventPublisher(new FileOutbox(EventsFolder.Outbox(root)), null, context.Error);
        RegistrationIntents.RecoverAsync(context, appendOnly, Source(settings, root), CancellationToken.None).GetAwaiter().GetResult();
        var outbox = new FileOutbox(EventsFolder.Outbox(root));
        var events = outbox.ReadAll(note => context.Error.WriteLine($"warning: {note}")).Where(e => type is null || e.Type == type).ToList();
        if (outbox.TornTailBytes() is > 0 and var torn)
        {
            context.Error.WriteLine($"warning: {outbox.Path} ends in a torn record ({torn} bytes, from an interrupted write); the next event " +
                $"sets it aside in {outbox.TornFolder}");
        }

        return (events, [.. settings.Sinks.Select(s => (s.Name, delivery.PendingFor(s.Name)))]);
    }

    /// <summary>Delivers every pending event to every sink of events.yml (retries with backoff).</summary>
    public static async Task<IReadOnlyList<SinkOutcome>> FlushAsync(WorkflowContext context, CancellationToken cancellation)
    {
        var root = context.WorkspaceRoot;
        var (_, delivery, settings) = Create(context, root);
        await RegistrationIntents.RecoverAsync(context, new OutboxEventPublisher(new FileOutbox(EventsFolder.Outbox(root)), null, context.Error),
            Source(settings, root), cancellation);
        return await delivery.FlushAsync(cancellation);
    }

    /// <summary>The CloudEvents source: the events file's, else the workspace folder's name.</summary>
    public static string Source(EventsSettings settings, string root)
        => settings.Source ?? $"/repoml/workspaces/{Path.GetFileName(root.TrimEnd('/', '\\'))}";

    /// <summary>The pipeline's <c>experiment_name</c>, else <c>Default</c>, as Azure ML names the experiment of a job submitted without one.</summary>
    public static string ExperimentName(string root, string pipeline)
    {
        var path = Path.GetFullPath(pipeline, root);
        return File.Exists(path) && YamlReader.Read(pipeline, File.ReadAllText(path)).Root is YamlMapping job
            && job.GetString("experiment_name") is { Length: > 0 } name ? name : "Default";
    }

    /// <summary>RunStatusChanged for the final status, and RunCompleted when it completed (Azure ML emits both).</summary>
    public static async Task PublishRunAsync(WorkflowContext context, string root, RunRecord record, CancellationToken cancellationToken)
    {
        try
        {
            var (publisher, _, settings) = Create(context, root);
            var source = Source(settings, root);
            var experiment = ExperimentName(root, record.Pipeline);
            var tags = new Dictionary<string, string>(StringComparer.Ordinal) { ["pipeline"] = record.Pipeline };
            var properties = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["commit"] = record.Git.Commit ?? "",
                ["pipelineDigest"] = record.PipelineDigest,
            };
            var time = record.EndedAt ?? context.Time.GetUtcNow();
            await publisher.PublishAsync(LifecycleEvents.RunStatusChanged(source, time, experiment, record.RunId, "pipeline",
                Status(record.Status), tags, properties), cancellationToken);
            if (record.Status == RunRecord.Completed)
            {
                await publisher.PublishAsync(LifecycleEvents.RunCompleted(source, time, experiment, record.RunId, "pipeline", tags, properties),
                    cancellationToken);
            }
        }
        catch (IOException ex)
        {
            context.Error.WriteLine($"warning: run events were not written: {ex.Message}");
        }
    }

    // Azure ML's run status words.
    private static string Status(string status) => status switch
    {
        RunRecord.Completed => "Completed",
        RunRecord.Failed => "Failed",
        RunRecord.Canceled => "Canceled",
        _ => "Running",
    };
}
