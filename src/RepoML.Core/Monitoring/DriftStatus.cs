namespace RepoML.Core.Monitoring;

/// <summary>The verdict on one feature.</summary>
public enum DriftStatus
{
    Stable,
    Drifted,

    /// <summary>Too few usable values in a window to judge; never counted as drift.</summary>
    NotEnoughData,
}
