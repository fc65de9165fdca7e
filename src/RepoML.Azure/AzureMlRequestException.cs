namespace RepoML.Azure;

/// <summary>Azure ML refused a request or a long-running operation failed: ARM's error code and message, and what was asked.</summary>
public sealed class AzureMlRequestException(string method, string path, int status, string code, string detail)
    : Exception($"Azure ML refused {method} {path}: {status} {code}: {detail}")
{
    public int Status { get; } = status;

    public string Code { get; } = code;

    public string Detail { get; } = detail;
}
