namespace RepoML.Cli.Tests.Support;

/// <summary>Minimal valid spec files for CLI tests.</summary>
internal static class Samples
{
    public const string Model = """
        $schema: https://azuremlschemas.azureedge.net/latest/model.schema.json
        name: credit
        type: custom_model
        path: ./credit
        """;

    public const string Endpoint = """
        $schema: https://azuremlschemas.azureedge.net/latest/managedOnlineEndpoint.schema.json
        name: credit
        auth_mode: key
        traffic:
          blue: 100
        """;

    public const string Deployment = """
        $schema: https://azuremlschemas.azureedge.net/latest/managedOnlineDeployment.schema.json
        name: blue
        endpoint_name: credit
        model: azureml:credit@latest
        instance_type: Standard_DS3_v2
        instance_count: 1
        """;

    public static TempWorkspace ValidWorkspace() => new TempWorkspace()
        .Write("models/credit.yml", Model)
        .Write("models/credit/README.md", "files live in the store")
        .Write("endpoints/credit/endpoint.yml", Endpoint)
        .Write("endpoints/credit/blue.yml", Deployment);
}
