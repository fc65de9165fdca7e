namespace RepoML.Core.Rollout;

/// <summary>Reads and checks a rollout plan file, reporting problems at file:line:col.</summary>
public static class RolloutPlanReader
{
    /// <returns>The plan (null when the file has errors) and every diagnostic found.</returns>
    public static (RolloutPlan? Plan, IReadOnlyList<Diagnostic> Diagnostics) Read(string path, string text)
        => RepoMLFileReader.Read(path, text, "a rollout plan", Check, ToPlan);

    /// <summary>Schema and meaning checks of a parsed plan; what <c>repoml validate</c> runs on the file.</summary>
    public static void Check(YamlMapping root, ICollection<Diagnostic> diagnostics)
    {
        SchemaValidator.Validate(root, RolloutPlanSchema.Schema, diagnostics);
        var steps = root.GetSequence("steps");
        if (steps is null)
        {
            return;
        }

        if (steps.Items.Count == 0)
        {
            diagnostics.Add(Diagnostic.At(RolloutDiagnostics.NoSteps, steps.Span,
                "'steps' is empty; give at least one step, the last at traffic 100"));
            return;
        }

        var defaults = root.GetMapping("gates");
        var previous = 0L;
        YamlScalar? last = null;
        foreach (var step in steps.Items.OfType<YamlMapping>())
        {
            if (step["soak"] is YamlScalar { IsNull: false } soak && !SoakDuration.TryParse(soak.Value, out _))
            {
                diagnostics.Add(Diagnostic.At(RolloutDiagnostics.BadDuration, soak.Span,
                    $"'{soak.Value}' is not a duration; write e.g. 30s, 10m, 1h30m or 2d"));
            }

            if (step["traffic"] is not YamlScalar traffic || !traffic.TryGetInteger(out var percent))
            {
                continue;
            }

            if (percent <= previous)
            {
                diagnostics.Add(Diagnostic.At(RolloutDiagnostics.StepOrder, traffic.Span,
                    $"step traffic {percent} does not rise above the previous step's {previous}"));
            }

            if (Gates(step.GetMapping("gates")).Over(Gates(defaults)).IsEmpty)
            {
                diagnostics.Add(Diagnostic.At(RolloutDiagnostics.NoHealthGate, traffic.Span,
                    $"the step at {percent} % checks neither max_error_rate nor max_p95_latency_ms; set them under 'gates'"));
            }

            previous = Math.Max(previous, percent);
            last = traffic;
        }

        if (last is not null && previous != 100)
        {
            diagnostics.Add(Diagnostic.At(RolloutDiagnostics.LastStep, last.Span,
                $"the last step sends {previous} % to the candidate; end with traffic: 100 so the rollout completes"));
        }
    }

    private static RolloutPlan ToPlan(YamlMapping root)
    {
        var defaults = Gates(root.GetMapping("gates"));
        var steps = root.GetSequence("steps")!.Items.OfType<YamlMapping>().Select(s => new RolloutStep(
            int.Parse(s.GetString("traffic")!, CultureInfo.InvariantCulture),
            s.GetString("soak") is { } soak && SoakDuration.TryParse(soak, out var d) ? d : TimeSpan.Zero,
            Gates(s.GetMapping("gates")).Over(defaults))).ToList();
        var compare = root.GetMapping("compare");
        var rollback = root.GetMapping("rollback");
        return new RolloutPlan(
            root.GetString("model"),
            root.GetString("label") ?? RolloutPlan.DefaultLabel,
            root.GetString("metrics_url"),
            compare?.GetString("policy") is { } policy ? new CompareGate(policy, compare.GetString("data")) : null,
            steps,
            new RollbackRule(
                string.Equals(rollback?.GetString("on_failed_gate"), "hold",
                    StringComparison.OrdinalIgnoreCase) ? FailedGateAction.Hold : FailedGateAction.Rollback,
                rollback?["restore_model"] is not YamlScalar restore || !restore.TryGetBoolean(out var b) || b));
    }

    private static HealthGates Gates(YamlMapping? map) => map is null
        ? HealthGates.None
        : new HealthGates(Number(map, "max_error_rate"), Number(map, "max_p95_latency_ms"),
            map["min_requests"] is YamlScalar s && s.TryGetInteger(out var n) ? n : null);

    private static double? Number(YamlMapping map, string key) => map[key] is YamlScalar s && s.TryGetDouble(out var value) ? value : null;
}
