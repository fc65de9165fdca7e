namespace RepoML.Cli.Tests.Support;

/// <summary>A fact that is skipped, with the reason, where the Azure ML example corpus is not beside the repository.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class AzureMlExamplesFactAttribute : FactAttribute
{
    public AzureMlExamplesFactAttribute()
    {
        if (AzureMlExamples.Root is null)
        {
            Skip = "shared/azureml-examples/cli was not found beside the repository";
        }
    }
}
