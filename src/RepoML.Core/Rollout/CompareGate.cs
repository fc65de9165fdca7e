namespace RepoML.Core.Rollout;

/// <summary>The offline gate before any traffic: the candidate must pass this comparison policy against the stable version.</summary>
/// <param name="Policy">The comparePolicy file, relative to the workspace root.</param>
/// <param name="Data">Evaluation CSV overriding the policy's data (needed when the policy reads a run's output).</param>
public sealed record CompareGate(string Policy, string? Data);
