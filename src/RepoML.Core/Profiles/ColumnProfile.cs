namespace RepoML.Core.Profiles;

/// <summary>
/// One column's profile. <see cref="Numeric"/> and <see cref="Histogram"/> are set for number columns;
/// <see cref="Top"/> lists the most frequent values (of any column) with their share of the non-missing cells: ten, or every
/// value of a number column with at most <see cref="ColumnSummarizer.ExactValues"/> of them.
/// </summary>
public sealed record ColumnProfile(
    string Name,
    ColumnType Type,
    long Missing,
    double MissingShare,
    long Distinct,
    NumericSummary? Numeric,
    Histogram? Histogram,
    IReadOnlyList<CategoryShare> Top);

/// <summary>Min, max, mean, population standard deviation and quantiles (linear interpolation, as numpy's default).</summary>
public sealed record NumericSummary(double Min, double Max, double Mean, double Std, IReadOnlyList<Quantile> Quantiles);

public sealed record Quantile(double P, double Value);

/// <summary>Equal-width bins: <c>Edges.Count == Counts.Count + 1</c>; the last bin includes its right edge.</summary>
public sealed record Histogram(IReadOnlyList<double> Edges, IReadOnlyList<long> Counts);

public sealed record CategoryShare(string Value, long Count, double Share);
