namespace RepoML.Core.Comparison;

/// <summary>Outcome of one gate rule. Written in lower case in JSON.</summary>
public enum GateStatus
{
    Pass,
    Fail,

    /// <summary>A change rule with no baseline to change from.</summary>
    Skipped,
}
