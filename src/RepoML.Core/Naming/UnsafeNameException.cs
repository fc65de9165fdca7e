namespace RepoML.Core.Naming;

/// <summary>A name that would not stay one safe path segment, or a path that would leave its root (<see cref="NameGate"/>).</summary>
public sealed class UnsafeNameException(string message) : Exception(message);
