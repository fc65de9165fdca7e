#!/usr/bin/env bash
# The preamble every bench script shares. Source it first, naming the run (it names the temporary folder):
#   . "$(dirname "${BASH_SOURCE[0]}")/../lib.sh" registry        (from bench/<area>/; bench/*.sh source ./lib.sh)
# It sets strict mode and a quiet dotnet, then gives:
#   repo_root           the repository root
#   work                a temporary folder for this run, removed on exit (a script with more to clean up sets its own
#                       EXIT trap and removes "$work" there)
#   now                 the time in seconds, with nanoseconds
#   since START         seconds since START (one decimal)
#   calc EXPR [DIGITS]  awk arithmetic, DIGITS decimals (default 6)
#   ratio A B [DIGITS]  A / B, DIGITS decimals (default 2): how every script prints a figure against its budget
#   min A B             the smaller, B when A is empty (a best-of loop's accumulator)
#   build_cli [Release|Debug]     builds the repoml CLI into $work/cli and sets repoml=(dotnet $work/cli/repoml.dll)
#   publish_cli         publishes the CLI as the Cake Build target does (Release, ReadyToRun for this machine) into
#                       $work/cli and sets repoml=(...)
#   pack_version        `dotnet cake --target=Pack` into artifacts/packages; prints the version it packed
set -euo pipefail
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/repoml-bench-${1:-run}.XXXXXX")
trap 'rm -rf "$work"' EXIT

now() { date +%s.%N; }
since() { awk -v s="$1" -v e="$(now)" 'BEGIN { printf "%.1f", e - s }'; }
calc() { awk "BEGIN { printf \"%.${2:-6}f\", $1 }"; }
ratio() { awk -v a="$1" -v b="$2" -v d="${3:-2}" 'BEGIN { printf "%.*f", d, a / b }'; }
min() { awk -v a="$1" -v b="$2" 'BEGIN { print (a == "" || b < a) ? b : a }'; }

build_cli() {
    dotnet build -c "${1:-Release}" "$repo_root/src/RepoML.Cli" -o "$work/cli" -v quiet -nologo > /dev/null
    repoml=(dotnet "$work/cli/repoml.dll")
}

publish_cli() {
    dotnet publish -c Release --use-current-runtime --self-contained false "$repo_root/src/RepoML.Cli" -o "$work/cli" \
        -v quiet -nologo > /dev/null
    repoml=(dotnet "$work/cli/repoml.dll")
}

pack_version() {
    local log="$work/pack.log" version
    (cd "$repo_root" && dotnet cake --target=Pack) > "$log"
    version=$(sed 's/\x1b\[[0-9;]*m//g' "$log" | sed -n 's/.*Packing RepoML \([^ ]*\) into.*/\1/p' | head -1)
    [ -n "$version" ] || { echo "could not read the version from dotnet cake --target=Pack" >&2; cat "$log" >&2; exit 1; }
    echo "$version"
}
