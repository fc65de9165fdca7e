#!/usr/bin/env bash
# Registry benchmark: a generated repository of 10,000 first-parent commits with 200 models and 2,000 versions
# (git fast-import), then `repoml models list` (target < 0.5 s) and `repoml lineage` of one version (< 0.2 s),
# each as whole processes (.NET start-up included), best of N, and as a ratio to
# `git log --first-parent --oneline | wc -l` on the same repository. The CLI is published as the Cake Build
# target publishes it (Release, ReadyToRun for this machine). "cold" deletes the history cache
# (.git/repoml/history) before every run, as on a fresh clone; "cached" is every later call at the same tip.
# Usage: bench/registry/run.sh [runs=5] [commits=10000] [models=200] [versions=2000]
. "$(dirname "${BASH_SOURCE[0]}")/../lib.sh" registry

runs=${1:-5}

echo "building the generator and the repoml CLI (Release)..."
dotnet build -c Release "$repo_root/bench/registry/RepoML.Bench.Registry" -o "$work/gen" -v quiet -nologo >/dev/null
publish_cli

repo="$work/repo"
git init -q -b main "$repo"
start=$(date +%s.%N)
dotnet "$work/gen/RepoML.Bench.Registry.dll" "${2:-10000}" "${3:-200}" "${4:-2000}" | git -C "$repo" fast-import --quiet
git -C "$repo" reset -q --hard main
echo "generated $(git -C "$repo" rev-list --first-parent --count main) first-parent commits in $(awk "BEGIN { printf \"%.1f\", $(date +%s.%N) - $start }") s"

best_of() { # best_of COMMAND...: "wall cpu" of the best of $runs runs (cpu = user+sys incl. git children), output discarded
  local best="" cpu=""
  for _ in $(seq "$runs"); do
    [ "${cold:-0}" = 1 ] && rm -rf "$repo/.git/repoml"
    local s e t c; s=$(now); /usr/bin/time -f "%U %S" -o "$work/cpu" "$@" >/dev/null; e=$(now)
    t=$(awk "BEGIN { print $e - $s }"); c=$(awk '{ print $1 + $2 }' "$work/cpu")
    if [ -z "$best" ] || awk -v a="$best" -v b="$t" 'BEGIN { exit !(b < a) }'; then best=$t; cpu=$c; fi
  done
  echo "$best $cpu"
}

cd "$repo"
"${repoml[@]}" models list >/dev/null # warm the page cache and the runtime's disk state
versions=$("${repoml[@]}" models list --output json | grep -c '"version"')
echo "models list sees $versions versions; lineage target: model-007:5"

read -r baseline baseline_cpu <<<"$(best_of bash -c 'git log --first-parent --oneline | wc -l')"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores (wall times are only meaningful on an idle machine; cpu = user+sys)"
for backend in cli libgit2; do
  export REPOML_GIT_BACKEND=$backend
  for target in "models list:0.5:models list" "lineage:0.2:lineage model-007:5"; do
    IFS=: read -r label limit command <<<"$target"
    for cold in 1 0; do
      state=$([ "$cold" = 1 ] && echo cold || echo cached)
      "${repoml[@]}" $command >/dev/null # the cached runs start from a cache at this tip
      # shellcheck disable=SC2086
      read -r wall cpu <<<"$(best_of "${repoml[@]}" $command)"
      printf '%-8s %-12s %-6s wall %6.3f s (target < %s, ratio %5.1fx git log)  cpu %6.3f s (ratio %5.1fx)\n' \
        "$backend" "$label" "$state" "$wall" "$limit" "$(awk "BEGIN { print $wall / $baseline }")" "$cpu" "$(awk "BEGIN { print $cpu / ($baseline_cpu > 0 ? $baseline_cpu : 0.01) }")"
    done
  done
done
unset cold

# fast-import leaves no commit-graph; `git gc` (gc.writeCommitGraph, on by default) and `git maintenance` write one,
# so a working repository usually has it. Cold runs again with it (git CLI reader).
git commit-graph write --reachable
export REPOML_GIT_BACKEND=cli cold=1
for target in "models list:0.5:models list" "lineage:0.2:lineage model-007:5"; do
  IFS=: read -r label limit command <<<"$target"
  # shellcheck disable=SC2086
  read -r wall cpu <<<"$(best_of "${repoml[@]}" $command)"
  printf '%-8s %-12s %-6s wall %6.3f s (target < %s, ratio %5.1fx git log)  cpu %6.3f s  [with a commit-graph, as after git gc]\n' \
    cli "$label" cold "$wall" "$limit" "$(awk "BEGIN { print $wall / $baseline }")" "$cpu"
done
unset cold
printf 'baseline git log --first-parent --oneline | wc -l: wall %.3f s, cpu %.3f s\n' "$baseline" "$baseline_cpu"
