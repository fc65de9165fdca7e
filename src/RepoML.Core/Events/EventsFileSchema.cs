namespace RepoML.Core.Events;

/// <summary>The schema of the events file (<c>events.yml</c> at the repository root; <c>https://repoml.dev/schemas/events.schema.json</c>).</summary>
public static class EventsFileSchema
{
    public const string KindName = "events";

    public static EnumSchema SinkTypes { get; } = new(SinkSettings.Webhook, SinkSettings.EventGrid, SinkSettings.GitHubDeployments);

    /// <summary>One sink; which fields apply depends on <c>type</c> (checked by <see cref="EventsFileReader"/>).</summary>
    public static ObjectSchema Sink { get; } = new("sink",
    [
        new("name", new StringSchema(@"^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}$", "letters, digits, '-', '_' or '.'"), Required: true),
        new("type", SinkTypes, Required: true),
        new("enabled", BooleanSchema.Instance),
        new("types", new ListSchema(new StringSchema())),
        new("url", new StringSchema()),
        new("secret_env", new StringSchema()),
        new("endpoint", new StringSchema()),
        new("key_env", new StringSchema()),
        new("repository", new StringSchema(@"^[^/\s]+/[^/\s]+$", "owner/name")),
        new("token_env", new StringSchema()),
        new("api_url", new StringSchema()),
        new("environment", new StringSchema()),
        new("ref", new StringSchema()),
    ]);

    public static ObjectSchema Schema { get; } = new("events",
    [
        CommonFields.SchemaUrl,
        CommonFields.Description,
        new("source", new StringSchema()),
        new("delivery", new ObjectSchema("delivery",
        [
            new("max_attempts", new IntegerSchema(Min: 1, Max: 100)),
            new("initial_backoff_ms", new IntegerSchema(Min: 0, Max: 600_000)),
            new("max_backoff_ms", new IntegerSchema(Min: 0, Max: 3_600_000)),
            new("timeout_ms", new IntegerSchema(Min: 1, Max: 600_000)),
        ])),
        new("sinks", new ListSchema(Sink)),
    ]);
}
