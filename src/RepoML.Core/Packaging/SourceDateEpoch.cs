namespace RepoML.Core.Packaging;

/// <summary>
/// The reproducible-builds timestamp: <c>SOURCE_DATE_EPOCH</c> when set, else the commit time, else the Unix epoch.
/// Every time an image records (config, history, file times) is clamped to it.
/// </summary>
public static class SourceDateEpoch
{
    public const string Variable = "SOURCE_DATE_EPOCH";

    public static DateTimeOffset Choose(string? variable, DateTimeOffset? commitTime) =>
        long.TryParse(variable, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : commitTime?.ToUniversalTime() ?? DateTimeOffset.UnixEpoch;
}
