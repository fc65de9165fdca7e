namespace RepoML.Core.Comparison;

/// <summary>One rule of one gate, evaluated.</summary>
/// <param name="Rule"><c>threshold</c>, <c>min_absolute_change</c> or <c>min_relative_change</c>.</param>
/// <param name="Limit">The rule's number from the policy.</param>
/// <param name="Value">What was compared with it: the candidate's value, or its (relative) improvement over the baseline; null when missing.</param>
/// <param name="Message">One sentence saying why it passed or failed.</param>
public sealed record GateResult(string Metric, string Rule, double Limit, double? Value, GateStatus Status, string Message);
