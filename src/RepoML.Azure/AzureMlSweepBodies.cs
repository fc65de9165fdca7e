namespace RepoML.Azure;

/// <summary>
/// The sweep-specific parts of a <c>SweepJob</c>: the search space in the SDK's REST form (<c>["choice", [[1, 2]]]</c>,
/// <c>["uniform", [0.01, 0.1]]</c>, …), sampling algorithm, objective, limits and early termination.
/// </summary>
public static class AzureMlSweepBodies
{
    public static JsonObject SearchSpace(YamlMapping space)
    {
        var result = new JsonObject();
        foreach (var entry in space.Entries)
        {
            var map = entry.Value as YamlMapping ?? throw new AzureMlSpecException(entry.Value, $"search space '{entry.Key.Value}' must be a mapping with a type");
            var type = map.GetString("type") ?? throw new AzureMlSpecException(map, $"search space '{entry.Key.Value}' has no type");
            JsonArray arguments;
            if (type == "choice")
            {
                var values = map.GetSequence("values") ?? throw new AzureMlSpecException(map, $"choice '{entry.Key.Value}' has no values");
                arguments = [new JsonArray([.. values.Items.Select(YamlJson.Convert)])];
            }
            else if (RepoML.Core.Sweeps.SearchSpaceExpressions.Parameters.TryGetValue(type, out var names))
            {
                arguments = [.. names.Select(n => YamlJson.Convert(map[n] ?? throw new AzureMlSpecException(map, $"{type} '{entry.Key.Value}' needs {n}")))];
            }
            else
            {
                throw new AzureMlSpecException(map["type"], $"search space type '{type}' is not {string.Join(", ", RepoML.Core.Sweeps.SearchSpaceExpressions.Parameters.Keys)}");
            }

            result[entry.Key.Value] = new JsonArray(type, arguments);
        }

        return result;
    }

    public static JsonObject Sampling(YamlNode node)
    {
        var map = node as YamlMapping;
        var type = (map?.GetString("type") ?? (node as YamlScalar)?.Value ?? "").ToLowerInvariant();
        var json = new JsonObject
        {
            ["samplingAlgorithmType"] = type switch
            {
                "random" => "Random",
                "grid" => "Grid",
                "bayesian" => "Bayesian",
                _ => throw new AzureMlSpecException(node, $"sampling algorithm '{type}' is not random, grid or bayesian"),
            },
        };
        if (map is not null && type == "random")
        {
            AzureMlJobFields.Integer(map, json, "seed", "seed");
            if (map.GetString("rule") is { } rule)
            {
                json["rule"] = rule.Equals("sobol", StringComparison.OrdinalIgnoreCase) ? "Sobol" : "Random";
            }
        }

        return json;
    }

    public static JsonObject Objective(YamlMapping objective) => new()
    {
        ["goal"] = (objective.GetString("goal") ?? "").ToLowerInvariant() switch
        {
            "maximize" => "Maximize",
            "minimize" => "Minimize",
            var other => throw new AzureMlSpecException(objective, $"objective goal '{other}' is not maximize or minimize"),
        },
        ["primaryMetric"] = objective.GetString("primary_metric") ?? throw new AzureMlSpecException(objective, "objective has no primary_metric"),
    };

    public static JsonObject Limits(YamlMapping? limits)
    {
        var json = new JsonObject { ["jobLimitsType"] = "Sweep" };
        if (limits is null)
        {
            return json;
        }

        AzureMlJobFields.Integer(limits, json, "max_total_trials", "maxTotalTrials");
        AzureMlJobFields.Integer(limits, json, "max_concurrent_trials", "maxConcurrentTrials");
        foreach (var (yaml, rest) in new[] { ("timeout", "timeout"), ("trial_timeout", "trialTimeout") })
        {
            if (AzureMlJobFields.Duration(limits, yaml) is { } duration)
            {
                json[rest] = duration;
            }
        }

        return json;
    }

    public static JsonObject EarlyTermination(YamlMapping policy)
    {
        var type = (policy.GetString("type") ?? "").ToLowerInvariant();
        var json = new JsonObject
        {
            ["policyType"] = type switch
            {
                "bandit" => "Bandit",
                "median_stopping" => "MedianStopping",
                "truncation_selection" => "TruncationSelection",
                _ => throw new AzureMlSpecException(policy, $"early termination '{type}' is not bandit, median_stopping or truncation_selection"),
            },
        };
        AzureMlJobFields.Integer(policy, json, "evaluation_interval", "evaluationInterval");
        AzureMlJobFields.Integer(policy, json, "delay_evaluation", "delayEvaluation");
        AzureMlJobFields.Integer(policy, json, "truncation_percentage", "truncationPercentage");
        foreach (var (yaml, rest) in new[] { ("slack_factor", "slackFactor"), ("slack_amount", "slackAmount") })
        {
            if (policy[yaml] is YamlScalar s && s.TryGetDouble(out var value))
            {
                json[rest] = value;
            }
        }

        return json;
    }
}
