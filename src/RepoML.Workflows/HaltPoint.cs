namespace RepoML.Workflows;

/// <summary>
/// Named points where a crash would hurt (between a commit and the event that announces it, …). Crash tests set
/// <c>REPOML_HALT_AT</c> to a point's name: the process then says so on stderr and blocks there until it is killed,
/// so a test can <c>kill -9</c> it at exactly that point. Unset, a point costs one environment lookup.
/// </summary>
public static class HaltPoint
{
    public const string Variable = "REPOML_HALT_AT";

    /// <summary>After a registration's commit, before its event is in the outbox.</summary>
    public const string RegistrationCommitted = "registration-committed";

    public static void Reach(WorkflowContext context, string point)
    {
        if (!string.Equals(context.GetEnvironmentVariable(Variable), point, StringComparison.Ordinal))
        {
            return;
        }

        context.Error.WriteLine($"halted at {point}");
        context.Error.Flush();
        Thread.Sleep(Timeout.Infinite);
    }
}
