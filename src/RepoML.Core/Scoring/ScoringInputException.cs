namespace RepoML.Core.Scoring;

/// <summary>The rows do not fit the model: a missing input column, a value of the wrong type. An input problem, not a bug.</summary>
public sealed class ScoringInputException(string message) : Exception(message)
{
    /// <summary>The 0-based row of the bad value, when one value is at fault; a caller that knows the rows' lines in a file
    /// says <c>file:line: </c><see cref="Problem"/> instead of the message.</summary>
    public int? Row { get; init; }

    /// <summary>What is wrong with the value at <see cref="Row"/>, without the row.</summary>
    public string? Problem { get; init; }
}
