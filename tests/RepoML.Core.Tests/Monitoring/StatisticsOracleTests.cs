using RepoML.Core.Monitoring;
using static RepoML.Core.Tests.Monitoring.OracleSamples;

namespace RepoML.Core.Tests.Monitoring;

// Reference values computed once with scipy 1.10.1 / numpy 1.24.2 (Debian python3-scipy, /usr/bin/python3):
// scipy.stats.ks_2samp(a, b) (method='auto', two-sided), scipy.stats.wasserstein_distance(a, b) / max(np.std(a), 0.001)
// (Evidently's normalised Wasserstein), scipy.stats.chisquare(f_obs, f_exp) with f_exp = reference counts · n_cur/n_ref
// (Evidently's chisquare stattest), 2·(1 − scipy.stats.norm.cdf(|z|)) (Evidently's z stattest), scipy.special.gammaincc,
// np.histogram_bin_edges(concat, bins=30) + np.histogram, scipy.spatial.distance.jensenshannon and Evidently's PSI formula.
// The samples are rebuilt in Python with the same integer formulas (OracleSamples).
public sealed class StatisticsOracleTests
{
    private const double Tolerance = 1e-6;

    public static TheoryData<string, double[], double[], double, double> KsCases => new()
    {
        { "unequal sizes", A(120, 7919, 1000, 10.0), B(90, 104729, 997, 10.0, 12.0), 0.14166666666666666, 0.23382445533843654 },
        { "equal sizes", A(200, 7919, 1000, 10.0), B(200, 104729, 997, 10.0, 5.0), 0.065, 0.7933622419382523 },
        { "1000 vs 700", A(1000, 7919, 1000, 10.0), B(700, 104729, 997, 10.0, 6.0), 0.060142857142857144, 0.09723908966274772 },
        { "heavy ties", A(150, 37, 20, 1.0), B(110, 41, 20, 1.0, 1.0), 0.07515151515151515, 0.8339690420695186 },
        { "small p", A(300, 7919, 1000, 10.0), B(250, 104729, 997, 10.0, 20.0), 0.20466666666666666, 1.781698534436114e-05 },
        { "equal sizes, shifted", A(150, 7919, 1000, 10.0), B(150, 104729, 997, 10.0, 15.0), 0.16666666666666666, 0.030838962462201636 },
    };

    [Theory]
    [MemberData(nameof(KsCases))]
    public void Should_match_scipy_ks_2samp_When_exact(string name, double[] a, double[] b, double statistic, double pValue)
    {
        // Given two fixed samples (name: see the case)
        Assert.NotEmpty(name);

        // When the two-sample KS test runs
        var (d, p) = KolmogorovSmirnov.Test(Sorted(a), Sorted(b));

        // Then statistic and p-value equal scipy's
        Assert.Equal(statistic, d, Tolerance);
        Assert.Equal(pValue, p, Tolerance);
    }

    [Fact]
    public void Should_stay_close_to_scipy_When_a_sample_exceeds_the_exact_limit()
    {
        // Given 12,000 vs 800 values: scipy switches to kstwo.sf(d, round(en)); RepoML uses the limiting distribution
        var (d, p) = KolmogorovSmirnov.Test(Sorted(A(12000, 7919, 1000, 10.0)), Sorted(B(800, 104729, 997, 10.0, 5.0)));

        // Then the statistic is exact and the p-value within the documented 1e-2 of scipy's 0.04544775815282098
        Assert.Equal(0.05, d, Tolerance);
        Assert.Equal(0.04544775815282098, p, 1e-2);
    }

    [Theory]
    [InlineData(120, 12.0, 12.04888888888889, 0.4189164089535391)]
    [InlineData(200, 5.0, 4.224500000000001, 0.14519561358759356)]
    public void Should_match_scipy_wasserstein_distance_When_normalised_as_evidently(int n, double offset, double distance, double normalised)
    {
        // Given a reference of n values and a shifted current sample (the KS cases' samples)
        var reference = Sorted(A(n, 7919, 1000, 10.0));
        var current = Sorted(B(n == 120 ? 90 : 200, 104729, 997, 10.0, offset));

        // Then the distance and Evidently's normalisation by the reference's population std match
        Assert.Equal(distance, WassersteinDistance.Compute(reference, current), Tolerance);
        Assert.Equal(normalised, WassersteinDistance.Normalized(reference, current), Tolerance);
    }

    [Fact]
    public void Should_match_scipy_chisquare_When_expected_counts_are_scaled_reference_counts()
    {
        // Given reference and current counts over four categories
        var (statistic, p) = ChiSquareTest.Test([50, 30, 15, 5], [40, 35, 25, 12]);

        // Then scipy.stats.chisquare gives the same statistic and p-value
        Assert.Equal(15.946428571428573, statistic, Tolerance);
        Assert.Equal(0.0011630252751388172, p, Tolerance);
    }

    [Fact]
    public void Should_report_p_zero_When_a_category_is_new()
    {
        // Given a category the reference never saw
        var (_, p) = ChiSquareTest.Test([50, 50, 0], [40, 40, 20]);

        // Then the expected count 0 makes the statistic infinite and p = 0, as scipy
        Assert.Equal(0, p);
    }

    [Fact]
    public void Should_match_the_evidently_z_test_When_a_feature_has_two_values()
    {
        var (z, p) = ProportionZTest.Test(300, 1000, 260, 700);

        Assert.Equal(-3.0838909028382755, z, Tolerance);
        Assert.Equal(0.002043125032673787, p, Tolerance);
    }

    [Theory]
    [InlineData(0.5, 0.1, 0.6547208460185768)]
    [InlineData(1.5, 2.0, 0.26146412994911117)]
    [InlineData(10, 3.0, 0.9988975118698845)]
    [InlineData(10, 25.0, 0.0002214766382487835)]
    [InlineData(50, 40.0, 0.9296649333406051)]
    [InlineData(0.5, 12.0, 9.63357008643095e-07)]
    public void Should_match_scipy_gammaincc(double a, double x, double expected)
    {
        Assert.Equal(expected, SpecialFunctions.RegularizedGammaQ(a, x), 1e-12);
    }

    [Fact]
    public void Should_match_numpy_histogram_jensenshannon_and_psi_When_binning_30_equal_widths()
    {
        // Given 1000 reference and 700 current values with more than 20 distinct values
        var reference = FeatureSample.Numeric("x", A(1000, 7919, 1000, 10.0));
        var current = FeatureSample.Numeric("x", B(700, 104729, 997, 10.0, 6.0));

        // When binned as Evidently does
        var binned = BinnedShares.Of(reference, current, 30);

        // Then shares, Jensen–Shannon distance and PSI equal the numpy/scipy values
        Assert.Equal([0.036, 0.035, 0.035, 0.035, 0.035], binned.Reference[..5], new ToleranceComparer(Tolerance));
        Assert.Equal([0.03857142857142857, 0.03428571428571429, 0.032857142857142856, 0.037142857142857144, 0.03142857142857143],
            binned.Current[^5..], new ToleranceComparer(Tolerance));
        Assert.Equal(0.17131648985972459, JensenShannonDistance.Compute(binned.Reference, binned.Current), Tolerance);
        Assert.Equal(0.44104240050520316, PopulationStabilityIndex.Compute(binned.Reference, binned.Current), Tolerance);
    }

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(double obj) => 0;
    }
}
