#!/usr/bin/env bash
# Build the standalone Linux application with pyside6-deploy (Nuitka, standalone mode): a folder
# holding the `leaflet-app` executable, Python, Qt, the bundled leaflets and fonts, which runs
# on a machine without Python. Then run its smoke tests (tests/test_standalone_build.py).
#
#   packaging/build_linux.sh            build into packaging/dist/leaflet-app.dist and test it
#   packaging/build_linux.sh --no-test  build only
#
# Needs a C compiler and patchelf (Debian: apt-get install gcc patchelf; ccache speeds up
# rebuilds) and Python 3.11+ with its shared library (python3-dev on Debian).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
OUT=$ROOT/packaging/dist
BUILD=$OUT/build
VENV=$OUT/venv
PYTHON=${PYTHON:-python3}

start=$(date +%s)
rm -rf "$BUILD" "$OUT/leaflet-app.dist"
mkdir -p "$BUILD"
[ -x "$VENV/bin/python" ] || "$PYTHON" -m venv "$VENV"
# A regular (not editable) install: content/ and resources/ are then inside the package,
# where the build picks them up. pytest runs the smoke tests afterwards.
"$VENV/bin/python" -m pip install -q "$ROOT" "Nuitka==4.1.1" "pytest>=8" "pytest-qt>=4.4"
"$VENV/bin/python" -m pip install -q --no-deps --force-reinstall "$ROOT"

# pyside6-deploy rewrites its spec file, so it works on a copy.
cp packaging/standalone/main.py packaging/standalone/pysidedeploy.spec "$BUILD/"
# Qt's Chinese strings for standard buttons and dialogs, where the app looks for them.
QT_TR=$("$VENV/bin/python" -c "import PySide6, pathlib; print(pathlib.Path(PySide6.__file__).parent / 'Qt' / 'translations')")
sed -i -e "s|^icon = .*|icon = $ROOT/resources/icons/leaflet-app-256.png|" \
       -e "s|^exec_directory = .*|exec_directory = $OUT|" \
       -e "s|^\(extra_args = .*\)$|\1 --include-data-files=$QT_TR/qtbase_zh_CN.qm=PySide6/Qt/translations/qtbase_zh_CN.qm --include-data-files=$QT_TR/qtbase_zh_TW.qm=PySide6/Qt/translations/qtbase_zh_TW.qm|" \
       "$BUILD/pysidedeploy.spec"
(cd "$BUILD" && VIRTUAL_ENV="$VENV" PATH="$VENV/bin:$PATH" \
    "$VENV/bin/pyside6-deploy" -c pysidedeploy.spec --force --verbose)

APP=$OUT/leaflet-app.dist
[ -x "$APP/leaflet-app" ] || { echo "build failed: no $APP/leaflet-app" >&2; exit 1; }
# What IT needs beside the executable: licences, the desktop entry, the icon, the kiosk unit.
cp LICENSE "$APP/LICENSE.txt"
cp resources/fonts/OFL.txt "$APP/OFL.txt"
cp packaging/linux/* resources/icons/leaflet-app.svg "$APP/"
end=$(date +%s)
echo "built $APP in $((end - start)) s; size $(du -sh "$APP" | cut -f1)"

if [ "${1:-}" != "--no-test" ]; then
    "$VENV/bin/python" -m pytest -q -p no:cacheprovider tests/test_standalone_build.py --standalone "$APP"
fi
