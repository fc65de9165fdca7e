using RepoML.Core.Profiles;

namespace RepoML.Core.Tests.Profiles;

/// <summary>The profiler's number parser gives the very bits the general parser gives, so profiles stay reproducible.</summary>
public sealed class FastDecimalTests
{
    [Theory]
    [InlineData("0")]
    [InlineData("-0")]
    [InlineData("0.1")]
    [InlineData("-123.4567")]
    [InlineData("1.")]
    [InlineData(".5")]
    [InlineData("999999999999999")]
    [InlineData("0.000000000000001")]
    [InlineData("9999999999999999")] // 16 digits: the general parser
    [InlineData("1e5")]
    [InlineData("+3")]
    [InlineData("2.5E-3")]
    [InlineData("Infinity")]
    public void Should_give_the_general_parsers_bits_When_a_number_is_parsed(string text)
    {
        Assert.True(FastDecimal.TryParse(text, out var fast));
        Assert.Equal(BitConverter.DoubleToInt64Bits(double.Parse(text, CultureInfo.InvariantCulture)), BitConverter.DoubleToInt64Bits(fast));
    }

    [Theory]
    [InlineData("")]
    [InlineData("-")]
    [InlineData(".")]
    [InlineData("1.2.3")]
    [InlineData("12a")]
    [InlineData("Oslo")]
    public void Should_refuse_When_the_text_is_not_a_number(string text) => Assert.False(FastDecimal.TryParse(text, out _));

    [Fact]
    public void Should_match_the_general_parser_bit_for_bit_When_a_million_random_decimals_are_parsed()
    {
        var random = new Random(21);
        for (var i = 0; i < 1_000_000; i++)
        {
            var digits = random.Next(1, 17);
            var whole = random.NextInt64(0, (long)Math.Pow(10, Math.Min(digits, 18))).ToString(CultureInfo.InvariantCulture);
            var point = random.Next(0, whole.Length + 1);
            var text = (random.Next(2) == 0 ? "-" : "") + (point == whole.Length ? whole : whole[..point] + "." + whole[point..]);
            Assert.True(FastDecimal.TryParse(text, out var fast), text);
            Assert.True(BitConverter.DoubleToInt64Bits(double.Parse(text, CultureInfo.InvariantCulture)) == BitConverter.DoubleToInt64Bits(fast), text);
        }
    }
}
