namespace RepoML.Core.Yaml;

/// <summary>
/// A canonical text of a YAML subtree: keys sorted, scalars quoted, no comments or layout. Used in cache keys,
/// so reformatting or commenting a component does not force a re-run, but changing a value does.
/// </summary>
public static class YamlCanonical
{
    public static string Write(YamlNode node, params string[] ignoredTopLevelKeys)
    {
        var text = new StringBuilder();
        Append(text, node, ignoredTopLevelKeys);
        return text.ToString();
    }

    private static void Append(StringBuilder text, YamlNode node, IReadOnlyCollection<string> ignored)
    {
        switch (node)
        {
            case YamlScalar scalar:
                text.Append('"').Append(scalar.Value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"",
                    StringComparison.Ordinal)).Append('"');
                break;
            case YamlSequence sequence:
                text.Append('[');
                foreach (var item in sequence.Items)
                {
                    Append(text, item, []);
                    text.Append(',');
                }

                text.Append(']');
                break;
            case YamlMapping mapping:
                text.Append('{');
                foreach (var entry in mapping.Entries.Where(e => !ignored.Contains(e.Key.Value)).OrderBy(e => e.Key.Value, StringComparer.Ordinal))
                {
                    text.Append('"').Append(entry.Key.Value).Append("\":");
                    Append(text, entry.Value, []);
                    text.Append(',');
                }

                text.Append('}');
                break;
        }
    }
}
