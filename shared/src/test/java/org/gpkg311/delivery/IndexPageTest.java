package org.gpkg311.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

class IndexPageTest {

    static final String SVG = "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"><rect/></svg>";

    static String manifest(boolean synthetic, int version) {
        return """
                {"formatVersion": %d, "runId": "r1", "asOf": "2025-11-24T23:59:59Z", "windowStartDate": "2025-08-25",
                 "windowEndDate": "2025-11-24", "city": "Town & <Co>", "synthetic": %s,
                 "quality": {"rowsRead": 1234567, "rowsAccepted": 1000, "rowsRejected": 7, "rowsOutsideWindow": 0,
                             "rejectedByReason": {"badTime": 7}, "notes": {}},
                 "files": [{"generator": "g", "key": "g/g.gpkg", "bytes": 2500000, "summaryKey": "g/g.json", "previewKey": "g/g.svg"}]}
                """.formatted(version, synthetic);
    }

    static final String CATEGORISED = """
            {"summary": "Which <b>kinds</b>?", "headline": {"column": "kind", "alias": "Kind", "classification": "categorised",
             "classes": [{"label": "a", "colour": "#000000", "value": "a"}, {"label": "b", "colour": "#ffffff", "value": "b"}],
             "districts": [{"id": 1, "name": "One", "value": "a", "class": "a", "rank": null},
                           {"id": 2, "name": "Two", "value": "b", "class": "b", "rank": null},
                           {"id": 3, "name": "Three", "value": "a", "class": "a", "rank": null}]}}
            """;

    static String render(String manifest, Map<String, String> objects) {
        return new String(IndexPage.render(manifest.getBytes(StandardCharsets.UTF_8), k -> objects.containsKey(k)
                ? objects.get(k).getBytes(StandardCharsets.UTF_8) : null), StandardCharsets.UTF_8);
    }

    @Test
    void pageEscapesTextInlinesThePreviewAndGroupsCategoriesWhenThereIsNoRank() {
        String html = render(manifest(false, 1), Map.of("g/g.json", CATEGORISED, "g/g.svg", SVG));
        assertTrue(html.contains("Town &amp; &lt;Co&gt; 311 GeoPackages"), html);
        assertTrue(html.contains("Which &lt;b&gt;kinds&lt;/b&gt;?"));
        assertTrue(html.contains("<figure class=\"preview\"><svg xmlns"), "inline, without the XML declaration");
        assertFalse(html.contains("<?xml"));
        assertTrue(html.contains("<li><b>a</b>: 2 districts (1, 3)</li>"), html);
        assertTrue(html.contains("<li><b>b</b>: 1 district (2)</li>"), html);
        assertTrue(html.contains("data-value=\"1234567\">1,234,567<"));
        assertTrue(html.contains("2.5 MB (2,500,000 bytes)"));
        assertTrue(html.contains("href=\"g/g.gpkg\" download"));
        assertFalse(html.contains("synthetic-banner"));
        assertTrue(render(manifest(true, 1), Map.of("g/g.json", CATEGORISED, "g/g.svg", SVG)).contains("id=\"synthetic-banner\""));
    }

    @Test
    void anUnknownFormatOrAMissingObjectIsRefusedByName() {
        assertEquals("manifest.json: formatVersion 2, expected 1", assertThrows(IllegalArgumentException.class,
                () -> render(manifest(false, 2), Map.of())).getMessage());
        assertEquals("index page: g/g.svg named in the manifest cannot be read", assertThrows(IllegalArgumentException.class,
                () -> render(manifest(false, 1), Map.of("g/g.json", CATEGORISED))).getMessage());
    }
}
