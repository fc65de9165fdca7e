namespace RepoML.Core.Packaging;

/// <summary>Small helpers shared by the generated Dockerfiles: quoting and the LABEL block.</summary>
internal static class DockerfileText
{
    public static string Quote(string value) =>
        "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)
            .Replace("$", "\\$", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal) + "\"";

    public static void AppendLabels(StringBuilder text, IReadOnlyList<KeyValuePair<string, string>> labels)
    {
        text.Append("LABEL");
        for (var i = 0; i < labels.Count; i++)
        {
            text.Append(i == 0 ? " " : "      ").Append(labels[i].Key).Append('=').Append(Quote(labels[i].Value));
            text.Append(i < labels.Count - 1 ? " \\\n" : "\n");
        }
    }
}
