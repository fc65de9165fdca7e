namespace RepoML.Cli.Commands;

/// <summary>
/// <c>repoml status endpoints/NAME [--url URL] [-o json]</c>: what Git says each deployment serves beside what the live endpoint
/// serves (versions, digests, traffic); exit 1 when they differ or the endpoint cannot be read.
/// </summary>
public static class StatusCommand
{
    public static Command Create(CliContext context)
    {
        var endpoint = CommonOptions.Endpoint("The endpoint folder, e.g. endpoints/credit.");
        var url = new Option<string?>("--url") { Description =
            "The live endpoint's address (default: a running 'repoml serve' of it, else the rollout plan's metrics_url)." };
        var output = CommonOptions.Output();
        var command = new Command("status", "Compare what Git says an endpoint serves with what the live endpoint serves; exit 1 on drift.")
        {
            endpoint, url, output,
        };
        command.SetAction((parse, cancellation) => RegistryCli.RunAsync(context, async () =>
        {
            var status = await EndpointStatusReader.ReadAsync(context, parse.GetValue(endpoint)!, parse.GetValue(url), cancellation);
            if (parse.GetValue(output) == OutputFormat.Json)
            {
                RegistryCli.WriteJson(context, EndpointStatusReport.Json(status));
            }
            else
            {
                foreach (var line in EndpointStatusReport.Lines(status))
                {
                    context.Output.WriteLine(line);
                }
            }

            return ExitCodes.Of(status.Failure);
        }));
        return command;
    }
}
