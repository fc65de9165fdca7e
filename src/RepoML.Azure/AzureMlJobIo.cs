namespace RepoML.Azure;

/// <summary>
/// Inputs and outputs in the REST forms: <c>LiteralJobInput</c> (<c>{jobInputType: literal, value: "100"}</c>, the value
/// always a string), <c>UriFileJobInput</c>/<c>UriFolderJobInput</c>/… with a <c>uri</c> (local paths uploaded first),
/// and <c>*JobOutput</c> with <c>jobOutputType</c>. Pipeline steps use the SDK's snake_case node forms instead.
/// </summary>
public static class AzureMlJobIo
{
    public static IReadOnlySet<string> LiteralTypes { get; } = new HashSet<string>(StringComparer.Ordinal) { "string", "integer", "number", "boolean" };

    public static IReadOnlySet<string> DataTypes { get; } =
        new HashSet<string>(StringComparer.Ordinal) { "uri_file", "uri_folder", "mltable", "custom_model", "mlflow_model", "triton_model" };

    /// <summary>A job's inputs as the REST map (camelCase discriminators).</summary>
    public static async Task<JsonObject> InputsAsync(YamlMapping? inputs, string file, AzureMlAssets assets, CancellationToken cancellationToken)
    {
        var result = new JsonObject();
        foreach (var (key, value) in (inputs?.Entries ?? []).Select(e => (e.Key.Value, e.Value)))
        {
            result[key] = await InputAsync(value, file, assets, "jobInputType", cancellationToken).ConfigureAwait(false);
        }

        return result;
    }

    /// <summary>One input; <paramref name="discriminator"/> is <c>jobInputType</c> (REST) or <c>job_input_type</c> (pipeline node).</summary>
    public static async Task<JsonObject> InputAsync(YamlNode value, string file, AzureMlAssets assets, string discriminator, CancellationToken cancellationToken)
    {
        if (value is YamlScalar scalar)
        {
            return Literal(scalar, discriminator);
        }

        var map = value as YamlMapping ?? throw new AzureMlSpecException(value, "an input is a value or a mapping with type and path");
        var type = map.GetString("type") ?? (map["path"] is not null ? "uri_folder" : "string");
        if (LiteralTypes.Contains(type))
        {
            var literal = map["value"] as YamlScalar ?? map["default"] as YamlScalar ?? throw new AzureMlSpecException(map, $"a {type} input needs a value");
            return Literal(literal, discriminator);
        }

        if (!DataTypes.Contains(type))
        {
            throw new AzureMlSpecException(map["type"], $"input type '{type}' is not one Azure ML takes ({string.Join(", ", LiteralTypes.Concat(DataTypes))})");
        }

        var path = map.GetString("path") ?? throw new AzureMlSpecException(map, $"a {type} input needs a path");
        if (path.Contains("${{", StringComparison.Ordinal))
        {
            return new JsonObject { [discriminator] = "literal", ["value"] = path };
        }

        var uri = await assets.DataUriAsync(map["path"]!, path, file, cancellationToken).ConfigureAwait(false);
        var input = new JsonObject { [discriminator] = type, ["uri"] = uri };
        if (map.GetString("mode") is { } mode)
        {
            input["mode"] = Mode(map["mode"]!, mode);
        }

        return input;
    }

    /// <summary>A job's outputs as the REST map, each with a <c>uri</c> (<paramref name="defaultPath"/> when the file names none).</summary>
    public static JsonObject Outputs(YamlMapping? outputs, Func<string, string, string?> defaultUri, string owner, List<PlannedOutput> planned, bool fetch)
    {
        var result = new JsonObject();
        foreach (var entry in outputs?.Entries ?? [])
        {
            var (output, type) = Output(entry.Key.Value, entry.Value, defaultUri, "jobOutputType");
            result[entry.Key.Value] = output;
            planned.Add(new PlannedOutput(owner, entry.Key.Value, type, output["uri"]?.GetValue<string>(), fetch));
        }

        return result;
    }

    /// <summary>One output and its type; <paramref name="defaultUri"/> gives (name, type) → URI when the file sets no path.</summary>
    public static (JsonObject Output, string Type) Output(string name, YamlNode? value, Func<string, string, string?> defaultUri, string discriminator)
    {
        var map = value as YamlMapping;
        if (value is YamlScalar { IsNull: false } && map is null)
        {
            throw new AzureMlSpecException(value, $"output '{name}' must be a mapping (type, mode, path)");
        }

        if (map?["name"] is not null || map?["version"] is not null)
        {
            throw new AzureMlSpecException(map, $"output '{name}': registering an output as an asset (name/version) is not in api-version {AzureMlApi.Version}; "
                + "register it after the run with repoml register --from-run");
        }

        var type = map?.GetString("type") ?? "uri_folder";
        if (!DataTypes.Contains(type))
        {
            throw new AzureMlSpecException(map?["type"], $"output type '{type}' is not one Azure ML takes ({string.Join(", ", DataTypes)})");
        }

        var output = new JsonObject { [discriminator] = type };
        if ((map?.GetString("path") ?? defaultUri(name, type)) is { } uri)
        {
            output["uri"] = uri;
        }

        if (map?.GetString("mode") is { } mode)
        {
            output["mode"] = Mode(map["mode"]!, mode);
        }

        return (output, type);
    }

    /// <summary>The YAML mode (<c>ro_mount</c>, <c>upload</c>, …) as the REST enum value.</summary>
    public static string Mode(YamlNode at, string mode) => mode.ToLowerInvariant() switch
    {
        "ro_mount" or "readonlymount" => "ReadOnlyMount",
        "rw_mount" or "readwritemount" => "ReadWriteMount",
        "download" => "Download",
        "direct" => "Direct",
        "eval_mount" or "evalmount" => "EvalMount",
        "eval_download" or "evaldownload" => "EvalDownload",
        "upload" => "Upload",
        _ => throw new AzureMlSpecException(at, $"mode '{mode}' is not one of ro_mount, rw_mount, download, direct, eval_mount, eval_download, upload"),
    };

    private static JsonObject Literal(YamlScalar scalar, string discriminator)
    {
        if (scalar.IsNull || scalar.Value.Length == 0)
        {
            throw new AzureMlSpecException(scalar, "Azure ML takes no empty literal input; give a value or leave the input out");
        }

        return new JsonObject { [discriminator] = "literal", ["value"] = scalar.Value };
    }
}
