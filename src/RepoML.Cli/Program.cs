using RepoML.Cli;

return await RepoMLApp.RunAsync(args, CliContext.FromProcess());
