using RepoML.Events;

namespace RepoML.Cli.Commands;

/// <summary><c>repoml events list|flush</c>: the lifecycle event outbox and its delivery to the sinks of <c>events.yml</c>.</summary>
public static class EventsCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("events", "Lifecycle events: list the outbox, deliver pending events to the sinks in events.yml.");
        command.Subcommands.Add(List(context));
        command.Subcommands.Add(Flush(context));
        return command;
    }

    private static Command List(CliContext context)
    {
        var type = new Option<string?>("--type") { Description =
            "Only events of this type (e.g. Microsoft.MachineLearningServices.DatasetDriftDetected)." };
        var output = CommonOptions.Output();
        var command = new Command("list", "List the events in the outbox, oldest first, with what each sink still has pending.") { type, output };
        command.SetAction((parse, _) =>
        {
            var (events, pending) = WorkspaceEvents.List(context, parse.GetValue(type));
            if (parse.GetValue(output) == OutputFormat.Json)
            {
                var json = new JsonObject
                {
                    ["events"] = new JsonArray([.. events.Select(e => (JsonNode)new JsonObject { ["id"] = e.Id, ["type"] = e.Type,
                        ["subject"] = e.Subject, ["time"] = e.Time?.UtcDateTime.ToString("O"), ["data"] =
                        JsonNode.Parse(CloudEventCodec.DataJson(e)) })]),
                    ["pending"] = new JsonObject(pending.Select(s => KeyValuePair.Create(s.Sink, (JsonNode?)s.Pending))),
                };
                context.Output.WriteLine(json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
                return Task.FromResult((int)ExitCode.Success);
            }

            foreach (var e in events)
            {
                context.Output.WriteLine($"{e.Time?.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}  {e.Id}  {e.Type}  {e.Subject}");
            }

            context.Output.WriteLine($"{events.Count} event(s)" + string.Concat(pending.Select(s => $"; {s.Sink}: {s.Pending} pending")));
            return Task.FromResult((int)ExitCode.Success);
        });
        return command;
    }

    private static Command Flush(CliContext context)
    {
        var output = CommonOptions.Output();
        var command = new Command("flush", "Deliver every pending event to every sink (retries with backoff); exit 1 when a sink still fails.") {
            output };
        command.SetAction(async (parse, cancel) =>
        {
            var outcomes = await WorkspaceEvents.FlushAsync(context, cancel);
            if (parse.GetValue(output) == OutputFormat.Json)
            {
                var json = new JsonArray([.. outcomes.Select(o => (JsonNode)new JsonObject { ["sink"] = o.Sink, ["delivered"] = o.Delivered,
                    ["skipped"] = o.Skipped, ["pending"] = o.Pending, ["error"] = o.Error })]);
                await context.Output.WriteLineAsync(json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
            }
            else
            {
                foreach (var o in outcomes)
                {
                    await context.Output.WriteLineAsync($"{o.Sink}: {o.Delivered} delivered, {o.Skipped} skipped, {o.Pending} " +
                        $"pending{(o.Error is null ? "" : $" — {o.Error}")}");
                }
            }

            return outcomes.All(o => o.Healthy) ? (int)ExitCode.Success : (int)ExitCode.Invalid;
        });
        return command;
    }
}
