namespace RepoML.Serving.Hosting;

/// <summary>The <c>outcome</c> label of <c>repoml_endpoint_reloads_total</c> and the outcome readiness reports.</summary>
public static class ReloadOutcomes
{
    /// <summary>Every deployment serves what its file says.</summary>
    public const string Applied = "applied";

    /// <summary>The files were valid, but a deployment could not load its model: it keeps its previous one, or serves nothing.</summary>
    public const string Failed = "failed";

    /// <summary>The files did not validate: nothing changed.</summary>
    public const string Rejected = "rejected";
}
