namespace RepoML.Azure;

/// <summary>A job or endpoint file RepoML cannot send to Azure ML as it is; the message starts with file:line:col when there is one.</summary>
public sealed class AzureMlSpecException(YamlNode? at, string message) : Exception(at is null ? message : $"{at.Span}: {message}");
