using RepoML.Core.Rollout;

namespace RepoML.Core.Packaging;

/// <summary>
/// The deployment file baked into an image whose deployment runs a custom .NET scorer: the author's file, with only
/// <c>code_configuration</c> changed to name the scorer's build output in the image (<c>code: ../code</c>, the
/// assembly as <c>scoring_script</c>), since the image has no SDK to build the project with.
/// </summary>
public static class ImageDeploymentFile
{
    /// <summary>Relative to the in-image endpoint folder (<see cref="ImageLayout.EndpointFolder"/>).</summary>
    public const string CodePath = "../code";

    /// <param name="path">The file's path, for messages.</param>
    /// <param name="text">The deployment file as written.</param>
    /// <param name="assembly">The scorer assembly's file name (<c>CreditScorer.dll</c>).</param>
    /// <exception cref="InvalidOperationException">The file has no <c>code_configuration</c> with <c>code</c> and <c>scoring_script</c>.</exception>
    public static string WithScorer(string path, string text, string assembly)
    {
        var code = (YamlReader.Read(path, text).Root as YamlMapping)?.GetMapping("code_configuration");
        if (code?["code"] is not YamlScalar folder || code["scoring_script"] is not YamlScalar script)
        {
            throw new InvalidOperationException($"{path}: no code_configuration with code and scoring_script");
        }

        // Edit the later scalar first, so the earlier one's position still holds.
        var edits = new[] { (Scalar: folder, Value: CodePath), (Scalar: script, Value: assembly) }
            .OrderByDescending(e => (e.Scalar.Span.Line, e.Scalar.Span.Column));
        return edits.Aggregate(text, (current, edit) => YamlTextEditor.ReplaceScalar(current, edit.Scalar, edit.Value));
    }
}
