namespace RepoML.Events.Tests;

/// <summary>One request a <see cref="TestReceiver"/> accepted.</summary>
internal sealed record ReceivedRequest(string Method, string PathAndQuery, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string Text => System.Text.Encoding.UTF8.GetString(Body);
}
