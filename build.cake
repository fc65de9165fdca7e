// RepoML's build: thin Cake targets over the `repoml` CLI. Run `dotnet tool restore` once, then
// `dotnet cake` (the whole local loop) or `dotnet cake --target=<Target>`.
// The targets live in build/*.cake; they hold no logic of their own.
#load "build/*.cake"

var target = Argument("target", "Default");

// The whole local loop that exists so far, in order. Later issues add their targets here:
//   Validate → Train → Evaluate → Compare → Register → Package → Deploy → Promote → Monitor
Task("Default")
    .IsDependentOn("Validate");
    // TODO(train issue):    .IsDependentOn("Train")
    // TODO(compare issue):  .IsDependentOn("Evaluate") .IsDependentOn("Compare") .IsDependentOn("Register")
    // TODO(serving issue):  .IsDependentOn("Package") .IsDependentOn("Deploy")
    // TODO(rollout issue):  .IsDependentOn("Promote") .IsDependentOn("Monitor")

RunTarget(target);
