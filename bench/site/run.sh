#!/usr/bin/env bash
# Site benchmark (issue 21: a full site for 10,000 commits and 2,000 versions in <= 5 s): generates the registry
# benchmark's repository (bench/registry's generator, git fast-import) with run lineage on every record, then times
# `repoml site` as whole processes (.NET start-up included), each the best of N:
#   full  : an empty output folder and no history cache (a fresh CI clone);
#   again : the same tip, every page already there (nothing is rewritten);
#   one   : after one more registration commit (only the changed pages are rewritten).
# and prints the ratio of "full" to `git log --first-parent --oneline | wc -l` on the same repository.
# Usage: bench/site/run.sh [runs=3] [commits=10000] [models=200] [versions=2000]
. "$(dirname "${BASH_SOURCE[0]}")/../lib.sh" site

runs=${1:-3}

echo "building the generator and the repoml CLI (Release)..."
dotnet build -c Release "$repo_root/bench/registry/RepoML.Bench.Registry" -o "$work/gen" -v quiet -nologo >/dev/null
publish_cli

repo="$work/repo"
git init -q -b main "$repo"
dotnet "$work/gen/RepoML.Bench.Registry.dll" "${2:-10000}" "${3:-200}" "${4:-2000}" runs | git -C "$repo" fast-import --quiet
git -C "$repo" reset -q --hard main
cd "$repo"

best_of() { # best_of SETUP COMMAND...: the best wall time of $runs runs of COMMAND, SETUP run (untimed) before each
  local setup=$1 best=""; shift
  for _ in $(seq "$runs"); do
    eval "$setup"
    local s e t; s=$(now); "$@" >/dev/null; e=$(now)
    t=$(awk "BEGIN { print $e - $s }")
    if [ -z "$best" ] || awk -v a="$best" -v b="$t" 'BEGIN { exit !(b < a) }'; then best=$t; fi
  done
  echo "$best"
}

site=("${repoml[@]}" site --out "$work/site")
"${site[@]}" # warm the page cache
echo "$(git rev-list --first-parent --count main) first-parent commits; $("${site[@]}" -o json | tr -d ' \n')"
baseline=$(best_of : bash -c 'git log --first-parent --oneline | wc -l')
full=$(best_of 'rm -rf "$work/site" .git/repoml' "${site[@]}")
again=$(best_of : "${site[@]}")
register_one() { # commits one more version of model-007: a copy of its first record with a fresh digest
  python3 - <<'PY'
import glob, json, os, secrets
first = sorted(glob.glob("registry/models/model-007/versions/*.json"))[0]
record = json.load(open(first)); digest = secrets.token_hex(32); record["digest"] = "sha256:" + digest
json.dump(record, open(f"registry/models/model-007/versions/{digest[:16]}.json", "w"), indent=2)
PY
  git add registry && git commit -q -m "Register model model-007"
}
one=$(best_of register_one "${site[@]}")
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
printf 'full site   : %6.3f s (target <= 5 s; %.1fx git log --first-parent)\n' "$full" "$(awk "BEGIN { print $full / $baseline }")"
printf 'same tip    : %6.3f s (no page rewritten)\n' "$again"
printf 'new commit  : %6.3f s (tip moved, history cache extended)\n' "$one"
printf 'baseline git log --first-parent --oneline | wc -l: %.3f s\n' "$baseline"
