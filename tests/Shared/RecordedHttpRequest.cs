using System.Text;

namespace RepoML.Tests.Shared;

/// <summary>One request a <see cref="RecordingHttpServer"/> received: method, path with query, headers (by any case) and body bytes.</summary>
internal sealed record RecordedHttpRequest(string Method, string PathAndQuery, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    /// <summary>The path without its query string.</summary>
    public string Path => PathAndQuery.Split('?', 2)[0];

    /// <summary>The body as UTF-8 text.</summary>
    public string Text => Encoding.UTF8.GetString(Body);
}
