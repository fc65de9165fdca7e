namespace RepoML.Tests.Shared;

/// <summary>
/// A fact that needs a program installed on this machine (Azurite, Chromium, the container tools…): skipped, not failed,
/// with the reason and how to install it, where the program is missing. Each kind passes its reason, or null, to the base.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public abstract class InstalledFactAttribute : FactAttribute
{
    /// <param name="missing">Why the test cannot run here (what is missing, how to install it); null when it can.</param>
    protected InstalledFactAttribute(string? missing)
    {
        if (missing is not null)
        {
            Skip = missing;
        }
    }

    /// <summary>The first of <paramref name="candidates"/> (null or empty ones passed over) that exists, else <paramref name="name"/> on the PATH.</summary>
    public static string? FindProgram(string name, params string?[] candidates) =>
        candidates
            .Concat((Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
                .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
                .Select(folder => Path.Combine(folder, name)))
            .FirstOrDefault(p => !string.IsNullOrEmpty(p) && File.Exists(p));
}
