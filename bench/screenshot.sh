#!/usr/bin/env bash
# Checks that a benchmark report renders: headless Chromium takes a screenshot of the
# page, and the PNG must show the charts (enough non-white pixels, not an error page).
#
#   bash bench/screenshot.sh bench/results/REPORT.html [SHOT.png]
#
# A script, not a CTest test: Debian's chromium is about 290 MB installed (plus its GTK,
# audio and font dependencies) for one optional check, so tools/setup.sh does not install
# it; `apt-get install chromium` once, then run this. Exit 0 when the page rendered.
set -euo pipefail
page=${1:?usage: bash bench/screenshot.sh REPORT.html [SHOT.png]}
shot=${2:-${page%.html}.png}
browser=$(command -v chromium || command -v chromium-browser || true)
if [[ -z $browser ]]; then
  echo "screenshot: chromium not installed (apt-get install chromium); skipped" >&2
  exit 77
fi
rm -f "$shot"
# --no-sandbox: root in a container has no user namespaces for the sandbox.
"$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1100,4200 \
  --screenshot="$shot" "file://$(realpath "$page")" >/dev/null 2>&1 || true
[[ -s $shot ]] || { echo "screenshot: chromium wrote no image" >&2; exit 1; }
/usr/bin/python3 - "$shot" <<'PY'
import sys
import matplotlib.image as image
pixels = image.imread(sys.argv[1])[:, :, :3]
inked = (pixels.sum(axis=2) < 2.7).mean()  # share of pixels that are not near-white
colours = len({tuple((p * 15).round()) for p in pixels[::7, ::7].reshape(-1, 3)})
print(f"screenshot: {sys.argv[1]}: {pixels.shape[1]}x{pixels.shape[0]}, "
      f"{inked:.1%} inked, {colours} colours")
# Text alone inks a few percent in greys; bar charts add area and colour.
sys.exit(0 if inked > 0.03 and colours > 20 else 1)
PY
