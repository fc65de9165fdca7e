namespace RepoML.Core.Specs;

/// <summary>
/// What <c>az ml job create</c> makes of a job file without <c>$schema</c>: the job kind its <c>type</c> names, a command job
/// when it names none. Used where a file is asked for as a job (<c>repoml run</c>), so a job file need not carry the key.
/// </summary>
public static class JobFileKind
{
    /// <summary>The kind <c>type</c> names (command when absent); null for job types RepoML does not read.</summary>
    public static SpecKind? ByType(YamlMapping root) => (root.GetString("type") ?? "command").ToLowerInvariant() switch
    {
        "command" => SpecKind.CommandJob,
        "pipeline" => SpecKind.PipelineJob,
        "sweep" => SpecKind.SweepJob,
        _ => null,
    };

    /// <summary>
    /// The file read as the job its <c>type</c> names and checked against that kind's schema, when it has no kind of its own
    /// (no <c>$schema</c>, outside the workspace folders); null otherwise.
    /// </summary>
    public static SpecFile? AsJob(SpecFile file)
    {
        if (file is not { Kind: null, HasSchema: false, Root: { } root } || ByType(root) is not { } kind)
        {
            return null;
        }

        var job = new SpecFile(file.Path, kind, root, file.Text, hasSchema: false);
        job.Diagnostics.AddRange(file.Diagnostics.Where(d => d.Id != DiagnosticIds.UnknownKind.Id));
        SchemaValidator.Validate(root, SpecKindCatalog.SchemaOf(kind), job.Diagnostics);
        return job;
    }
}
