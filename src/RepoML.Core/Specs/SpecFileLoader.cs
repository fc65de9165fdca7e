namespace RepoML.Core.Specs;

/// <summary>
/// Reads one YAML file, decides its kind from <c>$schema</c> (or a <c># yaml-language-server: $schema=</c> comment, or its
/// folder) and checks it against the schema.
/// </summary>
public static class SpecFileLoader
{
    public static SpecFile Load(string path, FileText content, YamlLimits? limits = null)
    {
        limits ??= YamlLimits.Default;
        switch (content.Problem)
        {
            case FileTextProblem.TooLarge:
                return Failed(path, DiagnosticIds.FileTooLarge, $"file is {content.Length:N0} bytes; spec files are limited to {limits.MaxBytes:N0}");
            case FileTextProblem.NotUtf8:
                return Failed(path, DiagnosticIds.BinaryContent, "file is not UTF-8 text (binary data?)");
            case FileTextProblem.Unreadable:
                return Failed(path, DiagnosticIds.FileUnreadable, "file cannot be read");
        }

        var text = content.Text ?? "";
        var parsed = YamlReader.Read(path, text, limits);
        if (parsed.Root is null)
        {
            var broken = new SpecFile(path, KindByFolder(path, null), null, text, hasSchema: false);
            broken.Diagnostics.AddRange(parsed.Diagnostics);
            if (parsed.Diagnostics.Count == 0 && broken.Kind is not null)
            {
                broken.Diagnostics.Add(Diagnostic.InFile(DiagnosticIds.EmptyDocument, path, "the file is empty; a spec file is a YAML mapping"));
            }

            return broken;
        }

        if (parsed.Root is not YamlMapping root)
        {
            var notMapping = new SpecFile(path, KindByFolder(path, null), null, text, hasSchema: false);
            notMapping.Diagnostics.AddRange(parsed.Diagnostics);
            notMapping.Diagnostics.Add(Diagnostic.At(DiagnosticIds.EmptyDocument, parsed.Root.Span,
                $"a spec file is a YAML mapping, not a {parsed.Root.KindName}"));
            return notMapping;
        }

        var schemaUrl = root.GetString("$schema");
        var schemaSpan = root["$schema"]?.Span;
        if (schemaUrl is null && SchemaModeline.Find(path, text) is { } modeline)
        {
            (schemaUrl, schemaSpan) = modeline;
        }

        var kind = schemaUrl is null ? KindByFolder(path, root) : SpecKindCatalog.FromSchemaUrl(schemaUrl);
        var file = new SpecFile(path, kind, root, text, hasSchema: schemaUrl is not null);
        file.Diagnostics.AddRange(parsed.Diagnostics);
        if (kind is null)
        {
            // RepoML's own kinds (comparison policies, …) are validated by their registry, not skipped.
            if (schemaUrl is not null && RepoMLSchemas.TryValidate(schemaUrl, root, file.Diagnostics))
            {
                return file;
            }

            if (schemaUrl is not null)
            {
                file.Diagnostics.Add(Diagnostic.At(DiagnosticIds.UnsupportedSchema, schemaSpan,
                    $"RepoML does not read '{SpecKindCatalog.SchemaName(schemaUrl)}' files; skipped"));
            }

            return file;
        }

        SchemaValidator.Validate(root, SpecKindCatalog.SchemaOf(kind.Value), file.Diagnostics);
        return file;
    }

    /// <summary>
    /// The kind of a file without <c>$schema</c>, from the top-level workspace folder it sits in;
    /// null outside those folders (such files are data, conda files and the like, not specs).
    /// </summary>
    public static SpecKind? KindByFolder(string path, YamlMapping? root) => WorkspacePaths.TopFolder(path) switch
    {
        "models" => SpecKind.Model,
        "environments" => SpecKind.Environment,
        "data" => SpecKind.Data,
        "pipelines" => PipelineKindByShape(path, root),
        "endpoints" => EndpointKindByShape(root),
        _ => null,
    };

    private static SpecKind PipelineKindByShape(string path, YamlMapping? root)
    {
        if (root is null || root["jobs"] is not null || root["command"] is null)
        {
            return SpecKind.PipelineJob;
        }

        return path.Contains("/components/", StringComparison.Ordinal) ? SpecKind.CommandComponent : SpecKind.CommandJob;
    }

    /// <summary>An endpoints/ file without <c>$schema</c> is a spec only when its keys say which kind it is.</summary>
    private static SpecKind? EndpointKindByShape(YamlMapping? root)
    {
        if (root is null)
        {
            return SpecKind.ManagedOnlineEndpoint; // unparsable: still reported as a broken workspace file
        }

        if (root["mini_batch_size"] is not null || root["output_action"] is not null || root["compute"] is not null)
        {
            return SpecKind.BatchDeployment;
        }

        if (root["endpoint_name"] is not null || root["instance_type"] is not null || root["code_configuration"] is not null)
        {
            return SpecKind.ManagedOnlineDeployment;
        }

        return root["auth_mode"] is not null || root["traffic"] is not null ? SpecKind.ManagedOnlineEndpoint : null;
    }

    private static SpecFile Failed(string path, DiagnosticDescriptor descriptor, string message)
    {
        var file = new SpecFile(path, KindByFolder(path, null), null, null, hasSchema: false);
        file.Diagnostics.Add(Diagnostic.InFile(descriptor, path, message));
        return file;
    }
}
