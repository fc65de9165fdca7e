namespace RepoML.Core.Rollout;

/// <summary>The plan's rollback rule.</summary>
/// <param name="OnFailedGate">Roll back automatically, or hold for a person.</param>
/// <param name="RestoreModel">Whether a rollback also points the candidate back at the last good model.</param>
public sealed record RollbackRule(FailedGateAction OnFailedGate, bool RestoreModel)
{
    public static RollbackRule Default { get; } = new(FailedGateAction.Rollback, true);
}
