#!/usr/bin/env bash
# Issue 20's loop figures: `dotnet cake` (the whole local loop: validate, train, compare, register, serve, package,
# monitor) cold and warm, in a fresh clone of this repository and in a workspace made with `dotnet new repoml`.
# Cold: the first run after the clone / `dotnet new` (the clone packs the tool from src/; both train, build the
# images, start the local registry where none runs). Warm: the run right after, nothing changed; bar ≤ 20 s.
#   bench/cake/cake.sh            # prints one line per figure and the warm/bar ratios
. "$(dirname "${BASH_SOURCE[0]}")/../lib.sh" cake
export NO_COLOR=1
export GIT_AUTHOR_NAME=Bench GIT_AUTHOR_EMAIL=bench@example.com GIT_COMMITTER_NAME=Bench GIT_COMMITTER_EMAIL=bench@example.com
bar=20

# One timed `dotnet cake` in the current folder; its log goes to $work/$1.log, failing loudly.
timed_cake() {
    local start; start=$(now)
    dotnet cake > "$work/$1.log" 2>&1 || { tail -40 "$work/$1.log"; echo "dotnet cake failed ($1)"; exit 1; }
    since "$start"
}

# This repository, freshly cloned (the NuGet cache of this machine is warm: that is a developer's second clone).
git clone -q "$repo_root" "$work/repo"
cd "$work/repo"
dotnet tool restore > /dev/null
repo_cold=$(timed_cake repo-cold)
repo_warm=$(timed_cake repo-warm)
grep -q "PackageLocal" "$work/repo-warm.log"

# A workspace made from the template with the packages of this commit, with empty .NET and NuGet homes.
version=$(pack_version)
export DOTNET_CLI_HOME="$work/home" NUGET_PACKAGES="$work/nuget"
dotnet new install "$repo_root/artifacts/packages/RepoML.Templates.$version.nupkg" > /dev/null
dotnet new repoml -o "$work/ws" > /dev/null
cd "$work/ws"
printf '<configuration><packageSources><add key="repoml" value="%s" /></packageSources></configuration>\n' "$repo_root/artifacts/packages" > nuget.config
git init -q -b main && git add -A && git commit -qm "new workspace"
dotnet tool restore > /dev/null
ws_cold=$(timed_cake ws-cold)
ws_warm=$(timed_cake ws-warm)

echo "RepoML $version, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "dotnet cake, fresh clone of this repository   cold ${repo_cold} s   warm ${repo_warm} s   warm/bar $(ratio "$repo_warm" "$bar") (bar ≤ ${bar} s)"
echo "dotnet cake, workspace from dotnet new repoml  cold ${ws_cold} s   warm ${ws_warm} s   warm/bar $(ratio "$ws_warm" "$bar") (bar ≤ ${bar} s)"
echo "slowest warm targets (repository):"
sed 's/\x1b\[[0-9;]*m//g' "$work/repo-warm.log" | awk '/Task +Duration/{t=1;next} t&&/Succeeded/{print "  " $1, $2}' | sort -k2 -r | head -3
