namespace RepoML.Serving.Tests.Scoring;

/// <summary>Reading input_data columns on the real iris model, where a request's column layout is kept for the next one.</summary>
public sealed class TableRequestParserTests : IDisposable
{
    private readonly OnnxServingSession session = OnnxServingSession.Load(TestModels.Iris);

    [Fact]
    public void Should_map_each_request_by_its_own_columns_When_requests_alternate_column_orders()
    {
        // Given a table model and three requests: model order, another order with an extra column, model order again
        // (the last one spells a name with a JSON escape)
        var table = new TableModel(session);
        const string InOrder = """{"input_data":{"columns":["sepal_length","sepal_width","petal_length","petal_width"],"data":[[1,2,3,4]]}}""";
        const string Shuffled =
            """{"input_data":{"columns":["id","petal_width","sepal_length","petal_length","sepal_width"],"data":[[9,4,1,3,2]]}}""";
        const string Escaped = """{"input_data":{"columns":["sepal\u005flength","sepal_width","petal_length","petal_width"],"data":[[1,2,3,4]]}}""";

        // When they are read one after the other, twice
        var columns = new[] { InOrder, Shuffled, Escaped, Shuffled, InOrder }.Select(body => Columns(table, body)).ToList();

        // Then every request's cells land on the same model inputs, whatever the layout before it
        Assert.All(columns, c => Assert.Equal([1f, 2f, 3f, 4f], c));
    }

    [Fact]
    public void Should_still_name_the_missing_column_When_a_request_drops_one_after_a_complete_one()
    {
        // Given a request that named every input
        var table = new TableModel(session);
        Columns(table, """{"input_data":{"columns":["sepal_length","sepal_width","petal_length","petal_width"],"data":[[1,2,3,4]]}}""");

        // When the next names three of them, and the one after that a number for a column
        var missing = Assert.Throws<RequestShapeException>(() => Columns(table,
            """{"input_data":{"columns":["sepal_length","sepal_width","petal_length"],"data":[[1,2,3]]}}"""));
        var notNames = Assert.Throws<RequestShapeException>(() => Columns(table,
            """{"input_data":{"columns":["sepal_length","sepal_width","petal_length",4],"data":[[1,2,3,4]]}}"""));

        // Then each is refused for what is wrong with it
        Assert.Contains("has no column 'petal_width'", missing.Message);
        Assert.Equal("input_data.columns", notNames.Field);
    }

    public void Dispose() => session.Dispose();

    private static float[] Columns(TableModel table, string body)
    {
        using var document = JsonDocument.Parse(body);
        var batch = TableRequestParser.Parse(document.RootElement, table);
        return [.. batch.Columns.Select(c => ((float[])c)[0])];
    }
}
