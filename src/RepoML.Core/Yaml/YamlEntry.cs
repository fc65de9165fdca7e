namespace RepoML.Core.Yaml;

/// <summary>One key/value pair of a mapping; keys are always scalars.</summary>
public sealed record YamlEntry(YamlScalar Key, YamlNode Value);
