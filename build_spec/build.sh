#!/usr/bin/env bash
# Build the one-folder app on Linux and prove it starts: dist/liaison_app/liaison_app --smoke.
# Usage: build_spec/build.sh [OUT_DIR]   (default: build_spec/dist)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="${1:-$here/dist}"
python3 -m pip install -q "pyinstaller>=6.0"
python3 -m PyInstaller --noconfirm --clean --distpath "$out" --workpath "$here/build" "$here/liaison_app.spec"
app="$out/liaison_app/liaison_app"
db="$(mktemp -d)/smoke.db"
# Run from a folder with no Python on PATH to show the build is self-contained.
env -i HOME="$HOME" PATH=/usr/bin:/bin QT_QPA_PLATFORM=offscreen "$app" --db "$db" --smoke
env -i HOME="$HOME" PATH=/usr/bin:/bin "$app" --db "$db" demo --points 1 --months 1 --consultations 20
# What the app loads at run time is in the folder: translations (ours and Qt's Chinese), the
# user guide, page icons and the SVG icon engine that draws them, the CJK font.
for f in resources/translations/liaison_en.qm docs/user-guide.md resources/icons/pages/start.svg \
         resources/fonts/wqy-microhei.ttc PySide6/Qt/translations/qtbase_zh_CN.qm; do
  found="$(find "$out/liaison_app" -path "*/$f" -print -quit)"
  [ -n "$found" ] || { echo "missing in the build: $f" >&2; exit 1; }
done
find "$out/liaison_app" -path "*/iconengines/*qsvgicon*" | grep -q . || { echo "missing: SVG icon engine" >&2; exit 1; }
echo "size: $(du -sh "$out/liaison_app" | cut -f1)"
