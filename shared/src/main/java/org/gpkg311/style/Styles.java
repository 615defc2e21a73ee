package org.gpkg311.style;

import java.util.ArrayList;
import java.util.List;

import org.gpkg311.table.ColumnType;
import org.gpkg311.table.GeometryKind;
import org.gpkg311.table.Table;

/** The default QGIS style of every feature layer of one generator's GeoPackage. */
public final class Styles {

    /** More categories than the qualitative palette has colours would repeat colours: points then get one colour. */
    private static final int MAX_POINT_CATEGORIES = Palette.CATEGORICAL.length;

    /** styleName is TEXT(30) in QGIS's layout (GDAL's validator checks it), so not the long layer name. */
    static final String STYLE_NAME = "gpkg311 default";

    private Styles() {}

    /**
     * @param generator      the generator's name (layers are named {@code <generator>Districts}, …)
     * @param headlineColumn the district column the maps show (Generator.headlineColumn())
     * @param layers         the generator's layers; attribute tables get no style
     */
    public static List<LayerStyle> of(String generator, String headlineColumn, List<Table> layers) {
        List<LayerStyle> styles = new ArrayList<>();
        for (Table t : layers) {
            if (t.geometryKind() == GeometryKind.NONE) continue;
            String qml;
            String what;
            if (t.name().equals(generator + "Districts") && t.hasColumn(headlineColumn)) {
                qml = Qml.districts(t, Classification.of(t, headlineColumn), Classification.ranks(t, headlineColumn));
                what = "districts by " + t.columns().get(t.columnIndex(headlineColumn)).alias();
            } else if (Classification.isHotSpotLayer(t)) {
                qml = Qml.cells(t, Classification.hotSpots(t));
                what = "Gi* hot and cold spots";
            } else if (t.geometryKind() == GeometryKind.POINT) {
                Classification c = pointClasses(generator, t);
                qml = Qml.points(t, c);
                what = c == null ? "requests" : "requests by " + c.column().alias();
            } else {
                qml = Qml.plain(t);
                what = t.name();
            }
            styles.add(new LayerStyle(t.name(), STYLE_NAME, qml, "gpkg311 default style: " + what + "."));
        }
        return styles;
    }

    private static Classification pointClasses(String generator, Table t) {
        String column = RequestHeadlines.of(generator);
        if (column == null || !t.hasColumn(column) || t.columns().get(t.columnIndex(column)).type() != ColumnType.TEXT) return null;
        Classification c = Classification.of(t, column);
        return c.classes().size() <= MAX_POINT_CATEGORIES ? c : null;
    }
}
