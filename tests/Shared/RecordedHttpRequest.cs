using System.Text;

namespace RepoML.Tests.Shared;

/// <summary>One request a stand-in server received (a <see cref="RecordingHttpServer"/>, the ARM stand-in on Kestrel): method, path
/// with query, headers (by any case) and body bytes; and the status the stand-in answered.</summary>
internal sealed record RecordedHttpRequest(string Method, string PathAndQuery, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    /// <summary>The status the stand-in answered; 0 until it has.</summary>
    public int Status { get; set; }

    /// <summary>The path without its query string.</summary>
    public string Path => PathAndQuery.Split('?', 2)[0];

    /// <summary>The body as UTF-8 text.</summary>
    public string Text => Encoding.UTF8.GetString(Body);

    /// <summary>A query parameter's (first) value, unescaped; empty when absent.</summary>
    public string Query(string name) =>
        PathAndQuery.Split('?', 2) is [_, var query]
            ? query.Split('&').Select(p => p.Split('=', 2)).Where(p => Uri.UnescapeDataString(p[0]) == name)
                .Select(p => p.Length > 1 ? Uri.UnescapeDataString(p[1]) : "").FirstOrDefault() ?? ""
            : "";

    /// <summary>A header's value (any case), empty when absent.</summary>
    public string Header(string name) => Headers.TryGetValue(name, out var value) ? value : "";
}
