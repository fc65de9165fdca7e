namespace RepoML.Tests.Shared;

/// <summary>A fact that opens a page in headless Chromium, skipped (not failed) where Chromium is not installed.</summary>
public sealed class ChromiumFactAttribute() : InstalledFactAttribute(ChromiumCommandLine.FindExecutable() is null
    ? $"'{ChromiumCommandLine.Executable}' is not on PATH; install it (apt-get install chromium) to run the browser tests."
    : null);
