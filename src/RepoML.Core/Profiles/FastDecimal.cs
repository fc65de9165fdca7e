namespace RepoML.Core.Profiles;

/// <summary>
/// Parses the numbers CSV files mostly hold (an optional minus, at most 15 digits, an optional decimal point, no exponent)
/// without the general parser: the digits as an integer below 2^53 divided by an exact power of ten (at most 10^15) is
/// one correctly rounded IEEE division, so the result is the very double <see cref="double.Parse(string)"/> gives
/// (Clinger's fast path). Anything else (more digits, exponents, a plus sign, spaces, hex) falls back to the general parser.
/// </summary>
internal static class FastDecimal
{
    private static readonly double[] PowersOfTen =
        [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

    public static bool TryParse(ReadOnlySpan<char> text, out double value)
    {
        if (TryFast(text, out value))
        {
            return true;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    private static bool TryFast(ReadOnlySpan<char> text, out double value)
    {
        value = 0;
        var i = 0;
        var negative = text.Length > 0 && text[0] == '-';
        if (negative)
        {
            i = 1;
        }

        long mantissa = 0;
        int digits = 0, decimals = 0;
        var point = false;
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if ((uint)(c - '0') <= 9)
            {
                if (++digits > 15)
                {
                    return false;
                }

                mantissa = mantissa * 10 + (c - '0');
                decimals += point ? 1 : 0;
            }
            else if (c == '.' && !point)
            {
                point = true;
            }
            else
            {
                return false;
            }
        }

        if (digits == 0)
        {
            return false;
        }

        var result = decimals == 0 ? mantissa : mantissa / PowersOfTen[decimals];
        value = negative ? -result : result;
        return true;
    }
}
