using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace RepoML.Tests.Shared.AzureMl;

/// <summary>
/// Whether one request is what the REST spec of an api-version allows: an operation of it (method and path template),
/// path names matching their patterns, and a body that conforms to the operation's body schema.
/// </summary>
internal static class SpecRequestCheck
{
    /// <summary>Null when the request conforms; otherwise ARM's error code, a message and the violations.</summary>
    public static (string Code, string Message, IReadOnlyList<SpecViolation> Details)? Check(SwaggerValidator validator, string method, string path, string? body)
    {
        var spec = validator.Spec;
        if (spec.Operation(method, path) is not { } match)
        {
            return ("InvalidResourceOperation", $"{method} {path.Split('?')[0]} is not an operation of api-version {spec.Version}", []);
        }

        foreach (var parameter in (match.Operation["parameters"] as JsonArray ?? []).Select(p => spec.Parameter(p!)).OfType<JsonObject>())
        {
            var name = parameter["name"]!.GetValue<string>();
            if (parameter["in"]?.GetValue<string>() == "path" && parameter["pattern"]?.GetValue<string>() is { } pattern
                && match.Parameters.TryGetValue(name, out var value) && !Regex.IsMatch(value, pattern))
            {
                return ("InvalidResourceName", $"{name} '{value}' does not match {pattern}", []);
            }

            if (parameter["in"]?.GetValue<string>() != "body")
            {
                continue;
            }

            if (string.IsNullOrEmpty(body))
            {
                return ("InvalidRequestContent", "the request has no body", []);
            }

            JsonNode? parsed;
            try
            {
                parsed = JsonNode.Parse(body);
            }
            catch (JsonException ex)
            {
                return ("InvalidRequestContent", ex.Message, []);
            }

            var violations = validator.Validate(parsed, parameter["schema"]!["$ref"]!.GetValue<string>());
            if (violations.Count > 0)
            {
                return ("BadRequest", $"the body does not conform to api-version {spec.Version}", violations);
            }
        }

        return null;
    }
}
