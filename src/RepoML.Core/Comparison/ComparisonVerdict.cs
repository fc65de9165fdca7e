namespace RepoML.Core.Comparison;

/// <summary>The overall verdict, as written in JSON: <c>pass</c>, <c>fail</c> or <c>no-baseline</c>.</summary>
public static class ComparisonVerdict
{
    public const string Pass = "pass";
    public const string Fail = "fail";

    /// <summary>No previous version: the candidate was evaluated alone; its threshold rules still apply.</summary>
    public const string NoBaseline = "no-baseline";

    /// <summary>Fail when any rule failed; else no-baseline without a baseline; else pass.</summary>
    public static string Of(IEnumerable<GateResult> gates, bool hasBaseline) =>
        gates.Any(g => g.Status == GateStatus.Fail) ? Fail : hasBaseline ? Pass : NoBaseline;
}
