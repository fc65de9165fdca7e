namespace RepoML.Git; internal static class AssemblyMarker;
