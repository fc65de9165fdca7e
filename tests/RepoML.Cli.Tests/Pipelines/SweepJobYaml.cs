namespace RepoML.Cli.Tests.Pipelines;

/// <summary>Sweep job files for the local-run tests: a trial command run in the python image, then the sweep's own fields.</summary>
internal static class SweepJobYaml
{
    public static string With(string trialCommand, string fields) =>
        "$schema: https://azuremlschemas.azureedge.net/latest/sweepJob.schema.json\ntype: sweep\ntrial:\n"
        + $"  command: {trialCommand}\n  environment:\n    image: python\n" + fields;
}
