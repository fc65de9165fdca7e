using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.FileProviders;
using RepoML.Workflows.Hosting;

namespace RepoML.Workflows.Site;

/// <summary>
/// <c>repoml site --serve</c>: builds the site, serves its folder on Kestrel at 127.0.0.1 (static files only: GET and HEAD
/// of files the site wrote; dot-files such as the manifest are not served), and rebuilds whenever the registry branch's
/// tip moves, until cancelled.
/// </summary>
public static class SitePreview
{
    /// <summary>How often the branch tip is checked for a new commit.</summary>
    public static readonly TimeSpan Poll = TimeSpan.FromSeconds(2);

    /// <param name="ready">Called with the address once the server listens (tests wait on it).</param>
    public static async Task RunAsync(WorkflowContext context, SiteRequest request, int port, Action<string>? ready, CancellationToken cancellation)
    {
        var result = SiteGeneration.Build(context, request);
        await using var app = LocalKestrel.CreateBuilder(result.Folder, $"http://127.0.0.1:{port}").Build();
        app.UseFileServer(new FileServerOptions { FileProvider = new PhysicalFileProvider(result.Folder), EnableDirectoryBrowsing = false });
        try
        {
            await app.StartAsync(cancellation);
        }
        catch (IOException ex)
        {
            throw WorkflowException.Invalid($"cannot listen on 127.0.0.1:{port}: {ex.Message}", ex);
        }

        var address = LocalKestrel.Address(app);
        await context.Output.WriteLineAsync($"Serving the registry site ({result.Pages} pages) on {address}/ — rebuilt when {request.Branch ?? "the registry branch"} moves; Ctrl+C stops.");
        ready?.Invoke(address);
        var tip = Tip(context, request);
        try
        {
            while (!cancellation.IsCancellationRequested)
            {
                await Task.Delay(Poll, context.Time, cancellation);
                if (Tip(context, request) is { } now && now != tip)
                {
                    tip = now;
                    var rebuilt = SiteGeneration.Build(context, request);
                    await context.Output.WriteLineAsync($"{now[..12]}: {rebuilt.Written} pages rewritten, {rebuilt.Removed} removed");
                }
            }
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
        }

        await app.StopAsync(CancellationToken.None);
    }

    private static string? Tip(WorkflowContext context, SiteRequest request)
    {
        using var history = GitHistoryFactory.Open(context.WorkspaceRoot, cache: false);
        return DefaultBranch.Resolve(history, request.Branch ?? context.GetEnvironmentVariable(DefaultBranch.Variable)).Tip;
    }
}
