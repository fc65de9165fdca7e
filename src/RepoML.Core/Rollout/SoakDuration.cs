namespace RepoML.Core.Rollout;

/// <summary>Durations as people write them in plans: <c>30s</c>, <c>10m</c>, <c>1h30m</c>, <c>2d</c>.</summary>
public static partial class SoakDuration
{
    public static bool TryParse(string text, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        var match = Pattern().Match(text.Trim());
        if (!match.Success || text.Trim().Length == 0)
        {
            return false;
        }

        foreach (Capture part in match.Groups["part"].Captures)
        {
            var unit = part.Value[^1];
            var number = long.Parse(part.Value[..^1], CultureInfo.InvariantCulture);
            value += unit switch
            {
                'd' => TimeSpan.FromDays(number),
                'h' => TimeSpan.FromHours(number),
                'm' => TimeSpan.FromMinutes(number),
                _ => TimeSpan.FromSeconds(number),
            };
        }

        return true;
    }

    /// <summary>The shortest text for a duration, e.g. <c>1h30m</c>.</summary>
    public static string Format(TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            return "0s";
        }

        var text = (value.Days > 0 ? $"{value.Days}d" : "") + (value.Hours > 0 ? $"{value.Hours}h" : "") + (value.Minutes > 0
            ? $"{value.Minutes}m" : "") + (value.Seconds > 0 ? $"{value.Seconds}s" : "");
        return text.Length == 0 ? "0s" : text;
    }

    [GeneratedRegex(@"^(?<part>\d{1,6}[dhms])+$")]
    private static partial Regex Pattern();
}
