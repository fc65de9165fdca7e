namespace RepoML.Core.Rollout;

/// <summary>
/// The commit message (or pull request) of a promotion step: a title, why, the evidence, who asked, and trailers that later
/// runs read back (<c>RepoML-Rolled-Back</c>, <c>RepoML-Metrics-Baseline</c>).
/// </summary>
public static class PromotionMessage
{
    public const string StepTrailer = "RepoML-Promotion";
    public const string RolledBackTrailer = "RepoML-Rolled-Back";
    public const string BaselineTrailer = "RepoML-Metrics-Baseline";

    /// <param name="actor">Who asked for it (the Git identity or CI user).</param>
    /// <param name="planPath">The rollout plan file, named in the message.</param>
    /// <param name="baseline">The candidate's counters when the change is made: the next step's evidence starts from them.</param>
    public static string Format(PromotionDecision decision, string endpoint, string model, string actor, string planPath,
        DeploymentCounters? baseline)
    {
        var text = new StringBuilder();
        text.Append("Promote ").Append(model).Append(':').Append(decision.Target).Append(" on ").Append(endpoint).Append(": ")
            .AppendLine(decision.Summary);
        text.AppendLine();
        text.Append("Why: ").Append(decision.Reason).AppendLine(".");
        text.Append("Plan: ").Append(planPath).Append(", step ").Append(decision.Step).Append(" of ").Append(decision.StepCount).AppendLine(".");
        if (decision.Traffic.Count > 0)
        {
            text.Append("Traffic: ").AppendLine(string.Join(", ", decision.Traffic.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t
                => $"{t.Key} {t.Value} %")));
        }

        foreach (var (deployment, reference) in decision.Models.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            text.Append("Model: ").Append(deployment).Append(" → ").AppendLine(reference);
        }

        if (decision.Label is not null)
        {
            text.Append("Label: @").Append(decision.Label).Append(" → ").Append(model).Append(':').Append(decision.Target).AppendLine();
        }

        if (decision.Checks.Count > 0)
        {
            text.AppendLine().AppendLine("Evidence:");
            foreach (var check in decision.Checks)
            {
                text.Append("- ").AppendLine(check.ToString());
            }
        }

        text.AppendLine();
        text.Append("Requested-by: ").AppendLine(actor);
        text.Append(StepTrailer).Append(": ").Append(decision.Action.ToString().ToLowerInvariant()).Append(' ').Append(model).Append(':')
            .Append(decision.Target)
            .Append(" step ").Append(decision.Step).Append('/').Append(decision.StepCount).AppendLine();
        if (decision.Action == PromotionAction.RollBack)
        {
            text.Append(RolledBackTrailer).Append(": ").Append(model).Append(':').Append(decision.Target).AppendLine();
        }

        if (baseline is not null && decision.Candidate is not null)
        {
            text.Append(BaselineTrailer).Append(": ").Append(decision.Candidate).Append(' ').AppendLine(baseline.Encode());
        }

        return text.ToString();
    }

    /// <summary>Versions of <paramref name="model"/> that the messages say were rolled back.</summary>
    public static IReadOnlySet<int> RolledBack(IEnumerable<string> messages, string model) =>
        Trailers(messages, RolledBackTrailer)
            .Select(v => v.StartsWith(model + ":", StringComparison.Ordinal) && int.TryParse(v[(model.Length + 1)..], out var n) ? n : 0)
            .Where(n => n > 0)
            .ToHashSet();

    /// <summary>The newest message's baseline for <paramref name="deployment"/>; messages are newest first.</summary>
    public static DeploymentCounters? Baseline(IEnumerable<string> messagesNewestFirst, string deployment)
    {
        var latest = messagesNewestFirst.FirstOrDefault(m => m.Contains(StepTrailer + ":", StringComparison.Ordinal));
        return latest is null
            ? null
            : Trailers([latest], BaselineTrailer)
                .Where(v => v.StartsWith(deployment + " ", StringComparison.Ordinal))
                .Select(v => DeploymentCounters.Decode(deployment, v[(deployment.Length + 1)..]))
                .FirstOrDefault();
    }

    private static IEnumerable<string> Trailers(IEnumerable<string> messages, string name) =>
        messages.SelectMany(m => m.Split('\n'))
            .Select(l => l.TrimEnd('\r'))
            .Where(l => l.StartsWith(name + ": ", StringComparison.Ordinal))
            .Select(l => l[(name.Length + 2)..].Trim());
}
