namespace RepoML.Core.Events;

/// <summary>Reads and checks the events file, reporting problems at file:line:col.</summary>
public static class EventsFileReader
{
    /// <summary>Where the file lives, relative to the repository root.</summary>
    public const string DefaultPath = "events.yml";

    public static (EventsSettings? Settings, IReadOnlyList<Diagnostic> Diagnostics) Read(string path, string text)
        => RepoMLFileReader.Read(path, text, "an events file", Check, ToSettings);

    /// <summary>Schema checks plus the fields each sink type needs and unique sink names.</summary>
    public static void Check(YamlMapping root, ICollection<Diagnostic> diagnostics)
    {
        SchemaValidator.Validate(root, EventsFileSchema.Schema, diagnostics);
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var sink in root.GetSequence("sinks")?.Items.OfType<YamlMapping>() ?? [])
        {
            if (sink["name"] is YamlScalar { IsNull: false } name && !names.Add(name.Value))
            {
                diagnostics.Add(Diagnostic.At(DiagnosticIds.DuplicateAsset, name.Span,
                    $"two sinks are named '{name.Value}'; delivery progress is kept per name"));
            }

            var required = sink.GetString("type") switch
            {
                SinkSettings.Webhook => new[] { "url" },
                SinkSettings.EventGrid => ["endpoint", "key_env"],
                SinkSettings.GitHubDeployments => ["repository", "token_env"],
                _ => [],
            };
            foreach (var field in required.Where(f => sink[f] is null))
            {
                diagnostics.Add(Diagnostic.At(DiagnosticIds.RequiredField, sink.Span, $"a {sink.GetString("type")} sink needs '{field}'"));
            }

            foreach (var type in sink.GetSequence("types")?.Items.OfType<YamlScalar>() ?? [])
            {
                if (!EventTypes.All.Contains(type.Value, StringComparer.Ordinal))
                {
                    var suggestion = StringDistance.Closest(type.Value, EventTypes.All);
                    diagnostics.Add(Diagnostic.At(DiagnosticIds.InvalidEnum, type.Span,
                        $"'{type.Value}' is not an event type RepoML emits{(suggestion is null ? "" : $"; did you mean '{suggestion}'?")}"));
                }
            }
        }
    }

    private static EventsSettings ToSettings(YamlMapping root)
    {
        var delivery = root.GetMapping("delivery");
        var defaults = EventsSettings.Empty;
        TimeSpan Ms(string key, TimeSpan fallback) => int.TryParse(delivery?.GetString(key), out var ms) ? TimeSpan.FromMilliseconds(ms) : fallback;
        var sinks = (root.GetSequence("sinks")?.Items.OfType<YamlMapping>() ?? [])
            .Where(s => s.GetString("enabled")?.ToLowerInvariant() is not ("false" or "no" or "off"))
            .Select(s => new SinkSettings(
                s.GetString("name")!,
                s.GetString("type")!,
                [.. s.GetSequence("types")?.Items.OfType<YamlScalar>().Select(t => t.Value) ?? []],
                s.GetString("url") ?? s.GetString("endpoint") ?? s.GetString("api_url"),
                s.GetString("secret_env") ?? s.GetString("key_env") ?? s.GetString("token_env"),
                s.GetString("repository"),
                s.GetString("environment"),
                s.GetString("ref")))
            .ToList();
        return new EventsSettings(
            root.GetString("source"),
            int.TryParse(delivery?.GetString("max_attempts"), out var attempts) ? attempts : defaults.MaxAttempts,
            Ms("initial_backoff_ms", defaults.InitialBackoff),
            Ms("max_backoff_ms", defaults.MaxBackoff),
            Ms("timeout_ms", defaults.Timeout),
            sinks);
    }
}
