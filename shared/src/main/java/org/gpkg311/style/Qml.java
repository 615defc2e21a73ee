package org.gpkg311.style;

import java.util.List;
import java.util.Locale;

import org.gpkg311.table.Column;
import org.gpkg311.table.GeometryKind;
import org.gpkg311.table.Table;

/**
 * QGIS layer style documents (QML, as QGIS 3.22 reads them from a GeoPackage's {@code layer_styles}): a
 * renderer, labels, the field aliases (QGIS before 3.32 ignores gpkg_data_columns) and a map tip.
 */
public final class Qml {

    /** Field index 0 is the GeoPackage key {@code fid}; declared columns follow it. */
    private static final int FIRST_COLUMN_INDEX = 1;

    private Qml() {}

    /**
     * A district layer filled by its headline classes, labelled by district number, with a map tip giving
     * name, headline value, rank and class.
     */
    public static String districts(Table layer, Classification classes, Integer[] ranks) {
        StringBuilder x = header(true);
        renderer(x, classes, "fill", 1.0);
        labels(x, "districtId");
        aliases(x, layer);
        x.append("  <mapTip>").append(xml(districtTip(layer, classes, ranks))).append("</mapTip>\n");
        x.append("  <previewExpression>").append(xml("\"districtName\"")).append("</previewExpression>\n");
        return footer(x, layer);
    }

    /** Request points: small and semi-transparent, by class when {@code classes} is given, else one colour. */
    public static String points(Table layer, Classification classes) {
        StringBuilder x = header(false);
        if (classes == null) singleSymbol(x, "marker", "#4e79a7", 0.45);
        else renderer(x, classes, "marker", 0.45);
        aliases(x, layer);
        return footer(x, layer);
    }

    /** Polygons by class without outlines (hot-spot cells), or any other layer in one colour. */
    public static String cells(Table layer, Classification classes) {
        StringBuilder x = header(false);
        renderer(x, classes, "fill", 0.85);
        aliases(x, layer);
        return footer(x, layer);
    }

    /** A layer with no particular map: one neutral symbol and the aliases. */
    public static String plain(Table layer) {
        StringBuilder x = header(false);
        singleSymbol(x, layer.geometryKind() == GeometryKind.POINT ? "marker" : "fill", "#4e79a7", 0.6);
        aliases(x, layer);
        return footer(x, layer);
    }

    private static StringBuilder header(boolean labels) {
        StringBuilder x = new StringBuilder(16 * 1024);
        x.append("<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n");
        x.append("<qgis version=\"3.22.16-Białowieża\" styleCategories=\"AllStyleCategories\" labelsEnabled=\"")
                .append(labels ? 1 : 0).append("\">\n");
        return x;
    }

    private static String footer(StringBuilder x, Table layer) {
        x.append("  <layerGeometryType>").append(layer.geometryKind() == GeometryKind.POINT ? 0 : 2).append("</layerGeometryType>\n");
        x.append("</qgis>\n");
        return x.toString();
    }

    private static void renderer(StringBuilder x, Classification c, String symbolType, double alpha) {
        List<Classification.MapClass> classes = c.classes();
        boolean graduated = c.kind() == Classification.Kind.GRADUATED;
        x.append("  <renderer-v2 type=\"").append(graduated ? "graduatedSymbol" : "categorizedSymbol").append("\" attr=\"")
                .append(xml(c.column().name())).append('"')
                .append(graduated ? " graduatedMethod=\"GraduatedColor\"" : "")
                .append(" symbollevels=\"0\" enableorderby=\"0\" forceraster=\"0\">\n");
        x.append(graduated ? "    <ranges>\n" : "    <categories>\n");
        for (int k = 0; k < classes.size(); k++) {
            Classification.MapClass m = classes.get(k);
            if (graduated) {
                x.append("      <range render=\"true\" symbol=\"").append(k).append("\" lower=\"").append(m.lower())
                        .append("\" upper=\"").append(m.upper()).append("\" label=\"").append(xml(m.label())).append("\"/>\n");
            } else {
                x.append("      <category render=\"true\" symbol=\"").append(k).append("\" value=\"").append(xml(m.category()))
                        .append("\" label=\"").append(xml(m.label())).append("\"/>\n");
            }
        }
        // QGIS leaves NULL out of a graduated map; a categorised one draws it with the catch-all category "".
        boolean noValue = !graduated && c.anyUndefined();
        if (noValue) {
            x.append("      <category render=\"true\" symbol=\"").append(classes.size())
                    .append("\" value=\"\" label=\"No value\"/>\n");
        }
        x.append(graduated ? "    </ranges>\n" : "    </categories>\n");
        x.append("    <symbols>\n");
        for (int k = 0; k < classes.size(); k++) symbol(x, Integer.toString(k), symbolType, classes.get(k).colour(), alpha);
        if (noValue) symbol(x, Integer.toString(classes.size()), symbolType, Palette.NO_VALUE, alpha);
        x.append("    </symbols>\n");
        x.append("  </renderer-v2>\n");
    }

    private static void singleSymbol(StringBuilder x, String symbolType, String colour, double alpha) {
        x.append("  <renderer-v2 type=\"singleSymbol\" symbollevels=\"0\" enableorderby=\"0\" forceraster=\"0\">\n    <symbols>\n");
        symbol(x, "0", symbolType, colour, alpha);
        x.append("    </symbols>\n  </renderer-v2>\n");
    }

    private static void symbol(StringBuilder x, String name, String type, String colour, double alpha) {
        x.append("      <symbol type=\"").append(type).append("\" name=\"").append(name).append("\" alpha=\"")
                .append(String.format(Locale.ROOT, "%.2f", alpha)).append("\" clip_to_extent=\"1\" force_rhr=\"0\">\n");
        if (type.equals("fill")) {
            x.append("        <layer class=\"SimpleFill\" enabled=\"1\" locked=\"0\" pass=\"0\">\n          <Option type=\"Map\">\n");
            option(x, "color", rgba(colour));
            option(x, "style", "solid");
            option(x, "outline_color", "255,255,255,255");
            option(x, "outline_style", alpha < 1 ? "no" : "solid");
            option(x, "outline_width", "0.3");
            option(x, "outline_width_unit", "MM");
        } else {
            x.append("        <layer class=\"SimpleMarker\" enabled=\"1\" locked=\"0\" pass=\"0\">\n          <Option type=\"Map\">\n");
            option(x, "color", rgba(colour));
            option(x, "name", "circle");
            option(x, "size", "1.2");
            option(x, "size_unit", "MM");
            // A thin grey rim keeps a point visible on a district filled with its own colour (ordinal labels
            // share the districts' ramp).
            option(x, "outline_style", "solid");
            option(x, "outline_color", "128,128,128,255");
            option(x, "outline_width", "0.1");
            option(x, "outline_width_unit", "MM");
        }
        x.append("          </Option>\n        </layer>\n      </symbol>\n");
    }

    private static void option(StringBuilder x, String name, String value) {
        x.append("            <Option type=\"QString\" name=\"").append(name).append("\" value=\"").append(xml(value)).append("\"/>\n");
    }

    private static void labels(StringBuilder x, String field) {
        x.append("  <labeling type=\"simple\">\n    <settings calloutType=\"simple\">\n");
        x.append("      <text-style fieldName=\"").append(field).append("\" isExpression=\"0\" fontSize=\"8\" fontSizeUnit=\"Point\"")
                .append(" fontWeight=\"75\" textColor=\"34,34,34,255\" textOpacity=\"1\" namedStyle=\"Bold\">\n");
        x.append("        <text-buffer bufferDraw=\"1\" bufferSize=\"0.7\" bufferSizeUnits=\"MM\" bufferColor=\"255,255,255,255\" bufferOpacity=\"0.8\"/>\n");
        x.append("      </text-style>\n");
        x.append("      <placement placement=\"1\" centroidInside=\"1\" centroidWhole=\"0\" fitInPolygonOnly=\"0\"/>\n");
        x.append("      <rendering obstacle=\"1\" displayAll=\"1\" upsidedownLabels=\"0\" limitNumLabels=\"0\"/>\n");
        x.append("    </settings>\n  </labeling>\n");
    }

    private static void aliases(StringBuilder x, Table layer) {
        x.append("  <aliases>\n");
        List<Column> columns = layer.columns();
        for (int i = 0; i < columns.size(); i++) {
            x.append("    <alias field=\"").append(xml(columns.get(i).name())).append("\" index=\"").append(FIRST_COLUMN_INDEX + i)
                    .append("\" name=\"").append(xml(columns.get(i).alias())).append("\"/>\n");
        }
        x.append("  </aliases>\n");
    }

    /**
     * The map tip: the class and rank are looked up by district number from the values computed here, so QGIS
     * shows the same class and rank as the preview without an expression of its own.
     */
    static String districtTip(Table layer, Classification classes, Integer[] ranks) {
        Column c = classes.column();
        StringBuilder valueMap = new StringBuilder("map("), rankMap = new StringBuilder("map("), classMap = new StringBuilder("map(");
        int defined = 0;
        for (Integer r : ranks) if (r != null) defined++;
        for (int i = 0; i < layer.rowCount(); i++) {
            String id = String.valueOf(layer.get(i, "districtId"));
            String sep = i == 0 ? "" : ", ";
            valueMap.append(sep).append(literal(id)).append(", ").append(literal(classes.valueText(layer.get(i, c.name()))));
            rankMap.append(sep).append(literal(id)).append(", ").append(literal(ranks[i] == null ? "–" : ranks[i] + " of " + defined));
            classMap.append(sep).append(literal(id)).append(", ").append(literal(classes.labelOf(i)));
        }
        String key = "to_string(\"districtId\")";
        return "<b>[% \"districtName\" %]</b> (district [% \"districtId\" %])<br>"
                + html(c.alias()) + ": [% map_get(" + valueMap + "), " + key + ") %]<br>"
                + "Rank (1 = highest): [% map_get(" + rankMap + "), " + key + ") %]<br>"
                + "Class: [% map_get(" + classMap + "), " + key + ") %]";
    }

    private static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    private static String html(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    static String rgba(String hex) {
        int rgb = Integer.parseInt(hex.substring(1), 16);
        return ((rgb >> 16) & 255) + "," + ((rgb >> 8) & 255) + "," + (rgb & 255) + ",255";
    }

    static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
