namespace RepoML.Core.Specs.Kinds;

/// <summary>The <c>type</c> words of Azure ML inputs and outputs.</summary>
public static class AssetTypes
{
    /// <summary>Data and model types, which bind to storage paths.</summary>
    public static IReadOnlyList<string> Paths { get; } = ["uri_file", "uri_folder", "mltable", "custom_model", "mlflow_model", "triton_model"];

    /// <summary>Literal parameter types.</summary>
    public static IReadOnlyList<string> Literals { get; } = ["integer", "number", "string", "boolean"];

    /// <summary>Every output type a job or component may declare.</summary>
    public static EnumSchema OutputTypes { get; } = new(Paths);
}
