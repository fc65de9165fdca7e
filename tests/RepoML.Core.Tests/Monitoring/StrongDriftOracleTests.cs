using System.Numerics;
using RepoML.Core.Monitoring;
using static RepoML.Core.Tests.Monitoring.OracleSamples;

namespace RepoML.Core.Tests.Monitoring;

// Issue 18: for strong drift the exact KS p-value was computed as 1 − (share of paths inside the band) and cancelled to 0.
// Reference values: scipy 1.10.1 ks_2samp (scipy_oracle.py, the "Strong drift" block) and, for complete separation, the
// closed form 2 / C(n₁+n₂, n₁) evaluated here with exact integers.
public sealed class StrongDriftOracleTests
{
    private const double RelativeTolerance = 1e-3;

    public static TheoryData<string, double[], double[], double, double> StrongDrift => new()
    {
        { "unequal sizes, p ~ 1e-15", A(300, 7919, 1000, 10.0), B(250, 104729, 997, 10.0, 35.0), 0.3526666666666667, 1.4643230789276938e-15 },
        { "unequal sizes, p ~ 1e-26", A(400, 7919, 1000, 10.0), B(330, 104729, 997, 10.0, 40.0), 0.4003787878787879, 1.9290998702931214e-26 },
        { "equal sizes, p ~ 1e-28", A(300, 7919, 1000, 10.0), B(300, 104729, 997, 10.0, 45.0), 0.45, 9.889598198063616e-28 },
        { "unequal sizes, separated", A(520, 7919, 1000, 10.0), B(470, 104729, 997, 10.0, 150.0), 1.0, 2.6628839857858886e-296 },
        { "equal sizes, separated", A(500, 7919, 1000, 10.0), B(500, 104729, 997, 10.0, 150.0), 1.0, 7.399507995628047e-300 },
    };

    [Theory]
    [MemberData(nameof(StrongDrift))]
    public void Should_match_scipy_to_1e3_relative_When_p_is_far_below_machine_epsilon(string name, double[] a, double[] b,
        double statistic, double pValue)
    {
        // Given two samples that drifted strongly apart (name: see the case)
        Assert.NotEmpty(name);

        // When the two-sample KS test runs
        var (d, p) = KolmogorovSmirnov.Test(Sorted(a), Sorted(b));

        // Then the statistic is scipy's and the p-value is scipy's to 1e-3 relative, not 0
        Assert.Equal(statistic, d, 1e-12);
        Assert.InRange(p / pValue, 1 - RelativeTolerance, 1 + RelativeTolerance);
    }

    [Theory]
    [InlineData(40, 31)]
    [InlineData(97, 64)]
    [InlineData(300, 211)]
    [InlineData(520, 470)]
    public void Should_equal_two_over_the_binomial_coefficient_When_the_samples_do_not_overlap(int n1, int n2)
    {
        // Given every current value above every reference value: only the two extreme lattice paths reach D = 1
        var reference = Sorted([.. Enumerable.Range(0, n1).Select(i => (double)i)]);
        var current = Sorted([.. Enumerable.Range(0, n2).Select(i => 10_000.0 + i)]);

        // When tested
        var (d, p) = KolmogorovSmirnov.Test(reference, current);

        // Then D = 1 and p = 2 / C(n₁+n₂, n₁), computed with exact integers
        Assert.Equal(1.0, d);
        var expected = Math.Exp(Math.Log(2) - BigInteger.Log(Binomial(n1 + n2, n1)));
        Assert.InRange(p / expected, 1 - RelativeTolerance, 1 + RelativeTolerance);
    }

    [Fact]
    public void Should_bin_with_sturges_rule_as_evidently_When_no_bin_count_is_configured()
    {
        // Given 1000 reference and 700 current values with more than 20 distinct values
        var reference = FeatureSample.Numeric("x", A(1000, 7919, 1000, 10.0));
        var current = FeatureSample.Numeric("x", B(700, 104729, 997, 10.0, 6.0));

        // When binned with the default options
        var binned = BinnedShares.Of(reference, current, DriftOptions.Default.Bins);

        // Then numpy's histogram_bin_edges(concat, bins="sturges") gives 12 bins with these shares
        Assert.Equal(12, binned.Labels.Count);
        Assert.Equal([0.088, 0.088, 0.088], binned.Reference[..3]);
        Assert.Equal(0.08857142857142856, binned.Current[^3], 1e-12);
        Assert.Equal(0.08714285714285715, binned.Current[^1], 1e-12);
    }

    private static BigInteger Binomial(int n, int k)
    {
        BigInteger result = 1;
        for (var i = 1; i <= k; i++) { result = result * (n - k + i) / i; }
        return result;
    }
}
