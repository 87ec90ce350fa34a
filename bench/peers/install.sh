#!/usr/bin/env bash
# Installs the benchmark peers that are not part of the build, into
# bench/peers/node_modules (git-ignored). Never run by the build or the tests;
# bench/run.sh skips any peer that is absent and says so.
#
#   bash bench/peers/install.sh
#
# npm: wink-tokenizer (tokenising), chrono-node (dates), compromise (people,
# places, numbers), wink-nlp + its English model (tokens, entities).
# The HuggingFace `tokenizers` package has no Debian package (Debian 12 ships
# neither python3-tokenizers nor a Rust crate package of it) and PyPI is not
# used here, so that peer is reported as skipped.
# The matching peers (RE2, PCRE2, ripgrep, GNU grep) and ICU are Debian
# packages installed by tools/setup.sh.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cd "$here"

if ! command -v npm >/dev/null; then
  echo "install: npm not found (Debian: apt-get install npm); node peers skipped" >&2
  exit 2
fi
# Exact versions, so two machines run the same peer code (package-lock.json).
npm install --no-audit --no-fund --loglevel=error
echo "install: node peers in $here/node_modules"
