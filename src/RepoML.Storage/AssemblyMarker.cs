namespace RepoML.Storage; internal static class AssemblyMarker;
