namespace RepoML.Core.Registry;

/// <summary>Source-generated JSON metadata for registration records: no reflection warm-up when thousands are read.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(RegistrationRecord))]
internal sealed partial class RegistryJsonContext : JsonSerializerContext;
