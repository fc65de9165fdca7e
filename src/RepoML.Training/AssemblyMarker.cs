namespace RepoML.Training; internal static class AssemblyMarker;
