using Microsoft.AspNetCore.Http.HttpResults;

namespace RepoML.Serving.Apis;

/// <summary>
/// RFC 9457 problem responses. Each carries the message also as <c>error</c>, the field the Open Inference Protocol's
/// error object uses, and, for bad input, the offending <c>field</c>. Never a stack trace or an internal type name.
/// </summary>
public static class Problems
{
    public static ProblemHttpResult Of(int status, string title, string detail, string? field = null)
    {
        var extensions = new Dictionary<string, object?> { ["error"] = detail };
        if (field is not null)
        {
            extensions["field"] = field;
        }

        return TypedResults.Problem(detail, statusCode: status, title: title, extensions: extensions);
    }

    public static ProblemHttpResult BadRequest(string detail, string? field = null) => Of(StatusCodes.Status400BadRequest,
        "The request does not fit the model", detail, field);
}
