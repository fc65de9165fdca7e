namespace RepoML.Cli;

/// <summary>Composition root of the <c>repoml</c> tool: builds the command tree and maps failures to exit codes.</summary>
public static class RepoMLApp
{
    public static RootCommand BuildRoot(CliContext context)
    {
        var root = new RootCommand("RepoML: a Git repository as a machine-learning workspace (Azure ML CLI v2 YAML, ONNX, Git lineage).");
        var verbosity = Output.CommonOptions.Verbosity();
        verbosity.Recursive = true;
        root.Options.Add(verbosity);
        foreach (var command in CommandCatalog.Create(context))
        {
            root.Subcommands.Add(command);
        }

        return root;
    }

    public static async Task<int> RunAsync(string[] args, CliContext context, CancellationToken cancellation = default)
    {
        var root = BuildRoot(context);
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            var command = parsed.CommandResult.Command;
            var commands = command.Subcommands.SelectMany(c => c.Aliases.Prepend(c.Name)).ToList();
            var options = command.Options.Concat(root.Options).SelectMany(o => o.Aliases.Prepend(o.Name)).ToList();
            foreach (var error in parsed.Errors)
            {
                var hint = parsed.UnmatchedTokens.Where(t => error.Message.Contains($"'{t}'", StringComparison.Ordinal))
                    .Select(t => Core.Schema.CommandLineHints.Suggest(t, commands, options)).FirstOrDefault(h => h is not null);
                await context.Error.WriteLineAsync($"error: {error.Message}{(hint is null ? "" : $" Did you mean '{hint}'?")}");
            }

            await context.Error.WriteLineAsync($"Run 'repoml {string.Join(' ', CommandPath(parsed))} --help' for usage.".Replace("  ", " ",
                StringComparison.Ordinal));
            return (int)ExitCode.Usage;
        }

        try
        {
            return await parsed.InvokeAsync(new InvocationConfiguration { Output = context.Output, Error = context.Error,
                EnableDefaultExceptionHandler = false }, cancellation);
        }
        catch (WorkflowException failure)
        {
            WorkflowErrors.Write(context, failure);
            return (int)ExitCodes.Of(failure.Kind);
        }
        catch (Core.Naming.UnsafeNameException ex)
        {
            // A name that would become a path outside its folder, or look like another: refused before anything is written.
            await context.Error.WriteLineAsync($"error {Core.Diagnostics.DiagnosticIds.InvalidName.Id}: {ex.Message}");
            return (int)ExitCode.Invalid;
        }
        catch (OperationCanceledException)
        {
            await context.Error.WriteLineAsync("cancelled");
            return 130;
        }
        catch (Exception ex)
        {
            var verbose = parsed.GetValue<Output.Verbosity>("--verbosity") == Output.Verbosity.Diagnostic;
            await context.Error.WriteLineAsync($"unexpected error: {ex.Message}");
            await context.Error.WriteLineAsync(verbose ? ex.ToString() : "Run again with '--verbosity diagnostic' to see the stack trace.");
            return (int)ExitCode.Unexpected;
        }
    }

    private static IEnumerable<string> CommandPath(ParseResult parsed)
    {
        var names = new List<string>();
        for (var result = parsed.CommandResult; result is not null
            && result.Parent is not null; result = result.Parent as System.CommandLine.Parsing.CommandResult)
        {
            names.Insert(0, result.Command.Name);
        }

        return names;
    }
}
