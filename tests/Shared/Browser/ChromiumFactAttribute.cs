namespace RepoML.Tests.Shared;

/// <summary>A fact that drives a real headless Chromium, skipped (not failed) where the system browser is not installed.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (HeadlessChromium.FindExecutable() is null)
        {
            Skip = "chromium is not installed (apt-get install chromium; .ci/run does) to run the browser tests.";
        }
    }
}
