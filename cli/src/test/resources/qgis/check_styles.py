"""Opens every layer of the GeoPackages given in real QGIS (headless) and reports what QGIS sees.

Usage: python3 check_styles.py OUT_DIR FILE.gpkg...
Prints one JSON object per layer on stdout: the default style's load result, renderer type, class
attribute and class count, the categories in legend order (value, label, colour), the graduated ranges
in legend order (label, lower, upper), field aliases and
the map tip; each district layer is rendered to
OUT_DIR/<layer>.png. The JUnit test compares this with what it reads from the file itself.
"""
import json
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from qgis.core import (QgsApplication, QgsMapRendererParallelJob, QgsMapSettings, QgsProject,
                       QgsVectorLayer)
from qgis.PyQt.QtCore import QSize
from qgis.PyQt.QtGui import QColor

app = QgsApplication([], False)
app.initQgis()
out_dir = sys.argv[1]
for path in sys.argv[2:]:
    probe = QgsVectorLayer(path, "probe", "ogr")
    for sub in probe.dataProvider().subLayers():
        name = sub.split("!!::!!")[1]
        layer = QgsVectorLayer(f"{path}|layername={name}", name, "ogr")
        message, loaded = layer.loadDefaultStyle()
        renderer = layer.renderer()
        kind = renderer.type() if renderer else None
        attr, classes, categories, ranges = None, None, [], []
        if kind == "graduatedSymbol":
            attr, classes = renderer.classAttribute(), len(renderer.ranges())
            ranges = [{"label": r.label(), "lower": r.lowerValue(), "upper": r.upperValue()} for r in renderer.ranges()]
        elif kind == "categorizedSymbol":
            attr, classes = renderer.classAttribute(), len(renderer.categories())
            categories = [{"value": c.value(), "label": c.label(), "colour": c.symbol().color().name()}
                          for c in renderer.categories()]
        record = {
            "file": os.path.basename(path), "layer": name, "valid": layer.isValid(),
            "styleLoaded": bool(loaded), "styleMessage": message, "features": layer.featureCount(),
            "renderer": kind, "classAttribute": attr, "classCount": classes,
            "labels": layer.labelsEnabled(), "categories": categories, "ranges": ranges,
            "aliases": {f.name(): layer.attributeAlias(i) for i, f in enumerate(layer.fields()) if layer.attributeAlias(i)},
            "mapTip": layer.mapTipTemplate(),
        }
        if layer.isValid() and name.endswith("Districts"):
            settings = QgsMapSettings()
            settings.setLayers([layer])
            settings.setDestinationCrs(layer.crs())
            settings.setExtent(layer.extent())
            settings.setOutputSize(QSize(800, 800))
            settings.setBackgroundColor(QColor(255, 255, 255))
            job = QgsMapRendererParallelJob(settings)
            job.start()
            job.waitForFinished()
            png = os.path.join(out_dir, name + ".png")
            job.renderedImage().save(png, "PNG")
            record["png"] = png
        print(json.dumps(record), flush=True)
        del layer
    del probe
# exitQgis() can crash in QGIS 3.22 when offscreen rendering jobs ran (exit 139): every line is out, so leave now.
sys.stdout.flush()
os._exit(0)
