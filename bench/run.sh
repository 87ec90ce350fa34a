#!/usr/bin/env bash
# One command for the whole benchmark: builds the release preset, generates (once) the
# benchmark corpus listed in corpora/MANIFEST.tsv, runs every suite, the CLI stages over
# thread counts, `wirespeed eval` on the generated gold and the installed peers, and
# writes one result JSON plus its report (HTML with charts, Markdown table).
#
#   bash bench/run.sh [--full] [--no-peers] [--out FILE.json]
#
# About 10 minutes on a 2-core machine at the defaults; --full runs every benchmark
# (100,000 patterns, punctuation and long-word inputs, more). Peers: bash
# bench/peers/install.sh first (npm); absent peers are listed as skipped.
# Compare machines or commits: python3 bench/report.py A.json B.json -o report.html
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
python=/usr/bin/python3
[[ -x $python ]] || python=python3

out="bench/results/$(hostname)-$(date -u +%Y%m%dT%H%M%SZ).json"
args=()
while (($#)); do
  case "$1" in
    --out) out=$2; shift 2 ;;
    --full | --no-peers) args+=("$1"); shift ;;
    *) echo "usage: bash bench/run.sh [--full] [--no-peers] [--out FILE.json]" >&2; exit 2 ;;
  esac
done

echo "bench: building (release preset)" >&2
cmake --preset release >/dev/null
cmake --build --preset release --target wirespeed io_bench tokenize_bench match_bench \
  extract_bench >/dev/null

# The corpus every suite and peer reads; its name, command and hashes are in the manifest.
corpora=$root/build/bench-corpora
mkdir -p "$corpora"
"$python" corpora/manifest.py --materialize news-16M "$corpora" >"$corpora/news-16M.summary.json"

"$python" bench/run.py --corpus "$corpora/news-16M.summary.json" --out "$out" "${args[@]}"
"$python" bench/report.py "$out" -o "${out%.json}.html" --markdown "${out%.json}.md"
echo "bench: result $out" >&2
echo "bench: report ${out%.json}.html" >&2
cat "${out%.json}.md"
