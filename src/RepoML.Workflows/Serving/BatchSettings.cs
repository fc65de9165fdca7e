namespace RepoML.Workflows.Serving;

/// <summary>A batch deployment's <c>settings</c>, with Azure ML's defaults.</summary>
/// <param name="ErrorThreshold">Failed rows tolerated before the job fails; -1 tolerates any number.</param>
/// <param name="TimeoutSeconds">Per mini-batch (retry_settings.timeout).</param>
public sealed record BatchSettings(int MiniBatchSize, int MaxConcurrency, string OutputAction, string OutputFileName, int ErrorThreshold,
    int MaxRetries, int TimeoutSeconds)
{
    public bool AppendRows => string.Equals(OutputAction, "append_row", StringComparison.OrdinalIgnoreCase);

    public static BatchSettings Read(SpecFile deployment)
    {
        var settings = deployment.Root?.GetMapping("settings");
        var retry = settings?.GetMapping("retry_settings");
        return new BatchSettings(
            Math.Max(1, Integer(settings, "mini_batch_size") ?? 10),
            Math.Max(1, Integer(settings, "max_concurrency_per_instance") ?? 1),
            settings?.GetString("output_action") ?? "append_row",
            settings?.GetString("output_file_name") ?? "predictions.csv",
            Integer(settings, "error_threshold") ?? -1,
            Math.Max(0, Integer(retry, "max_retries") ?? 3),
            Math.Max(1, Integer(retry, "timeout") ?? 30));
    }

    private static int? Integer(YamlMapping? map, string key) =>
        map?[key] is YamlScalar s && s.TryGetInteger(out var value) ? (int)Math.Clamp(value, int.MinValue, int.MaxValue) : null;
}
