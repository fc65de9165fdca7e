using RepoML.Workflows.Site;

namespace RepoML.Workflows.Tests.Site;

/// <summary>A sample site repository and the folder its static site is generated into, both deleted on dispose.</summary>
internal sealed class GeneratedSite(TempRepo repo) : IDisposable
{
    public TempRepo Repo { get; } = repo;

    public TempFolder Output { get; } = new("site");

    public WorkflowContext Context { get; } = WorkflowContexts.In(repo.Root);

    /// <summary>The whole site into <see cref="Output"/>, as <c>repoml site --out</c> asks for it.</summary>
    public SiteRequest Request => new(Output.Path, null, null);

    public SiteResult Build() => SiteGeneration.Build(Context, Request);

    public string Page(string path) => File.ReadAllText(Path.Combine(Output.Path, path));

    public void Dispose()
    {
        Output.Dispose();
        Repo.Dispose();
    }
}
