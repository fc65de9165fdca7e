namespace RepoML.Core.Packaging;

/// <summary>Where things live inside a packaged image, and the build context folder names that feed them.</summary>
public static class ImageLayout
{
    /// <summary>The self-contained scoring server (read-only, owned by root).</summary>
    public const string ServerFolder = "/app/server";

    /// <summary>The in-image endpoint folder: endpoint.yml plus the one deployment file.</summary>
    public const string EndpointFolder = "/app/endpoint";

    /// <summary>The model files (optimised when packaging optimised them).</summary>
    public const string ModelFolder = "/app/model";

    /// <summary>A custom .NET scorer's build output (its deployment file's <c>code_configuration.code</c> is <c>../code</c>).</summary>
    public const string CodeFolder = "/app/code";

    /// <summary>The writable workspace root of the server: endpoint keys and collected data (<c>.repoml/</c>).</summary>
    public const string StateFolder = "/var/lib/repoml";

    /// <summary>The server executable.</summary>
    public const string Entrypoint = ServerFolder + "/RepoML.Serving";

    /// <summary>The non-root user the server runs as (the uid .NET's own images use for <c>app</c>).</summary>
    public const int UserId = 1654;

    /// <summary>The port Azure ML custom containers serve on unless the environment's inference_config says otherwise.</summary>
    public const int DefaultPort = 8080;

    /// <summary>Build context folder names.</summary>
    public const string ContextServer = "server";

    public const string ContextModel = "model";

    public const string ContextEndpoint = "endpoint";

    public const string ContextState = "state";

    public const string ContextCode = "code";

    public const string ContextEnvironment = "environment";

    /// <summary>Used when the environment names no base and none was given: Microsoft's base for self-contained .NET apps.</summary>
    public const string DefaultBaseImage = "mcr.microsoft.com/dotnet/runtime-deps:10.0";
}
