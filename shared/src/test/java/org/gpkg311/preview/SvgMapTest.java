package org.gpkg311.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

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
        // hover titles name the district and its value
        assertEquals("District 4: 5.00", d.getElementsByTagName("title").item(3).getTextContent());
        // legend: highest class first, then "No value"; the heading is escaped text
        List<String> texts = new ArrayList<>();
        NodeList nodes = d.getElementsByTagName("text");
        for (int i = 0; i < nodes.getLength(); i++) texts.add(nodes.item(i).getTextContent());
        assertEquals(List.of("A title & <more>", "Score (score)", "5.00", "4.00", "3.00", "2.00", "1.00", "No value", "footnote"), texts);
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
