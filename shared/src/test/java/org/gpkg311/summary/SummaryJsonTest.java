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
                .add("cut", 0.1 + 0.2, "A quantile cut.").add("missing", null, "An undefined value.");
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
        // provenance keeps its order and the value texts of Provenance.format
        assertEquals(List.of("generator", "asOf", "cut", "missing"), names(root.get("provenance")));
        assertEquals("2025-11-24T13:05:00Z", root.get("provenance").get("asOf").asText());
        assertEquals("0.30000000000000004", root.get("provenance").get("cut").asText());
        assertEquals("NULL", root.get("provenance").get("missing").asText());
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
