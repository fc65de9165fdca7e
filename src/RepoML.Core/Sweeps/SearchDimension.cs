namespace RepoML.Core.Sweeps;

/// <summary>
/// One hyper-parameter's search range: a list of choices, a uniform range [Low, High], or another of Azure ML's parameter
/// expressions (<see cref="Distribution"/>, with <see cref="Mu"/>, <see cref="Sigma"/> and the <c>q</c> step of the q-variants).
/// Choices are numbers; when <see cref="Labels"/> is set the choices are indices into it (<c>choice: ["gbdt", "dart"]</c>).
/// </summary>
public sealed record SearchDimension(string Name, IReadOnlyList<double>? Choices, double Low, double High, bool IsInteger)
{
    public SearchDistribution Distribution { get; init; } = Choices is null ? SearchDistribution.Uniform : SearchDistribution.Choice;

    public double Mu { get; init; }

    public double Sigma { get; init; }

    /// <summary>The step of <c>quniform</c>, <c>qloguniform</c>, <c>qnormal</c>, <c>qlognormal</c>: round(value / Q) · Q.</summary>
    public double? Q { get; init; }

    /// <summary>What each choice stands for, when the choices are not all numbers.</summary>
    public IReadOnlyList<string>? Labels { get; init; }

    /// <summary>A random value. Choices and uniform ranges draw exactly as they always have, so a seed keeps its trials.</summary>
    public double Sample(Random random)
    {
        var value = Distribution switch
        {
            SearchDistribution.Choice => Choices![random.Next(Choices.Count)],
            SearchDistribution.Uniform => Low + (random.NextDouble() * (High - Low)),
            SearchDistribution.LogUniform => Math.Exp(Low + (random.NextDouble() * (High - Low))),
            SearchDistribution.Normal => Mu + (Sigma * Gaussian(random)),
            SearchDistribution.LogNormal => Math.Exp(Mu + (Sigma * Gaussian(random))),
            SearchDistribution.RandInt => random.Next(0, (int)High),
            _ => throw new InvalidOperationException($"unknown distribution {Distribution}"),
        };
        if (Q is { } q && q > 0)
        {
            return Math.Round(value / q) * q;
        }

        return IsInteger && Distribution == SearchDistribution.Uniform ? Math.Clamp(Math.Round(value), Math.Ceiling(Low), Math.Floor(High)) : value;
    }

    /// <summary>The text a command sees for a drawn value: the label of a choice, or the number (integers without a fraction).</summary>
    public string Format(double value)
    {
        if (Labels is not null && Choices is not null && value >= 0 && value < Labels.Count && value == Math.Floor(value))
        {
            return Labels[(int)value];
        }

        return value == Math.Floor(value) && Math.Abs(value) < 1e15
            ? ((long)value).ToString(CultureInfo.InvariantCulture)
            : value.ToString("R", CultureInfo.InvariantCulture);
    }

    /// <summary>A standard normal draw (Box–Muller), from two uniform draws.</summary>
    private static double Gaussian(Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
