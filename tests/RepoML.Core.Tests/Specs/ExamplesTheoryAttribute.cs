namespace RepoML.Core.Tests.Specs;

/// <summary>A theory that is skipped, with the reason, when the Azure ML example files are not next to the repository.</summary>
internal sealed class ExamplesTheoryAttribute : TheoryAttribute
{
    public ExamplesTheoryAttribute()
    {
        if (ExampleCorpus.Root is null)
        {
            Skip = ExampleCorpus.MissingMessage;
        }
    }
}
