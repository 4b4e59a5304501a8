#!/usr/bin/env bash
# Screenshots of the Assets page of the Inline XBRL documents, as headless Chromium shows them:
# the reference statement and the 2024 annual filing. Writes Fixtures/screenshots/*-assets.png
# (committed, shown in README).
#
#   Scripts/screenshots.sh [path/to/naicxbrl]
#
# Needs chromium (apt-get install chromium) and, for the filing, pdftotext (poppler-utils).
set -euo pipefail
# shellcheck source=Scripts/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$root"
tool="$(naicxbrl_tool "${1:-}")"
browser="$(command -v chromium || command -v chromium-browser || true)"
[ -n "$browser" ] || { echo "screenshots: chromium is not installed (apt-get install chromium)" >&2; exit 2; }
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
mkdir -p Fixtures/screenshots

shoot() { # name input height
    local name="$1" input="$2" height="$3"
    "$tool" convert "$input" --format ixbrl -o "$out/$name.xhtml"
    # The same document with every part but the Assets page out of view.
    python3 - "$out/$name.xhtml" "$out/$name-assets.xhtml" <<'PY'
import sys
text = open(sys.argv[1], encoding="utf-8").read()
style = ('<style type="text/css">div.cover, div.notes, div.interrogatories, div.page { display: none; } '
         'div#page-Assets { display: block; margin: 0 auto; }</style>\n</head>')
open(sys.argv[2], "w", encoding="utf-8").write(text.replace("</head>", style, 1))
PY
    "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run \
        --user-data-dir="$out/profile" --window-size=1200,"$height" \
        --screenshot="$root/Fixtures/screenshots/$name-assets.png" "file://$out/$name-assets.xhtml" >/dev/null 2>&1
    echo "Fixtures/screenshots/$name-assets.png"
}

shoot mml-bay-state-life-2011-q2 Fixtures/mml-bay-state-life-2011-q2.txt 1240
shoot forethought-life-2024 Fixtures/annual/forethought-life-2024-annual.pdf 1330
