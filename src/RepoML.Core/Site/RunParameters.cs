namespace RepoML.Core.Site;

/// <summary>
/// The parameters of a run as its lineage recorded them: each job's inputs that are literal values (not
/// <c>sha256:</c> digests of files), named <c>job.input</c>, without their <c>literal:</c> prefix.
/// </summary>
public static class RunParameters
{
    /// <summary>The prefix a run record gives a literal input value.</summary>
    public const string Literal = "literal:";

    public static IReadOnlyDictionary<string, string> Of(RunLineage? run)
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var job in run?.Jobs ?? [])
        {
            foreach (var (name, value) in job.Inputs.Where(i => !i.Value.StartsWith("sha256:", StringComparison.Ordinal)))
            {
                result[$"{job.Name}.{name}"] = value.StartsWith(Literal, StringComparison.Ordinal) ? value[Literal.Length..] : value;
            }
        }

        return result;
    }
}
