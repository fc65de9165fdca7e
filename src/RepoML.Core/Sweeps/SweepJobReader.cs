namespace RepoML.Core.Sweeps;

/// <summary>
/// Reads the sweep parts of a sweep job (or a pipeline's sweep step) into <see cref="SweepSettings"/>. What a local run cannot
/// honour — Bayesian or Sobol sampling, an unknown parameter expression, a range in a grid — is an error at its file:line:col.
/// </summary>
public static class SweepJobReader
{
    /// <summary>Azure ML's default <c>max_total_trials</c>.</summary>
    public const int DefaultMaxTotalTrials = 1000;

    public static SweepSettings? Read(string job, YamlMapping sweep, List<Diagnostic> diagnostics)
    {
        var before = diagnostics.Count(d => d.IsError);
        var space = new List<SearchDimension>();
        foreach (var entry in sweep.GetMapping("search_space")?.Entries ?? [])
        {
            if (Dimension(job, entry, diagnostics) is { } dimension)
            {
                space.Add(dimension);
            }
        }

        var (algorithm, seed) = Sampling(job, sweep["sampling_algorithm"], diagnostics);
        if (algorithm == SearchAlgorithm.Grid && space.FirstOrDefault(d => d.Choices is null) is { } range)
        {
            diagnostics.Add(Diagnostic.At(DiagnosticIds.NotRunnableLocally, sweep.GetMapping("search_space")!.Entry(range.Name)!.Key.Span,
                $"job '{job}': grid sampling needs 'choice' for every parameter; '{range.Name}' is a {range.Distribution.ToString().ToLowerInvariant()}"));
        }

        var objective = sweep.GetMapping("objective");
        var metric = objective?.GetString("primary_metric");
        if (metric is null)
        {
            diagnostics.Add(Diagnostic.At(DiagnosticIds.RequiredField, (objective ?? sweep).Span, $"job '{job}': objective.primary_metric is required"));
        }

        var limits = sweep.GetMapping("limits");
        var early = sweep.GetMapping("early_termination") is { } policy ? Policy(policy) : null;
        if (diagnostics.Count(d => d.IsError) > before || metric is null)
        {
            return null;
        }

        return new SweepSettings(space, algorithm, seed, metric, objective!.GetString("goal") != "minimize",
            Int(limits, "max_total_trials") ?? (algorithm == SearchAlgorithm.Grid ? null : DefaultMaxTotalTrials),
            Int(limits, "max_concurrent_trials"),
            Int(limits, "timeout") is { } timeout ? TimeSpan.FromSeconds(timeout) : null,
            Int(limits, "trial_timeout") is { } trial ? TimeSpan.FromSeconds(trial) : null,
            early);
    }

    private static EarlyTerminationPolicy Policy(YamlMapping policy) => new(
        policy.GetString("type") ?? "bandit",
        Int(policy, "evaluation_interval") ?? 0,
        Int(policy, "delay_evaluation") ?? 0,
        Number(policy, "slack_factor"),
        Number(policy, "slack_amount"),
        Int(policy, "truncation_percentage") ?? 0,
        policy["exclude_finished_jobs"] is YamlScalar s && s.TryGetBoolean(out var exclude) && exclude);

    private static (SearchAlgorithm Algorithm, int Seed) Sampling(string job, YamlNode? node, List<Diagnostic> diagnostics)
    {
        var map = node as YamlMapping;
        var typeNode = map?["type"] ?? node;
        var type = (typeNode as YamlScalar)?.Value ?? "random";
        var seed = Int(map, "seed") ?? 0;
        if (map?["rule"] is YamlScalar { Value: var rule } ruleNode && rule != "random")
        {
            diagnostics.Add(Diagnostic.At(DiagnosticIds.NotRunnableLocally, ruleNode.Span,
                $"job '{job}': random sampling rule '{rule}' is not available locally; use rule: random (or run on Azure ML)"));
        }

        switch (type)
        {
            case "random":
                return (SearchAlgorithm.Random, seed);
            case "grid":
                return (SearchAlgorithm.Grid, seed);
            default:
                diagnostics.Add(Diagnostic.At(DiagnosticIds.NotRunnableLocally, typeNode?.Span,
                    $"job '{job}': {type} sampling is not supported locally (Azure ML's Bayesian sampler is a service); use random or grid, " +
                    "or run the sweep on Azure ML"));
                return (SearchAlgorithm.Random, seed);
        }
    }

    private static SearchDimension? Dimension(string job, YamlEntry entry, List<Diagnostic> diagnostics)
    {
        var name = entry.Key.Value;
        if (entry.Value is not YamlMapping map || map.GetString("type") is not { } type || !SearchSpaceExpressions.Parameters.TryGetValue(type, out var fields))
        {
            diagnostics.Add(Diagnostic.At(DiagnosticIds.InvalidEnum, (entry.Value as YamlMapping)?["type"]?.Span ?? entry.Value.Span,
                $"job '{job}': search space '{name}' needs a type: one of {string.Join(", ", SearchSpaceExpressions.Parameters.Keys)}"));
            return null;
        }

        foreach (var extra in map.Entries.Where(e => e.Key.Value != "type" && !fields.Contains(e.Key.Value)))
        {
            diagnostics.Add(Diagnostic.At(DiagnosticIds.UnknownField, extra.Key.Span,
                $"job '{job}': {type} '{name}' has no field '{extra.Key.Value}' (it takes {string.Join(", ", fields)})"));
        }

        if (type == "choice")
        {
            return Choice(job, name, map, diagnostics);
        }

        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var field in fields)
        {
            if (map[field] is YamlScalar scalar && scalar.TryGetDouble(out var value))
            {
                values[field] = value;
            }
            else
            {
                diagnostics.Add(Diagnostic.At(DiagnosticIds.RequiredField, map[field]?.Span ?? map.Span,
                    $"job '{job}': {type} '{name}' needs a number for '{field}'"));
                return null;
            }
        }

        var q = values.TryGetValue("q", out var step) ? step : (double?)null;
        var baseType = q is null ? type : type[1..];
        if (values.TryGetValue("min_value", out var low) && low > values["max_value"])
        {
            diagnostics.Add(Diagnostic.At(DiagnosticIds.OutOfRange, map.Span, $"job '{job}': {type} '{name}' has min_value above max_value"));
            return null;
        }

        return baseType switch
        {
            "randint" => new SearchDimension(name, null, 0, values["upper"], true) { Distribution = SearchDistribution.RandInt },
            "uniform" => new SearchDimension(name, null, low, values["max_value"], false) { Q = q },
            "loguniform" => new SearchDimension(name, null, low, values["max_value"], false) { Distribution = SearchDistribution.LogUniform, Q = q },
            "normal" => new SearchDimension(name, null, 0, 0, false) { Distribution = SearchDistribution.Normal, Mu = values["mu"], Sigma = values["sigma"], Q = q },
            _ => new SearchDimension(name, null, 0, 0, false) { Distribution = SearchDistribution.LogNormal, Mu = values["mu"], Sigma = values["sigma"], Q = q },
        };
    }

    private static SearchDimension? Choice(string job, string name, YamlMapping map, List<Diagnostic> diagnostics)
    {
        if (map.GetSequence("values") is not { Items.Count: > 0 } sequence || sequence.Items.FirstOrDefault(i => i is not YamlScalar) is { } nested)
        {
            diagnostics.Add(Diagnostic.At(DiagnosticIds.NotRunnableLocally, map["values"]?.Span ?? map.Span,
                $"job '{job}': choice '{name}' needs a non-empty list of plain values (nested search spaces are not supported locally)"));
            return null;
        }

        var scalars = sequence.Items.Cast<YamlScalar>().ToList();
        var numbers = scalars.Select(s => s.TryGetDouble(out var v) ? v : (double?)null).ToList();
        return numbers.All(n => n is not null)
            ? new SearchDimension(name, [.. numbers.Select(n => n!.Value)], numbers.Min()!.Value, numbers.Max()!.Value,
                numbers.All(n => n == Math.Floor(n!.Value)))
            : new SearchDimension(name, [.. Enumerable.Range(0, scalars.Count).Select(i => (double)i)], 0, scalars.Count - 1, true)
            {
                Labels = [.. scalars.Select(s => s.Value)],
            };
    }

    private static int? Int(YamlMapping? map, string key) =>
        map?[key] is YamlScalar s && s.TryGetInteger(out var value) ? (int)Math.Clamp(value, int.MinValue, int.MaxValue) : null;

    private static double? Number(YamlMapping? map, string key) =>
        map?[key] is YamlScalar s && s.TryGetDouble(out var value) ? value : null;
}
