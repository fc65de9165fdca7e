using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using RepoML.Serving.Security;

namespace RepoML.Serving.Tests.Support;

/// <summary>Program.cs in memory (TestServer) over an endpoint workspace, configured as the command line would.</summary>
internal sealed class ServingFactory(EndpointWorkspace workspace) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("RepoML:Endpoint", workspace.Folder);
        builder.UseSetting("RepoML:WorkspaceRoot", workspace.Root);
        builder.UseSetting("RepoML:Watch", "false");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
    }

    /// <summary>A client sending the endpoint's primary key.</summary>
    public HttpClient AuthorizedClient()
    {
        var client = CreateClient();
        var key = Services.GetRequiredService<ApiKeyStore>().Get(workspace.Name).Primary;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }
}
