namespace RepoML.Cli.Commands.Rollout;

/// <summary>The options that name an Azure ML workspace, shared by <c>run --target azureml</c> and <c>deploy --target azureml</c>.</summary>
internal static class AzureMlOptions
{
    public static Option[] Workspace() =>
    [
        new Option<string?>("--subscription") { Description = "azureml: subscription id (default: AZURE_SUBSCRIPTION_ID)." },
        new Option<string?>("--resource-group") { Description = "azureml: resource group (default: AZUREML_RESOURCE_GROUP)." },
        new Option<string?>("--workspace") { Description = "azureml: workspace (default: AZUREML_WORKSPACE)." },
    ];

    /// <summary>The workspace's parts as given (null: from the environment).</summary>
    public static (string? Subscription, string? ResourceGroup, string? Name) Read(ParseResult parse) =>
        (parse.GetValue<string?>("--subscription"), parse.GetValue<string?>("--resource-group"), parse.GetValue<string?>("--workspace"));
}
