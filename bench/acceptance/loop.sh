#!/usr/bin/env bash
# Issue 18's acceptance, as a new user meets it: in a fresh clone of this repository, `dotnet cake` (the whole local
# loop), then 300 requests drawn from the training data to the served credit endpoint, then `dotnet cake --target=Monitor`
# must exit 0 (no false alert) and its HTML report must show rendered tables (no Markdown source).
#   bench/acceptance/loop.sh            # prints each step's exit code and time; exits 1 on the first failure
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
repo=$(pwd)
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 NO_COLOR=1
export GIT_AUTHOR_NAME=Acceptance GIT_AUTHOR_EMAIL=acceptance@example.com GIT_COMMITTER_NAME=Acceptance GIT_COMMITTER_EMAIL=acceptance@example.com
port=${PORT:-5123}
work=$(mktemp -d /tmp/repoml-loop.XXXXXX)
now() { date +%s.%N; }
since() { awk -v s="$1" -v e="$(now)" 'BEGIN { printf "%.1f", e - s }'; }
fail() { echo "FAILED: $1 (logs in $work)"; exit 1; }

git clone -q "$repo" "$work/repo" && cd "$work/repo" || fail "clone"
dotnet tool restore > "$work/restore.log" 2>&1 || fail "dotnet tool restore"

start=$(now); dotnet cake > "$work/cake.log" 2>&1; rc=$?
echo "dotnet cake: exit $rc in $(since "$start") s"
[ "$rc" -eq 0 ] || { tail -40 "$work/cake.log"; fail "dotnet cake"; }

tool=artifacts/tool/repoml
start=$(now)
"$tool" deploy endpoints/credit --target local --port "$port" > "$work/deploy.log" 2>&1 || { cat "$work/deploy.log"; fail "deploy"; }
key=$("$tool" endpoint keys endpoints/credit --output json | python3 -c 'import json, sys; print(json.load(sys.stdin)["primaryKey"])')
# 300 requests, one row each, drawn (seeded) from the training CSV without its label: the training distribution.
python3 - "$port" "$key" > "$work/requests.log" 2>&1 <<'PY'
import csv, json, random, sys, urllib.request
port, key = sys.argv[1], sys.argv[2]
rows = list(csv.DictReader(open("data/credit/credit.csv", newline="")))
columns = [c for c in rows[0] if c != "class"]
def cell(v):
    try: return float(v)
    except ValueError: return v.strip("'\"")
failed = 0
for row in random.Random(18).sample(rows, 300):
    body = json.dumps({"input_data": {"columns": columns, "data": [[cell(row[c]) for c in columns]]}}).encode()
    request = urllib.request.Request(f"http://127.0.0.1:{port}/score", body, {"Content-Type": "application/json", "Authorization": f"Bearer {key}"})
    try:
        urllib.request.urlopen(request, timeout=10).read()
    except Exception as e:
        failed += 1; print(e)
print(f"300 requests, {failed} failed")
sys.exit(1 if failed else 0)
PY
rc=$?
"$tool" deploy endpoints/credit --down >> "$work/deploy.log" 2>&1
echo "300 training-distribution requests: exit $rc in $(since "$start") s ($(tail -1 "$work/requests.log"))"
[ "$rc" -eq 0 ] || fail "requests"

start=$(now); dotnet cake --target=Monitor > "$work/monitor.log" 2>&1; rc=$?
echo "dotnet cake --target=Monitor: exit $rc in $(since "$start") s"
grep -E "rows from|data drift|prediction drift|data quality|alert|note: prediction" "$work/monitor.log" | sed 's/^/  /'
[ "$rc" -eq 0 ] || { tail -30 "$work/monitor.log"; fail "Monitor"; }
report=artifacts/monitor/report.html
tables=$(grep -o "<table" "$report" | wc -l)
grep -q -- "|---\|| --- |" "$report" && fail "Markdown source in $report"
echo "report: $report with $tables rendered tables, drift over time: $(grep -c 'class="timeline"' "$report") chart"
rm -rf "$work"
