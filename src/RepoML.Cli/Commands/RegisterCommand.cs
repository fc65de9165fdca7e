namespace RepoML.Cli.Commands;

/// <summary>
/// <c>repoml register SPEC.yml [--from-run RUN_ID [--job NAME] [--job-output NAME] | --path PATH…] [--dry-run] [--commit-files]</c>:
/// stores the files and commits a version record; the version number comes from Git history.
/// </summary>
public static class RegisterCommand
{
    public static Command Create(CliContext context)
    {
        var spec = new Argument<string>("spec") { Description = "The model, data or environment YAML (e.g. models/credit.yml)." };
        var fromRun = new Option<string?>("--from-run") { Description = "Register an output of this pipeline run (a run id, or 'latest')." };
        var job = new Option<string?>("--job") { Description =
            "The job of the run whose output is registered (default: the only job with that output)." };
        var jobOutput = new Option<string>("--job-output") { Description = "The job output to register.", DefaultValueFactory = _ => "model" };
        var paths = new Option<string[]>("--path") { Description =
            "Register these files or folder instead (models trained outside RepoML are welcome).", AllowMultipleArgumentsPerToken = true };
        var dryRun = new Option<bool>("--dry-run") { Description = "Only say which version it would become (works on a pull-request branch)." };
        var commitFiles = new Option<bool>("--commit-files") { Description =
            "Commit the version's files (at most 16 MiB) with its record, so any clone can use it without a team store." };
        var message = new Option<string?>("--message", "-m") { Description = "Why: goes into the registration commit message." };
        var tags = new Option<string[]>("--tag") { Description = "Extra tag NAME=VALUE (repeatable), added to the spec's tags." };
        var properties = new Option<string[]>("--property") { Description = "Extra property NAME=VALUE (repeatable)." };
        var store = RegistryCli.Store();
        var branch = RegistryCli.Branch();
        var output = CommonOptions.Output();
        var command = new Command("register", "Register a new version of a model, data asset or environment (recorded in Git).")
        {
            spec, fromRun, job, jobOutput, paths, dryRun, commitFiles, message, tags, properties, store, branch, output,
        };
        command.SetAction((parse, cancel) => RegistryCli.RunAsync(context, async () =>
        {
            var request = new RegistrationRequest(
                parse.GetValue(spec)!, parse.GetValue(fromRun), parse.GetValue(job), parse.GetValue(jobOutput)!, parse.GetValue(paths) ?? [],
                parse.GetValue(store), parse.GetValue(branch), parse.GetValue(message), parse.GetValue(tags) ?? [], parse.GetValue(properties)
                    ?? [], parse.GetValue(dryRun), parse.GetValue(commitFiles));
            Write(context, parse.GetValue(output), await Registrar.RegisterAsync(context, request, cancel));
            return (int)ExitCode.Success;
        }));
        return command;
    }

    private static void Write(CliContext context, OutputFormat format, RegistrationResult result)
    {
        var (plan, digest, commit, pending, dryRun) = result;
        if (format == OutputFormat.Json)
        {
            RegistryCli.WriteJson(context, new JsonObject
            {
                ["kind"] = plan.Kind.Word(),
                ["name"] = plan.Name,
                ["version"] = plan.Version,
                ["digest"] = digest,
                ["outcome"] = plan.Outcome switch { RegistrationOutcome.NewVersion => "new_version", RegistrationOutcome.AlreadyRegistered
                    => "already_registered", _ => "already_pending" },
                ["dry_run"] = dryRun,
                ["pending"] = pending && plan.Outcome != RegistrationOutcome.AlreadyRegistered,
                ["commit"] = commit,
            });
            return;
        }

        var text = dryRun || commit is null
            ? $"{plan.Name}: {plan.Describe()} ({digest[..19]})"
            : pending
                ? $"Registered {plan.Name} on this branch ({commit[..12]}); it becomes {plan.Name}:{plan.Version} when merged as things " +
                    $"stand ({digest[..19]})"
                : $"Registered {plan.Name}:{plan.Version} ({digest[..19]}) in {commit[..12]}";
        context.Output.WriteLine(text);
    }
}
