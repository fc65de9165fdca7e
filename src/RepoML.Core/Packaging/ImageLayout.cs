namespace RepoML.Core.Packaging;

/// <summary>Where things live inside a packaged image, and the build context folder names that feed them.</summary>
public static class ImageLayout
{
    /// <summary>The framework-dependent scoring server (read-only, owned by root); the base image has the runtime.</summary>
    public const string ServerFolder = "/app/server";

    /// <summary>The in-image endpoint folder: endpoint.yml plus the one deployment file.</summary>
    public const string EndpointFolder = "/app/endpoint";

    /// <summary>The model files (optimised when packaging optimised them).</summary>
    public const string ModelFolder = "/app/model";

    /// <summary>A custom .NET scorer's build output (its deployment file's <c>code_configuration.code</c> is <c>../code</c>).</summary>
    public const string CodeFolder = "/app/code";

    /// <summary>The writable workspace root of the server: endpoint keys and collected data (<c>.repoml/</c>).</summary>
    public const string StateFolder = "/var/lib/repoml";

    /// <summary>The .NET muxer, where Microsoft's aspnet images and RepoML's own bases have it.</summary>
    public const string DotnetHost = "/usr/share/dotnet/dotnet";

    /// <summary>The server assembly the muxer runs.</summary>
    public const string ServerAssembly = ServerFolder + "/RepoML.Serving.dll";

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

    /// <summary>Used when the environment names no base and none was given: Microsoft's ASP.NET Core runtime image.</summary>
    public const string DefaultBaseImage = "mcr.microsoft.com/dotnet/aspnet:10.0";
}
