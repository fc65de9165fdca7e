namespace RepoML.Tests.Shared.AzureMl;

/// <summary>One request the ARM stand-in received, and the status it answered.</summary>
internal sealed record ArmRecordedRequest(string Method, string Path, string ApiVersion, string Body, string Authorization)
{
    public string Query { get; init; } = "";

    public int Status { get; set; }
}
