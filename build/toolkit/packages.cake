// The toolkit's own build (this repository only). `Pack` makes every package with one version into
// artifacts/packages: RepoML.Cli (the repoml dotnet tool, one package per platform plus a pointer package),
// RepoML.Build (MSBuild integration) and RepoML.Templates (`dotnet new repoml`). `Build` packs the tool for this
// machine's platform and installs it into artifacts/tool, so the sample workspace's targets run the packaged tool
// exactly as an adopter's workspace runs its restored one; it does nothing when no input changed.

var packagesFolder = MakeAbsolute(Directory("artifacts/packages"));
var toolFolder = MakeAbsolute(Directory("artifacts/tool"));
var toolStamp = toolFolder.CombineWithFilePath(".repoml-inputs");

DotNetPackSettings PackSettings(string version, string extraProperties = null) => new DotNetPackSettings
{
    Configuration = "Release",
    OutputDirectory = packagesFolder,
    NoLogo = true,
    MSBuildSettings = new DotNetMSBuildSettings().WithProperty("Version", version).WithProperty("ContinuousIntegrationBuild", "true"),
    ArgumentCustomization = args => extraProperties == null ? args : args.Append(extraProperties),
};

Task("Pack")
    .Description("Packs RepoML.Cli (linux-x64, win-x64, osx-arm64), RepoML.Build and RepoML.Templates into artifacts/packages.")
    .Does(() =>
{
    var version = ProductVersion(ProductInputHash());
    Information("Packing RepoML {0} into {1}", version, packagesFolder);
    DotNetPack("src/RepoML.Cli/RepoML.Cli.csproj", PackSettings(version));
    DotNetPack("src/RepoML.Build/RepoML.Build.csproj", PackSettings(version));
    DotNetPack("templates/RepoML.Templates/RepoML.Templates.csproj", PackSettings(version));
    foreach (var package in GetFiles($"{packagesFolder}/*.{version}.nupkg").OrderBy(f => f.FullPath))
    {
        Information("  {0,-45} {1,6:F1} MB", package.GetFilename(), new System.IO.FileInfo(package.FullPath).Length / 1e6);
    }
});

Task("Build")
    .Description("Packs the repoml tool for this platform and installs it into artifacts/tool (skipped when nothing changed).")
    .WithCriteria(() => string.IsNullOrEmpty(EnvironmentVariable("REPOML_CLI")), "REPOML_CLI names the tool to use")
    .Does(() =>
{
    var inputs = ProductInputHash();
    var version = ProductVersion(inputs);
    var tool = toolFolder.CombineWithFilePath("repoml").FullPath;
    var stamp = $"{version} {inputs}";
    if (FileExists(tool) && FileExists(toolStamp) && System.IO.File.ReadAllText(toolStamp.FullPath) == stamp)
    {
        Information("repoml {0} in artifacts/tool is up to date", version);
        repomlInstalled = tool;
        return;
    }

    var rid = System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier;
    Information("Packing repoml {0} for {1} and installing it into artifacts/tool", version, rid);
    DotNetPack("src/RepoML.Cli/RepoML.Cli.csproj", PackSettings(version, $"-p:RuntimeIdentifiers={rid}"));
    if (DirectoryExists(toolFolder))
    {
        DeleteDirectory(toolFolder, new DeleteDirectorySettings { Recursive = true, Force = true });
    }

    var install = new ProcessArgumentBuilder().Append("tool").Append("install").Append("--tool-path").AppendQuoted(toolFolder.FullPath)
        .Append("--add-source").AppendQuoted(packagesFolder.FullPath).Append("RepoML.Cli").Append("--version").Append(version);
    if (StartProcess("dotnet", new ProcessSettings { Arguments = install }) != 0)
    {
        throw new CakeException($"dotnet tool install of RepoML.Cli {version} from {packagesFolder} failed");
    }

    System.IO.File.WriteAllText(toolStamp.FullPath, stamp);
    repomlInstalled = tool;
});
