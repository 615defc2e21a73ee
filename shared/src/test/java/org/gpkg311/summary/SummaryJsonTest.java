package org.gpkg311.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.gpkg311.provenance.Provenance;
import org.gpkg311.table.Column;
import org.gpkg311.table.GeometryKind;
import org.gpkg311.table.Table;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;

class SummaryJsonTest {

    private static final GeometryFactory GF = new GeometryFactory(new PrecisionModel(), 4326);

    private static Table points() {
        Table t = new Table("demoRequests", GeometryKind.POINT, "Demo points.", List.of(
                Column.integer("districtId", "District", "Council district."),
                Column.dateTime("openedAt", "Opened (UTC)", "When opened.")));
        t.addRow(GF.createPoint(new Coordinate(-86.8, 36.1))).set("districtId", 1).set("openedAt", Instant.parse("2025-01-01T00:00:00Z"));
        t.addRow(GF.createPoint(new Coordinate(-86.6000000003, 36.2400000009))).set("districtId", 2);
        t.addRow(GF.createPoint(new Coordinate(-86.7, 35.9)));
        return t;
    }

    private static Provenance provenance() {
        return new Provenance().add("generator", "demo", "Generator name.").add("asOf", Instant.parse("2025-11-24T13:05:00Z"), "Window end.")
                .add("cut", 0.1 + 0.2, "A quantile cut.").add("missing", null, "An undefined value.")
                .add("rows", 47743, "A count.").add("flag", true, "A flag.").add("version", "1.0.0", "A text that looks numeric.")
                .add("seed", 311L, "A long.");
    }

    @Test
    void summaryHoldsGeneratorProvenanceAndLayers() throws Exception {
        Table none = new Table("demoInfo", GeometryKind.NONE, "Attributes only.", List.of(Column.text("k", "Key", "A key.")));
        byte[] bytes = SummaryJson.toJson("demo", "Demo summary.", List.of(points(), none), provenance());
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertTrue(text.contains("\n  \"generator\" : \"demo\""), "pretty printed: " + text);
        JsonNode root = new ObjectMapper().readTree(bytes);
        assertEquals(List.of("generator", "summary", "provenance", "provenanceDescriptions", "layers"), names(root));
        assertEquals("Demo summary.", root.get("summary").asText());
        // provenance keeps its order; numbers and flags are JSON numbers and booleans, texts stay texts
        JsonNode p = root.get("provenance");
        assertEquals(List.of("generator", "asOf", "cut", "missing", "rows", "flag", "version", "seed"), names(p));
        assertEquals("2025-11-24T13:05:00Z", p.get("asOf").asText());
        assertTrue(p.get("asOf").isTextual());
        assertTrue(p.get("cut").isDouble());
        assertEquals(0.30000000000000004, p.get("cut").doubleValue());
        assertTrue(p.get("missing").isNull());
        assertTrue(p.get("rows").isInt());
        assertEquals(47743, p.get("rows").intValue());
        assertTrue(p.get("flag").isBoolean() && p.get("flag").booleanValue());
        assertEquals("1.0.0", p.get("version").textValue());
        assertTrue(p.get("seed").isIntegralNumber());
        assertEquals(311L, p.get("seed").longValue());
        assertEquals("A quantile cut.", root.get("provenanceDescriptions").get("cut").asText());

        JsonNode layer = root.get("layers").get(0);
        assertEquals("demoRequests", layer.get("name").asText());
        assertEquals("POINT", layer.get("geometryType").asText());
        assertEquals(4326, layer.get("srid").asInt());
        assertEquals(3, layer.get("rowCount").asInt());
        // extent read off the three points
        assertEquals(-86.8, layer.get("extent").get("minX").asDouble());
        assertEquals(35.9, layer.get("extent").get("minY").asDouble());
        assertEquals(-86.6000000003, layer.get("extent").get("maxX").asDouble());
        assertEquals(36.2400000009, layer.get("extent").get("maxY").asDouble());
        assertEquals("openedAt", layer.get("columns").get(1).get("name").asText());
        assertEquals("DATETIME", layer.get("columns").get(1).get("type").asText());
        assertEquals("Opened (UTC)", layer.get("columns").get(1).get("alias").asText());
        assertEquals("When opened.", layer.get("columns").get(1).get("description").asText());

        JsonNode info = root.get("layers").get(1);
        assertTrue(info.get("geometryType").isNull());
        assertTrue(info.get("extent").isNull());
        assertEquals(0, info.get("rowCount").asInt());
    }

    @Test
    void headlineGivesEveryDistrictsValueClassAndRank() throws Exception {
        Table d = new Table("demoDistricts", GeometryKind.MULTIPOLYGON, "Districts.", List.of(
                Column.integer("districtId", "District", "Id."), Column.text("districtName", "District Name", "Name."),
                Column.real("score", "Score (points)", "A score.")));
        double[] values = {3.0, 1.0, 5.0};
        for (int i = 0; i < 3; i++) {
            d.addRow(org.gpkg311.testing.Squares.rectangle(-86.9 + 0.02 * i, 36.1, -86.88 + 0.02 * i, 36.12))
                    .set("districtId", i + 1).set("districtName", "D" + (i + 1)).set("score", values[i]);
        }
        JsonNode h = new ObjectMapper().readTree(SummaryJson.toJson("demo", "s", "score", List.of(d), new Provenance())).get("headline");
        assertEquals("score", h.get("column").asText());
        assertEquals("points", h.get("unit").asText());
        assertEquals("graduated", h.get("classification").asText());
        // type-7 quintile cuts of 1, 3, 5 are 1.8, 2.6, 3.4, 4.2: 1 → class 1, 3 → class 3, 5 → class 5
        assertEquals(3, h.get("classes").size());
        JsonNode first = h.get("districts").get(0);
        assertEquals(1, first.get("id").intValue());
        assertEquals("D1", first.get("name").asText());
        assertEquals(3.0, first.get("value").doubleValue());
        assertEquals("3.00", first.get("class").asText());
        assertEquals(2, first.get("rank").intValue());
        assertEquals(3, h.get("districts").get(1).get("rank").intValue());
        assertEquals(1, h.get("districts").get(2).get("rank").intValue());
        assertEquals("5.00", h.get("districts").get(2).get("class").asText());
    }

    @Test
    void repeatedProvenanceKeyIsRefused() {
        Provenance twice = new Provenance().add("k", 1, "d").add("k", 2, "d");
        assertEquals("provenance key k appears twice",
                assertThrows(IllegalArgumentException.class, () -> SummaryJson.toJson("demo", "s", List.of(), twice)).getMessage());
    }

    private static List<String> names(JsonNode n) {
        List<String> names = new ArrayList<>();
        n.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
