package org.gpkg311.preview;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

import org.gpkg311.geo.LaeaPlane;
import org.gpkg311.stats.Ranks;
import org.gpkg311.table.Column;
import org.gpkg311.table.ColumnType;
import org.gpkg311.table.Table;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/**
 * A quick-look map of a district layer as SVG: the districts on the LAEA plane, filled by one column
 * (numbers in type-7 quintile classes, labels by category), with a legend and a hover title per
 * district. SVG is text, so it needs no fonts or graphics stack on the Lambda, and every browser and
 * S3 console shows it. The preview is for a glance; the GeoPackage is the product.
 */
public final class SvgMap {

    static final int WIDTH = 900, MAP_HEIGHT = 640, MARGIN = 20, LEGEND_WIDTH = 250;
    static final String NO_VALUE = "#d9d9d9";
    /** Sequential, colour-blind safe (viridis at five stops), low → high. */
    static final String[] SEQUENTIAL = {"#440154", "#3b528b", "#21918c", "#5ec962", "#fde725"};
    /** Qualitative (Tableau 10). */
    static final String[] CATEGORICAL = {"#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f",
            "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"};

    private SvgMap() {}

    /**
     * @param districts a district layer (MULTIPOLYGON, with districtId and districtName)
     * @param column    the column that colours the map
     * @param title     first line of the heading
     * @param footnote  small print under the map (window, run id)
     */
    public static byte[] render(Table districts, String column, String title, String footnote) {
        Column c = districts.columns().get(districts.columnIndex(column));
        int n = districts.rowCount();
        Legend legend = c.type() == ColumnType.TEXT ? categories(districts, column) : quintiles(districts, column);

        Envelope box = new Envelope();
        for (int i = 0; i < n; i++) box.expandToInclude(districts.geometry(i).getEnvelopeInternal());
        LaeaPlane plane = LaeaPlane.centredOn(box);
        List<Geometry> projected = new ArrayList<>();
        Envelope extent = new Envelope();
        for (int i = 0; i < n; i++) {
            Geometry g = plane.project(districts.geometry(i));
            projected.add(g);
            extent.expandToInclude(g.getEnvelopeInternal());
        }
        double scale = Math.min((WIDTH - LEGEND_WIDTH - 2.0 * MARGIN) / extent.getWidth(), (MAP_HEIGHT - 2.0 * MARGIN) / extent.getHeight());
        List<String> heading = wrap(title, 78);
        int top = 50 + 22 * heading.size();

        StringBuilder svg = new StringBuilder(64 * 1024);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"").append(top + MAP_HEIGHT + 30)
                .append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(top + MAP_HEIGHT + 30)
                .append("\" font-family=\"Helvetica, Arial, sans-serif\">\n");
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        for (int l = 0; l < heading.size(); l++) text(svg, MARGIN, 30 + 22 * l, 18, "bold", heading.get(l));
        text(svg, MARGIN, 30 + 22 * heading.size(), 13, "normal", c.alias() + " (" + column + ")");
        svg.append("<g stroke=\"#ffffff\" stroke-width=\"0.8\" fill-rule=\"evenodd\">\n");
        for (int i = 0; i < n; i++) {
            Object id = districts.get(i, "districtId");
            Object value = districts.get(i, column);
            svg.append("<path fill=\"").append(legend.colourOf(i)).append("\" d=\"");
            Geometry g = projected.get(i);
            for (int p = 0; p < g.getNumGeometries(); p++) {
                Polygon poly = (Polygon) g.getGeometryN(p);
                ring(svg, poly.getExteriorRing().getCoordinates(), extent, scale, top);
                for (int h = 0; h < poly.getNumInteriorRing(); h++) ring(svg, poly.getInteriorRingN(h).getCoordinates(), extent, scale, top);
            }
            svg.append("\"><title>").append(escape("District " + id + ": " + format(value))).append("</title></path>\n");
        }
        svg.append("</g>\n");
        int lx = WIDTH - LEGEND_WIDTH + 10, ly = top + 20;
        for (int k = 0; k < legend.labels().size(); k++) {
            svg.append("<rect x=\"").append(lx).append("\" y=\"").append(ly + 24 * k).append("\" width=\"18\" height=\"18\" fill=\"")
                    .append(legend.colours().get(k)).append("\" stroke=\"#666666\" stroke-width=\"0.5\"/>\n");
            text(svg, lx + 26, ly + 24 * k + 14, 12, "normal", legend.labels().get(k));
        }
        text(svg, MARGIN, top + MAP_HEIGHT + 18, 11, "normal", footnote);
        svg.append("</svg>\n");
        return svg.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Legend entries (low → high or by name) and the colour of each district row. */
    record Legend(List<String> labels, List<String> colours, String[] rowColours) {
        String colourOf(int row) {
            return rowColours[row];
        }
    }

    static Legend quintiles(Table districts, String column) {
        int n = districts.rowCount();
        Double[] values = new Double[n];
        for (int i = 0; i < n; i++) {
            Object v = districts.get(i, column);
            values[i] = v == null ? null : ((Number) v).doubleValue();
        }
        Integer[] cls = Ranks.quintile(values);
        double[] lo = new double[6], hi = new double[6];
        java.util.Arrays.fill(lo, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(hi, Double.NEGATIVE_INFINITY);
        String[] rowColours = new String[n];
        boolean anyNull = false;
        for (int i = 0; i < n; i++) {
            if (cls[i] == null) {
                rowColours[i] = NO_VALUE;
                anyNull = true;
                continue;
            }
            rowColours[i] = SEQUENTIAL[cls[i] - 1];
            lo[cls[i]] = Math.min(lo[cls[i]], values[i]);
            hi[cls[i]] = Math.max(hi[cls[i]], values[i]);
        }
        List<String> labels = new ArrayList<>(), colours = new ArrayList<>();
        for (int k = 5; k >= 1; k--) { // highest first, as a reader scans a legend
            if (lo[k] > hi[k]) continue;
            labels.add(lo[k] == hi[k] ? format(lo[k]) : format(lo[k]) + " – " + format(hi[k]));
            colours.add(SEQUENTIAL[k - 1]);
        }
        if (anyNull) {
            labels.add("No value");
            colours.add(NO_VALUE);
        }
        return new Legend(labels, colours, rowColours);
    }

    static Legend categories(Table districts, String column) {
        int n = districts.rowCount();
        TreeSet<String> names = new TreeSet<>();
        for (int i = 0; i < n; i++) {
            Object v = districts.get(i, column);
            if (v != null) names.add((String) v);
        }
        List<String> labels = new ArrayList<>(names), colours = new ArrayList<>();
        for (int k = 0; k < labels.size(); k++) colours.add(CATEGORICAL[k % CATEGORICAL.length]);
        String[] rowColours = new String[n];
        boolean anyNull = false;
        for (int i = 0; i < n; i++) {
            Object v = districts.get(i, column);
            if (v == null) anyNull = true;
            rowColours[i] = v == null ? NO_VALUE : colours.get(labels.indexOf(v));
        }
        if (anyNull) {
            labels.add("No value");
            colours.add(NO_VALUE);
        }
        return new Legend(labels, colours, rowColours);
    }

    /** Splits a heading into lines of at most {@code width} characters at spaces (18 px bold: ~78 fit). */
    static List<String> wrap(String s, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : s.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) line.append(' ');
            line.append(word);
        }
        if (line.length() > 0) lines.add(line.toString());
        return lines;
    }

    private static void ring(StringBuilder svg, Coordinate[] ring, Envelope extent, double scale, int top) {
        for (int k = 0; k < ring.length - 1; k++) {
            double x = MARGIN + (ring[k].x - extent.getMinX()) * scale;
            double y = top + MARGIN + (extent.getMaxY() - ring[k].y) * scale;
            svg.append(k == 0 ? 'M' : 'L').append(String.format(Locale.ROOT, "%.1f %.1f", x, y));
        }
        svg.append('Z');
    }

    private static void text(StringBuilder svg, int x, int y, int size, String weight, String s) {
        svg.append("<text x=\"").append(x).append("\" y=\"").append(y).append("\" font-size=\"").append(size)
                .append("\" font-weight=\"").append(weight).append("\" fill=\"#222222\">").append(escape(s)).append("</text>\n");
    }

    static String format(Object v) {
        if (v == null) return "no value";
        if (v instanceof Double d) {
            double a = Math.abs(d);
            if (a != 0 && (a < 0.01 || a >= 1e6)) return String.format(Locale.ROOT, "%.3g", d);
            return String.format(Locale.ROOT, a >= 100 ? "%.0f" : a >= 10 ? "%.1f" : "%.2f", d);
        }
        return String.valueOf(v);
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
