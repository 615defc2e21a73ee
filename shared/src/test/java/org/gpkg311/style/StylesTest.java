package org.gpkg311.style;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.gpkg311.gpkg.GeoPackageWriter;
import org.gpkg311.provenance.Provenance;
import org.gpkg311.table.Column;
import org.gpkg311.table.GeometryKind;
import org.gpkg311.table.Levels;
import org.gpkg311.table.Table;
import org.gpkg311.testing.Squares;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class StylesTest {

    @TempDir
    Path dir;

    static Table districts(Object... values) {
        Table t = new Table("demoDistricts", GeometryKind.MULTIPOLYGON, "Districts.", List.of(
                Column.integer("districtId", "District", "Id."), Column.text("districtName", "District Name", "Name."),
                Column.real("score", "Score & <Rank>", "A score.")));
        for (int i = 0; i < values.length; i++) {
            t.addRow(Squares.rectangle(-86.9 + 0.02 * i, 36.1, -86.88 + 0.02 * i, 36.12))
                    .set("districtId", i + 1).set("districtName", "O'Neil " + (i + 1)).set("score", values[i]);
        }
        return t;
    }

    @Test
    void aValueBesideItsClassReadsWithTheLegendsDigits() throws Exception {
        // Ten values, two per quintile class: 0.3540, 0.3859 | 0.3862, 0.3961 | 0.3966, 0.4123 | 0.4127, 0.4323 |
        // 0.4556, 0.7866. At two decimals 0.3859 and 0.3862 both read 0.39, at three 0.386 (and 0.3961, 0.3966
        // both 0.396): four decimals it is, for the labels and for every value shown beside one.
        Table t = districts(0.3540, 0.3859, 0.3862, 0.3961, 0.3966, 0.4123, 0.4127, 0.4323, 0.4556, 0.7866);
        Classification c = Classification.of(t, "score");
        assertEquals(List.of("0.3540 – 0.3859", "0.3862 – 0.3961", "0.3966 – 0.4123", "0.4127 – 0.4323", "0.4556 – 0.7866"),
                c.classes().stream().map(Classification.MapClass::label).toList());
        assertEquals("0.7866", c.valueText(0.7866), "not 0.79, which is above its class's 0.7866");
        assertEquals("no value", c.valueText(null));
        String tip = all(xml(Qml.districts(t, c, Classification.ranks(t, "score"))), "mapTip").get(0).getTextContent();
        assertTrue(tip.contains("'10', '0.7866'"), tip);
        String svg = new String(org.gpkg311.preview.SvgMap.render(t, "score", "Title", "Footnote"), StandardCharsets.UTF_8);
        assertTrue(svg.contains("Score &amp; &lt;Rank&gt;: 0.7866 · rank 1 of 10 · class 0.4556 – 0.7866"), svg);
    }

    static Table requests(String... labels) {
        GeometryFactory gf = new GeometryFactory();
        Table t = new Table("demoRequests", GeometryKind.POINT, "Points.", List.of(
                Column.text("requestId", "Request Number", "Id."), Column.text("label", "Label", "A label.")));
        for (int i = 0; i < labels.length; i++) t.addRow(gf.createPoint(new Coordinate(-86.8, 36.1))).set("requestId", "R" + i).set("label", labels[i]);
        return t;
    }

    static Document xml(String qml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        // QGIS's DOCTYPE names a DTD that is not there (QGIS does not read it either)
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(qml.getBytes(StandardCharsets.UTF_8)));
    }

    static List<Element> all(Document d, String tag) {
        List<Element> out = new ArrayList<>();
        NodeList n = d.getElementsByTagName(tag);
        for (int i = 0; i < n.getLength(); i++) out.add((Element) n.item(i));
        return out;
    }

    @Test
    void districtQmlIsGraduatedOnTheHeadlineWithAliasesLabelsAndAMapTip() throws Exception {
        // 1..5: type-7 quintile cuts 1.8, 2.6, 3.4, 4.2 → one value per class, viridis low → high
        Table t = districts(3.0, 1.0, 5.0, 2.0, 4.0);
        Document d = xml(Qml.districts(t, Classification.of(t, "score"), Classification.ranks(t, "score")));
        Element r = all(d, "renderer-v2").get(0);
        assertEquals("graduatedSymbol", r.getAttribute("type"));
        assertEquals("score", r.getAttribute("attr"));
        List<Element> ranges = all(d, "range");
        assertEquals(5, ranges.size());
        assertEquals("1.0", ranges.get(0).getAttribute("lower"));
        assertEquals("5.0", ranges.get(4).getAttribute("upper"));
        assertEquals("68,1,84,255", option(all(d, "symbol").get(0), "color"), "viridis #440154 for the lowest class");
        assertEquals("1", d.getDocumentElement().getAttribute("labelsEnabled"));
        assertEquals("districtId", all(d, "text-style").get(0).getAttribute("fieldName"));
        List<Element> aliases = all(d, "alias");
        assertEquals(List.of("districtId", "districtName", "score"), aliases.stream().map(a -> a.getAttribute("field")).toList());
        assertEquals("Score & <Rank>", aliases.get(2).getAttribute("name"));
        assertEquals("3", aliases.get(2).getAttribute("index"), "fid is field 0");
        String tip = all(d, "mapTip").get(0).getTextContent();
        // district 3 holds 5.0: rank 1 of 5, class "5.00"; a quote in a name or label is doubled in the expression
        assertTrue(tip.contains("'3', '1 of 5'"), tip);
        assertTrue(tip.contains("'3', '5.00'"), tip);
        assertTrue(tip.contains("Score &amp; &lt;Rank&gt;:"), tip);
    }

    @Test
    void pointsAreSmallSemiTransparentAndCategorisedWithACatchAllForNoValue() throws Exception {
        Table t = requests("b", "a", null, "b");
        Document d = xml(Qml.points(t, Classification.of(t, "label")));
        List<Element> categories = all(d, "category");
        assertEquals(List.of("a", "b", ""), categories.stream().map(c -> c.getAttribute("value")).toList());
        assertEquals("No value", categories.get(2).getAttribute("label"));
        Element symbol = all(d, "symbol").get(0);
        assertEquals("marker", symbol.getAttribute("type"));
        assertEquals("0.45", symbol.getAttribute("alpha"));
        assertEquals("1.2", option(symbol, "size"));
        assertEquals("0", d.getDocumentElement().getAttribute("labelsEnabled"));
    }

    static Table ordinalRequests(Levels levels, String... labels) {
        GeometryFactory gf = new GeometryFactory();
        Table t = new Table("demoRequests", GeometryKind.POINT, "Points.", List.of(
                Column.text("requestId", "Request Number", "Id."), Column.text("label", "Label", "A label.").withLevels(levels)));
        for (int i = 0; i < labels.length; i++) t.addRow(gf.createPoint(new Coordinate(-86.8, 36.1))).set("requestId", "R" + i).set("label", labels[i]);
        return t;
    }

    static List<String> values(Classification c) {
        return c.classes().stream().map(Classification.MapClass::category).toList();
    }

    static List<String> colours(Classification c) {
        return c.classes().stream().map(Classification.MapClass::colour).toList();
    }

    @Test
    void ordinalLabelsComeInTheirOrderOnTheSequentialRamp() {
        Levels priority = Levels.sequential(List.of("Low", "Moderate", "Elevated", "High"));
        Classification c = Classification.of(ordinalRequests(priority, "High", "Low", null, "Moderate", "Elevated", "Low"), "label");
        assertEquals(List.of("Low", "Moderate", "Elevated", "High"), values(c));
        // viridis #440154 #3b528b #21918c #5ec962 #fde725 at 0, 4/3, 8/3 and 4 of its four steps, by hand:
        // 4/3 is a third of the way from #3b528b to #21918c: (59·2+33)/3 = 50.3, (82·2+145)/3 = 103, (139·2+140)/3 = 139.3
        // 8/3 is two thirds from #21918c to #5ec962: (33+94·2)/3 = 73.7, (145+201·2)/3 = 182.3, (140+98·2)/3 = 112
        assertEquals(List.of("#440154", "#32678b", "#4ab670", "#fde725"), colours(c));
        assertEquals(0, c.rowClass()[1]);
        assertEquals(-1, c.rowClass()[2]);
        assertEquals(3, c.rowClass()[0]);
    }

    @Test
    void aFewLevelsOfALongLadderSpanTheWholeRamp() {
        Levels ladder = Levels.sequential(List.of("Very low risk", "Low risk", "Moderate risk", "High risk", "Very high risk", "Extreme risk"));
        Classification c = Classification.of(ordinalRequests(ladder, "High risk", "Low risk"), "label");
        assertEquals(List.of("Low risk", "High risk"), values(c));
        assertEquals(List.of("#440154", "#fde725"), colours(c));
    }

    @Test
    void divergingLabelsKeepTheirSideWhicheverArePresent() {
        Levels trend = Levels.diverging("Decreasing", "Stable", "Increasing");
        assertEquals(List.of("#0571b0", "#f7f7f7", "#ca0020"),
                colours(Classification.of(ordinalRequests(trend, "Stable", "Increasing", "Decreasing"), "label")));
        Classification two = Classification.of(ordinalRequests(trend, "Increasing", "Stable"), "label");
        assertEquals(List.of("Stable", "Increasing"), values(two));
        assertEquals(List.of("#f7f7f7", "#ca0020"), colours(two), "Stable stays neutral, not the blue end");
    }

    @Test
    void aValueOutsideTheLevelsFallsBackToSortedCategories() {
        Levels trend = Levels.diverging("Decreasing", "Stable", "Increasing");
        Classification c = Classification.of(ordinalRequests(trend, "Stable", "Increasing", "Unknown"), "label");
        assertEquals(List.of("Increasing", "Stable", "Unknown"), values(c));
        assertEquals(List.of(Palette.CATEGORICAL[0], Palette.CATEGORICAL[1], Palette.CATEGORICAL[2]), colours(c));
    }

    @Test
    void hotSpotCellsUseTheSevenEsriClasses() throws Exception {
        Table cells = new Table("demoHotSpotCells", GeometryKind.POLYGON, "Cells.", List.of(Column.integer("giBin", "Gi Bin", "Bin.")));
        cells.addRow(Squares.rectangle(-86.9, 36.1, -86.89, 36.11).getGeometryN(0)).set("giBin", 2);
        List<LayerStyle> styles = Styles.of("demo", "score", List.of(districts(1.0, 2.0), requests("a"), cells));
        assertEquals(List.of("demoDistricts", "demoRequests", "demoHotSpotCells"), styles.stream().map(LayerStyle::table).toList());
        Document d = xml(styles.get(2).qml());
        assertEquals(List.of("-3", "-2", "-1", "0", "1", "2", "3"), all(d, "category").stream().map(c -> c.getAttribute("value")).toList());
        assertEquals("214,47,39,255", option(all(d, "symbol").get(6), "color"), "hot spot 99% #d62f27");
        // "demo" has no request headline: one colour
        assertEquals("singleSymbol", all(xml(styles.get(1).qml()), "renderer-v2").get(0).getAttribute("type"));
    }

    @Test
    void theWriterAddsLayerStylesRegisteredAsAttributes() throws Exception {
        Path file = dir.resolve("s.gpkg");
        Table t = districts(1.0, 2.0);
        GeoPackageWriter.write(file, "demo", List.of(t), new Provenance().add("asOf", "2025-11-24T23:59:59Z", "d"),
                Styles.of("demo", "score", List.of(t)));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            ResultSet rs = c.createStatement().executeQuery("SELECT data_type, identifier, last_change FROM gpkg_contents WHERE table_name = 'layer_styles'");
            assertTrue(rs.next());
            assertEquals("attributes", rs.getString(1));
            assertEquals("layer_styles", rs.getString(2));
            rs = c.createStatement().executeQuery("SELECT f_table_catalog, f_table_schema, f_table_name, f_geometry_column, styleName,"
                    + " useAsDefault, update_time, substr(styleQML, 1, 15) FROM layer_styles");
            assertTrue(rs.next());
            assertEquals("", rs.getString(1));
            assertEquals("", rs.getString(2));
            assertEquals("demoDistricts", rs.getString(3));
            assertEquals("geom", rs.getString(4));
            assertEquals("gpkg311 default", rs.getString(5));
            assertEquals(1, rs.getInt(6));
            assertEquals("2025-11-24T23:59:59.000Z", rs.getString(7), "update_time is the run's as-of, so reruns match");
            assertEquals("<!DOCTYPE qgis ", rs.getString(8));
            assertTrue(!rs.next(), "one style per feature table");
        }
        Path none = dir.resolve("n.gpkg");
        GeoPackageWriter.write(none, "demo", List.of(t), new Provenance());
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + none);
             ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM sqlite_master WHERE name = 'layer_styles'")) {
            assertEquals(0, rs.getInt(1), "no styles given, no table");
        }
    }

    static String option(Element symbol, String name) {
        NodeList n = symbol.getElementsByTagName("Option");
        for (int i = 0; i < n.getLength(); i++) {
            Element o = (Element) n.item(i);
            if (o.getAttribute("name").equals(name)) return o.getAttribute("value");
        }
        throw new AssertionError("no option " + name);
    }
}
