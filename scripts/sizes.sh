#!/usr/bin/env bash
# Prints the size of each file in dist/ and the gzipped total of wasm, JS and CSS.
set -euo pipefail
dir=${1:-dist}
total_raw=0; total_gz=0
printf '%-48s %10s %10s\n' file bytes gzipped
while IFS= read -r f; do
  raw=$(stat -c %s "$f")
  gz=$(gzip -9 -c "$f" | wc -c)
  printf '%-48s %10d %10d\n' "${f#"$dir"/}" "$raw" "$gz"
  case "$f" in
    *.wasm|*.js|*.css) total_raw=$((total_raw + raw)); total_gz=$((total_gz + gz)) ;;
  esac
done < <(find "$dir" -type f ! -name '*.map' | sort)
printf '%-48s %10d %10d\n' "total wasm+js+css" "$total_raw" "$total_gz"
printf 'gzipped wasm+js+css: %d KB\n' $((total_gz / 1024))
