namespace RepoML.Core.Rollout;

/// <summary>One step of a rollout: the candidate's traffic share, how long it must soak, and the gates it must keep.</summary>
public sealed record RolloutStep(int Traffic, TimeSpan Soak, HealthGates Gates);
