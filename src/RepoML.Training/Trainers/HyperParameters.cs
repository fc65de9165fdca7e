namespace RepoML.Training.Trainers;

/// <summary>The hyper-parameters each trainer accepts, and their validation. Names are shared across trainers where they mean the same
/// thing.</summary>
public static class HyperParameters
{
    private static readonly HyperParameterSpec Trees = new("number_of_trees", true, 1, 100, "boosting rounds");
    private static readonly HyperParameterSpec Leaves = new("number_of_leaves", true, 2, 20, "maximum leaves per tree");
    private static readonly HyperParameterSpec MinLeaf = new("min_example_count_per_leaf", true, 1, 10, "minimum training rows in a leaf");
    private static readonly HyperParameterSpec L1 = new("l1_regularization", false, 0, 0, "L1 penalty weight");
    private static readonly HyperParameterSpec Iterations = new("maximum_number_of_iterations", true, 1, 100, "optimizer iterations");

    /// <summary>Accepted hyper-parameters of <paramref name="trainer"/>, in documentation order.</summary>
    public static IReadOnlyList<HyperParameterSpec> For(TrainerKind trainer) => trainer switch
    {
        TrainerKind.FastTree => [Trees, Leaves, new("learning_rate", false, 0, 0.2, "shrinkage"), MinLeaf],
        TrainerKind.LightGbm => [Trees, Leaves with { Default = 31 }, new("learning_rate", false, 0, 0.1, "shrinkage"),
            MinLeaf with { Default = 20 }, new("l2_regularization", false, 0, 0.01, "L2 penalty on leaf weights"), L1],
        _ => [new("l2_regularization", false, 0, 0.01, "L2 penalty weight"), L1, Iterations],
    };

    /// <summary>Parses <c>name=value</c> strings and merges them over the defaults.</summary>
    /// <exception cref="TrainingOptionsException">Malformed pair, unknown name (the message lists the valid ones) or bad value.</exception>
    public static IReadOnlyDictionary<string, double> Resolve(TrainerKind trainer, IEnumerable<string> assignments)
    {
        var given = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var assignment in assignments)
        {
            var eq = assignment.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw new TrainingOptionsException($"--param '{assignment}' must look like name=value");
            }

            given[assignment[..eq].Trim()] = assignment[(eq + 1)..].Trim();
        }

        return Resolve(trainer, given.ToDictionary(p => p.Key, p => Parse(p.Key, p.Value), StringComparer.Ordinal));
    }

    /// <summary>Validates numeric values and merges them over the defaults.</summary>
    public static IReadOnlyDictionary<string, double> Resolve(TrainerKind trainer, IReadOnlyDictionary<string, double> given)
    {
        var specs = For(trainer);
        var result = specs.ToDictionary(s => s.Name, s => s.Default, StringComparer.Ordinal);
        foreach (var (name, value) in given)
        {
            var spec = Find(trainer, name);
            if (double.IsNaN(value) || value < spec.Minimum || (spec.IsInteger && value != Math.Floor(value)))
            {
                throw new TrainingOptionsException($"{name} must be {(spec.IsInteger ? "an integer" : "a number")} >= " +
                    $"{spec.Minimum.ToString(CultureInfo.InvariantCulture)}, got {value.ToString(CultureInfo.InvariantCulture)}");
            }

            result[name] = value;
        }

        return result;
    }

    /// <summary>The spec named <paramref name="name"/>, or a usage error listing the valid names.</summary>
    public static HyperParameterSpec Find(TrainerKind trainer, string name) =>
        For(trainer).FirstOrDefault(s => s.Name == name)
        ?? throw new TrainingOptionsException($"unknown hyper-parameter '{name}' for trainer {trainer.ToString().ToLowerInvariant()}; " +
            $"valid: {string.Join(", ", For(trainer).Select(s => s.Name))}");

    private static double Parse(string name, string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new TrainingOptionsException($"--param {name}={text}: '{text}' is not a number");
}
