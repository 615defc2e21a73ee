package org.gpkg311.summary;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.gpkg311.gpkg.Extents;
import org.gpkg311.provenance.Provenance;
import org.gpkg311.table.Column;
import org.gpkg311.table.GeometryKind;
import org.gpkg311.table.Table;
import org.locationtech.jts.geom.Envelope;

/**
 * The JSON summary uploaded beside each GeoPackage: generator, one-paragraph summary, provenance (an
 * ordered object key → value, plus a parallel object key → description), and per layer its geometry
 * type, row count, exact extent (the same numbers as gpkg_contents) and declared columns.
 */
public final class SummaryJson {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SummaryJson() {}

    /**
     * @throws IllegalArgumentException when a provenance key repeats (a JSON object cannot hold it twice)
     */
    public static byte[] toJson(String generatorName, String summary, List<Table> layers, Provenance p) {
        ObjectNode root = JSON.createObjectNode();
        root.put("generator", generatorName);
        root.put("summary", summary);
        ObjectNode values = root.putObject("provenance");
        ObjectNode descriptions = root.putObject("provenanceDescriptions");
        Set<String> seen = new HashSet<>();
        for (Provenance.Entry e : p.entries()) {
            if (!seen.add(e.key())) throw new IllegalArgumentException("provenance key " + e.key() + " appears twice");
            values.put(e.key(), e.value());
            descriptions.put(e.key(), e.description());
        }
        ArrayNode list = root.putArray("layers");
        for (Table t : layers) list.add(layer(t));
        try {
            return JSON.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("JSON summary of " + generatorName, e);
        }
    }

    private static ObjectNode layer(Table t) {
        ObjectNode n = JSON.createObjectNode();
        n.put("name", t.name());
        n.put("description", t.description());
        n.put("geometryType", t.geometryKind() == GeometryKind.NONE ? null : t.geometryKind().name());
        n.put("srid", t.geometryKind() == GeometryKind.NONE ? null : 4326);
        n.put("rowCount", t.rowCount());
        Envelope e = Extents.of(t);
        if (e == null) {
            n.putNull("extent");
        } else {
            n.putObject("extent").put("minX", e.getMinX()).put("minY", e.getMinY()).put("maxX", e.getMaxX()).put("maxY", e.getMaxY());
        }
        ArrayNode columns = n.putArray("columns");
        for (Column c : t.columns()) {
            columns.addObject().put("name", c.name()).put("type", c.type().name()).put("alias", c.alias()).put("description", c.description());
        }
        return n;
    }
}
