namespace RepoML.Core.Specs;

/// <summary>
/// One YAML file of the workspace after loading: its kind (null when it is not a spec RepoML reads),
/// its root mapping (null when it could not be parsed), its source text, and what is wrong with it.
/// </summary>
public sealed class SpecFile(string path, SpecKind? kind, YamlMapping? root, string? text, bool hasSchema)
{
    public string Path { get; } = path;

    public SpecKind? Kind { get; } = kind;

    public YamlMapping? Root { get; } = root;

    /// <summary>The file's text, used to place diagnostics inside multi-line values.</summary>
    public string? Text { get; } = text;

    /// <summary>Whether the file declared its kind with <c>$schema</c> (rather than by the folder it is in).</summary>
    public bool HasSchema { get; } = hasSchema;

    public List<Diagnostic> Diagnostics { get; } = [];

    public string? Name => Root?.GetString("name");

    public string? Version => Root?.GetString("version");

    public bool IsSpec => Kind is not null && Root is not null;

    public override string ToString() => $"{Path} ({Kind?.ToString() ?? "not a spec"})";
}
