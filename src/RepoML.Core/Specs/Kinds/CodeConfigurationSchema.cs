namespace RepoML.Core.Specs.Kinds;

/// <summary>The scoring code of a deployment: a code folder (or <c>azureml:</c> code reference) and the script in it.</summary>
public static class CodeConfigurationSchema
{
    public static ObjectSchema Schema { get; } = new("code_configuration",
    [
        new("code", new StringSchema(), Required: true),
        new("scoring_script", new StringSchema(), Required: true),
    ]);
}
