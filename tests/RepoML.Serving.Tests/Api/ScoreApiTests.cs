namespace RepoML.Serving.Tests.Api;

public sealed class ScoreApiTests : IDisposable
{
    private readonly EndpointWorkspace workspace = new EndpointWorkspace().Endpoint("blue=100,green=0").Deployment("blue").Deployment("green");
    private readonly ServingFactory factory;

    public ScoreApiTests() => factory = new ServingFactory(workspace);

    [Fact]
    public async Task Should_return_one_prediction_per_row_When_input_data_has_columns()
    {
        // Given
        using var client = factory.AuthorizedClient();

        // When
        var response = await client.ScoreAsync(Requests.Iris([5.1, 3.5, 1.4, 0.2], [6.7, 3.0, 5.2, 2.3]));

        // Then
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = (await response.Content.ReadFromJsonAsync<JsonArray>())!;
        Assert.Equal(2, rows.Count);
        Assert.Equal("setosa", rows[0]!["PredictedLabel.output"]!.GetValue<string>());
        Assert.Equal("virginica", rows[1]!["PredictedLabel.output"]!.GetValue<string>());
        Assert.Equal(3, rows[0]!["Score.output"]!.AsArray().Count);
        Assert.Equal("blue", response.Headers.GetValues("azureml-model-deployment").Single());
    }

    [Fact]
    public async Task Should_map_cells_in_model_input_order_When_data_is_plain_rows()
    {
        using var client = factory.AuthorizedClient();

        var response = await client.ScoreAsync(new JsonObject { ["data"] = new JsonArray(new JsonArray(6.7, 3.0, 5.2, 2.3)) });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("virginica", (await response.Content.ReadFromJsonAsync<JsonArray>())![0]!["PredictedLabel.output"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_score_on_the_pinned_deployment_When_the_header_names_one_without_traffic()
    {
        using var client = factory.AuthorizedClient();

        var response = await client.ScoreAsync(Requests.OneIris(), deployment: "green");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("green", response.Headers.GetValues("azureml-model-deployment").Single());
    }

    [Fact]
    public async Task Should_return_404_When_the_pinned_deployment_does_not_exist()
    {
        using var client = factory.AuthorizedClient();

        var response = await client.ScoreAsync(Requests.OneIris(), deployment: "purple");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("{\"input_data\": {\"columns\": [\"sepal_length\",\"sepal_width\",\"petal_length\",\"petal_width\"], \"data\": [[5.1, " +
        "\"wide\", 1.4, 0.2]]}}", "input_data.data[0][1] (sepal_width)", "expected a number")]
    [InlineData("{\"input_data\": {\"columns\": [\"sepal_length\",\"sepal_width\",\"petal_length\"], \"data\": [[5.1, 3.5, 1.4]]}}",
        "input_data.columns", "petal_width")]
    [InlineData("{\"data\": [[5.1, 3.5, 1.4]]}", "data[0]", "has 3 values; expected 4")]
    [InlineData("{\"data\": [{\"sepal_length\": 1}]}", "data[0]", "sepal_width")]
    [InlineData("{\"rows\": []}", "$", "input_data")]
    [InlineData("{\"data\": [[5.1, 3.5, 1.4, 0.2]", "$", "not valid JSON")]
    public async Task Should_return_400_naming_the_field_When_the_body_does_not_fit(string body, string field, string message)
    {
        using var client = factory.AuthorizedClient();

        var response = await client.PostAsync("/score", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(field, problem["field"]!.GetValue<string>());
        Assert.Contains(message, problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        var text = problem.ToJsonString();
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_return_401_When_the_key_is_missing_or_wrong()
    {
        using var anonymous = factory.CreateClient();
        using var wrong = factory.CreateClient();
        wrong.DefaultRequestHeaders.Authorization = new("Bearer", "not-the-key");

        var none = await anonymous.ScoreAsync(Requests.OneIris());
        var bad = await wrong.ScoreAsync(Requests.OneIris());
        var probe = await anonymous.GetAsync("/v2/health/ready");

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, bad.StatusCode);
        Assert.Equal(HttpStatusCode.OK, probe.StatusCode);
        Assert.True(File.Exists(Path.Combine(workspace.Root, ".repoml", "keys", "iris.json")));
    }

    [Fact]
    public async Task Should_accept_the_secondary_key()
    {
        using var client = factory.CreateClient();
        var keys = factory.Services.GetService(typeof(RepoML.Serving.Security.ApiKeyStore)) as RepoML.Serving.Security.ApiKeyStore;
        client.DefaultRequestHeaders.Authorization = new("Bearer", keys!.Get("iris").Secondary);

        var response = await client.ScoreAsync(Requests.OneIris());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Should_return_413_When_the_body_is_larger_than_the_limit()
    {
        using var client = factory.AuthorizedClient();
        var body = "{\"data\": [" + string.Join(',', Enumerable.Repeat("[5.1, 3.5, 1.4, 0.2]", 250_000)) + "]}";

        var response = await client.PostAsync("/score", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Should_describe_score_from_the_signature_When_swagger_json_is_requested()
    {
        using var client = factory.AuthorizedClient();

        var swagger = (await client.GetFromJsonAsync<JsonObject>("/swagger.json"))!;

        Assert.Equal("3.0.1", swagger["openapi"]!.GetValue<string>());
        var inputData = swagger["components"]!["schemas"]!["ServiceInput"]!["properties"]!["input_data"]!;
        var columns = inputData["properties"]!["columns"]!["items"]!["enum"]!.AsArray();
        Assert.Equal(Requests.IrisColumns, columns.Select(c => c!.GetValue<string>()));
        Assert.NotNull(swagger["components"]!["schemas"]!["ServiceOutput"]!["items"]!["properties"]!["PredictedLabel.output"]);
    }

    [Fact]
    public async Task Should_expose_request_metrics_per_deployment()
    {
        using var client = factory.AuthorizedClient();
        await client.ScoreAsync(Requests.OneIris());
        await client.ScoreAsync(new JsonObject { ["data"] = "nope" });

        var metrics = await client.GetStringAsync("/metrics");

        Assert.Contains("repoml_requests_total{deployment=\"blue\",protocol=\"azureml\",status=\"200\"}", metrics, StringComparison.Ordinal);
        Assert.Contains("repoml_request_errors_total{deployment=\"blue\",reason=\"bad_request\"}", metrics, StringComparison.Ordinal);
        Assert.Contains("repoml_request_duration_seconds_bucket{deployment=\"blue\"", metrics, StringComparison.Ordinal);
        Assert.Contains("repoml_model_load_seconds{deployment=\"green\"}", metrics, StringComparison.Ordinal);
        Assert.Contains("repoml_requests_in_flight{deployment=\"blue\"}", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_answer_a_problem_When_a_route_outside_scoring_does_not_exist()
    {
        // Given a client of the server
        using var client = factory.AuthorizedClient();

        // When it asks for a route that does not exist
        var response = await client.GetAsync("/nope");

        // Then the empty 404 still gets a problem body (the error middlewares skip only the scoring routes)
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/score", true)]
    [InlineData("/SCORE", true)]
    [InlineData("/v2/models/credit/infer", true)]
    [InlineData("/v2/models/credit/versions/2/infer", true)]
    [InlineData("/scores", false)]
    [InlineData("/swagger.json", false)]
    [InlineData("/v2/models/credit", false)]
    [InlineData("/v2/models/credit/ready", false)]
    [InlineData("/other/infer", false)]
    public void Should_tell_the_scoring_routes_apart(string path, bool scoring) =>
        Assert.Equal(scoring, global::RepoML.Serving.Hosting.ScoringExecutor.IsScoringPath(new Microsoft.AspNetCore.Http.PathString(path)));

    public void Dispose()
    {
        factory.Dispose();
        workspace.Dispose();
    }
}
