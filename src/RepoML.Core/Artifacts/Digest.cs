using System.Diagnostics.CodeAnalysis;

namespace RepoML.Core.Artifacts;

/// <summary>
/// The content address of an artifact: a sha256 hash written <c>sha256:&lt;64 lowercase hex&gt;</c>.
/// Equal content always gives an equal digest, so a digest is both the object's name and its checksum.
/// </summary>
public sealed record Digest
{
    /// <summary>The only algorithm RepoML stores with.</summary>
    public const string Sha256 = "sha256";

    private const int HexLength = 64;
    private const string Prefix = Sha256 + ":";

    private Digest(string hex) => Hex = hex;

    /// <summary>Always <see cref="Sha256"/>; kept so the written form can grow other algorithms.</summary>
    public string Algorithm => Sha256;

    /// <summary>The hash as 64 lowercase hexadecimal characters.</summary>
    public string Hex { get; }

    /// <summary>Parses <c>sha256:&lt;hex&gt;</c>; throws <see cref="FormatException"/> saying what is wrong.</summary>
    public static Digest Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var digest, out var error) ? digest : throw new FormatException(error);
    }

    /// <summary>Parses <c>sha256:&lt;hex&gt;</c>, returning false for anything else.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out Digest? digest) =>
        TryParse(text, out digest, out _);

    /// <summary>Builds a digest from a bare hex string such as an object file name; uppercase is refused.</summary>
    public static Digest FromHex(string hex)
    {
        ArgumentNullException.ThrowIfNull(hex);
        return IsValidHex(hex) ? new Digest(hex) : throw new FormatException(
            $"'{Shorten(hex)}' is not a sha256 digest: expected {HexLength} lowercase hexadecimal characters.");
    }

    /// <summary>Builds a digest from a raw 32-byte sha256 hash.</summary>
    public static Digest FromHash(ReadOnlySpan<byte> hash)
    {
        if (hash.Length != SHA256.HashSizeInBytes)
        {
            throw new ArgumentException($"A sha256 hash has {SHA256.HashSizeInBytes} bytes, not {hash.Length}.", nameof(hash));
        }

        return new Digest(Convert.ToHexStringLower(hash));
    }

    /// <summary>Hashes bytes held in memory.</summary>
    public static Digest Compute(ReadOnlySpan<byte> content) => FromHash(SHA256.HashData(content));

    /// <summary>The written form, <c>sha256:&lt;hex&gt;</c>.</summary>
    public override string ToString() => Prefix + Hex;

    /// <summary>True when the value is 64 lowercase hexadecimal characters.</summary>
    public static bool IsValidHex(ReadOnlySpan<char> hex)
    {
        if (hex.Length != HexLength)
        {
            return false;
        }

        foreach (var c in hex)
        {
            if (!char.IsAsciiDigit(c) && c is not (>= 'a' and <= 'f'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool TryParse(string? text, [NotNullWhen(true)] out Digest? digest, out string error)
    {
        digest = null;
        if (string.IsNullOrEmpty(text))
        {
            error = "A digest is empty; expected 'sha256:<64 lowercase hex characters>'.";
            return false;
        }

        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            error = $"'{Shorten(text)}' is not a digest: expected 'sha256:<64 lowercase hex characters>'.";
            return false;
        }

        var algorithm = text[..colon];
        if (!string.Equals(algorithm, Sha256, StringComparison.Ordinal))
        {
            error = $"Digest algorithm '{Shorten(algorithm)}' is not supported; only 'sha256' is.";
            return false;
        }

        var hex = text[(colon + 1)..];
        if (!IsValidHex(hex))
        {
            error = $"'{Shorten(text)}' is not a sha256 digest: expected {HexLength} lowercase hexadecimal characters after 'sha256:'.";
            return false;
        }

        digest = new Digest(hex);
        error = string.Empty;
        return true;
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..77] + "...";
}
