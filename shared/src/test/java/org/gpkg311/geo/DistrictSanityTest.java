package org.gpkg311.geo;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.gpkg311.model.District;
import org.gpkg311.read.RunRefusedException;
import org.junit.jupiter.api.Test;

/**
 * Overlapping districts are refused (issue 9, item 10), neighbours sharing a boundary are not. The cases are made
 * from the real 2022 plan: a district duplicated under a new id, a district moved onto its neighbours, a district
 * moved by a few centimetres (a sliver).
 */
class DistrictSanityTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode real2022() throws IOException {
        try (InputStream in = DistrictSanityTest.class.getResourceAsStream(RealDistricts.RESOURCE)) {
            return (ObjectNode) JSON.readTree(in);
        }
    }

    private static ObjectNode feature(ObjectNode collection, int id) {
        for (JsonNode f : collection.get("features")) if (f.get("properties").get("DISTRICT").asInt() == id) return (ObjectNode) f;
        throw new IllegalArgumentException("no district " + id);
    }

    /** Adds (dLon, dLat) to every position of a geometry. */
    private static void shift(JsonNode node, double dLon, double dLat) {
        if (!node.isArray()) return;
        if (node.size() >= 2 && node.get(0).isNumber()) {
            ((ArrayNode) node).set(0, node.get(0).asDouble() + dLon);
            ((ArrayNode) node).set(1, node.get(1).asDouble() + dLat);
            return;
        }
        for (JsonNode child : node) shift(child, dLon, dLat);
    }

    private static List<District> load(ObjectNode collection) throws IOException {
        return DistrictLoader.load(new ByteArrayInputStream(JSON.writeValueAsBytes(collection)), "districts.geojson",
                DistrictFields.nashville());
    }

    @Test
    void theReal2022PlanPasses() throws IOException {
        assertEquals(35, load(real2022()).size());
    }

    @Test
    void aDistrictDuplicatedUnderAnotherIdIsRefused() throws IOException {
        ObjectNode c = real2022();
        ObjectNode copy = feature(c, 19).deepCopy();
        ((ObjectNode) copy.get("properties")).put("DISTRICT", 36);
        ((ArrayNode) c.get("features")).add(copy);
        RunRefusedException e = assertThrows(RunRefusedException.class, () -> load(c));
        assertFalse(e.getMessage().contains("\n"));
        assertTrue(e.getMessage().startsWith("districts.geojson: districts 19 and 36 (features 18 and 35, field DISTRICT)"
                + " overlap by 100.0% of district"), e.getMessage());
    }

    @Test
    void aDistrictMovedOntoItsNeighboursIsRefused() throws IOException {
        ObjectNode c = real2022();
        shift(feature(c, 19).get("geometry").get("coordinates"), 0.01, 0.0);  // about 900 m east
        RunRefusedException e = assertThrows(RunRefusedException.class, () -> load(c));
        assertTrue(e.getMessage().matches("districts\\.geojson: districts \\d+ and \\d+ .*overlap by .*"), e.getMessage());
        assertTrue(e.getMessage().contains(" 19 "), e.getMessage());
    }

    @Test
    void aDistrictMovedByCentimetresOverlapsItsNeighboursByASliverAndPasses() throws IOException {
        ObjectNode c = real2022();
        shift(feature(c, 19).get("geometry").get("coordinates"), 3e-7, 3e-7);  // about 3 cm
        assertEquals(35, load(c).size());
    }
}
