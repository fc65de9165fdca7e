namespace RepoML.Azure;

/// <summary>Opens the session of one command: a dry run needs nothing; a live one needs a credential that signs in, checked first.</summary>
public static class AzureMlConnection
{
    /// <exception cref="AzureMlCredentialException">No credential, or signing in failed.</exception>
    public static async Task<AzureMlSession> OpenAsync(
        Func<string, string?> environment, AzureMlWorkspace workspace, bool dryRun, Action<string> log, CancellationToken cancellationToken)
    {
        if (dryRun)
        {
            return AzureMlSession.DryRun(workspace, log);
        }

        var credential = AzureMlCredentials.Create(environment);
        await AzureMlCredentials.EnsureAsync(credential, cancellationToken).ConfigureAwait(false);
        return AzureMlSession.Live(workspace, credential, log);
    }

    /// <summary>A job name Azure ML accepts (letters, digits, '-' and '_'), unique per submission.</summary>
    public static string JobName(string file, DateTimeOffset now)
    {
        var stem = new string([.. Path.GetFileNameWithoutExtension(file).ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-')]);
        return $"repoml-{stem}-{now.UtcDateTime:yyyyMMdd-HHmmss}-{Guid.NewGuid().ToString("N")[..6]}";
    }
}
