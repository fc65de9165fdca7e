#!/usr/bin/env bash
# Adoption figures for the README: the linux-x64 tool's download and installed size against their budgets
# (≤ 50 MB, ≤ 150 MB), and the time from `dotnet new repoml` to a served model, in a new workspace outside this
# repository with empty .NET and NuGet homes (so restores are real, as on a new machine).
#   bench/adoption/adoption.sh            # packs first unless artifacts/packages has this commit's packages
. "$(dirname "${BASH_SOURCE[0]}")/../lib.sh" adoption
export NO_COLOR=1
cd "$repo_root"

dotnet tool restore > /dev/null
version=$(pack_version)
export DOTNET_CLI_HOME="$work/home" NUGET_PACKAGES="$work/nuget"

mb() { calc "$1 / 1e6" 1; }

download=$(stat -c %s "artifacts/packages/RepoML.Cli.linux-x64.$version.nupkg")
pointer=$(stat -c %s "artifacts/packages/RepoML.Cli.$version.nupkg")
dotnet tool install --tool-path "$work/tool" --add-source "$repo_root/artifacts/packages" RepoML.Cli --version "$version" > /dev/null
installed=$(du -sb "$work/tool" | cut -f1)

start=$(now)
dotnet new install "$repo_root/artifacts/packages/RepoML.Templates.$version.nupkg" > /dev/null
dotnet new repoml -o "$work/my-ml" > /dev/null
t_new=$(since "$start")
cd "$work/my-ml"
printf '<configuration><packageSources><add key="repoml" value="%s" /></packageSources></configuration>\n' "$repo_root/artifacts/packages" > nuget.config
git init -q -b main && git add -A && git -c user.name=Bench -c user.email=bench@example.com commit -qm "new workspace"
dotnet tool restore > /dev/null
t_restore=$(since "$start")
for target in Validate Train Register DeployLocal; do
    GIT_AUTHOR_NAME=Bench GIT_AUTHOR_EMAIL=bench@example.com GIT_COMMITTER_NAME=Bench GIT_COMMITTER_EMAIL=bench@example.com \
        dotnet cake --target=$target > "$work/$target.log" || { cat "$work/$target.log"; exit 1; }
done
t_served=$(since "$start")
grep -q "smoke test: POST /score sample-request.json -> 200" "$work/DeployLocal.log" || { echo "the model was not served"; exit 1; }

echo "RepoML $version, linux-x64"
echo "tool download (RepoML.Cli.linux-x64)   $(mb "$download") MB   $(ratio "$download" 50000000) of the 50 MB budget (+ pointer package $(mb "$pointer") MB)"
echo "tool installed (dotnet tool install)   $(mb "$installed") MB  $(ratio "$installed" 150000000) of the 150 MB budget"
echo "dotnet new repoml → workspace          ${t_new} s"
echo "  … → tools restored (cold NuGet)      ${t_restore} s"
echo "  … → trained, registered, served      ${t_served} s   (Validate, Train, Register, DeployLocal: the sample request scored)"
