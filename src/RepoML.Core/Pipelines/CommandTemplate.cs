namespace RepoML.Core.Pipelines;

/// <summary>
/// Substitutes <c>${{inputs.x}}</c> and <c>${{outputs.y}}</c> in a command, as Azure ML does. An optional
/// segment <c>$[[ … ]]</c> is kept (without its brackets) only when every binding inside it has a value.
/// </summary>
public static partial class CommandTemplate
{
    /// <summary>Returns the command, or throws <see cref="ArgumentException"/> naming a binding with no value.</summary>
    /// <param name="searchSpace">A sweep trial's <c>${{search_space.x}}</c> values; null outside sweeps.</param>
    public static string Substitute(string template, Func<string, string?> input, Func<string, string?> output,
        Func<string, string?>? searchSpace = null) =>
        Substitute(template, input, output, value => value, searchSpace);

    /// <summary>
    /// Returns the command to hand to <c>/bin/sh -c</c>: each bound value becomes one shell word
    /// (<see cref="ShellWord.Quote"/>), so no input value can run as shell code. Unlike Azure ML, which pastes values
    /// as they are, a value with spaces or shell characters stays one argument.
    /// </summary>
    public static string SubstituteForShell(string template, Func<string, string?> input, Func<string, string?> output,
        Func<string, string?>? searchSpace = null) =>
        Substitute(template, input, output, ShellWord.Quote, searchSpace);

    private static string Substitute(string template, Func<string, string?> input, Func<string, string?> output, Func<string, string> literal,
        Func<string, string?>? searchSpace)
    {
        Func<string, string?> space = searchSpace ?? (_ => null);
        var withOptionals = OptionalPattern().Replace(template, match =>
        {
            var inner = match.Groups[1].Value;
            return Binding.FindAll(inner).All(b => Resolve(b, input, output, space) is not null) ? inner : "";
        });

        var result = new StringBuilder();
        var last = 0;
        foreach (var binding in Binding.FindAll(withOptionals))
        {
            result.Append(withOptionals, last, binding.Index - last);
            var value = Resolve(binding, input, output, space)
                ?? throw new ArgumentException(binding.Parts[0] == "search_space"
                    ? $"'{binding.Text}' has no value: only a sweep's trial command can use its search space, and the space must name it"
                    : $"'{binding.Text}' has no value: the job does not bind that input and it has no default");
            result.Append(literal(value));
            last = binding.Index + binding.Text.Length;
        }

        result.Append(withOptionals, last, withOptionals.Length - last);
        return result.ToString().Trim();
    }

    private static string? Resolve(Binding binding, Func<string, string?> input, Func<string, string?> output, Func<string, string?> space) =>
        binding.Parts switch
    {
        ["search_space", var name] => space(name),
        ["inputs", var name] => input(name),
        ["outputs", var name] => output(name),
        _ => null,
    };

    [GeneratedRegex(@"\$\[\[(.*?)\]\]", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex OptionalPattern();
}
