namespace RepoML.Onnx; internal static class AssemblyMarker;
