using System.Xml;

namespace RepoML.Azure;

/// <summary>
/// Translates Azure ML CLI v2 YAML (snake_case, durations in ms/s) into the REST bodies of api-version
/// <see cref="AzureMlApi.Version"/> (camelCase, ISO 8601 durations), as <c>az ml</c> does.
/// </summary>
public static class AzureMlBodies
{
    /// <summary>Online endpoint properties: authMode and description; traffic is added by the deployer, last.</summary>
    public static JsonObject Endpoint(YamlMapping endpoint)
    {
        var properties = new JsonObject
        {
            ["authMode"] = (endpoint.GetString("auth_mode") ?? "key").ToLowerInvariant() switch
            {
                "aml_token" => "AMLToken",
                "aad_token" => "AADToken",
                _ => "Key",
            },
        };
        if (endpoint.GetString("description") is { } description)
        {
            properties["description"] = description;
        }

        return properties;
    }

    /// <summary>Managed online deployment properties, with the model and environment given as ARM ids.</summary>
    public static JsonObject Deployment(YamlMapping deployment, string modelId, string environmentId)
    {
        var properties = new JsonObject
        {
            ["endpointComputeType"] = "Managed",
            ["model"] = modelId,
            ["environmentId"] = environmentId,
            ["instanceType"] = deployment.GetString("instance_type") ?? "Standard_DS3_v2",
            ["scaleSettings"] = new JsonObject { ["scaleType"] = "Default" },
        };
        if (deployment.GetString("description") is { } description)
        {
            properties["description"] = description;
        }

        if (deployment.GetMapping("request_settings") is { } requests)
        {
            var settings = new JsonObject();
            if (Integer(requests, "request_timeout_ms") is { } timeout)
            {
                settings["requestTimeout"] = XmlConvert.ToString(TimeSpan.FromMilliseconds(timeout));
            }

            if (Integer(requests, "max_concurrent_requests_per_instance") is { } concurrency)
            {
                settings["maxConcurrentRequestsPerInstance"] = concurrency;
            }

            properties["requestSettings"] = settings;
        }

        foreach (var (yaml, json) in new[] { ("liveness_probe", "livenessProbe"), ("readiness_probe", "readinessProbe") })
        {
            if (deployment.GetMapping(yaml) is { } probe)
            {
                properties[json] = Probe(probe);
            }
        }

        if (deployment.GetMapping("data_collector") is { } collector)
        {
            var collections = new JsonObject();
            foreach (var entry in collector.GetMapping("collections")?.Entries ?? [])
            {
                var enabled = entry.Value is YamlMapping m && string.Equals(m.GetString("enabled"), "true", StringComparison.OrdinalIgnoreCase);
                collections[entry.Key.Value] = new JsonObject { ["dataCollectionMode"] = enabled ? "Enabled" : "Disabled" };
            }

            properties["dataCollector"] = new JsonObject
            {
                ["collections"] = collections,
                ["rollingRate"] = (collector.GetString("rolling_rate") ?? "hour") switch { var r
                    => char.ToUpperInvariant(r[0]) + r[1..].ToLowerInvariant() },
            };
        }

        return properties;
    }

    /// <summary>A custom model version whose files live at <paramref name="modelUri"/>.</summary>
    public static JsonObject ModelVersion(string modelUri, string? description, IReadOnlyDictionary<string, string> tags)
    {
        var properties = new JsonObject { ["modelType"] = "custom_model", ["modelUri"] = modelUri };
        if (description is not null)
        {
            properties["description"] = description;
        }

        properties["tags"] = new JsonObject(tags.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => KeyValuePair.Create(t.Key,
            (JsonNode?)t.Value)));
        return properties;
    }

    /// <summary>A custom-container environment version: the packaged serving image and its routes (<c>inference_config</c>).</summary>
    public static JsonObject EnvironmentVersion(string image, YamlMapping? environment)
    {
        var properties = new JsonObject { ["image"] = image, ["osType"] = "Linux" };
        if (environment?.GetMapping("inference_config") is { } inference)
        {
            var config = new JsonObject();
            foreach (var (yaml, json) in new[] { ("liveness_route", "livenessRoute"), ("readiness_route", "readinessRoute"), ("scoring_route",
                "scoringRoute") })
            {
                if (inference.GetMapping(yaml) is { } route)
                {
                    config[json] = new JsonObject { ["port"] = Integer(route, "port") ?? 8080, ["path"] = route.GetString("path") ?? "/" };
                }
            }

            properties["inferenceConfig"] = config;
        }

        if (environment?.GetString("description") is { } description)
        {
            properties["description"] = description;
        }

        return properties;
    }

    private static JsonObject Probe(YamlMapping probe)
    {
        var json = new JsonObject();
        foreach (var (yaml, name) in new[] { ("initial_delay", "initialDelay"), ("period", "period"), ("timeout", "timeout") })
        {
            if (Integer(probe, yaml) is { } seconds)
            {
                json[name] = XmlConvert.ToString(TimeSpan.FromSeconds(seconds));
            }
        }

        foreach (var (yaml, name) in new[] { ("success_threshold", "successThreshold"), ("failure_threshold", "failureThreshold") })
        {
            if (Integer(probe, yaml) is { } count)
            {
                json[name] = count;
            }
        }

        return json;
    }

    private static long? Integer(YamlMapping map, string key) => map[key] is YamlScalar s && s.TryGetInteger(out var value) ? value : null;
}
