namespace RepoML.Core.Registry;

/// <summary>The version some content gets (or already has) under a name, and why.</summary>
public sealed record RegistrationPlan(RegistrationOutcome Outcome, AssetKind Kind, string Name, int Version, string Key, int PendingBefore)
{
    public string Describe() => Outcome switch
    {
        RegistrationOutcome.AlreadyRegistered => $"already registered as {Name}:{Version}",
        RegistrationOutcome.AlreadyPending => $"already registered on this branch; becomes {Name}:{Version} when merged",
        _ => PendingBefore > 0
            ? $"would become {Name}:{Version} (after {PendingBefore} registration(s) of {Name} on this branch)"
            : $"would become {Name}:{Version}",
    };
}
