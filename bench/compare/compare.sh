#!/usr/bin/env bash
# `repoml compare` of two credit models on 100,000 rows with 1,000 paired bootstrap resamples, in process,
# Release build: prints cold and warm times and their ratio to the 3 s budget, then the Core bootstrap alone.
. "$(dirname "${BASH_SOURCE[0]}")/../lib.sh" compare
cd "$repo_root/bench/compare/RepoML.Bench.Compare"
dotnet run -c Release -- "$@"
