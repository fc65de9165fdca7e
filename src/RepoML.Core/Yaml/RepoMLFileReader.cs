namespace RepoML.Core.Yaml;

/// <summary>
/// The one way a RepoML-format file (comparison policy, rollout plan, monitor, events) is read: parse the YAML, require a
/// mapping, run the file's checks (schema and meaning), and map it to its value only when nothing is an error.
/// </summary>
public static class RepoMLFileReader
{
    /// <param name="what">What the file is, for the message when it is not a mapping ("a rollout plan").</param>
    /// <param name="check">The file's checks; also what <c>repoml validate</c> runs on it.</param>
    /// <param name="map">Builds the value from a mapping that passed the checks.</param>
    /// <returns>The value (null when the file has errors) and every diagnostic found.</returns>
    public static (T? Value, IReadOnlyList<Diagnostic> Diagnostics) Read<T>(
        string path, string text, string what, Action<YamlMapping, ICollection<Diagnostic>> check, Func<YamlMapping, T> map)
        where T : class
    {
        var parsed = YamlReader.Read(path, text);
        var diagnostics = new List<Diagnostic>(parsed.Diagnostics);
        if (parsed.Root is not YamlMapping root)
        {
            if (!diagnostics.Any(d => d.IsError))
            {
                diagnostics.Add(Diagnostic.InFile(DiagnosticIds.EmptyDocument, path, $"{what} is a YAML mapping"));
            }

            return (null, diagnostics);
        }

        check(root, diagnostics);
        return diagnostics.Any(d => d.IsError) ? (null, diagnostics) : (map(root), diagnostics);
    }
}
