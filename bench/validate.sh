#!/usr/bin/env bash
# Validating a generated workspace of 1,000 spec files, warm: BenchmarkDotNet, then the ratio to the 1 s budget.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh" validate
cd "$repo_root/bench/RepoML.Bench.Validate"
dotnet run -c Release -- --filter '*' --join "$@" | tee "$work/validate.txt"
mean_ms=$(grep -E 'LoadAndValidate1000Specs' "$work/validate.txt" | tail -1 | awk -F'|' '{print $3}' | sed 's/[^0-9.,a-z ]//g' | awk '{v=$1; gsub(",","",v); u=$2; if (u=="s") v*=1000; if (u=="us"||u=="μs") v/=1000; print v}')
echo "validate 1,000 spec files: mean ${mean_ms} ms; budget 1000 ms; ratio $(ratio "$mean_ms" 1000 3)"
