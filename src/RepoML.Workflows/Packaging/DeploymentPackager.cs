namespace RepoML.Workflows.Packaging;

/// <summary>
/// Packages one deployment: resolves its model, optimises it, writes the build context (readable Dockerfile,
/// published server, model, endpoint files, a custom .NET scorer's build output), then builds the image with buildah
/// and writes it as an OCI archive and/or pushes it. Python deployments get their context only (their base image comes
/// from a registry).
/// </summary>
public sealed class DeploymentPackager(WorkflowContext context, string root, bool verbose)
{
    public async Task<PackageResult> PackageAsync(PackageRequest request, CancellationToken cancel)
    {
        var (endpointSpec, deployments) = EndpointFiles.Read(request.EndpointFolder, root);
        var spec = deployments.FirstOrDefault(d => d.Name == request.Deployment)
            ?? throw WorkflowException.Usage($"endpoint '{endpointSpec.Name}' has no deployment '{request.Deployment}' (it has: " +
                $"{string.Join(", ", deployments.Select(d => d.Name))})");
        var endpoint = ServingSpecReader.ReadEndpoint(endpointSpec);
        var settings = ServingSpecReader.ReadDeployment(spec);
        // Both names become paths in the build context and the image (endpoints/NAME.yml, keys, collected data).
        NameGate.Check(endpoint.Name, NameKind.Segment, $"endpoint name in {endpointSpec.Path}");
        NameGate.Check(settings.Name, NameKind.Segment, $"deployment name in {spec.Path}");
        var tools = ContainerSession.Tools(root, context, verbose);
        var contextFolder = Path.Combine(request.OutputFolder, "context");
        var scratch = Directory.CreateDirectory(Path.Combine(request.OutputFolder, "scratch")).FullName;
        BuildContextWriter.Prepare(contextFolder);

        var model = await ModelSource.ResolveAsync(context, root, spec, settings, request.Model, scratch, cancel);
        var (environmentName, environmentDigest, environmentSpec) = Environment(spec);
        var python = settings.ScoringScript?.EndsWith(".py", StringComparison.OrdinalIgnoreCase) == true;
        var scorer = ImageScorer.Find(settings, Path.Combine(root, spec.Path));
        var baseImage = python
            ? request.BaseImage ?? environmentSpec?.Root?.GetString("image")
                ?? throw WorkflowException.Usage($"deployment '{settings.Name}' runs {settings.ScoringScript}; its environment must " +
                $"name an image (or pass --base-image)")
            : await ContainerSession.ChooseBaseAsync(context, tools, request.BaseImage, cancel);
        var revision = SourceRevision.Read(root);
        var created = SourceDateEpoch.Choose(context.GetEnvironmentVariable(SourceDateEpoch.Variable), revision.CommitTime);

        // The model: copied, and for ONNX graph-optimised offline (what the image serves), with the timing report.
        var modelTarget = Path.Combine(contextFolder, ImageLayout.ContextModel);
        BuildContextWriter.CopyFolder(model.Folder, modelTarget);
        OnnxOptimizationReport? report = null;
        var onnx = Path.Combine(modelTarget, "model.onnx");
        var optimized = false;
        // A custom scorer loads the model its own way: it gets the files as they are.
        if (!python && scorer is null && request.Optimize && File.Exists(onnx))
        {
            var original = Path.Combine(scratch, "model.original.onnx");
            File.Copy(onnx, original, overwrite: true);
            try
            {
                OnnxGraphOptimizer.Optimize(original, onnx);
            }
            catch (Exception ex) when (ex is InvalidDataException or Microsoft.ML.OnnxRuntime.OnnxRuntimeException)
            {
                throw new ModelResolutionException($"deployment '{settings.Name}': model {model.Reference} is not a valid ONNX model ({ex.Message})");
            }

            optimized = true;
            if (request.Report)
            {
                var sample = Path.Combine(request.EndpointFolder, "sample-request.json");
                var before = OnnxGraphOptimizer.Measure(original, sample);
                var after = OnnxGraphOptimizer.Measure(onnx, sample);
                report = new OnnxOptimizationReport(new FileInfo(original).Length, new FileInfo(onnx).Length, before.LoadMs, after.LoadMs,
                    before.LatencyMs, after.LatencyMs);
            }
        }

        var lineage = new PackageLineage(
            endpoint.Name, settings.Name, revision.Commit, revision.Remote, revision.Branch, revision.Dirty, created,
            model.Name, model.Reference, model.Version, model.Digest, optimized, environmentName, environmentDigest,
            typeof(DeploymentPackager).Assembly.GetName().Version?.ToString(3) ?? "0.0.0", baseImage);
        BuildContextWriter.WriteEndpoint(contextFolder, ImageEndpointFile.Write(endpoint.Name, endpoint.AuthMode, settings.Name),
            Path.Combine(root, spec.Path), settings.Name);
        string dockerfile;
        if (python)
        {
            dockerfile = PythonContext(contextFolder, spec, settings, environmentSpec, lineage, baseImage);
        }
        else
        {
            var assembly = scorer is null ? null : await ImageScorer.PrepareAsync(context, root, scorer, contextFolder, cancel);
            Server(request.Server, Path.Combine(contextFolder, ImageLayout.ContextServer));
            dockerfile = ServingDockerfile.Write(ServingImageSpec.For(lineage, InferencePort(environmentSpec), assembly));
        }

        BuildContextWriter.WriteDockerfile(contextFolder, dockerfile, lineage);
        Directory.Delete(scratch, recursive: true);
        var localImage = $"localhost/{lineage.ImageName}:{request.Tag ?? lineage.DefaultTag}";
        if (request.ContextOnly || python)
        {
            return new PackageResult(settings.Name, contextFolder, lineage, localImage, null, null, null, null, null, null, report,
                python ? "Python deployment: build context only; build it where its base image can be pulled (buildah build / az acr build)" : null);
        }

        if (ContainerTools.Missing("buildah") is { } missing)
        {
            throw new ContainerToolException($"cannot build the image: {missing}; the build context is ready in {contextFolder} (or use " +
                $"--context-only)");
        }

        var builder = new BuildahImageBuilder(tools);
        var archive = context.FullPath(request.Archive ?? Path.Combine(request.OutputFolder, "image.oci.tar"));
        var (id, archiveDigest, size, note) = await BuildOrReuseAsync(builder, request, contextFolder, baseImage, localImage, created, lineage,
            archive, cancel);
        string? pushed = null;
        string? pushedDigest = null;
        if (request.Registry is { } registry)
        {
            var destination = ImageReference.Parse($"{registry.TrimEnd('/')}/{lineage.ImageName}:{request.Tag ?? lineage.DefaultTag}");
            pushedDigest = await builder.PushRegistryAsync(localImage, destination, cancel);
            pushed = destination.ToString();
        }

        return new PackageResult(settings.Name, contextFolder, lineage, localImage, id, archive, archiveDigest, pushed, pushedDigest,
            size, report, note);
    }

    /// <summary>Builds the image and writes its archive, unless the last build of the same context and base still stands.</summary>
    private static async Task<(string Id, string ArchiveDigest, long Size, string? Note)> BuildOrReuseAsync(BuildahImageBuilder builder,
        PackageRequest request, string contextFolder, string baseImage, string localImage, DateTimeOffset created, PackageLineage lineage,
        string archive, CancellationToken cancel)
    {
        var key = await ImageBuildCache.KeyAsync(builder, contextFolder, baseImage, localImage, created, cancel);
        if (key is not null && await ImageBuildCache.ReusableAsync(builder, request.OutputFolder, key, archive, cancel) is { } last)
        {
            return (last.ImageId, last.ArchiveDigest, last.ImageBytes,
                "image reused: its build context and base image are unchanged since the last build");
        }

        var id = await builder.BuildAsync(new ImageBuildRequest(contextFolder, localImage, created,
            new Dictionary<string, string> { ["BASE_IMAGE"] = baseImage }, ImageLabels.Create(lineage)), cancel);
        var archiveDigest = await builder.PushArchiveAsync(localImage, archive, cancel);
        var size = await builder.SizeAsync(localImage, cancel);
        // The base is in local storage now (the build pulled it where it came from a registry), so the key is known.
        if ((key ?? await ImageBuildCache.KeyAsync(builder, contextFolder, baseImage, localImage, created, cancel)) is { } builtKey)
        {
            ImageBuildCache.Save(request.OutputFolder, new ImageBuildRecord(builtKey, localImage, id, archive, archiveDigest,
                await ImageBuildCache.Sha256Async(archive, cancel), size));
        }

        return (id, archiveDigest, size, null);
    }

    /// <summary>The server: --server FOLDER, else the one this repoml carries (no source, no publish).</summary>
    private void Server(string? prebuilt, string target)
    {
        var from = prebuilt is null ? InstalledServer.ToolFolder : context.FullPath(prebuilt);
        if (prebuilt is not null && !InstalledServer.IsServerFolder(from))
        {
            throw WorkflowException.Usage($"--server {prebuilt}: no {InstalledServer.Assembly} with its .deps.json and .runtimeconfig.json " +
                "there (publish RepoML.Serving for linux-x64, framework-dependent)");
        }

        InstalledServer.CopyTo(from, target);
    }

    private (string? Name, string? Digest, SpecFile? Spec) Environment(SpecFile deployment)
    {
        if (deployment.Root?.GetString("environment") is not { } text || AssetReference.TryParse(text) is not { } reference)
        {
            return (null, null, null);
        }

        var files = new RepoML.Workflows.Disk.DiskWorkspaceFiles(root);
        var workspace = WorkspaceLoader.Load(files);
        var spec = workspace.Assets(SpecKind.Environment, reference.Name)
            .Where(f => reference.Version is null || f.Version == reference.Version)
            .OrderByDescending(f => f.Version, StringComparer.Ordinal).FirstOrDefault();
        if (spec is null)
        {
            return (reference.Name, null, null);
        }

        var digests = new FileDigests(Path.Combine(root, ".repoml", "cache", "package-file-digests.json"));
        return (reference.Name, new EnvironmentDigests(files, workspace, digests).Of(spec.Path), spec);
    }

    private static int InferencePort(SpecFile? environment) =>
        environment?.Root?.GetMapping("inference_config")?.GetMapping("scoring_route")?.GetString("port") is { } port
        && int.TryParse(port, CultureInfo.InvariantCulture, out var value) ? value : ImageLayout.DefaultPort;

    private string PythonContext(string contextFolder, SpecFile spec, DeploymentSettings settings, SpecFile? environment, PackageLineage lineage,
        string baseImage)
    {
        var specFolder = Path.GetDirectoryName(Path.Combine(root, spec.Path))!;
        BuildContextWriter.CopyFolder(Path.GetFullPath(settings.CodeFolder ?? ".", specFolder), Path.Combine(contextFolder, ImageLayout.ContextCode));
        string? conda = null;
        if (environment?.Root?.GetString("conda_file") is { } condaFile)
        {
            var source = Path.GetFullPath(condaFile, Path.GetDirectoryName(Path.Combine(root, environment.Path))!);
            conda = Path.GetFileName(source);
            Directory.CreateDirectory(Path.Combine(contextFolder, ImageLayout.ContextEnvironment));
            File.Copy(source, Path.Combine(contextFolder, ImageLayout.ContextEnvironment, conda));
        }

        return PythonDockerfile.Write(new PythonImageSpec(lineage, baseImage, conda, settings.ScoringScript!));
    }
}
