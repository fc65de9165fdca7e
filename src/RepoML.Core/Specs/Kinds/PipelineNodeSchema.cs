namespace RepoML.Core.Specs.Kinds;

/// <summary>
/// The <c>jobs</c> of a pipeline job, keyed by node name and typed by <c>type</c> (default <c>command</c>).
/// Command nodes are checked field by field; sweep, parallel, spark, AutoML, nested pipeline and control-flow nodes
/// have their common fields checked and the rest passed through, as Azure ML's node schemas include unknown fields.
/// </summary>
public static class PipelineNodeSchema
{
    private static readonly FieldSchema[] NodeFields =
    [
        new("inputs", JobInputsSchema.Schema),
        new("outputs", JobOutputsSchema.NodeSchema),
        new("component", CommandComponentSchema.ReferenceOrInline),

        // Azure ML's base node schema declares a free-text comment shown in the studio's graph.
        new("comment", new StringSchema()),
    ];

    public static ObjectSchema Command { get; } = new("command node",
    [
        .. CommandJobSchema.JobFields,
        .. CommandJobSchema.CommandFields,
        .. NodeFields,
        new("type", new EnumSchema("command"), Default: "command"),

        // An inline command node has command and environment; a component node takes them from the component.
        new("command", new StringSchema()),
        new("environment", EnvironmentSchema.ReferenceOrInline),
    ]);

    private static ObjectSchema Tolerant(string type, params IEnumerable<FieldSchema> extra) => new($"{type} node",
    [
        .. CommandJobSchema.JobFields,
        .. NodeFields,
        new("type", new EnumSchema(type)),
        .. extra,
    ], AllowUnknown: true);

    private static readonly Dictionary<string, ObjectSchema> Cases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["command"] = Command,
        ["sweep"] = Tolerant("sweep", [new FieldSchema("trial", CommandComponentSchema.ReferenceOrInline), .. SweepJobSchema.SweepFields]),
        ["parallel"] = Tolerant(
            "parallel",
            new FieldSchema("resources", JobResourcesSchema.Schema),
            new FieldSchema("max_concurrency_per_instance", new IntegerSchema(1), Default: "1"),
            new FieldSchema("error_threshold", new IntegerSchema(-1), Default: "-1"),
            new FieldSchema("mini_batch_error_threshold", new IntegerSchema(-1), Default: "-1"),
            new FieldSchema("retry_settings", BatchRetrySettingsSchema.Schema),
            CommonFields.EnvironmentVariables),
        ["spark"] = Tolerant(
            "spark",
            new FieldSchema("py_files", new ListSchema(new StringSchema())),
            new FieldSchema("jars", new ListSchema(new StringSchema())),
            new FieldSchema("files", new ListSchema(new StringSchema())),
            new FieldSchema("archives", new ListSchema(new StringSchema())),
            new FieldSchema("conf", new MapSchema(new StringSchema()))),
        ["automl"] = Tolerant("automl"),
        ["pipeline"] = Tolerant("pipeline", new FieldSchema("settings", PipelineSettingsSchema.Schema)),
        ["data_transfer"] = Tolerant("data_transfer"),
        ["import"] = Tolerant("import"),
        ["if_else"] = Tolerant("if_else"),
        ["do_while"] = Tolerant("do_while"),
        ["parallel_for"] = Tolerant("parallel_for"),
        ["flow"] = Tolerant("flow"),
    };

    public static DiscriminatedSchema Node { get; } = new("pipeline node", "type", Cases, DefaultCase: "command");

    public static MapSchema Jobs { get; } = new(Node);
}
