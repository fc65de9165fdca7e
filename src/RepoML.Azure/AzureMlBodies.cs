namespace RepoML.Azure;

/// <summary>
/// Azure ML CLI v2 endpoint, deployment, model and environment YAML as the REST bodies of api-version
/// <see cref="AzureMlApi.Version"/> (camelCase, ISO 8601 durations), as <c>az ml</c> translates them.
/// </summary>
public static class AzureMlBodies
{
    /// <summary>Online endpoint properties: authMode, description, public access; traffic is added by the deployer, last.</summary>
    public static JsonObject Endpoint(YamlMapping endpoint)
    {
        var properties = new JsonObject
        {
            ["authMode"] = (endpoint.GetString("auth_mode") ?? "key").ToLowerInvariant() switch
            {
                "key" => "Key",
                "aml_token" => "AMLToken",
                "aad_token" => "AADToken",
                var other => throw new AzureMlSpecException(endpoint["auth_mode"], $"auth_mode '{other}' is not key, aml_token or aad_token"),
            },
        };
        AzureMlJobFields.Copy(endpoint, properties, "description", "description");
        if (endpoint.GetString("public_network_access") is { } access)
        {
            properties["publicNetworkAccess"] = Enabled(endpoint["public_network_access"]!, access);
        }

        return properties;
    }

    /// <summary>A managed online deployment's properties, with the model and environment as ARM ids.</summary>
    public static JsonObject Deployment(YamlMapping deployment, string modelId, string environmentId, JsonObject? codeConfiguration)
    {
        var properties = new JsonObject
        {
            ["endpointComputeType"] = "Managed",
            ["model"] = modelId,
            ["environmentId"] = environmentId,
            ["instanceType"] = deployment.GetString("instance_type") ?? "Standard_DS3_v2",
            ["scaleSettings"] = Scale(deployment.GetMapping("scale_settings")),
        };
        AzureMlJobFields.Copy(deployment, properties, "description", "description");
        if (codeConfiguration is not null)
        {
            properties["codeConfiguration"] = codeConfiguration;
        }

        if (AzureMlJobFields.Strings(deployment.GetMapping("environment_variables")) is { } variables)
        {
            properties["environmentVariables"] = variables;
        }

        if (deployment["app_insights_enabled"] is YamlScalar insights && insights.TryGetBoolean(out var enabled))
        {
            properties["appInsightsEnabled"] = enabled;
        }

        if (deployment.GetString("egress_public_network_access") is { } egress)
        {
            properties["egressPublicNetworkAccess"] = Enabled(deployment["egress_public_network_access"]!, egress);
        }

        if (deployment.GetMapping("request_settings") is { } requests)
        {
            var settings = new JsonObject();
            if (Milliseconds(requests, "request_timeout_ms") is { } timeout)
            {
                settings["requestTimeout"] = timeout;
            }

            if (Milliseconds(requests, "max_queue_wait_ms") is { } wait)
            {
                settings["maxQueueWait"] = wait;
            }

            AzureMlJobFields.Integer(requests, settings, "max_concurrent_requests_per_instance", "maxConcurrentRequestsPerInstance");
            properties["requestSettings"] = settings;
        }

        foreach (var (yaml, json) in new[] { ("liveness_probe", "livenessProbe"), ("readiness_probe", "readinessProbe"), ("startup_probe", "startupProbe") })
        {
            if (deployment.GetMapping(yaml) is { } probe)
            {
                properties[json] = Probe(probe);
            }
        }

        if (deployment.GetMapping("data_collector") is { } collector)
        {
            properties["dataCollector"] = AzureMlDataCollector.Body(collector);
        }

        return properties;
    }

    /// <summary>A custom model version whose files are at <paramref name="modelUri"/>.</summary>
    public static JsonObject ModelVersion(
        string modelUri, string? description, IReadOnlyDictionary<string, string> tags, IReadOnlyDictionary<string, string> properties)
    {
        var body = new JsonObject { ["modelType"] = "custom_model", ["modelUri"] = modelUri };
        if (description is not null)
        {
            body["description"] = description;
        }

        body["tags"] = Sorted(tags);
        body["properties"] = Sorted(properties);
        return body;
    }

    /// <summary>A custom-container environment version: the packaged serving image and its routes (<c>inference_config</c>).</summary>
    public static JsonObject EnvironmentVersion(string image, YamlMapping? environment)
    {
        var windows = (environment?.GetString("os_type") ?? "linux").Equals("windows", StringComparison.OrdinalIgnoreCase);
        var properties = new JsonObject { ["image"] = image, ["osType"] = windows ? "Windows" : "Linux" };
        if (environment?.GetMapping("inference_config") is { } inference)
        {
            var config = new JsonObject();
            foreach (var (yaml, json) in new[] { ("liveness_route", "livenessRoute"), ("readiness_route", "readinessRoute"), ("scoring_route", "scoringRoute") })
            {
                if (inference.GetMapping(yaml) is { } route)
                {
                    var port = new JsonObject();
                    AzureMlJobFields.Integer(route, port, "port", "port");
                    config[json] = new JsonObject { ["port"] = port["port"]?.DeepClone() ?? 8080, ["path"] = route.GetString("path") ?? "/" };
                }
            }

            properties["inferenceConfig"] = config;
        }

        if (environment?.GetString("description") is { } description)
        {
            properties["description"] = description;
        }

        if (AzureMlJobFields.Strings(environment?.GetMapping("tags")) is { } tags)
        {
            properties["tags"] = tags;
        }

        return properties;
    }

    private static JsonObject Scale(YamlMapping? scale)
    {
        var type = (scale?.GetString("type") ?? "default").ToLowerInvariant();
        if (type == "default")
        {
            return new JsonObject { ["scaleType"] = "Default" };
        }

        if (type != "target_utilization")
        {
            throw new AzureMlSpecException(scale, $"scale_settings type '{type}' is not default or target_utilization");
        }

        var json = new JsonObject { ["scaleType"] = "TargetUtilization" };
        AzureMlJobFields.Integer(scale!, json, "min_instances", "minInstances");
        AzureMlJobFields.Integer(scale!, json, "max_instances", "maxInstances");
        AzureMlJobFields.Integer(scale!, json, "target_utilization_percentage", "targetUtilizationPercentage");
        if (AzureMlJobFields.Duration(scale!, "polling_interval") is { } interval)
        {
            json["pollingInterval"] = interval;
        }

        return json;
    }

    private static JsonObject Probe(YamlMapping probe)
    {
        var json = new JsonObject();
        foreach (var (yaml, name) in new[] { ("initial_delay", "initialDelay"), ("period", "period"), ("timeout", "timeout") })
        {
            if (AzureMlJobFields.Duration(probe, yaml) is { } duration)
            {
                json[name] = duration;
            }
        }

        AzureMlJobFields.Integer(probe, json, "success_threshold", "successThreshold");
        AzureMlJobFields.Integer(probe, json, "failure_threshold", "failureThreshold");
        return json;
    }

    private static string? Milliseconds(YamlMapping map, string key) =>
        map[key] is YamlScalar s && s.TryGetDouble(out var ms) ? System.Xml.XmlConvert.ToString(TimeSpan.FromMilliseconds(ms)) : null;

    private static string Enabled(YamlNode at, string value) => value.ToLowerInvariant() switch
    {
        "enabled" => "Enabled",
        "disabled" => "Disabled",
        _ => throw new AzureMlSpecException(at, $"'{value}' is not enabled or disabled"),
    };

    private static JsonObject Sorted(IReadOnlyDictionary<string, string> map) =>
        new(map.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => KeyValuePair.Create(t.Key, (JsonNode?)t.Value)));
}
