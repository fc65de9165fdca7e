namespace RepoML.Cli.Commands;

/// <summary><c>repoml endpoint keys endpoints/NAME [--regenerate primary|secondary]</c>: shows or rotates an endpoint's keys (kept in
/// .repoml/keys, outside Git).</summary>
public static class EndpointKeysCommand
{
    public static Command Create(CliContext context)
    {
        var endpoint = CommonOptions.Endpoint("The online endpoint folder, e.g. endpoints/credit.");
        var regenerate = new Option<string?>("--regenerate") { Description = "Replace one key: primary or secondary." };
        regenerate.AcceptOnlyFromAmong("primary", "secondary");
        var output = CommonOptions.Output();
        var command = new Command("keys", "Show (creating them if needed) or regenerate the endpoint's primary and secondary keys.") { endpoint,
            regenerate, output };
        command.SetAction(parse => Run(context, parse.GetValue(endpoint)!, parse.GetValue(regenerate), parse.GetValue(output)));
        return command;
    }

    private static int Run(CliContext context, string endpoint, string? regenerate, OutputFormat format)
    {
        var (name, keys, file) = EndpointKeyring.Get(context, endpoint, regenerate);
        if (format == OutputFormat.Json)
        {
            context.Output.WriteLine(JsonSerializer.Serialize(new { endpoint = name, primaryKey = keys.Primary, secondaryKey = keys.Secondary }));
        }
        else
        {
            context.Output.WriteLine($"primaryKey:   {keys.Primary}");
            context.Output.WriteLine($"secondaryKey: {keys.Secondary}");
            context.Output.WriteLine($"({Path.GetRelativePath(context.CurrentDirectory, file)}; keep .repoml/ out of Git)");
        }

        return (int)ExitCode.Success;
    }
}
