using System.Globalization;

namespace RepoML.Serving.Tests.Support;

/// <summary>A temp workspace holding one online endpoint folder (endpoints/NAME) written from a few parameters.</summary>
public sealed class EndpointWorkspace : IDisposable
{
    private readonly TempFolder folder = new("serving");

    public EndpointWorkspace(string endpoint = "iris")
    {
        Name = endpoint;
        Folder = Path.Combine(Root, "endpoints", endpoint);
        Directory.CreateDirectory(Folder);
    }

    public string Name { get; }

    public string Root => folder.Path;

    public string Folder { get; }

    public EndpointWorkspace Endpoint(string traffic, string? mirror = null, string authMode = "key")
    {
        var text = new StringBuilder()
            .AppendLine("$schema: https://azuremlschemas.azureedge.net/latest/managedOnlineEndpoint.schema.json")
            .AppendLine(CultureInfo.InvariantCulture, $"name: {Name}")
            .AppendLine(CultureInfo.InvariantCulture, $"auth_mode: {authMode}")
            .AppendLine("traffic:");
        foreach (var pair in Pairs(traffic))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {pair.Key}: {pair.Value}");
        }

        if (mirror is not null)
        {
            text.AppendLine("mirror_traffic:");
            foreach (var pair in Pairs(mirror))
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  {pair.Key}: {pair.Value}");
            }
        }

        File.WriteAllText(Path.Combine(Folder, "endpoint.yml"), text.ToString());
        return this;
    }

    /// <param name="extra">More YAML lines (request_settings, data_collector, …), already indented for the top level.</param>
    public EndpointWorkspace Deployment(string name, string? modelPath = null, string extra = "")
    {
        var text = $"""
            $schema: https://azuremlschemas.azureedge.net/latest/managedOnlineDeployment.schema.json
            name: {name}
            endpoint_name: {Name}
            model:
              path: {modelPath ?? TestModels.Iris}
            instance_type: Standard_DS3_v2
            instance_count: 1

            """ + extra;
        File.WriteAllText(Path.Combine(Folder, $"{name}.yml"), text);
        return this;
    }

    /// <summary>A deployment served by a custom scorer: <c>code_configuration</c> with <paramref name="code"/> (relative to the endpoint
    /// folder).</summary>
    /// <param name="modelPath">The model; null for none.</param>
    public EndpointWorkspace ScorerDeployment(string name, string code, string script, string? modelPath, string extra = "")
    {
        var model = modelPath is null ? "" : $"model:\n  path: {modelPath}\n";
        var text = $"""
            $schema: https://azuremlschemas.azureedge.net/latest/managedOnlineDeployment.schema.json
            name: {name}
            endpoint_name: {Name}
            code_configuration:
              code: {code}
              scoring_script: {script}
            instance_type: Standard_DS3_v2
            instance_count: 1

            """ + model + extra;
        File.WriteAllText(Path.Combine(Folder, $"{name}.yml"), text);
        return this;
    }

    /// <summary>Copies tests/TestData/scorers/<paramref name="scorer"/> (sources only) to scorers/ in the workspace; returns it relative to
    /// the endpoint folder.</summary>
    public string Scorer(string scorer, string? copyName = null)
    {
        var from = ScorerBuilds.Project(scorer);
        var to = Path.Combine(Root, "scorers", copyName ?? scorer);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories).Where(f
            => !IsBuildOutput(Path.GetRelativePath(from, f))))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return Path.GetRelativePath(Folder, to);
    }

    /// <summary>A model folder holding the iris model as model.onnx (plus <paramref name="extraFiles"/>), relative to the endpoint folder.</summary>
    public string IrisModelFolder(string folder = "iris-model", params (string Name, string Text)[] extraFiles)
    {
        var path = Directory.CreateDirectory(Path.Combine(Root, "models", folder)).FullName;
        File.Copy(TestModels.Iris, Path.Combine(path, "model.onnx"), overwrite: true);
        foreach (var (file, text) in extraFiles)
        {
            File.WriteAllText(Path.Combine(path, file), text);
        }

        return Path.GetRelativePath(Folder, path);
    }

    public void Delete(string deployment) => File.Delete(Path.Combine(Folder, $"{deployment}.yml"));

    public void Dispose() => folder.Dispose();

    private static bool IsBuildOutput(string relative) =>
        relative.Split(Path.DirectorySeparatorChar) is [var first, _, ..] && first is "bin" or "obj";

    private static IEnumerable<KeyValuePair<string, string>> Pairs(string spec) =>
        spec.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.Split('='))
            .Select(p => KeyValuePair.Create(p[0], p[1]));
}
