namespace RepoML.Tests.Shared;

/// <summary>A fact that opens a page in headless Chromium, skipped (not failed) where Chromium is not installed.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (ChromiumCommandLine.FindExecutable() is null)
        {
            Skip = $"'{ChromiumCommandLine.Executable}' is not on PATH; install it (apt-get install chromium) to run the browser tests.";
        }
    }
}
