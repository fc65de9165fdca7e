using System.Xml;

namespace RepoML.Azure;

/// <summary>The fields of CLI v2 job YAML that several job types share, in their REST forms (camelCase, ISO 8601 durations).</summary>
public static class AzureMlJobFields
{
    /// <summary>displayName, description, tags, properties and experimentName of any job.</summary>
    public static JsonObject Common(YamlMapping job, string? experiment)
    {
        var properties = new JsonObject();
        Copy(job, properties, "display_name", "displayName");
        Copy(job, properties, "description", "description");
        if (Strings(job.GetMapping("tags")) is { } tags)
        {
            properties["tags"] = tags;
        }

        if (Strings(job.GetMapping("properties")) is { } bag)
        {
            properties["properties"] = bag;
        }

        properties["experimentName"] = experiment ?? job.GetString("experiment_name") ?? "Default";
        if (job.GetMapping("identity") is { } identity)
        {
            properties["identity"] = Identity(identity);
        }

        if (job.GetMapping("queue_settings")?.GetString("job_tier") is { } tier)
        {
            properties["queueSettings"] = new JsonObject { ["jobTier"] = char.ToUpperInvariant(tier[0]) + tier[1..].ToLowerInvariant() };
        }

        foreach (var unsupported in new[] { "services", "notification_setting", "secrets_configuration" })
        {
            if (job[unsupported] is { } node)
            {
                throw new AzureMlSpecException(node, $"'{unsupported}' is not sent by RepoML; submit this job with az ml job create");
            }
        }

        return properties;
    }

    /// <summary><c>environment_variables</c>, <c>resources</c> and <c>distribution</c> of a command (or a sweep trial).</summary>
    public static void Command(YamlMapping job, JsonObject target)
    {
        if (Strings(job.GetMapping("environment_variables")) is { } variables)
        {
            target["environmentVariables"] = variables;
        }

        if (job.GetMapping("resources") is { } resources)
        {
            var json = new JsonObject();
            Integer(resources, json, "instance_count", "instanceCount");
            Copy(resources, json, "instance_type", "instanceType");
            Copy(resources, json, "shm_size", "shmSize");
            Copy(resources, json, "docker_args", "dockerArgs");
            if (resources.GetMapping("properties") is { } bag)
            {
                json["properties"] = YamlJson.Convert(bag);
            }

            target["resources"] = json;
        }

        if (job.GetMapping("distribution") is { } distribution)
        {
            target["distribution"] = Distribution(distribution);
        }
    }

    /// <summary>Seconds (CLI v2 YAML) as an ISO 8601 duration (REST).</summary>
    public static string? Duration(YamlMapping map, string key) =>
        map[key] is YamlScalar s && s.TryGetDouble(out var seconds) ? XmlConvert.ToString(TimeSpan.FromSeconds(seconds)) : null;

    public static void Copy(YamlMapping from, JsonObject to, string yaml, string json)
    {
        if (from.GetString(yaml) is { } value)
        {
            to[json] = value;
        }
    }

    public static void Integer(YamlMapping from, JsonObject to, string yaml, string json)
    {
        if (from[yaml] is YamlScalar s && s.TryGetInteger(out var value))
        {
            to[json] = value;
        }
        else if (from[yaml] is { } other)
        {
            throw new AzureMlSpecException(other, $"'{yaml}' must be a whole number");
        }
    }

    /// <summary>A mapping of scalars as a string → string map (tags, properties, environment variables).</summary>
    public static JsonObject? Strings(YamlMapping? map) => map is null ? null
        : new JsonObject(map.Entries.Select(e => KeyValuePair.Create(e.Key.Value, (JsonNode?)(e.Value is YamlScalar s
            ? s.Value : throw new AzureMlSpecException(e.Value, $"'{e.Key.Value}' must be a plain value")))));

    private static JsonObject Identity(YamlMapping identity) => (identity.GetString("type") ?? "").ToLowerInvariant() switch
    {
        "user_identity" => new JsonObject { ["identityType"] = "UserIdentity" },
        "aml_token" => new JsonObject { ["identityType"] = "AMLToken" },
        "managed" or "managed_identity" => Managed(identity),
        var other => throw new AzureMlSpecException(identity, $"identity type '{other}' is not user_identity, aml_token or managed"),
    };

    private static JsonObject Managed(YamlMapping identity)
    {
        var json = new JsonObject { ["identityType"] = "Managed" };
        Copy(identity, json, "client_id", "clientId");
        Copy(identity, json, "object_id", "objectId");
        Copy(identity, json, "resource_id", "resourceId");
        return json;
    }

    private static JsonObject Distribution(YamlMapping distribution)
    {
        var type = (distribution.GetString("type") ?? "").ToLowerInvariant();
        var json = new JsonObject
        {
            ["distributionType"] = type switch
            {
                "pytorch" => "PyTorch",
                "tensorflow" => "TensorFlow",
                "mpi" => "Mpi",
                _ => throw new AzureMlSpecException(distribution, $"distribution type '{type}' is not pytorch, tensorflow or mpi"),
            },
        };
        Integer(distribution, json, "process_count_per_instance", "processCountPerInstance");
        Integer(distribution, json, "worker_count", "workerCount");
        Integer(distribution, json, "parameter_server_count", "parameterServerCount");
        return json;
    }
}
