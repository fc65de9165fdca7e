using static RepoML.Core.Workspace.Validation.ValidationContext;

namespace RepoML.Core.Workspace.Validation;

/// <summary>Local paths: relative to the YAML file, inside the repository, and present.</summary>
internal sealed class LocalPathChecks(ValidationContext context)
{
    /// <summary>
    /// Checks a path-valued entry. Returns the resolved workspace-relative path when it exists locally.
    /// <paramref name="mustBeFolder"/>: true folder only, false file only, null either.
    /// </summary>
    public string? CheckLocalPath(SpecFile file, YamlEntry? entry, bool? mustBeFolder)
    {
        if (entry?.Value is not YamlScalar { IsNull: false } scalar || WorkspacePaths.IsRemote(scalar.Value)
            || Schema.SchemaValidator.IsTemplatePlaceholder(scalar.Value) || Schema.SchemaValidator.IsBinding(scalar.Value))
        {
            return null;
        }

        var resolved = WorkspacePaths.Resolve(file.Path, scalar.Value);
        if (resolved is null)
        {
            Report(file, DiagnosticIds.PathEscapesRepository, scalar.Span,
                $"'{entry.Key.Value}: {scalar.Value}' points outside the repository; local paths are relative to the YAML file and stay " +
                $"inside the repository");
            return null;
        }

        if (context.Files.LinkProblem(resolved) is { } linkProblem)
        {
            Report(file, DiagnosticIds.PathEscapesRepository, scalar.Span, $"'{entry.Key.Value}: {scalar.Value}': {linkProblem}");
            return null;
        }

        var isFile = context.Files.FileExists(resolved);
        var isFolder = !isFile && context.Files.DirectoryExists(resolved);
        if ((mustBeFolder is null && (isFile || isFolder)) || (mustBeFolder == true && isFolder) || (mustBeFolder == false && isFile))
        {
            return resolved;
        }

        var what = mustBeFolder switch { true => "folder", false => "file", _ => "file or folder" };
        var found = isFile ? " (it is a file)" : isFolder ? " (it is a folder)" : "";
        Report(file, DiagnosticIds.MissingPath, scalar.Span,
            $"{what} '{scalar.Value}' of '{entry.Key.Value}' does not exist{found} (looked for {resolved})");
        return null;
    }

    public void CheckDataAsset(SpecFile file)
    {
        var type = file.Root!.GetString("type")?.ToLowerInvariant() ?? "uri_folder";
        var mustBeFolder = type switch { "uri_file" => false, "uri_folder" or "mltable" => true, _ => (bool?)null };
        var resolved = CheckLocalPath(file, file.Root.Entry("path"), mustBeFolder);
        if (type == "mltable" && resolved is not null && !context.Files.FileExists(resolved + "/MLTable"))
        {
            Report(file, DiagnosticIds.MissingPath, file.Root.Entry("path")!.Value.Span, $"mltable folder '{resolved}' has no MLTable file");
        }
    }

    public void CheckEnvironment(SpecFile file, YamlMapping environment)
    {
        CheckLocalPath(file, environment.Entry("conda_file"), mustBeFolder: false);
        if (environment.GetMapping("build") is { } build)
        {
            var buildContext = CheckLocalPath(file, build.Entry("path"), mustBeFolder: null);
            var dockerfile = build.GetString("dockerfile_path") ?? "Dockerfile";
            if (buildContext is not null && context.Files.DirectoryExists(buildContext) && !context.Files.FileExists($"{buildContext}/{dockerfile}"))
            {
                Report(file, DiagnosticIds.MissingPath, (build.Entry("dockerfile_path")?.Value ?? build.Entry("path")!.Value).Span,
                    $"build context '{buildContext}' has no '{dockerfile}'");
            }
        }
    }
}
