namespace RepoML.Tests.Shared;

/// <summary>
/// Hostile text, kept in one place for every test that must survive it: names that leave their folder or pass for another,
/// and characters that hide, reorder or control what a reader sees.
/// </summary>
public static class HostileStrings
{
    /// <summary>Names an asset, a deployment or a file must not take, each with what makes it hostile, in the words of RepoML's
    /// naming rules (RML0106).</summary>
    public static TheoryData<string, string> Names => new()
    {
        { "../../../../escaped", "path separator" },
        { "../../evil", "path separator" },
        { "/etc/passwd", "path separator" },
        { "C:evil", "path separator" },
        { "a\\b", "path separator" },
        { "..", "relative folder" },
        { "credit\u202E", "bidirectional control U+202E" },
        { "\u2066credit", "bidirectional control" },
        { "cr\u0435dit", "non-ASCII character U+0435" },
        { "cr\u00e9dit", "non-ASCII" },
        { "cred\u200Bit", "non-ASCII character U+200B" },
        { "a\tb", "control character U+0009" },
        { "nul\0", "control character U+0000" },
        { "CON", "reserved device name" },
        { "nul.txt", "reserved device name" },
        { "Com1", "reserved device name" },
        { "credit.", "ends with a dot" },
        { "", "is empty" },
        { "-credit", "is not an asset name" },
    };

    /// <summary>Text with a character a header value or a log line must not pass on raw: control characters (tab, bell, DEL),
    /// a bidirectional override, non-ASCII.</summary>
    public static TheoryData<string> OddCharacters => new()
    {
        "tab\there", "bell\u0007", "del\u007f", "\u202egnp.exe", "credit\u202E", "\u2066credit", "caf\u00e9", "cr\u0435dit", "cred\u200Bit",
    };
}
