namespace RepoML.Azure;

/// <summary>YAML nodes as JSON: plain scalars keep their YAML type (numbers, booleans, null), quoted ones stay strings.</summary>
public static class YamlJson
{
    public static JsonNode? Convert(YamlNode node) => node switch
    {
        YamlMapping map => new JsonObject(map.Entries.Select(e => KeyValuePair.Create(e.Key.Value, Convert(e.Value)))),
        YamlSequence list => new JsonArray([.. list.Items.Select(Convert)]),
        YamlScalar { IsNull: true } => null,
        YamlScalar s when s.TryGetBoolean(out var b) => JsonValue.Create(b),
        YamlScalar s when s.TryGetInteger(out var i) => JsonValue.Create(i),
        YamlScalar s when s.TryGetDouble(out var d) && double.IsFinite(d) => JsonValue.Create(d),
        YamlScalar s => JsonValue.Create(s.Value),
        _ => null,
    };
}
