using System.Security.Cryptography;
using System.Text;
using RepoML.Core.References;

namespace RepoML.Azure;

/// <summary>
/// Components of pipeline steps as component versions referenced by ARM id. A local component file (or an inline
/// command step) becomes an anonymous component, as <c>az ml</c> registers it: name <c>azureml_anonymous</c>, version a
/// hash of its spec, environment and code resolved to ARM ids, so the same component is created once.
/// </summary>
public sealed class AzureMlComponents(AzureMlSession session, AzureMlAssets assets)
{
    public const string AnonymousName = "azureml_anonymous";

    private readonly Dictionary<string, Task<string>> created = new(StringComparer.Ordinal);

    /// <summary>A step's <c>component</c> (a file, an azureml: reference or an inline mapping): its ARM id and, when local, its definition.</summary>
    public async Task<(string Id, YamlMapping? Definition)> ResolveAsync(YamlNode component, string fromFile, CancellationToken cancellationToken)
    {
        if (component is YamlMapping inline)
        {
            return (await CreateAsync(inline, fromFile, cancellationToken).ConfigureAwait(false), inline);
        }

        var text = (component as YamlScalar)?.Value ?? throw new AzureMlSpecException(component, "component must be a file, an azureml: reference or a mapping");
        if (AssetReference.IsReference(text))
        {
            return (await assets.VersionIdAsync("components", text, component, cancellationToken).ConfigureAwait(false), null);
        }

        var local = await assets.LocalAsync(component, text, fromFile, cancellationToken).ConfigureAwait(false);
        var path = local.Files[0].LocalPath;
        var parsed = YamlReader.Read(path, await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false));
        var definition = parsed.Root as YamlMapping ?? throw new AzureMlSpecException(component, $"component file '{text}' is not a YAML mapping");
        return (await CreateAsync(definition, path, cancellationToken).ConfigureAwait(false), definition);
    }

    /// <summary>Creates (once per content) the anonymous component version of a command component definition.</summary>
    public Task<string> CreateAsync(YamlMapping definition, string file, CancellationToken cancellationToken)
    {
        var key = $"{file}:{definition.Span.Line}:{definition.Span.Column}";
        lock (created)
        {
            if (!created.TryGetValue(key, out var task))
            {
                task = PutAsync(definition, file, cancellationToken);
                created[key] = task;
            }

            return task;
        }
    }

    /// <summary>An inline command step (command and environment in the pipeline file) as an anonymous component.</summary>
    public Task<string> CreateInlineAsync(YamlMapping step, JsonObject inputs, JsonObject outputs, string file, CancellationToken cancellationToken)
    {
        var spec = new JsonObject { ["type"] = "command", ["inputs"] = inputs, ["outputs"] = outputs };
        foreach (var key in new[] { "command", "display_name", "description" })
        {
            AzureMlJobFields.Copy(step, spec, key, key);
        }

        return PutAsync(step, spec, file, cancellationToken);
    }

    private Task<string> PutAsync(YamlMapping definition, string file, CancellationToken cancellationToken)
    {
        var type = definition.GetString("type") ?? "command";
        if (type != "command")
        {
            throw new AzureMlSpecException(definition["type"], $"component type '{type}' cannot be sent by RepoML (command components can)");
        }

        var spec = (JsonObject)YamlJson.Convert(definition)!;
        spec.Remove("$schema");
        return PutAsync(definition, spec, file, cancellationToken);
    }

    private async Task<string> PutAsync(YamlMapping definition, JsonObject spec, string file, CancellationToken cancellationToken)
    {
        spec["type"] = "command";
        if (definition.GetString("command") is null)
        {
            throw new AzureMlSpecException(definition, "a command component needs a command");
        }

        var environment = definition["environment"] ?? throw new AzureMlSpecException(definition, "a command component needs an environment");
        spec["environment"] = AssetReference.Prefix + await assets.EnvironmentIdAsync(environment, file, cancellationToken).ConfigureAwait(false);
        if (definition.GetString("code") is { } code)
        {
            spec["code"] = AssetReference.Prefix + await assets.CodeIdAsync(definition["code"]!, code, file, cancellationToken).ConfigureAwait(false);
        }

        spec["name"] = AnonymousName;
        spec.Remove("version");
        spec["is_deterministic"] ??= true;
        spec["_source"] = "YAML.COMPONENT";
        var version = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(spec.ToJsonString())))[..32];
        spec["version"] = version;

        var properties = new JsonObject { ["componentSpec"] = spec, ["isAnonymous"] = true };
        AzureMlJobFields.Copy(definition, properties, "description", "description");
        if (AzureMlJobFields.Strings(definition.GetMapping("tags")) is { } tags)
        {
            properties["tags"] = tags;
        }

        var id = session.Workspace.AssetVersion("components", AnonymousName, version);
        await session.Channel.PutAsync(id, new JsonObject { ["properties"] = properties }, cancellationToken).ConfigureAwait(false);
        return id;
    }
}
