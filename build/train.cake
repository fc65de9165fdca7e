// Train: runs the sample training pipeline (split → train → evaluate → register) locally through
// `repoml run`. Unchanged jobs are reused from the step cache, so a second run costs almost nothing.
// Pass --pipeline=<file> to run another pipeline, --force-rerun=true to ignore the cache.

var trainPipeline = Argument("pipeline", "pipelines/train.yml");
var forceRerun = Argument("force-rerun", false);

Task("Train")
    .Description("Runs the training pipeline locally (repoml run) with the step cache.")
    .IsDependentOn("Build")
    .Does(() =>
{
    var args = new List<string> { "run", trainPipeline, "--explain" };
    if (forceRerun)
    {
        args.Add("--force-rerun");
    }

    RepoML(args.ToArray());
});
