namespace RepoML.Cli.Commands;

/// <summary>
/// <c>repoml package endpoints/NAME [--deployment D] [--registry HOST/REPO] [--archive FILE] [--context-only] [--report]</c>:
/// a build context and a reproducible OCI image per deployment, built without a Docker engine.
/// </summary>
public static class PackageCommand
{
    public static Command Create(CliContext context)
    {
        var endpoint = CommonOptions.Endpoint("The endpoint folder (endpoints/NAME).");
        var deployment = new Option<string?>("--deployment",
            "-d") { Description = "The deployment to package (default: every deployment of the endpoint)." };
        var registry = new Option<string?>("--registry") { Description =
            "Push to HOST/REPO (e.g. myacr.azurecr.io/repoml or 127.0.0.1:5055/repoml); the image name and tag are appended." };
        var archive = new Option<string?>("--archive") { Description =
            "Write the OCI archive here (default .repoml/package/ENDPOINT/DEPLOYMENT/image.oci.tar)." };
        var contextOnly = new Option<bool>("--context-only") { Description =
            "Write the build context (Dockerfile, server, model, config) without building." };
        var report = new Option<bool>("--report") { Description = "Show model load time and latency before and after ONNX graph optimisation." };
        var noOptimize = new Option<bool>("--no-optimize") { Description =
            "Package the model as registered, without ONNX Runtime offline optimisation." };
        var model = new Option<string?>("--model") { Description = "Model file or folder to package instead of the deployment's model." };
        var server = new Option<string?>("--server") { Description =
            "RepoML.Serving published for linux-x64, framework-dependent (default: the server this repoml carries)." };
        var baseImage = new Option<string?>("--base-image") { Description =
            $"Base image (default: {ContainerSession.BaseImageVariable}, else the prepared local base, else mcr.microsoft.com/dotnet/aspnet:10.0)." };
        var tag = new Option<string?>("--tag") { Description = "Image tag (default: MODEL-VERSION, else the short commit)." };
        var outputFolder = new Option<string?>("--out") { Description = "Output folder (default .repoml/package/ENDPOINT/DEPLOYMENT)." };
        var verbose = new Option<bool>("--verbose") { Description = "Print the container tool commands." };
        var output = CommonOptions.Output();
        var command = new Command("package", "Package deployments as OCI images (no Docker engine): build context, image, labels with lineage.")
        {
            endpoint, deployment, registry, archive, contextOnly, report, noOptimize, model, server, baseImage, tag, outputFolder, verbose, output,
        };
        command.SetAction((parse, cancel) => PackagingCli.RunAsync(context, async () =>
        {
            var results = await EndpointPackaging.RunAsync(context, new EndpointPackageRequest(parse.GetValue(endpoint)!, parse.GetValue(deployment),
                parse.GetValue(outputFolder), parse.GetValue(registry), parse.GetValue(archive), parse.GetValue(contextOnly), parse.GetValue(report),
                !parse.GetValue(noOptimize), parse.GetValue(model), parse.GetValue(server), parse.GetValue(baseImage), parse.GetValue(tag),
                parse.GetValue(verbose)), cancel);
            if (parse.GetValue(output) == OutputFormat.Json)
            {
                context.Output.WriteLine(JsonSerializer.Serialize(results, RegistryCli.Indented));
            }
            else
            {
                foreach (var result in results)
                {
                    Print(context, result);
                }
            }

            return (int)ExitCode.Success;
        }));
        return command;
    }

    private static void Print(CliContext context, PackageResult r)
    {
        var o = context.Output;
        o.WriteLine($"Packaged {r.Lineage.Endpoint}/{r.Deployment}: model " +
            $"{r.Lineage.ModelName}{(r.Lineage.ModelVersion is { } v ? ":" + v : "")} " +
            $"({r.Lineage.ModelDigest[..Math.Min(19, r.Lineage.ModelDigest.Length)]}){(r.Lineage.ModelOptimized ? ", ONNX graph-optimised" : "")}");
        o.WriteLine($"  context   {r.ContextFolder} (Dockerfile, server/, model/, endpoint/)");
        if (r.ImageId is not null)
        {
            o.WriteLine($"  image     {r.LocalImage} on {r.Lineage.BaseImage}, {Megabytes(r.ImageBytes)}, user 1654");
            o.WriteLine($"  archive   {r.ArchivePath} ({r.ArchiveDigest})");
        }

        if (r.PushedReference is not null)
        {
            o.WriteLine($"  pushed    {r.PushedReference}@{r.PushedDigest}");
        }

        if (r.Note is not null)
        {
            o.WriteLine($"  note      {r.Note}");
        }

        if (r.Optimization is { } p)
        {
            o.WriteLine("  ONNX offline optimisation      before      after   ratio");
            o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    model size            {p.BytesBefore,10:N0} B {p.BytesAfter,8:N0} B"));
            o.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"    load time (median)    {p.LoadMsBefore,9:F2} ms {p.LoadMsAfter,6:F2} ms  " +
                $"{OnnxOptimizationReport.Ratio(p.LoadMsBefore, p.LoadMsAfter)}"));
            o.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"    sample request p50    {p.LatencyMsBefore,9:F3} ms {p.LatencyMsAfter,6:F3} ms  " +
                $"{OnnxOptimizationReport.Ratio(p.LatencyMsBefore, p.LatencyMsAfter)}"));
        }
    }

    private static string Megabytes(long? bytes) => bytes is { } b ? string.Create(CultureInfo.InvariantCulture, $"{b / 1_000_000.0:F1} MB") : "-";
}
