using RepoML.Serving.Hosting;

namespace RepoML.Cli.Commands;

/// <summary><c>repoml serve endpoints/NAME</c>: serves an online endpoint locally on Kestrel until Ctrl+C.</summary>
public static class ServeCommand
{
    public static Command Create(CliContext context)
    {
        var endpoint = CommonOptions.Endpoint("The online endpoint folder (endpoint.yml and its deployment files), e.g. endpoints/credit.");
        var port = new Option<int>("--port", "-p") { Description = "TCP port (0 picks a free one).", DefaultValueFactory = _ => 5001 };
        var grpcPort = new Option<int?>("--grpc-port") { Description = "Also serve the v2 inference protocol over gRPC (cleartext HTTP/2) " +
            "on this port of --host (0 picks a free one); KServe and Triton use the REST port + 1." };
        var host = new Option<string>("--host") { Description = "Address to listen on.", DefaultValueFactory = _ => "127.0.0.1" };
        var model = new Option<string[]>("--model",
            "-m") { Description = "DEPLOYMENT=PATH: serve this model file or folder for a deployment (repeatable).",
            AllowMultipleArgumentsPerToken = false };
        var noWatch = new Option<bool>("--no-watch") { Description = "Do not re-apply the endpoint files when they change." };
        var noCoalesce = new Option<bool>("--no-coalesce") { Description =
            "Run each /score request on its own instead of coalescing concurrent ones." };
        var runs = new Option<int>("--concurrent-runs") { Description =
            "Coalesced model runs per deployment at once, for models whose runs are long (default: one per core).", DefaultValueFactory = _
            => ServingOptions.DefaultConcurrentRuns };
        runs.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError("--concurrent-runs must be at least 1");
            }
        });
        var command = new Command("serve", "Serve an online endpoint locally: /score, the v2 inference protocol, probes and /metrics.") {
            endpoint, port, grpcPort, host, model, noWatch, noCoalesce, runs };
        command.SetAction(async (parse, cancellation) =>
        {
            var request = new ServeRequest(parse.GetValue(endpoint)!, parse.GetValue(host)!, parse.GetValue(port), ModelOverrides.Parse(context,
                parse.GetValue(model)),
                !parse.GetValue(noWatch), !parse.GetValue(noCoalesce), parse.GetValue(runs), parse.GetValue(grpcPort));
            await LocalServer.RunAsync(context, request, cancellation);
            return (int)ExitCode.Success;
        });
        return command;
    }
}
