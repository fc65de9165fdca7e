#!/usr/bin/env bash
# Times `repoml data profile` on a generated CSV of 1,000,000 rows x 20 columns (10 numeric, 10 text; issue 21's target: <= 2 s)
# and prints the best of three wall-clock runs. Usage: bench/profile/run.sh [rows]
. "$(dirname "${BASH_SOURCE[0]}")/../lib.sh" profile
rows="${1:-1000000}"
python3 - "$rows" > "$work/data.csv" <<'PY'
import random, sys
random.seed(21); n = int(sys.argv[1])
print(",".join([f"n{i}" for i in range(10)] + [f"c{i}" for i in range(10)]))
cats = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"]
w = sys.stdout.write
for _ in range(n):
    w(",".join([f"{random.gauss(50, 10):.4f}" for _ in range(5)] + [str(random.randint(0, 1000)) for _ in range(5)]
        + [random.choice(cats) for _ in range(10)]) + "\n")
PY
build_cli
times=()
for i in 1 2 3; do
  s=$(now); "${repoml[@]}" data profile "$work/data.csv" -o json > /dev/null
  t=$(calc "$(now) - $s" 3); times+=("$t")
  echo "run $i: ${t}s"
done
best=$(printf '%s\n' "${times[@]}" | sort -g | head -1)
echo "rows=$rows size=$(du -h "$work/data.csv" | cut -f1) best=${best}s (whole command, including process start)"
