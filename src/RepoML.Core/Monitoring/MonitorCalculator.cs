namespace RepoML.Core.Monitoring;

/// <summary>Computes every enabled signal of a monitor over baseline and current tables.</summary>
public static class MonitorCalculator
{
    public static MonitorReport Run(MonitorSpec spec, string endpoint, string baselineName, CellTable baseline, CellTable inputs,
        CellTable outputs, DateTimeOffset from, DateTimeOffset to, IReadOnlyList<DeploymentHealth> infrastructure, string? infrastructureError,
        ScoredBaseline? scoredBaseline = null)
    {
        var notes = new List<string>();
        var alerts = new List<MonitorAlert>();
        var features = (spec.Features.Count > 0 ? spec.Features : baseline.Columns.Where(c
            => c != spec.TargetColumn && inputs.Index(c) >= 0)).ToList();
        var missing = spec.Features.Where(f => baseline.Index(f) < 0 || inputs.Index(f) < 0).ToList();
        if (missing.Count > 0) { notes.Add($"not in both windows, skipped: {string.Join(", ", missing)}"); }
        features.RemoveAll(missing.Contains);
        var numeric = features.ToDictionary(f => f, f => SampleBuilder.IsNumeric(baseline.Column(f)), StringComparer.Ordinal);
        var reference = features.Select(f => SampleBuilder.Build(f, baseline.Column(f), numeric[f])).ToList();
        var current = features.Select(f => SampleBuilder.Build(f, inputs.Column(f), numeric[f])).ToList();

        DatasetDrift? drift = null;
        if (spec.DataDrift)
        {
            drift = DriftCalculator.Compute(reference, current, spec.Drift);
            if (drift.Drifted)
            {
                alerts.Add(new MonitorAlert("data_drift",
                    $"{drift.DriftedCount} of {drift.Judged} features drifted ({drift.Share:P0} ≥ {spec.Drift.DriftShare:P0}): " +
                    $"{string.Join(", ", drift.Features.Where(f => f.Drifted).Select(f => f.Feature))}"));
            }
        }

        var quality = spec.DataQuality ? DataQualityCalculator.Compute(reference, current, spec.Quality) : [];
        foreach (var q in quality.Where(q => q.Violations.Count > 0))
        {
            alerts.Add(new MonitorAlert("data_quality", $"{q.Feature}: {string.Join(", ", q.Violations)}"));
        }

        var output = spec.PredictionOutput ?? outputs.Columns.FirstOrDefault(c => c.StartsWith("PredictedLabel",
            StringComparison.Ordinal)) ?? outputs.Columns.FirstOrDefault();
        FeatureDrift? prediction = null;
        if (spec.PredictionDrift && output is not null && outputs.Index(output) >= 0)
        {
            // Like with like: the deployed model's predictions on the baseline; else (no model to score with) the label column,
            // with predicted labels mapped to its classes.
            var scored = scoredBaseline is { } b && b.Output == output && b.Predictions.Count == baseline.Rows.Count ? b : null;
            var baselinePredictions = scored?.Predictions
                ?? (spec.TargetColumn is { } target && baseline.Index(target) >= 0 ? baseline.Column(target) : null);
            if (baselinePredictions is null)
            {
                notes.Add("prediction drift needs the deployed model or baseline.target_column (or a baseline window with outputs)");
            }
            else
            {
                var (predictions, mapping) = scored is null ? PredictedLabels.AsLabelClasses(baselinePredictions, outputs.Column(output))
                    : (outputs.Column(output), null);
                notes.Add(scored is null ? "prediction drift: the baseline's label column stands in for predictions (no deployed model " +
                    "could score it)" : $"prediction drift: the baseline scored by the deployed model, {scored.Model}");
                if (mapping is not null) { notes.Add(mapping); }
                var isNumeric = SampleBuilder.IsNumeric(baselinePredictions) && SampleBuilder.IsNumeric(predictions);
                var options = spec.Drift with { Features = new Dictionary<string, FeatureOverride> { [output] = spec.PredictionTest } };
                prediction = DriftCalculator.Feature(SampleBuilder.Build(output, baselinePredictions, isNumeric), SampleBuilder.Build(output,
                    predictions, isNumeric), options);
                if (prediction.Drifted)
                {
                    alerts.Add(new MonitorAlert("prediction_drift",
                        $"{output}: {StatTests.Name(prediction.Test)} = {prediction.Value:G4} (threshold {prediction.Threshold:G4})"));
                }
            }
        }

        AttributionDrift? attribution = null;
        if (spec.AttributionDrift && spec.TargetColumn is { } label && baseline.Index(label) >= 0 && output is not null
            && outputs.Keys is not null && inputs.Keys is not null)
        {
            var byKey = new Dictionary<string, string?>(StringComparer.Ordinal);
            var outputColumn = outputs.Column(output);
            for (var i = 0; i < outputs.Rows.Count; i++) { if (outputs.Keys[i] is { } k) { byKey[k] = outputColumn[i]; } }
            var predicted = inputs.Keys.Select(k => k is null ? null : byKey.GetValueOrDefault(k)).ToList();
            if (predicted.Count(p => p is not null) >= spec.Drift.MinimumRows)
            {
                var baseImportance = features.ToDictionary(f => f, f => AssociationImportance.MutualInformation(baseline.Column(f), numeric[f],
                    baseline.Column(label)), StringComparer.Ordinal);
                var prodImportance = features.ToDictionary(f => f, f => AssociationImportance.MutualInformation(inputs.Column(f), numeric[f],
                    predicted), StringComparer.Ordinal);
                attribution = AttributionDrift.Compute(baseImportance, prodImportance, spec.NdcgThreshold);
                if (attribution.Drifted)
                {
                    alerts.Add(new MonitorAlert("feature_attribution_drift", $"NDCG {attribution.Ndcg:F3} < {attribution.Threshold:F3}"));
                }
            }
            else
            {
                notes.Add("feature attribution drift: not enough inputs joined to outputs by correlation id");
            }
        }

        foreach (var d in infrastructure.Where(d => d.Violations.Count > 0))
        {
            alerts.Add(new MonitorAlert("infrastructure", $"{d.Deployment}: {string.Join(", ", d.Violations)}"));
        }

        return new MonitorReport(spec, endpoint, baselineName, from, to, baseline.Rows.Count, inputs.Rows.Count, drift, prediction, output,
            quality, attribution, infrastructure, infrastructureError, alerts, notes);
    }
}
