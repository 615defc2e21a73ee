package org.gpkg311.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.gpkg311.style.Classification;
import org.gpkg311.style.Palette;
import org.gpkg311.table.Column;
import org.gpkg311.table.GeometryKind;
import org.gpkg311.table.Table;
import org.gpkg311.testing.Squares;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class SvgMapTest {

    /** Six square districts side by side with the given values (null = undefined). */
    static Table layer(Column metric, Object... values) {
        Table t = new Table("fixtureDistricts", GeometryKind.MULTIPOLYGON, "Fixture.",
                List.of(Column.integer("districtId", "District", "Id."), metric));
        for (int i = 0; i < values.length; i++) {
            t.addRow(Squares.rectangle(-86.9 + 0.02 * i, 36.1, -86.88 + 0.02 * i, 36.12)).set("districtId", i + 1).set(metric.name(), values[i]);
        }
        return t;
    }

    static Document parse(byte[] svg) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(svg));
    }

    static List<String> fills(Document d) {
        List<String> out = new ArrayList<>();
        NodeList paths = d.getElementsByTagName("path");
        for (int i = 0; i < paths.getLength(); i++) out.add(((Element) paths.item(i)).getAttribute("fill"));
        return out;
    }

    @Test
    void numbersAreColouredByQuintileClassLowToHighAndNullIsGrey() throws Exception {
        // six values, one NULL: type-7 quintile cuts of [1,2,3,4,5] are 1.8, 2.6, 3.4, 4.2 → classes 1..5
        Table t = layer(Column.real("score", "Score", "A score."), 3.0, 1.0, null, 5.0, 2.0, 4.0);
        Document d = parse(SvgMap.render(t, "score", "A title & <more>", "footnote"));
        String[] v = SvgMap.SEQUENTIAL;
        assertEquals(List.of(v[2], v[0], SvgMap.NO_VALUE, v[4], v[1], v[3]), fills(d));
        // hover titles: name (none in this fixture: "District n"), value, rank among the 5 defined values, class
        assertEquals("District 4 (district 4) · Score: 5.00 · rank 1 of 5 · class 5.00", d.getElementsByTagName("title").item(3).getTextContent());
        assertEquals("District 3 (district 3) · Score: no value · class No value", d.getElementsByTagName("title").item(2).getTextContent());
        // heading (escaped text), the column with its field name and unit, one label per district, the legend
        // (its title, highest class first, then "No value"), the footnote
        assertEquals(List.of("A title & <more>", "Score (column score) · unit: none (a ratio, share or score)",
                "1", "2", "3", "4", "5", "6",
                "Score", "5.00", "4.00", "3.00", "2.00", "1.00", "No value", "footnote"), texts(d));
    }

    @Test
    void theLegendTitleNamesTheUnitOfTheAlias() throws Exception {
        Table t = layer(Column.real("hours", "Response Time (hours)", "Hours."), 1.0, 2.0);
        assertEquals("Response Time (hours) (column hours) · unit: hours", texts(parse(SvgMap.render(t, "hours", "T", "f"))).get(1));
    }

    @Test
    void signedValuesGetADivergingRampWhoseMiddleClassHoldsZero() throws Exception {
        // |v| sorted 0.5 1 1 2 3 4 6: type-7 20th percentile t1 = 1.0, 60th t2 = 2 + 0.6·(3 − 2) = 2.6.
        // Bands: v < −2.6 | −2.6 ≤ v < −1 | −1 ≤ v ≤ 1 (neutral) | 1 < v ≤ 2.6 (empty here, dropped) | v > 2.6
        Table t = layer(Column.real("change", "Change (%)", "Signed."), -4.0, -2.0, -1.0, 0.5, 1.0, 3.0, 6.0);
        Document d = parse(SvgMap.render(t, "change", "Signed", "footnote"));
        String[] r = Palette.DIVERGING;
        assertEquals(List.of(r[0], r[1], r[2], r[2], r[2], r[4], r[4]), fills(d));
        List<String> texts = texts(d);
        assertEquals(List.of("Change (%)", "3.00 – 6.00", "-1.00 – 1.00", "-2.00", "-4.00", "footnote"),
                texts.subList(texts.size() - 6, texts.size()));
        Classification c = Classification.of(t, "change");
        Classification.MapClass middle = c.classes().get(2);
        assertEquals(r[2], middle.colour());
        assertTrue(middle.lower() <= 0 && 0 <= middle.upper(), middle.toString());
    }

    @Test
    void everyDistrictHasALabelAndATooltipWithItsName() throws Exception {
        Table t = new Table("fixtureDistricts", GeometryKind.MULTIPOLYGON, "Fixture.",
                List.of(Column.integer("districtId", "District", "Id."), Column.text("districtName", "District Name", "Name."),
                        Column.real("score", "Score", "A score.")));
        for (int i = 0; i < 3; i++) {
            t.addRow(Squares.rectangle(-86.9 + 0.02 * i, 36.1, -86.88 + 0.02 * i, 36.12))
                    .set("districtId", 7 + i).set("districtName", "Ward " + (char) ('A' + i)).set("score", 1.0 + i);
        }
        Document d = parse(SvgMap.render(t, "score", "T", "f"));
        NodeList labels = d.getElementsByTagName("text");
        List<String> districtLabels = new ArrayList<>();
        for (int i = 0; i < labels.getLength(); i++) {
            Element e = (Element) labels.item(i);
            if (e.getAttribute("class").equals("label")) districtLabels.add(e.getTextContent());
        }
        assertEquals(List.of("7", "8", "9"), districtLabels);
        NodeList titles = d.getElementsByTagName("title");
        assertEquals(3, titles.getLength());
        for (int i = 0; i < 3; i++) {
            assertTrue(titles.item(i).getTextContent().startsWith("Ward " + (char) ('A' + i) + " (district " + (7 + i) + ")"),
                    titles.item(i).getTextContent());
        }
        // each label sits inside its square: x between the square's left and right edges in pixels
        double x0 = Double.parseDouble(((Element) labels.item(2)).getAttribute("x"));
        double x1 = Double.parseDouble(((Element) labels.item(3)).getAttribute("x"));
        assertTrue(x0 < x1, x0 + " < " + x1);
    }

    @Test
    void hotSpotCellsAreDrawnInTheHotColdPaletteUnderTheDistrictOutlines() throws Exception {
        Table districts = layer(Column.real("density", "Density", "D."), 1.0, 2.0);
        Table cells = new Table("fixtureHotSpotCells", GeometryKind.POLYGON, "Cells.", List.of(Column.integer("giBin", "Gi Bin", "Bin.")));
        int[] bins = {-3, 0, 3};
        for (int i = 0; i < bins.length; i++) {
            cells.addRow(Squares.rectangle(-86.9 + 0.01 * i, 36.1, -86.89 + 0.01 * i, 36.11).getGeometryN(0)).set("giBin", bins[i]);
        }
        Document d = parse(SvgMap.render(districts, "density", cells, "Hot", "f"));
        NodeList polygons = d.getElementsByTagName("polygon");
        List<String> cellFills = new ArrayList<>();
        for (int i = 0; i < polygons.getLength(); i++) cellFills.add(((Element) polygons.item(i)).getAttribute("fill"));
        assertEquals(List.of(Palette.HOT_COLD[0], Palette.HOT_COLD[3], Palette.HOT_COLD[6]), cellFills);
        assertEquals(2, d.getElementsByTagName("path").getLength(), "the districts stay paths with titles");
        List<String> texts = texts(d);
        assertTrue(texts.containsAll(List.of("Cold spot 99%", "Not significant", "Hot spot 99%")), texts.toString());
    }

    static List<String> texts(Document d) {
        List<String> texts = new ArrayList<>();
        NodeList nodes = d.getElementsByTagName("text");
        for (int i = 0; i < nodes.getLength(); i++) texts.add(nodes.item(i).getTextContent());
        return texts;
    }

    @Test
    void labelsGetOneColourEachInNameOrder() throws Exception {
        Table t = layer(Column.text("kind", "Kind", "A kind."), "b", "a", "b", null, "c", "a");
        Document d = parse(SvgMap.render(t, "kind", "Kinds", "footnote"));
        String[] c = SvgMap.CATEGORICAL;
        assertEquals(List.of(c[1], c[0], c[1], SvgMap.NO_VALUE, c[2], c[0]), fills(d));
    }

    @Test
    void longHeadingsWrapAtSpaces() {
        assertEquals(List.of("aaaa bbbb", "cccc"), SvgMap.wrap("aaaa bbbb cccc", 10));
        assertEquals(List.of("short"), SvgMap.wrap("short", 10));
    }
}
