package org.gpkg311.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.xml.parsers.DocumentBuilderFactory;

import org.gpkg311.generator.Generators;
import org.gpkg311.style.Palette;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The sample run's previews: every district labelled and titled with its name (read from the GeoPackage),
 * and the signed headline (trendDirection's change per month, which has districts on both sides of 0) drawn
 * in the diverging ramp whose middle class holds 0.
 */
class PreviewsTest {

    @BeforeAll
    static void run() throws Exception {
        SampleRun.ensure();
    }

    static Document svg(String name) throws Exception {
        Path file = SampleRun.OUT.resolve(name).resolve(name + ".svg");
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
    }

    @Test
    void everyDistrictHasALabelAndATooltipWithItsName() throws Exception {
        for (String name : Generators.names()) {
            List<String[]> districts = new ArrayList<>();
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + SampleRun.gpkg(name));
                 ResultSet rs = c.createStatement().executeQuery("SELECT districtId, districtName FROM \"" + name + "Districts\" ORDER BY fid")) {
                while (rs.next()) districts.add(new String[] {rs.getString(1), rs.getString(2)});
            }
            Document d = svg(name);
            NodeList titles = d.getElementsByTagName("title");
            assertEquals(districts.size(), titles.getLength(), name);
            List<String> labels = new ArrayList<>();
            NodeList texts = d.getElementsByTagName("text");
            for (int i = 0; i < texts.getLength(); i++) {
                Element t = (Element) texts.item(i);
                if (t.getAttribute("class").equals("label")) labels.add(t.getTextContent());
            }
            assertEquals(districts.stream().map(x -> x[0]).toList(), labels, name + ": one label per district");
            for (int i = 0; i < districts.size(); i++) {
                String title = titles.item(i).getTextContent();
                assertTrue(title.startsWith(districts.get(i)[1] + " (district " + districts.get(i)[0] + ")"), name + ": " + title);
                assertTrue(title.contains(" · rank ") || name.equals("timeBasedClusters"), name + ": " + title);
                assertTrue(title.contains(" · class "), name + ": " + title);
            }
        }
    }

    @Test
    void theSignedHeadlineUsesTheDivergingRampWhoseMiddleClassHoldsZero() throws Exception {
        double min, max;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + SampleRun.gpkg("trendDirection"));
             ResultSet rs = c.createStatement().executeQuery("SELECT min(percentChangePerMonth), max(percentChangePerMonth) FROM trendDirectionDistricts")) {
            min = rs.getDouble(1);
            max = rs.getDouble(2);
        }
        assertTrue(min < 0 && max > 0, "the sample city has districts on both sides of 0: " + min + " " + max);
        Document d = svg("trendDirection");
        Set<String> ramp = Set.of(Palette.DIVERGING), fills = new HashSet<>();
        NodeList paths = d.getElementsByTagName("path");
        for (int i = 0; i < paths.getLength(); i++) fills.add(((Element) paths.item(i)).getAttribute("fill"));
        assertTrue(ramp.containsAll(fills), "district fills " + fills + " come from the diverging ramp");
        assertTrue(fills.contains(Palette.DIVERGING[0]) && fills.contains(Palette.DIVERGING[4]), "both ends are used: " + fills);
        // the legend entry in the ramp's middle colour reads "lo – hi" with lo ≤ 0 ≤ hi
        NodeList rects = d.getElementsByTagName("rect");
        String middle = null;
        for (int i = 0; i < rects.getLength(); i++) {
            Element r = (Element) rects.item(i);
            if (r.getAttribute("fill").equals(Palette.DIVERGING[2])) {
                Element label = (Element) r.getNextSibling().getNextSibling();
                middle = label.getTextContent();
            }
        }
        assertTrue(middle != null, "legend has the neutral class");
        String[] bounds = middle.split(" – ");
        assertTrue(Double.parseDouble(bounds[0]) <= 0 && 0 <= Double.parseDouble(bounds[1]), "middle class " + middle + " holds 0");
    }
}
