using RepoML.Serving.Security;
using RepoML.Tests.Shared;

namespace RepoML.Serving.Tests.Hostile;

/// <summary>
/// The endpoint's keys file (<c>.repoml/keys/&lt;endpoint&gt;.json</c>) edited into something else while the server runs: every
/// request is refused as unauthorized (fail closed), none answers 500, and regenerating a key makes the endpoint usable again.
/// </summary>
public sealed class UnreadableKeyFileTests : CollectingBlueEndpointTests
{
    [Theory]
    [InlineData("{\"primaryKey\": \"\\ud800\", \"secondaryKey\": \"b\"}")]
    [InlineData("{\"primaryKey\": 42, \"secondaryKey\": \"b\"}")]
    [InlineData("{\"primaryKey\": \"a\"}")]
    [InlineData("[\"a\", \"b\"]")]
    [InlineData("{\"primaryKey\": \"a\", \"secon")]
    public async Task Should_refuse_every_key_and_never_answer_500_When_the_keys_file_is_not_one(string text)
    {
        // Given a served endpoint, then its keys file replaced
        await using var server = await KestrelServer.StartAsync(Workspace);
        using (var before = await server.Client.PostAsync("/score", Json(OneRow)))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        var store = new ApiKeyStore(Path.Combine(Workspace.Root, ".repoml", "keys"));
        File.WriteAllText(store.PathOf(Workspace.Name), text);
        await Task.Delay(ApiKeyStore.RecheckInterval * 2);

        // When the old key, and the text of the file itself, are presented
        using var old = await server.Client.PostAsync("/score", Json(OneRow));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/score") { Content = Json(OneRow) };
        request.Headers.Authorization = new("Bearer", "b");
        using var guessed = await server.Client.SendAsync(request);

        // Then both are unauthorized, the store says which file is wrong, and a regenerated key works again
        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized), (old.StatusCode, guessed.StatusCode));
        var error = Assert.Throws<InvalidDataException>(() => store.Get(Workspace.Name));
        Assert.Contains(store.PathOf(Workspace.Name), error.Message, StringComparison.Ordinal);
        var renewed = store.Regenerate(Workspace.Name, "primary");
        await Task.Delay(ApiKeyStore.RecheckInterval * 2);
        using var after = new HttpRequestMessage(HttpMethod.Post, "/score") { Content = Json(OneRow) };
        after.Headers.Authorization = new("Bearer", renewed.Primary);
        using var scored = await server.Client.SendAsync(after);
        Assert.Equal(HttpStatusCode.OK, scored.StatusCode);
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
