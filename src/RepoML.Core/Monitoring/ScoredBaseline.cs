namespace RepoML.Core.Monitoring;

/// <summary>
/// The baseline rows scored by the model the endpoint serves: prediction drift then compares the deployed model's predictions
/// on the training distribution with its predictions on live traffic, like with like. Against the label column instead, a
/// model that is right 75 % of the time looks drifted on the very data it was trained on.
/// </summary>
/// <param name="Output">The model output scored (e.g. <c>PredictedLabel.output</c>), written as the server writes it.</param>
/// <param name="Predictions">One value per baseline row, in the collected outputs' text form (<c>true</c>/<c>false</c>, numbers).</param>
/// <param name="Model">Which model scored them, for people: <c>credit:3 (deployment blue)</c>.</param>
public sealed record ScoredBaseline(string Output, IReadOnlyList<string?> Predictions, string Model);
