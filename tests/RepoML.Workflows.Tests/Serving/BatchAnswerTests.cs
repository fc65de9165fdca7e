using System.Text.Json.Nodes;
using RepoML.Workflows.Serving;
using RepoML.Core.Scoring;

namespace RepoML.Workflows.Tests.Serving;

public sealed class BatchAnswerTests
{
    [Theory]
    [InlineData("""[{"label":"a","score":[0.25,0.75]},{"label":"b","score":[1,0]}]""", "label=a score=0.25 0.75|label=b score=1 0")]
    [InlineData("""["a", 2, null]""", "result=a|result=2|result=", 3)]
    [InlineData("""{"predictions":["a","b"],"scores":[0.5,true]}""", "predictions=a scores=0.5|predictions=b scores=true")]
    [InlineData("""[{"nested":{"k":1}},{"nested":{"k":2}}]""", """nested={"k":1}|nested={"k":2}""")]
    public void Should_give_each_row_its_cells_When_the_answer_has_an_accepted_shape(string answer, string expected, int rows = 2)
    {
        var cells = BatchAnswer.Parse(answer, rows);

        Assert.Equal(expected, string.Join('|', cells.Select(row => string.Join(' ', row.Select(c => $"{c.Key}={c.Value}")))));
    }

    [Theory]
    [InlineData("""["a"]""", "the scorer answered an array of 1 for 2 rows")]
    [InlineData("""{"predictions":["a","b"],"model":"v1"}""", "the scorer answered an object with predictions (2 values), model for 2 rows")]
    [InlineData("42", "the scorer answered a number for 2 rows")]
    [InlineData("[1,", "the scorer's answer is not JSON (line 1, byte")]
    [InlineData("""["a", "\ud800"]""", "the scorer's answer is not JSON (line 1, byte 7)")]
    public void Should_say_what_was_answered_and_what_was_expected_When_the_answer_does_not_fit_the_rows(string answer, string message)
    {
        var error = Assert.Throws<ScoringInputException>(() => BatchAnswer.Parse(answer, 2));

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_send_rows_as_azure_ml_input_data_with_numbers_as_numbers_and_empty_cells_as_null()
    {
        var rows = new[] { new BatchRow(7, "a.csv", 2, ["5.1", "", "setosa"]), new BatchRow(8, "a.csv", 3, ["1e3", "NaN", "x,y"]) };

        var body = JsonNode.Parse(BatchRequestBody.Write(["x", "y", "species"], rows))!;

        Assert.Equal("""{"input_data":{"columns":["x","y","species"],"index":[7,8],"data":[[5.1,null,"setosa"],[1000,"NaN","x,y"]]}}""",
            body.ToJsonString());
    }
}
