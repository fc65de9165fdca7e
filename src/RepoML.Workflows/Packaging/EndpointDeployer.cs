using RepoML.Serving.Security;

namespace RepoML.Workflows.Packaging;

/// <summary>
/// Runs an endpoint's deployments on this machine: <c>local</c> starts the scoring server as a background process
/// serving the endpoint folder; <c>container</c> runs each packaged image with podman on the host network. Both wait
/// for readiness, score the sample request, and record what they started so <c>--down</c> stops it.
/// </summary>
public sealed class EndpointDeployer(WorkflowContext context, string root, string endpointFolder)
{
    private readonly string endpoint = Path.GetFileName(endpointFolder.TrimEnd('/'));

    private static readonly JsonSerializerOptions RecordOptions = RecordJson.StrictOnRead(new JsonSerializerOptions());

    private string RecordPath => Path.Combine(root, ".repoml", "deploy", endpoint + ".json");

    private string StateFolder => Path.Combine(root, ".repoml", "deploy", endpoint);

    public async Task<DeploymentRecord> UpContainersAsync(IReadOnlyList<string> deployments, int port, CancellationToken cancel)
    {
        var tools = ContainerSession.Tools(root, context);
        var podman = new PodmanContainers(tools);
        var keys = KeysFolderForContainers();
        var instances = new List<DeployedInstance>();
        foreach (var (deployment, i) in deployments.Select((d, i) => (d, i)))
        {
            var archive = Path.Combine(PackagingPaths.OutputFolder(root, endpointFolder, deployment), "image.oci.tar");
            if (!File.Exists(archive))
            {
                throw WorkflowException.Usage($"no packaged image for '{deployment}' ({archive}); run: repoml package " +
                    $"{Path.GetRelativePath(context.CurrentDirectory, endpointFolder)} --deployment {deployment}");
            }

            var image = await podman.LoadAsync(archive, cancel);
            var url = $"http://127.0.0.1:{(port + i).ToString(CultureInfo.InvariantCulture)}";
            var name = $"repoml-{endpoint}-{deployment}";
            await podman.RunAsync(new ContainerRunRequest(image, name,
                new Dictionary<string, string> { ["ASPNETCORE_URLS"] = url },
                new Dictionary<string, string> { [keys] = "/var/lib/repoml/.repoml/keys" }), cancel);
            instances.Add(new DeployedInstance(deployment, url, name, null, image));
            if (!await SmokeTest.WaitReadyAsync(url, TimeSpan.FromSeconds(60), () => podman.IsRunningAsync(name, cancel), cancel))
            {
                throw new ContainerToolException($"{name} did not become ready at {url}/health/ready:\n{await podman.LogsAsync(name, cancel)}");
            }
        }

        return Save(new DeploymentRecord(endpoint, "container", instances));
    }

    public async Task<DeploymentRecord> UpLocalAsync(IReadOnlyList<string> deployments, int port, CancellationToken cancel)
    {
        var (_, specs) = EndpointFiles.Read(endpointFolder, root);
        var server = Path.Combine(AppContext.BaseDirectory, "RepoML.Serving.dll");
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { server, "--RepoML:Endpoint", endpointFolder, "--RepoML:WorkspaceRoot", root, "--urls",
            $"http://127.0.0.1:{port}" })
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var spec in specs.Where(s => deployments.Contains(s.Name ?? "")))
        {
            var settings = ServingSpecReader.ReadDeployment(spec);
            if (!settings.ModelIsInlinePath)
            {
                var scratch = Directory.CreateDirectory(NameGate.Under(StateFolder, "models",
                    NameGate.Check(settings.Name, NameKind.Segment, $"deployment name in {spec.Path}"))).FullName;
                var model = await ModelSource.ResolveAsync(context, root, spec, settings, null, scratch, cancel);
                start.ArgumentList.Add($"--RepoML:Models:{settings.Name}={model.Folder}");
            }
        }

        Directory.CreateDirectory(StateFolder);
        var log = Path.Combine(StateFolder, "local.log");
        // Detached (setsid) so the server outlives this command, as a deployment does.
        var shell = new ProcessStartInfo("/bin/sh") { UseShellExecute = false, RedirectStandardOutput = true };
        shell.ArgumentList.Add("-c");
        shell.ArgumentList.Add("log=$1; shift; nohup setsid \"$@\" > \"$log\" 2>&1 < /dev/null & echo $!");
        shell.ArgumentList.Add("sh");
        shell.ArgumentList.Add(log);
        shell.ArgumentList.Add(start.FileName);
        foreach (var arg in start.ArgumentList)
        {
            shell.ArgumentList.Add(arg);
        }

        using var launcher = Process.Start(shell)!;
        var pid = int.Parse((await launcher.StandardOutput.ReadToEndAsync(cancel)).Trim(), CultureInfo.InvariantCulture);
        var url = $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}";
        var record = Save(new DeploymentRecord(endpoint, "local", [.. deployments.Select(d => new DeployedInstance(d, url, null, pid, null))]));
        if (!await SmokeTest.WaitReadyAsync(url, TimeSpan.FromSeconds(60), () => Task.FromResult(RecordedProcess.IsRunning(pid)), cancel))
        {
            throw new ContainerToolException($"the local server did not become ready at {url}/health/ready; see {log}");
        }

        return record;
    }

    /// <summary>Stops what the last deploy of this endpoint started; returns what it stopped.</summary>
    public async Task<DeploymentRecord?> DownAsync(CancellationToken cancel)
    {
        if (!File.Exists(RecordPath))
        {
            return null;
        }

        DeploymentRecord? record;
        try
        {
            record = JsonSerializer.Deserialize<DeploymentRecord>(await File.ReadAllTextAsync(RecordPath, cancel), RecordOptions);
        }
        catch (JsonException)
        {
            record = null;
        }

        if (record is null)
        {
            throw WorkflowException.Invalid($"{RecordPath} is not a deployment record (edited or damaged); stop what it started by hand " +
                "(podman ps, or the server on its port) and delete it");
        }

        var podman = new PodmanContainers(ContainerSession.Tools(root, context));
        foreach (var instance in record.Instances)
        {
            if (instance.Container is { } name)
            {
                await podman.RemoveAsync(name, cancel);
            }
            else if (instance.ProcessId is { } pid)
            {
                // Only the scoring server this deploy started for this endpoint: never whatever pid an edited record names.
                RecordedProcess.Stop(pid, entireProcessTree: true, "RepoML.Serving.dll", endpointFolder);
            }
        }

        File.Delete(RecordPath);
        return record;
    }

    /// <summary>The endpoint's primary key, creating the keys as <c>repoml serve</c> would; null when auth_mode is not key.</summary>
    public string? Key()
    {
        var (spec, _) = EndpointFiles.Read(endpointFolder, root);
        var settings = ServingSpecReader.ReadEndpoint(spec);
        return settings.RequiresKey ? new ApiKeyStore(Path.Combine(root, ".repoml", "keys")).Get(settings.Name).Primary : null;
    }

    /// <summary>A copy of the endpoint's keys readable by the image's non-root user, mounted read-only.</summary>
    private string KeysFolderForContainers()
    {
        var (spec, _) = EndpointFiles.Read(endpointFolder, root);
        var name = ServingSpecReader.ReadEndpoint(spec).Name;
        var store = new ApiKeyStore(Path.Combine(root, ".repoml", "keys"));
        store.Get(name);
        var folder = Directory.CreateDirectory(Path.Combine(StateFolder, "keys")).FullName;
        var copy = Path.Combine(folder, NameGate.Check(name, NameKind.Segment, "endpoint name") + ".json");
        File.Copy(store.PathOf(name), copy, overwrite: true);
        File.SetUnixFileMode(copy, (UnixFileMode)0b110_100_100);
        File.SetUnixFileMode(folder, (UnixFileMode)0b111_101_101);
        return folder;
    }

    private DeploymentRecord Save(DeploymentRecord record)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(RecordPath)!);
        File.WriteAllText(RecordPath, JsonSerializer.Serialize(record, new JsonSerializerOptions { WriteIndented = true }) + "\n");
        return record;
    }
}
