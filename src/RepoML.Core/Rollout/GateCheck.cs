namespace RepoML.Core.Rollout;

/// <summary>One gate's outcome, worded for the commit message: <c>error rate 0.4 % ≤ 1 %: pass</c>.</summary>
public sealed record GateCheck(string Gate, bool Passed, string Observed, string Limit)
{
    public override string ToString() => $"{Gate} {Observed} (limit {Limit}): {(Passed ? "pass" : "FAIL")}";
}
