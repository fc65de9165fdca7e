namespace RepoML.Core.Profiles;

/// <summary>Data that cannot be profiled (no header, a row with the wrong number of cells, an unclosed quote); the message
/// names the file and line.</summary>
public sealed class DataProfileException(string message) : Exception(message);
