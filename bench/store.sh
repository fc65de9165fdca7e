#!/usr/bin/env bash
# Storing a 1 GiB artifact vs `sha256sum` of the same file (target: ratio <= 1.5).
# Usage: bench/store.sh [size-MiB=1024] [runs=3]
# Both sides are timed as whole processes (the store includes .NET start-up), page cache warm,
# best of N; each store run writes into a fresh store folder on the same file system as the file.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh" store

size_mib=${1:-1024}
runs=${2:-3}

echo "building bench/RepoML.Bench.Store (Release)..."
dotnet build -c Release "$repo_root/bench/RepoML.Bench.Store" -o "$work/bin" -v quiet -nologo >/dev/null
bench=(dotnet "$work/bin/RepoML.Bench.Store.dll")

file="$work/artifact.bin"
echo "writing ${size_mib} MiB of random data to $file..."
head -c "$((size_mib * 1024 * 1024))" /dev/urandom >"$file"
cat "$file" >/dev/null # warm the page cache for both contenders

best=""
for _ in $(seq "$runs"); do
  start=$(now); expected=$(sha256sum "$file" | cut -d' ' -f1); end=$(now)
  best=$(min "$best" "$(calc "$end - $start")")
done
sha=$best

# A stricter, informational peer: OpenSSL's hash uses the CPU's SHA extensions, as .NET does on Linux.
ossl=""
if command -v openssl >/dev/null; then
  best=""
  for _ in $(seq "$runs"); do
    start=$(now); openssl dgst -sha256 "$file" >/dev/null; end=$(now)
    best=$(min "$best" "$(calc "$end - $start")")
  done
  ossl=$best
fi

best=""; inproc_best=""
for i in $(seq "$runs"); do
  store="$work/store-$i"
  sync
  start=$(now); out=$("${bench[@]}" time "$store" "$file"); end=$(now)
  [[ "${out#* }" == "sha256:$expected" ]] || { echo "digest mismatch: $out vs sha256:$expected" >&2; exit 1; }
  [[ -f "$store/objects/${expected:0:2}/${expected:2}" ]] || { echo "object missing in store" >&2; exit 1; }
  inproc=${out%% *}
  inproc_best=$(min "$inproc_best" "$inproc")
  best=$(min "$best" "$(calc "$end - $start")")
  rm -rf "$store"
done
put=$best

printf 'file:              %d MiB (%s)\n' "$size_mib" "$file"
printf 'sha256sum:         %.3f s (best of %d)\n' "$sha" "$runs"
printf 'store put:         %.3f s whole process, %.3f s in-process (best of %d)\n' "$put" "$inproc_best" "$runs"
[[ -n "$ossl" ]] && printf 'openssl sha256:    %.3f s (best of %d; store/openssl %.2fx, informational)\n' "$ossl" "$runs" "$(ratio "$put" "$ossl")"
printf 'ratio:             %.2fx whole process, %.2fx in-process (target <= 1.5x)\n' \
  "$(ratio "$put" "$sha")" "$(ratio "$inproc_best" "$sha")"
