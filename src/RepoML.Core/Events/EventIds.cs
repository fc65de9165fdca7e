namespace RepoML.Core.Events;

/// <summary>
/// Event ids derived from the fact they announce (type + key, e.g. the run id and status): emitting the same fact twice
/// gives the same id, so receivers deduplicate re-deliveries and re-emissions alike.
/// </summary>
public static class EventIds
{
    /// <summary>A UUID (version 8, RFC 9562 custom) from SHA-256 of type and key.</summary>
    public static string For(string type, string key)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(type + "\n" + key));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true).ToString();
    }
}
