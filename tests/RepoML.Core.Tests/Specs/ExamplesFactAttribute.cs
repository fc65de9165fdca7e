namespace RepoML.Core.Tests.Specs;

/// <summary>A fact that is skipped, with the reason, when the Azure ML example files are not next to the repository.</summary>
internal sealed class ExamplesFactAttribute : FactAttribute
{
    public ExamplesFactAttribute()
    {
        if (ExampleCorpus.Root is null)
        {
            Skip = ExampleCorpus.MissingMessage;
        }
    }
}
