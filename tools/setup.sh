#!/usr/bin/env bash
# One entry point for people and CI: installs the Debian packages the build
# needs (when missing), configures a CMake preset, builds, then runs.
#
#   bash tools/setup.sh run  [PRESET]   build, then `wirespeed extract` on the sample corpus
#   bash tools/setup.sh test [PRESET]   build, then the whole test suite through CTest
#   bash tools/setup.sh build [PRESET]  build only
#
# PRESET is one of CMakePresets.json's: release (default), debug, asan.
set -euo pipefail

mode=${1:-run}
preset=${2:-release}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

# Keep in step with cmake/WirespeedDependencies.cmake.
packages=(build-essential cmake ninja-build pkg-config clang-format
  libsimdjson-dev libxsimd-dev libfmt-dev libcli11-dev zlib1g-dev libzstd-dev
  libgtest-dev libgmock-dev libbenchmark-dev libre2-dev libpcre2-dev libicu-dev python3
  python3-matplotlib zstd iso-codes pybind11-dev python3-dev python3-pytest python3-distributed)
# libhyperscan-dev and libvectorscan-dev both provide libhs; either will do.
if ! pkg-config --exists libhs 2>/dev/null; then
  case "$(dpkg --print-architecture 2>/dev/null || uname -m)" in
    amd64 | x86_64) packages+=(libhyperscan-dev) ;;
    *) packages+=(libvectorscan-dev) ;;
  esac
fi

missing=()
for package in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$package")
done

if ((${#missing[@]})); then
  echo "setup: installing Debian packages: ${missing[*]}" >&2
  sudo=()
  if [[ $(id -u) -ne 0 ]]; then
    command -v sudo >/dev/null || {
      echo "setup: need root (or sudo) to install: ${missing[*]}" >&2
      exit 2
    }
    sudo=(sudo)
  fi
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset"

case "$mode" in
  build) ;;
  test)
    ctest --preset "$preset" -j "$(nproc)"
    ;;
  run)
    "build/$preset/tools/wirespeed" extract corpora/sample/articles.jsonl
    ;;
  *)
    echo "usage: bash tools/setup.sh run|test|build [release|debug|asan]" >&2
    exit 2
    ;;
esac
