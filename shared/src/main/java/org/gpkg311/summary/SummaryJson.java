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
import org.gpkg311.style.Classification;
import org.gpkg311.style.ValueFormat;
import org.gpkg311.table.Column;
import org.gpkg311.table.GeometryKind;
import org.gpkg311.table.Table;
import org.locationtech.jts.geom.Envelope;

/**
 * The JSON summary uploaded beside each GeoPackage: generator, one-paragraph summary, provenance (an
 * ordered object key → value, numbers and flags as JSON numbers and booleans, plus a parallel object key →
 * description), the headline (its column, classes and per district id, name, value, class and rank: the
 * classes of the preview and the QGIS style) and per layer its geometry type, row count, exact extent
 * (the same numbers as gpkg_contents) and declared columns.
 */
public final class SummaryJson {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SummaryJson() {}

    /**
     * @throws IllegalArgumentException when a provenance key repeats (a JSON object cannot hold it twice)
     */
    public static byte[] toJson(String generatorName, String summary, List<Table> layers, Provenance p) {
        return toJson(generatorName, summary, null, layers, p);
    }

    /**
     * @param headlineColumn the district column the maps show; null for no "headline" object
     * @throws IllegalArgumentException when a provenance key repeats (a JSON object cannot hold it twice)
     */
    public static byte[] toJson(String generatorName, String summary, String headlineColumn, List<Table> layers, Provenance p) {
        ObjectNode root = JSON.createObjectNode();
        root.put("generator", generatorName);
        root.put("summary", summary);
        ObjectNode values = root.putObject("provenance");
        ObjectNode descriptions = root.putObject("provenanceDescriptions");
        Set<String> seen = new HashSet<>();
        for (Provenance.Entry e : p.entries()) {
            if (!seen.add(e.key())) throw new IllegalArgumentException("provenance key " + e.key() + " appears twice");
            values.set(e.key(), JSON.valueToTree(e.typed()));
            descriptions.put(e.key(), e.description());
        }
        if (headlineColumn != null) {
            Table districts = layers.stream().filter(t -> t.name().equals(generatorName + "Districts")).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(generatorName + " has no district layer"));
            root.set("headline", headline(districts, headlineColumn));
        }
        ArrayNode list = root.putArray("layers");
        for (Table t : layers) list.add(layer(t));
        try {
            return JSON.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("JSON summary of " + generatorName, e);
        }
    }

    /** The headline column's classes and, per district in layer order, id, name, value, class and rank (1 = highest). */
    static ObjectNode headline(Table districts, String column) {
        Classification classes = Classification.of(districts, column);
        Integer[] ranks = Classification.ranks(districts, column);
        Column c = classes.column();
        ObjectNode h = JSON.createObjectNode();
        h.put("column", c.name());
        h.put("alias", c.alias());
        h.put("unit", ValueFormat.unitOf(c.alias()));
        h.put("classification", classes.kind() == Classification.Kind.GRADUATED ? "graduated" : "categorised");
        ArrayNode list = h.putArray("classes");
        for (Classification.MapClass m : classes.classes()) {
            ObjectNode k = list.addObject().put("label", m.label()).put("colour", m.colour());
            if (m.category() != null) k.put("value", m.category());
            else k.put("lower", m.lower()).put("upper", m.upper());
        }
        ArrayNode rows = h.putArray("districts");
        for (int i = 0; i < districts.rowCount(); i++) {
            ObjectNode d = rows.addObject();
            d.set("id", JSON.valueToTree(districts.get(i, "districtId")));
            d.put("name", districts.hasColumn("districtName") ? (String) districts.get(i, "districtName") : null);
            d.set("value", JSON.valueToTree(districts.get(i, column)));
            d.put("class", classes.rowClass()[i] < 0 ? null : classes.labelOf(i));
            d.put("rank", ranks[i]);
        }
        return h;
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
