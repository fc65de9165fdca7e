namespace RepoML.Core.Comparison;

/// <summary>
/// The hidden marker that identifies a model's comparison comment on a pull request, so each run updates the one
/// comment instead of adding another: <c>&lt;!-- repoml:compare:MODEL --&gt;</c>.
/// </summary>
public static class CommentMarker
{
    private const string Prefix = "<!-- repoml:compare:";

    public static string For(string model) => $"{Prefix}{model} -->";

    /// <summary>True when <paramref name="body"/> is some model's comparison comment: it starts with a marker (a quote of one does not).</summary>
    public static bool IsMarked(string? body) => body?.StartsWith(Prefix, StringComparison.Ordinal) == true;

    /// <summary>GitHub refuses a comment body longer than this many characters (422), and the pull request would get no report.</summary>
    public const int MaxBodyLength = 65_536;

    /// <summary>
    /// The comment body: the marker on the first line, then the Markdown report; a report past GitHub's limit is cut at a line
    /// and says so, so the verdict and metrics at its top are still posted.
    /// </summary>
    public static string Body(string model, string markdown)
    {
        var body = For(model) + "\n" + markdown;
        if (body.Length <= MaxBodyLength) { return body; }
        const string Note = "\n\n_The report was cut here: it is longer than GitHub allows in a comment. The full report is in the run's output._\n";
        var cut = body.LastIndexOf('\n', MaxBodyLength - Note.Length);
        return body[..cut] + Note;
    }

    /// <summary>The id of the first comment carrying the model's marker (the one to update), or null to create one.</summary>
    public static long? FindExisting(string model, IEnumerable<(long Id, string Body)> comments)
    {
        var marker = For(model);
        foreach (var (id, body) in comments)
        {
            if (body.StartsWith(marker, StringComparison.Ordinal))
            {
                return id;
            }
        }

        return null;
    }

    /// <summary>The commit status for a verdict: GitHub state (success/failure) and a description within its 140 characters.</summary>
    public static (bool Success, string Description) Status(ComparisonReport report)
    {
        var primary = report.Metric(report.PrimaryMetric);
        var detail = primary is null ? "" : $" {report.PrimaryMetric} " +
            $"{ReportFormat.Value(primary.Candidate)}{(primary.Delta is { } d ? $" (Δ {ReportFormat.Signed(d)})" : "")}";
        var text = report.Verdict switch
        {
            ComparisonVerdict.Pass => "gate passed:" + detail,
            ComparisonVerdict.Fail => $"gate failed: {report.Gates.Count(g => g.Status == GateStatus.Fail)} rule(s);" + detail,
            _ => "no baseline yet:" + detail,
        };
        return (report.Verdict != ComparisonVerdict.Fail, text.Length <= 140 ? text : text[..139] + "…");
    }

    /// <summary>The commit status context for a model: <c>repoml/compare/MODEL</c>.</summary>
    public static string StatusContext(string model) => $"repoml/compare/{model}";
}
