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
# The library peers (RE2, PCRE2, ICU) and GNU grep come with tools/setup.sh;
# ripgrep and npm are installed here when missing (as root).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cd "$here"

# Debian peers the build does not need: ripgrep (matching, as a whole process) and npm.
debian_peers=()
command -v rg >/dev/null || debian_peers+=(ripgrep)
command -v npm >/dev/null || debian_peers+=(npm)
if ((${#debian_peers[@]})) && [[ $(id -u) -eq 0 ]]; then
  echo "install: Debian packages ${debian_peers[*]}" >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    "${debian_peers[@]}" >/dev/null || echo "install: could not install ${debian_peers[*]}" >&2
fi

if ! command -v npm >/dev/null; then
  echo "install: npm not found (Debian: apt-get install npm); node peers skipped" >&2
  exit 2
fi
# Exact versions, so two machines run the same peer code (package-lock.json).
npm install --no-audit --no-fund --loglevel=error
echo "install: node peers in $here/node_modules"
