namespace RepoML.Azure.Tests.Support;

/// <summary>One request the ARM stand-in received.</summary>
internal sealed record RecordedRequest(string Method, string Path, string ApiVersion, string Body, string Authorization);
