using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml;

namespace RepoML.Tests.Shared.AzureMl;

/// <summary>
/// Checks a request body against a swagger definition the way an ARM service validates it:
/// <list type="bullet">
/// <item>required properties; <c>additionalProperties: false</c> over the properties of the type and its <c>allOf</c> ancestors;</item>
/// <item>polymorphism: the <c>discriminator</c> value picks the subtype whose <c>x-ms-discriminator-value</c> (or name) it is;</item>
/// <item>enums: with <c>x-ms-enum.modelAsString: false</c> exactly one of the values; with <c>true</c> (extensible) a known value,
/// matched without case as Azure ML parses them, and an unknown value is refused too, since the service rejects it;</item>
/// <item>types and formats (int32, int64, float, double, date-time, duration, uuid, uri), <c>pattern</c> (unanchored, as JSON Schema),
/// <c>minLength</c>/<c>maxLength</c>; <c>readOnly</c> properties must not be sent; <c>null</c> only where <c>x-nullable</c> allows it;</item>
/// <item>a <c>$ref</c> the kept test data lacks is a violation, so a property RepoML starts sending cannot go unchecked.</item>
/// </list>
/// </summary>
internal sealed class SwaggerValidator(SwaggerSpec spec)
{
    public SwaggerSpec Spec { get; } = spec;

    /// <summary>Validates <paramref name="body"/> against the definition <paramref name="reference"/> (e.g. <c>#/definitions/JobBaseResource</c>).</summary>
    public IReadOnlyList<SpecViolation> Validate(JsonNode? body, string reference, string document = SwaggerSpec.Main)
    {
        var violations = new List<SpecViolation>();
        var parsed = body is null ? null : JsonNode.Parse(body.ToJsonString());
        Check(parsed, new JsonObject { ["$ref"] = reference }, document, "", violations);
        return violations;
    }

    private void Check(JsonNode? value, JsonObject schema, string document, string path, List<SpecViolation> violations)
    {
        var nullable = schema["x-nullable"]?.GetValue<bool>() == true;
        var name = "(inline)";
        if (schema["$ref"]?.GetValue<string>() is { } reference)
        {
            if (Spec.Resolve(document, reference) is not { } resolved)
            {
                violations.Add(new SpecViolation(path, $"{reference} is not in the kept test data of api-version {Spec.Version}; add its definition to check it"));
                return;
            }

            (document, name, schema) = (resolved.Document, resolved.Name, resolved.Schema);
            nullable |= schema["x-nullable"]?.GetValue<bool>() == true;
        }

        if (value is null)
        {
            if (!nullable)
            {
                violations.Add(new SpecViolation(path, "null is not allowed here (no x-nullable)"));
            }

            return;
        }

        var type = schema["type"]?.GetValue<string>() ?? (schema["properties"] is not null || schema["allOf"] is not null ? "object" : null);
        switch (type)
        {
            case "object":
                CheckObject(value, schema, document, name, path, violations);
                break;
            case "array":
                if (value is not JsonArray array)
                {
                    violations.Add(new SpecViolation(path, $"expected an array, got {Kind(value)}"));
                    return;
                }

                for (var i = 0; i < array.Count; i++)
                {
                    Check(array[i], schema["items"] as JsonObject ?? [], document, $"{path}[{i}]", violations);
                }

                break;
            case "string":
                CheckString(value, schema, path, violations);
                break;
            case "integer":
            case "number":
                CheckNumber(value, schema, type, path, violations);
                break;
            case "boolean":
                if (value.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
                {
                    violations.Add(new SpecViolation(path, $"expected a boolean, got {Kind(value)}"));
                }

                break;
        }
    }

    private void CheckObject(JsonNode value, JsonObject schema, string document, string name, string path, List<SpecViolation> violations)
    {
        if (value is not JsonObject obj)
        {
            violations.Add(new SpecViolation(path, $"expected an object, got {Kind(value)}"));
            return;
        }

        var type = SwaggerTypes.Of(Spec, document, name, schema);
        if (type.Discriminator is { } discriminator && obj[discriminator]?.GetValueKind() == JsonValueKind.String)
        {
            var tag = obj[discriminator]!.GetValue<string>();
            var subtype = tag == type.Tag ? type : SwaggerTypes.Subtype(Spec, type, tag);
            if (subtype is null)
            {
                violations.Add(new SpecViolation(Join(path, discriminator), $"'{tag}' names no subtype of {type.Name} (known: {string.Join(", ", SwaggerTypes.Tags(Spec, type))})"));
                return;
            }

            type = subtype;
        }

        foreach (var required in type.Required.Where(r => !obj.ContainsKey(r)))
        {
            violations.Add(new SpecViolation(Join(path, required), $"required by {type.Name} but missing"));
        }

        foreach (var (key, child) in obj)
        {
            if (type.Properties.TryGetValue(key, out var property))
            {
                if (property.Schema["readOnly"]?.GetValue<bool>() == true)
                {
                    violations.Add(new SpecViolation(Join(path, key), $"read-only in {type.Name}; a request must not send it"));
                    continue;
                }

                Check(child, property.Schema, property.Document, Join(path, key), violations);
            }
            else if (type.AdditionalProperties is { } additional)
            {
                Check(child, additional, type.Document, Join(path, key), violations);
            }
            else if (type.Closed)
            {
                violations.Add(new SpecViolation(Join(path, key), $"not a property of {type.Name} (additionalProperties: false)"));
            }
        }
    }

    private static void CheckString(JsonNode value, JsonObject schema, string path, List<SpecViolation> violations)
    {
        if (value.GetValueKind() != JsonValueKind.String)
        {
            violations.Add(new SpecViolation(path, $"expected a string, got {Kind(value)}"));
            return;
        }

        var text = value.GetValue<string>();
        if (schema["enum"] is JsonArray values)
        {
            var known = values.Select(v => v!.GetValue<string>()).ToList();
            var extensible = schema["x-ms-enum"]?["modelAsString"]?.GetValue<bool>() == true;
            var ok = extensible ? known.Any(k => string.Equals(k, text, StringComparison.OrdinalIgnoreCase)) : known.Contains(text);
            if (!ok)
            {
                violations.Add(new SpecViolation(path, $"'{text}' is not one of {string.Join(", ", known)}{(extensible ? "" : " (case-sensitive)")}"));
            }
        }

        if (schema["minLength"]?.GetValue<int>() is { } min && text.Length < min)
        {
            violations.Add(new SpecViolation(path, $"shorter than minLength {min}"));
        }

        if (schema["maxLength"]?.GetValue<int>() is { } max && text.Length > max)
        {
            violations.Add(new SpecViolation(path, $"longer than maxLength {max}"));
        }

        if (schema["pattern"]?.GetValue<string>() is { } pattern && !Regex.IsMatch(text, pattern))
        {
            violations.Add(new SpecViolation(path, $"'{text}' does not match the pattern {pattern}"));
        }

        var format = schema["format"]?.GetValue<string>();
        var valid = format switch
        {
            "date-time" => DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out _) && text.Contains('T', StringComparison.Ordinal),
            "duration" => Duration(text),
            "uuid" => Guid.TryParseExact(text, "D", out _),
            "uri" or "url" => Uri.TryCreate(text, UriKind.Absolute, out _),
            "arm-id" => text.StartsWith('/'),
            _ => true,
        };
        if (!valid)
        {
            violations.Add(new SpecViolation(path, $"'{text}' is not a valid {format}"));
        }
    }

    private static void CheckNumber(JsonNode value, JsonObject schema, string type, string path, List<SpecViolation> violations)
    {
        if (value.GetValueKind() != JsonValueKind.Number)
        {
            violations.Add(new SpecViolation(path, $"expected {type}, got {Kind(value)}"));
            return;
        }

        var number = value.GetValue<JsonElement>();
        var format = schema["format"]?.GetValue<string>();
        var valid = (type, format) switch
        {
            ("integer", "int32") => number.TryGetInt32(out _),
            ("integer", _) => number.TryGetInt64(out _),
            (_, "float") => number.TryGetDouble(out var f) && Math.Abs(f) <= float.MaxValue,
            _ => number.TryGetDouble(out _),
        };
        if (!valid)
        {
            violations.Add(new SpecViolation(path, $"{number.GetRawText()} is not a valid {format ?? type}"));
        }
    }

    private static bool Duration(string text)
    {
        try
        {
            XmlConvert.ToTimeSpan(text);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static string Kind(JsonNode value) => value.GetValueKind().ToString().ToLowerInvariant();

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";
}
