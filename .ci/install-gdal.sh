#!/usr/bin/env bash
# Installs Debian's GDAL (ogrinfo + the Python bindings that validate_gpkg.py needs) when missing.
set -euo pipefail
validator=/usr/lib/python3/dist-packages/osgeo_utils/samples/validate_gpkg.py
if command -v ogrinfo >/dev/null && [ -f "$validator" ] && /usr/bin/python3 -c 'from osgeo import gdal' 2>/dev/null; then
  echo "== GDAL present: $(ogrinfo --version)"
  exit 0
fi
echo "== installing gdal-bin python3-gdal"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq gdal-bin python3-gdal >/dev/null
ogrinfo --version
