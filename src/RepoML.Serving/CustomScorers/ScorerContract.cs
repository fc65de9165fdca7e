using System.Reflection;

namespace RepoML.Serving.CustomScorers;

/// <summary>
/// The custom scorer contract, Azure ML's <c>init()</c>/<c>run(raw)</c> in .NET, found by convention so a scorer needs
/// no package reference: exactly one public, non-abstract class with a public parameterless constructor and
/// <c>public string Run(string rawData)</c> or <c>public Task&lt;string&gt; RunAsync(string rawData, CancellationToken
/// cancellationToken)</c> (RunAsync wins when both exist), and optionally <c>public void Init(string modelDirectory)</c>,
/// called once before the first request.
/// </summary>
public static class ScorerContract
{
    /// <summary>What the contract asks for, for messages and docs.</summary>
    public const string Shape = "a public class with a public parameterless constructor, an optional 'public void Init(string modelDirectory)' and "
        + "'public string Run(string rawData)' or 'public Task<string> RunAsync(string rawData, CancellationToken cancellationToken)'";

    /// <summary>Finds the one scorer class of <paramref name="assembly"/>.</summary>
    /// <exception cref="ScorerLoadException">No scorer class, several, or a type that cannot be loaded.</exception>
    public static Type FindScorerType(Assembly assembly)
    {
        Type[] exported;
        try
        {
            exported = assembly.GetExportedTypes();
        }
        catch (Exception ex) when (ex is ReflectionTypeLoadException or FileNotFoundException or FileLoadException or TypeLoadException)
        {
            throw new ScorerLoadException($"the types of {assembly.GetName().Name} cannot be loaded: {Describe(ex)}");
        }

        var candidates = exported.Where(IsScorer).ToList();
        return candidates switch
        {
            [var one] => one,
            [] => throw new ScorerLoadException($"{assembly.GetName().Name}.dll has no scorer class: write {Shape}"),
            _ => throw new ScorerLoadException($"{assembly.GetName().Name}.dll has {candidates.Count} scorer classes " +
                $"({string.Join(", ", candidates.Select(c => c.FullName).Order(StringComparer.Ordinal))}); "
                + "exactly one public class may have Run or RunAsync (make the others internal)"),
        };
    }

    /// <summary>The scorer's run method as a delegate bound to <paramref name="instance"/>.</summary>
    public static Func<string, CancellationToken, Task<string?>> BindRun(object instance)
    {
        var type = instance.GetType();
        if (RunAsyncMethod(type) is { } runAsync)
        {
            return runAsync.CreateDelegate<Func<string, CancellationToken, Task<string?>>>(instance);
        }

        var run = RunMethod(type)!.CreateDelegate<Func<string, string?>>(instance);
        return (raw, _) => Task.FromResult(run(raw));
    }

    /// <summary>The scorer's <c>Init(string)</c> bound to <paramref name="instance"/>, or null when it has none.</summary>
    /// <exception cref="ScorerLoadException">A public method named Init with another signature.</exception>
    public static Action<string>? BindInit(object instance)
    {
        var type = instance.GetType();
        var inits = type.GetMethods(BindingFlags.Public | BindingFlags.Instance).Where(m => m.Name == "Init").ToList();
        var init = inits.FirstOrDefault(m => m.ReturnType == typeof(void) && Parameters(m, typeof(string)));
        return init is not null ? init.CreateDelegate<Action<string>>(instance)
            : inits.Count > 0 ? throw new ScorerLoadException($"{type.FullName}.Init must be 'public void Init(string modelDirectory)'")
            : null;
    }

    /// <summary>The innermost message of a reflection or type-initialiser exception.</summary>
    public static string Describe(Exception exception) => exception switch
    {
        TargetInvocationException { InnerException: { } inner } => Describe(inner),
        TypeInitializationException { InnerException: { } inner } => Describe(inner),
        ReflectionTypeLoadException { LoaderExceptions: [{ } first, ..] } => Describe(first),
        _ => exception.Message,
    };

    private static bool IsScorer(Type type) =>
        type is { IsClass: true, IsAbstract: false, ContainsGenericParameters: false }
        && type.GetConstructor(Type.EmptyTypes) is { IsPublic: true }
        && (RunMethod(type) is not null || RunAsyncMethod(type) is not null);

    private static MethodInfo? RunMethod(Type type) =>
        type.GetMethod("Run", BindingFlags.Public | BindingFlags.Instance,
            [typeof(string)]) is { ReturnType: var r } m && r == typeof(string) ? m : null;

    private static MethodInfo? RunAsyncMethod(Type type) =>
        type.GetMethod("RunAsync", BindingFlags.Public | BindingFlags.Instance, [typeof(string),
            typeof(CancellationToken)]) is { ReturnType: var r } m
        && r == typeof(Task<string>) ? m : null;

    private static bool Parameters(MethodInfo method, params Type[] types) => method.GetParameters().Select(p
        => p.ParameterType).SequenceEqual(types);
}
