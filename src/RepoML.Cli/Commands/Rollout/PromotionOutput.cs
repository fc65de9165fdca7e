namespace RepoML.Cli.Commands.Rollout;

/// <summary>Prints a promotion decision: the commit message for people, a documented JSON object for machines.</summary>
internal static class PromotionOutput
{
    public static int Write(CliContext context, PromotionOptions options, OutputFormat format, PromotionResult result)
    {
        var (decision, message, files, commit, proposal) = (result.Decision, result.Message, result.Files, result.Commit, result.Proposal);
        if (format == OutputFormat.Json)
        {
            RegistryCli.WriteJson(context, new JsonObject
            {
                ["action"] = decision.Action.ToString().ToLowerInvariant(),
                ["summary"] = decision.Summary,
                ["reason"] = decision.Reason,
                ["target"] = decision.Target,
                ["candidate"] = decision.Candidate,
                ["stable"] = decision.Stable,
                ["step"] = decision.Step,
                ["steps"] = decision.StepCount,
                ["traffic"] = new JsonObject(decision.Traffic.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => KeyValuePair.Create(t.Key,
                    (JsonNode?)t.Value))),
                ["models"] = new JsonObject(decision.Models.Select(m => KeyValuePair.Create(m.Key, (JsonNode?)m.Value))),
                ["label"] = decision.Label,
                ["checks"] = new JsonArray([.. decision.Checks.Select(c => (JsonNode)new JsonObject { ["gate"] = c.Gate, ["passed"] = c.Passed,
                    ["observed"] = c.Observed, ["limit"] = c.Limit })]),
                ["files"] = new JsonArray([.. files.Select(f => (JsonNode)f)]),
                ["dry_run"] = options.DryRun,
                ["commit"] = commit,
                ["pull_request"] = proposal is null ? null : new JsonObject { ["number"] = proposal.Number, ["url"] = proposal.Url,
                    ["branch"] = proposal.Branch },
            });
            return ExitCodes.Of(result.Failure);
        }

        var verb = decision.ChangesSomething ? options.DryRun ? "would " : "" : "";
        context.Output.WriteLine($"{decision.Action.ToString().ToLowerInvariant()}: {verb}{decision.Summary}");
        context.Output.WriteLine($"  why: {decision.Reason}");
        foreach (var check in decision.Checks)
        {
            context.Output.WriteLine($"  - {check}");
        }

        if (!decision.ChangesSomething)
        {
            return ExitCodes.Of(result.Failure);
        }

        foreach (var file in files)
        {
            context.Output.WriteLine($"  {(options.DryRun ? "would edit" : "edited")} {file}");
        }

        if (options.DryRun)
        {
            context.Output.WriteLine();
            context.Output.WriteLine(options.Via == "pull-request" ? "Pull request it would open:" : "Commit message it would write:");
            context.Output.WriteLine(message.TrimEnd());
        }
        else if (commit is not null)
        {
            context.Output.WriteLine($"  committed {commit[..12]}");
        }
        else if (proposal is not null)
        {
            context.Output.WriteLine($"  opened pull request #{proposal.Number}: {proposal.Url}");
        }

        return ExitCodes.Of(result.Failure);
    }
}
