namespace RepoML.Core.Naming;

/// <summary>
/// The one gate a name passes before it becomes part of a path (registry records, labels, materialised models, keys,
/// collected data, event sinks). A name is one path segment of visible ASCII that fits its kind's Azure ML rule:
/// no separators, no <c>.</c>/<c>..</c>, nothing absolute, no control, bidi or other non-ASCII characters (so no
/// look-alike of another name), no reserved device name (<c>CON</c>, <c>NUL</c>, <c>COM1</c>, …) and no trailing dot or
/// space. <see cref="Under"/> then proves the final path stays under its root.
/// </summary>
public static partial class NameGate
{
    /// <summary>Azure ML's endpoint and deployment name rule; the schema's <see cref="NamingRules"/> checks the same.</summary>
    internal const string EndpointPattern = "^[a-zA-Z][a-zA-Z0-9-]{1,30}[a-zA-Z0-9]$";

    /// <summary>Azure ML's asset (model, environment, data) name rule; the schema's <see cref="NamingRules"/> checks the same.</summary>
    internal const string AssetPattern = "^[a-zA-Z0-9][a-zA-Z0-9._-]{0,254}$";

    /// <summary>Why <paramref name="name"/> cannot be a <paramref name="kind"/> name, or null when it can.</summary>
    public static string? Problem(string? name, NameKind kind)
    {
        if (string.IsNullOrEmpty(name))
        {
            return "is empty";
        }

        foreach (var c in name)
        {
            if (char.IsControl(c))
            {
                return $"contains the control character U+{(int)c:X4}";
            }

            if (IsBidiControl(c))
            {
                return $"contains the bidirectional control U+{(int)c:X4}, which makes text display in another order than it is stored";
            }

            if (c > '~')
            {
                return $"contains the non-ASCII character U+{(int)c:X4}, which can look like another name's";
            }

            if (c is '/' or '\\' or ':')
            {
                return $"contains '{c}', a path separator";
            }
        }

        if (name is "." or "..")
        {
            return "is a relative folder reference";
        }

        if (name.EndsWith('.') || name.EndsWith(' '))
        {
            return "ends with a dot or a space";
        }

        if (ReservedDevice().IsMatch(name))
        {
            return "is a reserved device name (CON, PRN, AUX, NUL, COM1-9, LPT1-9)";
        }

        return Rule(kind).IsMatch(name) ? null : $"is not {Describe(kind)}";
    }

    /// <summary>Returns <paramref name="name"/> when it passes; throws <see cref="UnsafeNameException"/> saying why otherwise.</summary>
    /// <param name="what">What the name names, for the message ("model name", "label").</param>
    public static string Check(string? name, NameKind kind, string what) =>
        Problem(name, kind) is { } problem ? throw new UnsafeNameException($"{what} '{Printable(name ?? "")}' {problem}") : name!;

    /// <summary>
    /// <paramref name="root"/> joined with <paramref name="segments"/>, proven to stay under <paramref name="root"/> after
    /// normalisation; throws <see cref="UnsafeNameException"/> otherwise. <paramref name="root"/> must be absolute.
    /// </summary>
    public static string Under(string root, params string[] segments)
    {
        var full = Path.GetFullPath(Path.Combine([root, .. segments]), root);
        var prefix = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root, root)) + Path.DirectorySeparatorChar;
        return full.StartsWith(prefix, StringComparison.Ordinal)
            ? full
            : throw new UnsafeNameException($"'{Printable(Path.Combine(segments))}' leads outside {root}");
    }

    /// <summary>The name with control and non-ASCII characters shown as <c>\uXXXX</c>, so a message cannot be spoofed by it.</summary>
    public static string Printable(string name) =>
        string.Concat(name.Select(c => c is < ' ' or > '~' ? $"\\u{(int)c:X4}" : c.ToString()));

    private static bool IsBidiControl(char c) => c is '\u061C' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');

    private static Regex Rule(NameKind kind) => kind switch
    {
        NameKind.Endpoint => EndpointRule(),
        NameKind.Asset => AssetRule(),
        _ => SegmentRule(),
    };

    private static string Describe(NameKind kind) => kind switch
    {
        NameKind.Endpoint => "an endpoint or deployment name: 3-32 letters, digits or hyphens, starting with a letter and not ending with a hyphen",
        NameKind.Asset => "an asset name: up to 255 letters, digits, '-', '_' or '.', starting with a letter or digit",
        _ => "a name of up to 255 letters, digits, '-', '_' or '.', starting with a letter or digit",
    };

    [GeneratedRegex(EndpointPattern)]
    private static partial Regex EndpointRule();

    [GeneratedRegex(AssetPattern)]
    private static partial Regex AssetRule();

    [GeneratedRegex("^[a-zA-Z0-9_][a-zA-Z0-9._-]{0,254}$")]
    private static partial Regex SegmentRule();

    [GeneratedRegex("^(CON|PRN|AUX|NUL|COM[0-9]|LPT[0-9])(\\..*)?$", RegexOptions.IgnoreCase)]
    private static partial Regex ReservedDevice();
}
