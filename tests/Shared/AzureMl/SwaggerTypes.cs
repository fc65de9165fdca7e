using System.Text.Json.Nodes;

namespace RepoML.Tests.Shared.AzureMl;

/// <summary>
/// A definition as a type: its own properties merged with those of its <c>allOf</c> ancestors, the union of their
/// required lists, the nearest <c>discriminator</c>, and whether extra properties are refused (<c>additionalProperties: false</c>).
/// </summary>
internal sealed record SwaggerType(
    string Document,
    string Name,
    IReadOnlyDictionary<string, (JsonObject Schema, string Document)> Properties,
    IReadOnlyList<string> Required,
    string? Discriminator,
    JsonObject? AdditionalProperties,
    bool Closed,
    IReadOnlySet<string> Ancestors,
    string Tag);

/// <summary>Builds <see cref="SwaggerType"/>s and finds the subtypes of a polymorphic one.</summary>
internal static class SwaggerTypes
{
    public static SwaggerType Of(SwaggerSpec spec, string document, string name, JsonObject schema)
    {
        var properties = new Dictionary<string, (JsonObject, string)>(StringComparer.Ordinal);
        var required = new List<string>();
        var ancestors = new HashSet<string>(StringComparer.Ordinal);
        string? discriminator = null;
        foreach (var parent in (schema["allOf"] as JsonArray ?? []).Select(a => a?["$ref"]?.GetValue<string>()).OfType<string>())
        {
            if (spec.Resolve(document, parent) is not { } resolved)
            {
                continue;
            }

            var ancestor = Of(spec, resolved.Document, resolved.Name, resolved.Schema);
            ancestors.Add(Key(resolved.Document, resolved.Name));
            ancestors.UnionWith(ancestor.Ancestors);
            foreach (var (key, value) in ancestor.Properties)
            {
                properties[key] = value;
            }

            required.AddRange(ancestor.Required);
            discriminator ??= ancestor.Discriminator;
        }

        foreach (var (key, value) in schema["properties"] as JsonObject ?? [])
        {
            properties[key] = (value!.AsObject(), document);
        }

        required.AddRange((schema["required"] as JsonArray ?? []).Select(r => r!.GetValue<string>()));
        discriminator = schema["discriminator"]?.GetValue<string>() ?? discriminator;
        var additional = schema["additionalProperties"];
        return new SwaggerType(
            document, name, properties, required.Distinct().ToList(), discriminator,
            additional as JsonObject, additional is JsonValue v && !v.GetValue<bool>(), ancestors,
            schema["x-ms-discriminator-value"]?.GetValue<string>() ?? name);
    }

    /// <summary>The subtype of <paramref name="type"/> whose discriminator value is <paramref name="tag"/>; null when none.</summary>
    public static SwaggerType? Subtype(SwaggerSpec spec, SwaggerType type, string tag) =>
        Subtypes(spec, type).FirstOrDefault(s => s.Tag == tag).Type;

    public static IEnumerable<string> Tags(SwaggerSpec spec, SwaggerType type) => Subtypes(spec, type).Select(s => s.Tag).Order(StringComparer.Ordinal);

    private static IEnumerable<(string Tag, SwaggerType Type)> Subtypes(SwaggerSpec spec, SwaggerType type)
    {
        var key = Key(type.Document, type.Name);
        foreach (var (document, name, schema) in spec.Definitions)
        {
            if (schema["allOf"] is null)
            {
                continue;
            }

            var candidate = Of(spec, document, name, schema);
            if (candidate.Ancestors.Contains(key))
            {
                yield return (schema["x-ms-discriminator-value"]?.GetValue<string>() ?? name, candidate);
            }
        }
    }

    private static string Key(string document, string name) => $"{document}#{name}";
}
