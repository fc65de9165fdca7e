namespace RepoML.Serving.Tests.Support;

/// <summary>Request bodies for the iris model.</summary>
internal static class Requests
{
    public static readonly string[] IrisColumns = ["sepal_length", "sepal_width", "petal_length", "petal_width"];

    public static JsonObject Iris(params double[][] rows) => new()
    {
        ["input_data"] = new JsonObject
        {
            ["columns"] = new JsonArray([.. IrisColumns.Select(c => (JsonNode)c)]),
            ["index"] = new JsonArray([.. rows.Select((_, i) => (JsonNode)i)]),
            ["data"] = new JsonArray([.. rows.Select(r => (JsonNode)new JsonArray([.. r.Select(v => (JsonNode)v)]))]),
        },
    };

    public static JsonObject OneIris() => Iris([5.1, 3.5, 1.4, 0.2]);

    public static Task<HttpResponseMessage> ScoreAsync(this HttpClient client, JsonNode body, string? deployment = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/score") { Content = JsonContent.Create(body) };
        if (deployment is not null)
        {
            request.Headers.Add("azureml-model-deployment", deployment);
        }

        return client.SendAsync(request);
    }
}
