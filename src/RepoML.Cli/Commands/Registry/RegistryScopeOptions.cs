namespace RepoML.Cli.Commands.Registry;

/// <summary>The options the registry commands share — <c>--kind</c>, <c>--branch</c>, <c>--output</c> — added to a command and read back as
/// one <see cref="RegistryScope"/>.</summary>
internal sealed class RegistryScopeOptions
{
    private readonly Option<string> kind = RegistryCli.Kind();
    private readonly Option<string?> branch = RegistryCli.Branch();
    private readonly Option<OutputFormat> output = CommonOptions.Output();

    /// <summary>Adds the shared options after the command's own.</summary>
    public Command AddTo(Command command)
    {
        command.Options.Add(kind);
        command.Options.Add(branch);
        command.Options.Add(output);
        return command;
    }

    public RegistryScope Read(ParseResult parse) => new(RegistryAccess.ParseKind(parse.GetValue(kind)!), parse.GetValue(branch),
        parse.GetValue(output));
}

/// <summary>Which kind of asset, on which branch, written how.</summary>
internal sealed record RegistryScope(Core.Registry.AssetKind Kind, string? Branch, OutputFormat Format);
