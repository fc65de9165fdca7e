namespace RepoML.Events;

/// <summary>Builds the sinks of an events file; the one place that picks an implementation per sink type.</summary>
public static class EventSinkFactory
{
    /// <param name="environment">Reads the secret variables the file names.</param>
    /// <param name="http">Shared client for webhooks.</param>
    public static IReadOnlyList<IEventSink> Create(EventsSettings settings, Func<string, string?> environment, HttpClient http) =>
        [.. settings.Sinks.Select(s => Create(s, environment, http, settings.Timeout))];

    private static IEventSink Create(SinkSettings sink, Func<string, string?> environment, HttpClient http, TimeSpan timeout)
    {
        var secret = sink.SecretEnv is null ? null : environment(sink.SecretEnv);
        return sink.Type switch
        {
            SinkSettings.Webhook => new WebhookSink(sink, http, secret),
            SinkSettings.EventGrid => EventGridSink.Create(sink,
                secret ?? throw new InvalidOperationException($"sink '{sink.Name}': environment variable {sink.SecretEnv} (the Event " +
                $"Grid key) is not set"), timeout: timeout),
            SinkSettings.GitHubDeployments => GitHubDeploymentSink.Create(sink,
                secret ?? throw new InvalidOperationException($"sink '{sink.Name}': environment variable {sink.SecretEnv} (the GitHub " +
                $"token) is not set")),
            _ => throw new InvalidOperationException($"sink '{sink.Name}': unknown type '{sink.Type}'"),
        };
    }
}
