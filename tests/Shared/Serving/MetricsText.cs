using System.Globalization;

namespace RepoML.Tests.Shared;

/// <summary>Reads the scoring server's <c>/metrics</c> text (Prometheus exposition format).</summary>
internal static class MetricsText
{
    /// <summary>The value of <paramref name="series"/> (name and labels, as the server writes them), or 0 when absent.</summary>
    public static double Value(string text, string series) =>
        text.Split('\n').Where(l => l.StartsWith(series + " ", StringComparison.Ordinal))
            .Select(l => double.Parse(l[(series.Length + 1)..], CultureInfo.InvariantCulture)).FirstOrDefault();
}
