using System.Reflection;
using System.Runtime.Loader;

namespace RepoML.Serving.CustomScorers;

/// <summary>
/// The collectible load context of one custom scorer. The scorer's private dependencies come from its own folder
/// (through its <c>.deps.json</c>), but whatever the host already has (ONNX Runtime, System.Text.Json, ASP.NET Core,
/// the framework) is shared with the host: one copy of each assembly and of its native library in the process. A
/// dependency the host has only in an older version than the scorer asks for is the scorer's own copy.
/// </summary>
internal sealed class ScorerLoadContext(string name, string assemblyPath) : AssemblyLoadContext(name, isCollectible: true)
{
    private readonly AssemblyDependencyResolver resolver = new(assemblyPath);

    /// <summary>The scorer assembly, absolute.</summary>
    public string AssemblyPath { get; } = assemblyPath;

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        if (FromHost(assemblyName) is { } shared)
        {
            return shared;
        }

        return resolver.ResolveAssemblyToPath(assemblyName) is { } path ? LoadFromAssemblyPath(path) : null;
    }

    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName) =>
        resolver.ResolveUnmanagedDllToPath(unmanagedDllName) is { } path ? LoadUnmanagedDllFromPath(path) : IntPtr.Zero;

    private static Assembly? FromHost(AssemblyName assemblyName)
    {
        try
        {
            return Default.LoadFromAssemblyName(assemblyName);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
        catch (FileLoadException)
        {
            return null;
        }
    }
}
