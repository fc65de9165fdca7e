namespace RepoML.Serving.Tests.Conformance;

/// <summary>A fact that needs the ONNX backend test models of the Debian package libonnx-testdata; skipped with the reason when it is not
/// installed.</summary>
public sealed class LibOnnxTestDataFactAttribute : FactAttribute
{
    public const string Folder = "/usr/share/libonnx-testdata/data";

    public LibOnnxTestDataFactAttribute()
    {
        if (!Directory.Exists(Folder))
        {
            Skip = $"{Folder} not found: install the libonnx-testdata package (apt-get install -y libonnx-testdata)";
        }
    }
}
