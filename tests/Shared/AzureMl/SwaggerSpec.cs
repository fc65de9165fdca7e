using System.Text.Json.Nodes;

namespace RepoML.Tests.Shared.AzureMl;

/// <summary>
/// The swagger (OpenAPI 2.0) documents of one Azure REST api-version, as kept in <c>tests/TestData/azure-rest-spec/VERSION</c>:
/// resolves <c>$ref</c>s across them (<c>#/definitions/X</c> in the same file, <c>../../common-types/…/types.json#/definitions/X</c>
/// in another, matched by the end of its path) and finds the operation of a request by its path template.
/// </summary>
internal sealed class SwaggerSpec
{
    private readonly Dictionary<string, JsonObject> documents;

    private SwaggerSpec(string version, Dictionary<string, JsonObject> documents)
    {
        Version = version;
        this.documents = documents;
    }

    public string Version { get; }

    /// <summary>The main document (its operations and definitions).</summary>
    public const string Main = "mfe.json";

    public static SwaggerSpec Load(string version)
    {
        var folder = Path.Combine(RepositoryRoot.Path, "tests", "TestData", "azure-rest-spec", version);
        var documents = Directory.EnumerateFiles(folder, "*.json", SearchOption.AllDirectories).ToDictionary(
            f => Path.GetRelativePath(folder, f).Replace('\\', '/'),
            f => JsonNode.Parse(File.ReadAllText(f))!.AsObject(),
            StringComparer.Ordinal);
        return new SwaggerSpec(version, documents);
    }

    /// <summary>Every definition of every document, as (document, name, schema).</summary>
    public IEnumerable<(string Document, string Name, JsonObject Schema)> Definitions =>
        documents.SelectMany(d => (d.Value["definitions"] as JsonObject ?? []).Select(e => (d.Key, e.Key, e.Value!.AsObject())));

    /// <summary>Resolves a <c>$ref</c> seen in <paramref name="document"/>; null when the test data does not keep it.</summary>
    public (string Document, string Name, JsonObject Schema)? Resolve(string document, string reference)
    {
        var hash = reference.IndexOf('#', StringComparison.Ordinal);
        var file = hash <= 0 ? document : Normalize(reference[..hash]);
        var pointer = reference[(hash + 1)..].Split('/', StringSplitOptions.RemoveEmptyEntries);
        var target = documents.Keys.FirstOrDefault(k => k == file || k.EndsWith("/" + file, StringComparison.Ordinal) || file.EndsWith("/" + k, StringComparison.Ordinal) || file == k);
        if (target is null || pointer.Length != 2)
        {
            return null;
        }

        return documents[target][pointer[0]]?[pointer[1]] is JsonObject schema ? (target, pointer[1], schema) : null;
    }

    /// <summary>The operation of <paramref name="method"/> on <paramref name="path"/> and the path's parameter values; null when none matches.</summary>
    public (JsonObject Operation, Dictionary<string, string> Parameters)? Operation(string method, string path)
    {
        var segments = path.Split('?')[0].Trim('/').Split('/');
        foreach (var (template, item) in documents[Main]["paths"]!.AsObject())
        {
            var parts = template.Trim('/').Split('/');
            if (parts.Length != segments.Length || item?[method.ToLowerInvariant()] is not JsonObject operation)
            {
                continue;
            }

            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            var match = true;
            for (var i = 0; i < parts.Length && match; i++)
            {
                if (parts[i].StartsWith('{') && parts[i].EndsWith('}'))
                {
                    values[parts[i][1..^1]] = Uri.UnescapeDataString(segments[i]);
                }
                else
                {
                    match = string.Equals(parts[i], segments[i], StringComparison.OrdinalIgnoreCase);
                }
            }

            if (match)
            {
                return (operation, values);
            }
        }

        return null;
    }

    /// <summary>A parameter of an operation, following its <c>$ref</c>.</summary>
    public JsonObject? Parameter(JsonNode parameter)
    {
        if (parameter["$ref"]?.GetValue<string>() is not { } reference)
        {
            return parameter as JsonObject;
        }

        var hash = reference.IndexOf('#', StringComparison.Ordinal);
        var file = hash <= 0 ? Main : Normalize(reference[..hash]);
        var target = documents.Keys.FirstOrDefault(k => k == file || file.EndsWith("/" + k, StringComparison.Ordinal) || k.EndsWith("/" + file, StringComparison.Ordinal));
        return target is null ? null : documents[target]["parameters"]?[reference[(hash + 1)..].Split('/')[^1]] as JsonObject;
    }

    private static string Normalize(string file)
    {
        var parts = file.Replace('\\', '/').Split('/').Where(p => p is not ("." or ".." or "")).ToArray();
        var common = Array.IndexOf(parts, "common-types");
        return string.Join('/', common >= 0 ? parts[common..] : parts);
    }
}
