namespace RepoML.Serving.Hosting;

/// <summary>What <see cref="ScoringExecutor"/> made of a request: the answer, or why there is none.</summary>
public readonly record struct ScoringOutcome<TAnswer>(TAnswer? Answer, ScoringFailure? Failure)
{
    public static ScoringOutcome<TAnswer> Failed(ScoringFailure failure) => new(default, failure);
}
