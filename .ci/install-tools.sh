#!/usr/bin/env bash
# The outside readers the tests open the outputs with, installed from Debian when missing:
#   GDAL      ogrinfo + validate_gpkg.py for /usr/bin/python3   gdal-bin python3-gdal
#   QGIS      PyQGIS for /usr/bin/python3, headless             qgis python3-qgis   (~320 MB download)
#   Chromium  headless --dump-dom and --screenshot              chromium
# No X server is needed (QGIS runs with QT_QPA_PLATFORM=offscreen, Chromium with --headless), so no xvfb.
# As root it runs apt-get; as anyone else it stops with the one command to run.
#
#   bash .ci/install-tools.sh           install what is missing (root) or print the command (exit 3)
#   bash .ci/install-tools.sh --check   only say what is missing (exit 3 when anything is)
set -euo pipefail

validator=/usr/lib/python3/dist-packages/osgeo_utils/samples/validate_gpkg.py

gdal_ok() {
  command -v ogrinfo >/dev/null && [ -f "$validator" ] && /usr/bin/python3 -c 'from osgeo import gdal, ogr' 2>/dev/null
}
qgis_ok() {
  [ -x /usr/bin/python3 ] && QT_QPA_PLATFORM=offscreen /usr/bin/python3 -c 'import qgis.core' 2>/dev/null
}
chromium_ok() {
  command -v chromium >/dev/null
}

missing=() packages=()
gdal_ok || { missing+=(GDAL); packages+=(gdal-bin python3-gdal); }
qgis_ok || { missing+=(QGIS); packages+=(qgis python3-qgis); }
chromium_ok || { missing+=(Chromium); packages+=(chromium); }

if [ ${#missing[@]} -eq 0 ]; then
  echo "== readers present: $(ogrinfo --version | cut -d, -f1), QGIS $(/usr/bin/python3 -c 'from qgis.core import Qgis; print(Qgis.version())' 2>/dev/null), $(chromium --version 2>/dev/null)"
  exit 0
fi
# --no-install-recommends: QGIS's recommends alone add hundreds of MB the tests never use.
command="apt-get install -y --no-install-recommends ${packages[*]}"
if [ "${1:-}" = "--check" ]; then
  echo "missing: ${missing[*]} (would run: $command)"
  exit 3
fi
if [ "$(id -u)" -ne 0 ]; then
  if command -v apt-get >/dev/null; then
    echo "gpkg311: the tests need ${missing[*]}; install once with:" >&2
    echo "  sudo apt-get update && sudo $command" >&2
  else
    echo "gpkg311: the tests need ${missing[*]} (Debian packages: ${packages[*]}); install them with your package manager" >&2
  fi
  exit 3
fi
echo "== installing ${missing[*]}: $command"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
gdal_ok || { echo "GDAL still missing after the install" >&2; exit 1; }
qgis_ok || { echo "PyQGIS still missing after the install" >&2; exit 1; }
chromium_ok || { echo "Chromium still missing after the install" >&2; exit 1; }
echo "== installed: $(ogrinfo --version | cut -d, -f1), QGIS $(/usr/bin/python3 -c 'from qgis.core import Qgis; print(Qgis.version())'), $(chromium --version)"
