namespace RepoML.Tests.Shared.AzureMl;

/// <summary>One way a request body breaks the REST specification: where (a JSON path from the body's root) and what.</summary>
internal sealed record SpecViolation(string Path, string Message)
{
    public override string ToString() => $"{(Path.Length == 0 ? "(body)" : Path)}: {Message}";
}
