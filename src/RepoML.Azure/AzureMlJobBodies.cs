namespace RepoML.Azure;

/// <summary>An Azure ML CLI v2 pipeline (or command) job file as the REST body of a job (api-version <see cref="AzureMlApi.Version"/>).</summary>
public static class AzureMlJobBodies
{
    /// <param name="computeId">The ARM id of the compute to run on, when the file names none (<c>settings.default_compute</c>).</param>
    public static JsonObject Job(YamlMapping job, string? experiment, string? computeId)
    {
        var type = (job.GetString("type") ?? "pipeline").ToLowerInvariant();
        var properties = new JsonObject { ["jobType"] = type == "command" ? "Command" : "Pipeline" };
        Copy(job, properties, "display_name", "displayName");
        Copy(job, properties, "description", "description");
        properties["experimentName"] = experiment ?? job.GetString("experiment_name") ?? "Default";
        foreach (var (yaml, json) in new[] { ("tags", "tags"), ("inputs", "inputs"), ("outputs", "outputs"), ("jobs", "jobs") })
        {
            if (job[yaml] is { } node)
            {
                properties[json] = YamlJson.Convert(node);
            }
        }

        var settings = job.GetMapping("settings") is { } s ? (JsonObject)YamlJson.Convert(s)! : new JsonObject();
        if (computeId is not null && settings["default_compute"] is null)
        {
            settings["default_compute"] = computeId;
        }

        if (type == "command")
        {
            Copy(job, properties, "command", "command");
            Copy(job, properties, "environment", "environmentId");
            if (computeId is not null)
            {
                properties["computeId"] = computeId;
            }
        }
        else
        {
            properties["settings"] = settings;
        }

        return properties;
    }

    private static void Copy(YamlMapping from, JsonObject to, string yaml, string json)
    {
        if (from.GetString(yaml) is { } value)
        {
            to[json] = value;
        }
    }
}
