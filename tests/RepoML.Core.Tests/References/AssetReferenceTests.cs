using RepoML.Core.References;

namespace RepoML.Core.Tests.References;

public sealed class AssetReferenceTests
{
    [Theory]
    [InlineData("azureml:credit:3", "credit", "3", null)]
    [InlineData("azureml:credit@latest", "credit", null, "latest")]
    [InlineData("azureml:credit", "credit", null, null)]
    [InlineData("azureml:my-env:1.0.2", "my-env", "1.0.2", null)]
    public void Should_parse_name_version_and_label_When_short_form(string text, string name, string? version, string? label)
    {
        Assert.Equal(new AssetReference(name, version, label), AssetReference.TryParse(text));
    }

    [Theory]
    [InlineData("azureml://registries/azureml/models/x/versions/1")]
    [InlineData("azureml:AzureML-sklearn-1.0-ubuntu20.04-py38-cpu@latest")]
    public void Should_be_external_When_reference_is_registry_or_curated(string text)
    {
        Assert.True(AssetReference.IsExternal(text));
    }

    [Theory]
    [InlineData("credit:1")]
    [InlineData("azureml:")]
    [InlineData("azureml:credit@")]
    [InlineData("azureml:credit:")]
    public void Should_return_null_When_text_is_not_a_short_reference(string text)
    {
        Assert.Null(AssetReference.TryParse(text));
    }
}
