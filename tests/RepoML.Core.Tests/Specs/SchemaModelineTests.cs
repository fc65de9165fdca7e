namespace RepoML.Core.Tests.Specs;

/// <summary>
/// A file outside the workspace folders says what it is with a <c>$schema</c> key or with the editor comment
/// <c># yaml-language-server: $schema=…</c>, which Azure ML's early examples used.
/// </summary>
public sealed class SchemaModelineTests
{
    private const string Modeline = "# yaml-language-server: $schema=https://azuremlschemas.azureedge.net/latest/commandJob.schema.json\n";

    [Fact]
    public void Should_ValidateTheFileAsThatKind_When_ItNamesItsSchemaInAnEditorComment()
    {
        // Given a command job outside the workspace folders whose schema is named only in the editor comment, with a typo
        const string text = Modeline + "command: python train.py\nenvironment: azureml:env:1\ncomptue: cpu-cluster\n";

        // When it is loaded
        var file = SpecFileLoader.Load("jobs/train.yml", FileText.Of(text));

        // Then it is read as a command job and the typo is reported where it is
        Assert.Equal(SpecKind.CommandJob, file.Kind);
        var error = Assert.Single(file.Diagnostics);
        Assert.Equal((DiagnosticIds.UnknownField.Id, 4, 1), (error.Id, error.Line, error.Column));
    }

    [Fact]
    public void Should_PointAtTheCommentsAddress_When_TheCommentNamesASchemaRepoMLDoesNotRead()
    {
        // Given an AutoML job whose schema is named in the editor comment
        const string text = "# comment first\n#yaml-language-server:  $schema=https://azuremlsdk2.blob.core.windows.net/preview/0.0.1/autoMLJob.schema.json\n" +
            "type: automl\ntask: classification\n";

        // When it is loaded
        var file = SpecFileLoader.Load("jobs/automl.yml", FileText.Of(text));

        // Then it is skipped with the usual note, placed on the address in the comment
        var note = Assert.Single(file.Diagnostics);
        Assert.Equal((DiagnosticIds.UnsupportedSchema.Id, 2, 33), (note.Id, note.Line, note.Column));
        Assert.Contains("'autoMLJob'", note.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_PreferTheKey_When_BothTheKeyAndTheCommentNameASchema()
    {
        // Given a file whose comment says command job but whose $schema key says model
        const string text = Modeline + "$schema: https://azuremlschemas.azureedge.net/latest/model.schema.json\nname: m\npath: model.onnx\n";

        // When it is loaded
        var file = SpecFileLoader.Load("assets/model.yml", FileText.Of(text));

        // Then the key decides
        Assert.Equal(SpecKind.Model, file.Kind);
        Assert.Empty(file.Diagnostics);
    }
}
