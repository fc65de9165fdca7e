namespace RepoML.Workflows.Serving;

/// <summary>A batch run: the deployment and its settings, how many rows were read, the outcome and the output file (when appended).</summary>
public sealed record BatchResult(string Deployment, BatchSettings Settings, int Rows, BatchOutcome Outcome, string? OutputFile)
{
    /// <summary><see cref="WorkflowFailure.Invalid"/> when more rows failed than error_threshold allows.</summary>
    public WorkflowFailure? Failure => Outcome.ThresholdExceeded ? WorkflowFailure.Invalid : null;
}
