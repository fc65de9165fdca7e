namespace RepoML.Core.Rollout;

/// <summary>Diagnostics of rollout plan files (RML08xx), documented in docs/rollout.md.</summary>
public static class RolloutDiagnostics
{
    public static readonly DiagnosticDescriptor StepOrder = new("RML0801", Severity.Error, "Rollout steps must raise traffic");
    public static readonly DiagnosticDescriptor LastStep = new("RML0802", Severity.Error, "The last rollout step must reach 100 %");
    public static readonly DiagnosticDescriptor BadDuration = new("RML0803", Severity.Error, "Not a duration");
    public static readonly DiagnosticDescriptor NoSteps = new("RML0804", Severity.Error, "A rollout plan needs steps");
    public static readonly DiagnosticDescriptor NoHealthGate = new("RML0805", Severity.Warning, "A step with traffic has no health gate");
}
