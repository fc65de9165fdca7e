namespace RepoML.Core.Diagnostics;

/// <summary>
/// Every diagnostic RepoML reports. Ids are stable: never renumber, only add.
/// RML00xx file and YAML, RML01xx schema, RML02xx references and paths, RML03xx endpoints, RML04xx pipelines.
/// </summary>
public static class DiagnosticIds
{
    public static readonly DiagnosticDescriptor YamlSyntax = new("RML0001", Severity.Error, "YAML syntax error");
    public static readonly DiagnosticDescriptor DuplicateKey = new("RML0002", Severity.Error, "Duplicate mapping key");
    public static readonly DiagnosticDescriptor UnsupportedSchema = new("RML0003", Severity.Info, "Schema not supported by RepoML; file skipped");
    public static readonly DiagnosticDescriptor FileTooLarge = new("RML0004", Severity.Error, "File too large");
    public static readonly DiagnosticDescriptor AliasExpansion = new("RML0005", Severity.Error, "YAML aliases expand too far");
    public static readonly DiagnosticDescriptor BinaryContent = new("RML0006", Severity.Error, "File is not UTF-8 text");
    public static readonly DiagnosticDescriptor NestingTooDeep = new("RML0007", Severity.Error, "YAML nesting too deep");
    public static readonly DiagnosticDescriptor TemplatePlaceholder = new("RML0008", Severity.Error, "Unsubstituted template placeholder");
    public static readonly DiagnosticDescriptor UnknownKind = new("RML0009", Severity.Warning, "Cannot tell which kind of spec a file is");
    public static readonly DiagnosticDescriptor EmptyDocument = new("RML0010", Severity.Error, "Document is empty or not a mapping");
    public static readonly DiagnosticDescriptor MultipleDocuments = new("RML0011", Severity.Error, "More than one YAML document in a spec file");
    public static readonly DiagnosticDescriptor FileUnreadable = new("RML0012", Severity.Error, "File cannot be read");

    public static readonly DiagnosticDescriptor RequiredField = new("RML0101", Severity.Error, "Required field missing");
    public static readonly DiagnosticDescriptor UnknownField = new("RML0102", Severity.Error, "Unknown field");
    public static readonly DiagnosticDescriptor WrongType = new("RML0103", Severity.Error, "Value has the wrong type");
    public static readonly DiagnosticDescriptor InvalidEnum = new("RML0104", Severity.Error, "Value is not one of the allowed values");
    public static readonly DiagnosticDescriptor OutOfRange = new("RML0105", Severity.Error, "Value out of range");
    public static readonly DiagnosticDescriptor InvalidName = new("RML0106", Severity.Error, "Name breaks Azure ML naming rules");
    public static readonly DiagnosticDescriptor InvalidFormat = new("RML0107", Severity.Error, "Value has the wrong format");
    public static readonly DiagnosticDescriptor MissingByCliFlag = new("RML0108", Severity.Warning, "Field left to a CLI flag");

    public static readonly DiagnosticDescriptor UnresolvedReference = new("RML0201", Severity.Error, "Reference does not resolve");
    public static readonly DiagnosticDescriptor MissingPath = new("RML0202", Severity.Error, "Local path does not exist");
    public static readonly DiagnosticDescriptor PathEscapesRepository = new("RML0203", Severity.Error, "Local path leaves the repository");
    public static readonly DiagnosticDescriptor ExternalReference = new("RML0204", Severity.Info,
        "Reference to an asset outside this workspace; not checked");
    public static readonly DiagnosticDescriptor DuplicateAsset = new("RML0205", Severity.Error, "Two files define the same asset");
    public static readonly DiagnosticDescriptor ReferencedModelRemoved = new("RML0206", Severity.Error,
        "A model used by a deployment cannot be removed");

    public static readonly DiagnosticDescriptor TrafficSum = new("RML0301", Severity.Error, "Traffic does not sum to 100 or 0");
    public static readonly DiagnosticDescriptor TrafficUnknownDeployment = new("RML0302", Severity.Error,
        "Traffic names a deployment that does not exist");
    public static readonly DiagnosticDescriptor MirrorTraffic = new("RML0303", Severity.Error, "Invalid mirror traffic");
    public static readonly DiagnosticDescriptor EndpointMismatch = new("RML0304", Severity.Error, "Deployment and endpoint disagree");
    public static readonly DiagnosticDescriptor UnservableScoringScript = new("RML0305", Severity.Warning,
        "Scoring script is neither Python nor a .NET scorer");

    public static readonly DiagnosticDescriptor UnresolvedBinding = new("RML0401", Severity.Error, "Binding does not resolve");
    public static readonly DiagnosticDescriptor PipelineCycle = new("RML0402", Severity.Error, "Pipeline jobs form a cycle");
    public static readonly DiagnosticDescriptor MalformedBinding = new("RML0403", Severity.Error, "Malformed binding expression");
    public static readonly DiagnosticDescriptor NotRunnableLocally = new("RML0404", Severity.Error, "Job field cannot be honoured in a local run");

    /// <summary>All descriptors, for documentation and tests.</summary>
    public static IReadOnlyList<DiagnosticDescriptor> All { get; } = typeof(DiagnosticIds)
        .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
        .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
        .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
        .ToArray();
}
