using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using RepoML.Serving.Security;

namespace RepoML.Containers.Tests;

/// <summary>
/// The scoring server that <c>repoml package</c> copies from the tool's own folder (no source, no publish): the copy
/// must be complete enough to run on its own.
/// </summary>
public sealed class InstalledServerTests : IDisposable
{
    private readonly TempFolder folder = new("installed-server");

    [Fact]
    public async Task Should_copy_a_server_that_runs_alone_and_scores_When_taken_from_the_tool_folder()
    {
        // Given the server copied out of this test's own output folder, as a tool's folder holds it
        var server = Path.Combine(folder.Path, "server");
        var copied = InstalledServer.CopyTo(InstalledServer.ToolFolder, server);
        var endpoint = WriteIrisEndpoint();
        var key = new ApiKeyStore(Path.Combine(folder.Path, "state", ".repoml", "keys")).Get("iris").Primary;

        // When the copy runs as a process of its own with the dotnet muxer and is sent a row
        var port = FreePort.Pick();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(server, InstalledServer.Assembly));
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["RepoML__Endpoint"] = endpoint;
        start.Environment["RepoML__WorkspaceRoot"] = Path.Combine(folder.Path, "state");
        start.Environment["RepoML__Watch"] = "false";
        using var process = Process.Start(start)!;
        string answer;
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
            await WaitReadyAsync(http, process);
            using var request = new HttpRequestMessage(HttpMethod.Post, "score")
            {
                Content = new StringContent("""{"data": [[5.1, 3.5, 1.4, 0.2]]}""", Encoding.UTF8, "application/json"),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
            using var response = await http.SendAsync(request);
            answer = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        // Then it answered with the model's prediction, and only the server's closure was copied (no training libraries)
        Assert.StartsWith("200 ", answer, StringComparison.Ordinal);
        Assert.Contains("setosa", answer, StringComparison.Ordinal);
        Assert.InRange(copied, 10, 400);
        Assert.False(File.Exists(Path.Combine(server, "Microsoft.ML.FastTree.dll")));
        Assert.False(File.Exists(Path.Combine(server, "Octokit.dll")));
    }

    [Fact]
    public void Should_name_the_missing_file_When_the_tool_folder_lost_a_file_the_server_needs()
    {
        // Given a copy of the server that lost YamlDotNet.dll
        var partial = Path.Combine(folder.Path, "partial");
        InstalledServer.CopyTo(InstalledServer.ToolFolder, partial);
        File.Delete(Path.Combine(partial, "YamlDotNet.dll"));

        // When it is copied again from there
        var error = Assert.Throws<ContainerToolException>(() => InstalledServer.CopyTo(partial, Path.Combine(folder.Path, "again")));

        // Then the error names the file
        Assert.Contains("YamlDotNet.dll is missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_refuse_and_say_how_to_package_When_the_server_was_built_for_another_platform()
    {
        // Given a server folder whose deps.json says win-x64
        var windows = Path.Combine(folder.Path, "windows");
        InstalledServer.CopyTo(InstalledServer.ToolFolder, windows);
        var deps = Path.Combine(windows, "RepoML.Serving.deps.json");
        File.WriteAllText(deps, File.ReadAllText(deps).Replace(".NETCoreApp,Version=v10.0", ".NETCoreApp,Version=v10.0/win-x64", StringComparison.Ordinal));

        // When / Then
        var error = Assert.Throws<ContainerToolException>(() => InstalledServer.CopyTo(windows, Path.Combine(folder.Path, "out")));
        Assert.Contains("built for win-x64", error.Message, StringComparison.Ordinal);
        Assert.Contains("linux-x64 tool", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => folder.Dispose();

    private string WriteIrisEndpoint()
    {
        var endpoint = Directory.CreateDirectory(Path.Combine(folder.Path, "endpoint")).FullName;
        var model = Directory.CreateDirectory(Path.Combine(folder.Path, "model")).FullName;
        File.Copy(TestModels.Iris, Path.Combine(model, "model.onnx"));
        SampleSpecs.WriteIrisEndpoint(endpoint, "../model");
        return endpoint;
    }

    private static async Task WaitReadyAsync(HttpClient http, Process process)
    {
        var ready = await Eventually.TrueAsync(async () =>
        {
            if (process.HasExited)
            {
                Assert.Fail($"the server exited: {await process.StandardError.ReadToEndAsync()}");
            }

            try
            {
                using var answer = await http.GetAsync("health/ready");
                return answer.IsSuccessStatusCode;
            }
            catch (HttpRequestException)
            {
                return false;
            }
        }, TimeSpan.FromSeconds(20));
        Assert.True(ready, "the copied server did not become ready in 20 s");
    }
}
