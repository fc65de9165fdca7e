namespace RepoML.Tests.Shared;

/// <summary>
/// The sample workspace's spec files as tests write them: the credit model, its environment, endpoint and deployments; and
/// the iris endpoint the serving, packaging and CLI tests stand up over the iris test model.
/// </summary>
internal static class SampleSpecs
{
    public const string Model = """
        $schema: https://azuremlschemas.azureedge.net/latest/model.schema.json
        name: credit
        type: custom_model
        path: ./credit
        """;

    public const string Environment = """
        $schema: https://azuremlschemas.azureedge.net/latest/environment.schema.json
        name: onnx-serving
        image: mcr.microsoft.com/dotnet/aspnet:10.0
        """;

    /// <summary>
    /// A file of the repository's own sample (a deployment under endpoints/credit) with its registry reference pinned to version
    /// <paramref name="version"/> of a test's registry: the sample names the version the repository serves, while a test's
    /// registry numbers its versions from 1.
    /// </summary>
    public static string PinnedToTestRegistry(string sampleFile, int version = 1) =>
        System.Text.RegularExpressions.Regex.Replace(sampleFile, @"azureml:credit:\d+", $"azureml:credit:{version}");

    /// <summary>The credit endpoint (key auth) with its traffic split, e.g. <c>("blue", 90), ("green", 10)</c>.</summary>
    public static string Endpoint(params (string Deployment, int Percent)[] traffic) => OnlineEndpoint("credit", traffic);

    /// <summary>The iris endpoint: key auth, blue taking all traffic.</summary>
    public static string IrisEndpoint { get; } = OnlineEndpoint("iris", [("blue", 100)]);

    /// <summary>A deployment of the credit endpoint; <paramref name="withCode"/> adds the environment and a scoring script.</summary>
    public static string Deployment(string name, string model = "azureml:credit@latest", bool withCode = true) =>
        "$schema: https://azuremlschemas.azureedge.net/latest/managedOnlineDeployment.schema.json\n"
        + $"name: {name}\nendpoint_name: credit\nmodel: {model}\n"
        + (withCode ? "environment: azureml:onnx-serving@latest\ncode_configuration:\n  code: ./code\n  scoring_script: score.py\n" : "")
        + "instance_type: Standard_DS3_v2\ninstance_count: 1";

    /// <summary>The iris endpoint's blue deployment serving <paramref name="modelPath"/>, with <paramref name="lines"/> (code configuration…) after the model.</summary>
    public static string IrisBlue(string modelPath, params string[] lines) =>
        "$schema: https://azuremlschemas.azureedge.net/latest/managedOnlineDeployment.schema.json\n"
        + $"name: blue\nendpoint_name: iris\nmodel:\n  path: {modelPath}\n" + string.Concat(lines.Select(l => l + "\n"))
        + "instance_type: Standard_DS3_v2\ninstance_count: 1";

    /// <summary>Writes the iris endpoint's <c>endpoint.yml</c> and <c>blue.yml</c> (see <see cref="IrisBlue"/>) into <paramref name="folder"/>.</summary>
    public static void WriteIrisEndpoint(string folder, string modelPath, params string[] lines)
    {
        File.WriteAllText(Path.Combine(folder, "endpoint.yml"), IrisEndpoint);
        File.WriteAllText(Path.Combine(folder, "blue.yml"), IrisBlue(modelPath, lines));
    }

    private static string OnlineEndpoint(string name, (string Deployment, int Percent)[] traffic) =>
        $"$schema: https://azuremlschemas.azureedge.net/latest/managedOnlineEndpoint.schema.json\nname: {name}\nauth_mode: key\ntraffic:"
        + string.Concat(traffic.Select(t => $"\n  {t.Deployment}: {t.Percent}"));
}
