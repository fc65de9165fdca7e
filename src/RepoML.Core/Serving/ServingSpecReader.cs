namespace RepoML.Core.Serving;

/// <summary>Reads the serving-relevant fields of online endpoint and deployment files (already schema-checked by the loader).</summary>
public static class ServingSpecReader
{
    public static EndpointSettings ReadEndpoint(SpecFile endpoint)
    {
        var root = endpoint.Root ?? throw new ArgumentException($"{endpoint.Path} has no YAML mapping", nameof(endpoint));
        return new EndpointSettings(
            endpoint.Name ?? Path.GetFileName(Path.GetDirectoryName(endpoint.Path)) ?? "endpoint",
            root.GetString("auth_mode") ?? "key",
            Percentages(root.GetMapping("traffic")),
            Percentages(root.GetMapping("mirror_traffic")));
    }

    public static DeploymentSettings ReadDeployment(SpecFile deployment)
    {
        var root = deployment.Root ?? throw new ArgumentException($"{deployment.Path} has no YAML mapping", nameof(deployment));
        var (model, inline) = root["model"] switch
        {
            YamlScalar { IsNull: false } s => (s.Value, false),
            YamlMapping m => (m.GetString("path"), m.GetString("path") is not null),
            _ => ((string?)null, false),
        };
        var code = root.GetMapping("code_configuration");
        var requests = root.GetMapping("request_settings");
        return new DeploymentSettings(
            deployment.Name ?? "default",
            model,
            inline,
            code?.GetString("code"),
            code?.GetString("scoring_script"),
            Integer(requests, "request_timeout_ms"),
            Integer(requests, "max_concurrent_requests_per_instance"),
            Collection(root.GetMapping("data_collector")),
            Probe(root.GetMapping("liveness_probe")),
            Probe(root.GetMapping("readiness_probe")));
    }

    private static Dictionary<string, int> Percentages(YamlMapping? map)
    {
        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var entry in map?.Entries ?? [])
        {
            if (entry.Value is YamlScalar s && s.TryGetInteger(out var value))
            {
                result[entry.Key.Value] = (int)Math.Clamp(value, 0, 100);
            }
        }

        return result;
    }

    private static DataCollectionSettings? Collection(YamlMapping? collector)
    {
        var enabled = (collector?.GetMapping("collections")?.Entries ?? [])
            .Where(e => e.Value is YamlMapping m && IsTrue(m["enabled"]))
            .Select(e => e.Key.Value)
            .ToList();
        if (enabled.Count == 0)
        {
            return null;
        }

        var rate = collector!.GetString("rolling_rate")?.ToLowerInvariant() switch
        {
            "minute" => RollingRate.Minute,
            "day" => RollingRate.Day,
            "month" => RollingRate.Month,
            "year" => RollingRate.Year,
            _ => RollingRate.Hour,
        };
        return new DataCollectionSettings(rate, enabled);
    }

    // Azure ML's schema types `enabled` as a string ("true"); a plain YAML boolean is accepted too.
    private static bool IsTrue(YamlNode? node) => node is YamlScalar s
        && (s.TryGetBoolean(out var b) ? b : string.Equals(s.Value, "true", StringComparison.OrdinalIgnoreCase));

    private static ProbeSettings? Probe(YamlMapping? probe) => probe is null ? null : new ProbeSettings(
        Integer(probe, "initial_delay") ?? 10,
        Integer(probe, "period") ?? 10,
        Integer(probe, "timeout") ?? 2,
        Integer(probe, "success_threshold") ?? 1,
        Integer(probe, "failure_threshold") ?? 30);

    private static int? Integer(YamlMapping? map, string key) =>
        map?[key] is YamlScalar s && s.TryGetInteger(out var value) ? (int)Math.Clamp(value, int.MinValue, int.MaxValue) : null;
}
