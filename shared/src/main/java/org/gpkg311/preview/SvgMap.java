package org.gpkg311.preview;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.gpkg311.geo.LaeaPlane;
import org.gpkg311.style.Classification;
import org.gpkg311.style.Palette;
import org.gpkg311.style.ValueFormat;
import org.gpkg311.table.Column;
import org.gpkg311.table.Table;
import org.locationtech.jts.algorithm.InteriorPointArea;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/**
 * A quick-look map of a district layer as SVG: the districts on the LAEA plane, filled by the classes of
 * one column ({@link Classification}, the same classes and colours as the layer's QGIS style), each
 * labelled with its number and with a hover title giving name, value, rank and class, and a legend whose
 * title names the column and its unit. With hot-spot cells (geographicPatterns) the cells are drawn in the
 * hot/cold palette under the district outlines. SVG is text: no fonts or graphics stack on the Lambda,
 * and every browser shows it. The preview is for a glance; the GeoPackage is the product.
 */
public final class SvgMap {

    static final int WIDTH = 900, MAP_HEIGHT = 640, MARGIN = 20, LEGEND_WIDTH = 250;
    static final String NO_VALUE = Palette.NO_VALUE;
    static final String[] SEQUENTIAL = Palette.SEQUENTIAL;
    static final String[] CATEGORICAL = Palette.CATEGORICAL;

    private SvgMap() {}

    /**
     * @param districts a district layer (MULTIPOLYGON, with districtId and, when present, districtName)
     * @param column    the column that colours the map
     * @param title     first line of the heading
     * @param footnote  small print under the map (window, run id)
     */
    public static byte[] render(Table districts, String column, String title, String footnote) {
        return render(districts, column, null, title, footnote);
    }

    /**
     * As {@link #render(Table, String, String, String)}; with {@code hotSpotCells} (a polygon layer with
     * giBin) the map shows the cells' hot and cold spots, the districts as labelled outlines.
     */
    public static byte[] render(Table districts, String column, Table hotSpotCells, String title, String footnote) {
        Column c = districts.columns().get(districts.columnIndex(column));
        int n = districts.rowCount();
        Classification classes = Classification.of(districts, column);
        Integer[] ranks = Classification.ranks(districts, column);
        Classification cellClasses = hotSpotCells == null ? null : Classification.hotSpots(hotSpotCells);

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
        Frame f = new Frame(extent, Math.min((WIDTH - LEGEND_WIDTH - 2.0 * MARGIN) / extent.getWidth(),
                (MAP_HEIGHT - 2.0 * MARGIN) / extent.getHeight()), 50 + 22 * wrap(title, 78).size());
        List<String> heading = wrap(title, 78);
        int top = f.top();

        StringBuilder svg = new StringBuilder(64 * 1024);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"").append(top + MAP_HEIGHT + 30)
                .append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(top + MAP_HEIGHT + 30)
                .append("\" font-family=\"Helvetica, Arial, sans-serif\">\n");
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        for (int l = 0; l < heading.size(); l++) text(svg, MARGIN, 30 + 22 * l, 18, "bold", heading.get(l));
        text(svg, MARGIN, 30 + 22 * heading.size(), 13, "normal", subtitle(c, cellClasses != null));

        if (cellClasses != null) {
            svg.append("<g stroke=\"none\">\n");
            for (int i = 0; i < hotSpotCells.rowCount(); i++) {
                Geometry g = plane.project(hotSpotCells.geometry(i));
                for (int p = 0; p < g.getNumGeometries(); p++) {
                    svg.append("<polygon fill=\"").append(cellClasses.colourOf(i)).append("\" points=\"");
                    points(svg, ((Polygon) g.getGeometryN(p)).getExteriorRing().getCoordinates(), f);
                    svg.append("\"/>\n");
                }
            }
            svg.append("</g>\n");
        }
        svg.append(cellClasses == null ? "<g stroke=\"#ffffff\" stroke-width=\"0.8\" fill-rule=\"evenodd\">\n"
                : "<g stroke=\"#333333\" stroke-width=\"0.8\" fill-rule=\"evenodd\" fill-opacity=\"0\">\n");
        int defined = 0;
        for (Integer r : ranks) if (r != null) defined++;
        for (int i = 0; i < n; i++) {
            svg.append("<path fill=\"").append(cellClasses == null ? classes.colourOf(i) : "#ffffff").append("\" d=\"");
            Geometry g = projected.get(i);
            for (int p = 0; p < g.getNumGeometries(); p++) {
                Polygon poly = (Polygon) g.getGeometryN(p);
                ring(svg, poly.getExteriorRing().getCoordinates(), f);
                for (int h = 0; h < poly.getNumInteriorRing(); h++) ring(svg, poly.getInteriorRingN(h).getCoordinates(), f);
            }
            svg.append("\"><title>").append(escape(tooltip(districts, i, c, ranks[i], defined, classes))).append("</title></path>\n");
        }
        svg.append("</g>\n");
        svg.append("<g font-size=\"10\" font-weight=\"bold\" text-anchor=\"middle\" fill=\"#222222\" stroke=\"#ffffff\""
                + " stroke-width=\"2.5\" paint-order=\"stroke\" pointer-events=\"none\">\n");
        for (int i = 0; i < n; i++) {
            Coordinate at = InteriorPointArea.getInteriorPoint(projected.get(i));
            svg.append("<text class=\"label\" x=\"").append(fmt(f.x(at.x))).append("\" y=\"").append(fmt(f.y(at.y) + 3.5)).append("\">")
                    .append(escape(String.valueOf(districts.get(i, "districtId")))).append("</text>\n");
        }
        svg.append("</g>\n");
        legend(svg, cellClasses != null ? cellClasses : classes, top);
        text(svg, MARGIN, top + MAP_HEIGHT + 18, 11, "normal", footnote);
        svg.append("</svg>\n");
        return svg.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** "Efficiency Score (efficiencyScore) · unit: none" — the column, its field name and its unit. */
    static String subtitle(Column c, boolean hotSpots) {
        String unit = ValueFormat.unitOf(c.alias());
        String districts = c.alias() + " (column " + c.name() + ") · unit: " + (unit == null ? "none (a ratio, share or score)" : unit);
        return hotSpots ? "Gi* hot and cold spots of request density (grid cells, column giBin); hover a district for its "
                + c.alias() : districts;
    }

    /** "Council District 4 · Score: 5.00 · rank 1 of 5 · class 4.20 – 5.00". */
    static String tooltip(Table districts, int row, Column c, Integer rank, int defined, Classification classes) {
        Object id = districts.get(row, "districtId");
        String name = districts.hasColumn("districtName") && districts.get(row, "districtName") != null
                ? (String) districts.get(row, "districtName") : "District " + id;
        return name + " (district " + id + ") · " + c.alias() + ": " + classes.valueText(districts.get(row, c.name()))
                + (rank == null ? "" : " · rank " + rank + " of " + defined) + " · class " + classes.labelOf(row);
    }

    /** Graduated legends list the highest class first, as a reader scans them; "No value" last. */
    private static void legend(StringBuilder svg, Classification classes, int top) {
        List<String> labels = new ArrayList<>(), colours = new ArrayList<>();
        for (Classification.MapClass m : classes.classes()) {
            labels.add(m.label());
            colours.add(m.colour());
        }
        if (classes.kind() == Classification.Kind.GRADUATED) {
            java.util.Collections.reverse(labels);
            java.util.Collections.reverse(colours);
        }
        if (classes.anyUndefined()) {
            labels.add("No value");
            colours.add(NO_VALUE);
        }
        int lx = WIDTH - LEGEND_WIDTH + 10, ly = top + 20;
        text(svg, lx, ly - 6, 12, "bold", classes.column().alias());
        for (int k = 0; k < labels.size(); k++) {
            svg.append("<rect x=\"").append(lx).append("\" y=\"").append(ly + 24 * k).append("\" width=\"18\" height=\"18\" fill=\"")
                    .append(colours.get(k)).append("\" stroke=\"#666666\" stroke-width=\"0.5\"/>\n");
            text(svg, lx + 26, ly + 24 * k + 14, 12, "normal", labels.get(k));
        }
    }

    /** Map from the LAEA plane to SVG pixels. */
    private record Frame(Envelope extent, double scale, int top) {
        double x(double px) { return MARGIN + (px - extent.getMinX()) * scale; }
        double y(double py) { return top + MARGIN + (extent.getMaxY() - py) * scale; }
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

    private static void ring(StringBuilder svg, Coordinate[] ring, Frame f) {
        for (int k = 0; k < ring.length - 1; k++) {
            svg.append(k == 0 ? 'M' : 'L').append(fmt(f.x(ring[k].x))).append(' ').append(fmt(f.y(ring[k].y)));
        }
        svg.append('Z');
    }

    private static void points(StringBuilder svg, Coordinate[] ring, Frame f) {
        for (int k = 0; k < ring.length - 1; k++) {
            if (k > 0) svg.append(' ');
            svg.append(fmt(f.x(ring[k].x))).append(',').append(fmt(f.y(ring[k].y)));
        }
    }

    private static String fmt(double v) {
        return OneDecimal.of(v);
    }

    private static void text(StringBuilder svg, int x, int y, int size, String weight, String s) {
        svg.append("<text x=\"").append(x).append("\" y=\"").append(y).append("\" font-size=\"").append(size)
                .append("\" font-weight=\"").append(weight).append("\" fill=\"#222222\">").append(escape(s)).append("</text>\n");
    }

    static String format(Object v) {
        return ValueFormat.of(v);
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
