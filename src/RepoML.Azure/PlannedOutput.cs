namespace RepoML.Azure;

/// <summary>
/// An output of a submitted job: which job (or pipeline step) writes it, its type, where (null when Azure ML picks the
/// place and reports it when the job ends), and whether RepoML brings it back into the artifact store when the job completes.
/// </summary>
public sealed record PlannedOutput(string Job, string Output, string Type, string? Uri, bool Fetch)
{
    public bool IsFolder => Type != "uri_file";
}
