#!/usr/bin/env bash
# Benchmark: drift over 1,000,000 rows x 20 features must take under 2 s. Prints the time and its ratio to the budget;
# exits 1 when over budget. Usage: bench/monitor/monitor.sh
. "$(dirname "${BASH_SOURCE[0]}")/../lib.sh" monitor
cd "$repo_root"
dotnet run -c Release --project bench/monitor/RepoML.Bench.Monitor -nologo
