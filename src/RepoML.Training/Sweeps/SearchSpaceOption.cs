using RepoML.Core.Sweeps;

namespace RepoML.Training.Sweeps;

/// <summary><c>repoml sweep --space</c>: a list of choices (<c>name=1,2,3</c>) or a uniform range (<c>name=lo..hi</c>) of a trainer's hyper-parameter.</summary>
public static class SearchSpaceOption
{
    /// <exception cref="TrainingOptionsException">Malformed text, unknown parameter name, or an empty range.</exception>
    public static SearchDimension Parse(TrainerKind trainer, string text)
    {
        var eq = text.IndexOf('=', StringComparison.Ordinal);
        if (eq <= 0 || eq == text.Length - 1)
        {
            throw new TrainingOptionsException($"--space '{text}' must look like name=v1,v2,v3 or name=lo..hi");
        }

        var name = text[..eq].Trim();
        var spec = HyperParameters.Find(trainer, name);
        var body = text[(eq + 1)..];
        var range = body.Split("..");
        if (range.Length == 2)
        {
            var (low, high) = (Number(name, range[0]), Number(name, range[1]));
            if (low > high)
            {
                throw new TrainingOptionsException($"--space {name}: the range {body} is empty");
            }

            HyperParameters.Resolve(trainer, new Dictionary<string, double> { [name] = spec.IsInteger ? Math.Ceiling(low) : low });
            return new SearchDimension(name, null, low, high, spec.IsInteger);
        }

        var choices = body.Split(',').Select(v => Number(name, v)).ToList();
        foreach (var choice in choices)
        {
            HyperParameters.Resolve(trainer, new Dictionary<string, double> { [name] = choice });
        }

        return new SearchDimension(name, choices, choices.Min(), choices.Max(), spec.IsInteger);
    }

    private static double Number(string name, string text) =>
        double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new TrainingOptionsException($"--space {name}: '{text}' is not a number");
}
