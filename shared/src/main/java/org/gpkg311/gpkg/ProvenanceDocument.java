package org.gpkg311.gpkg;

import java.io.UncheckedIOException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.gpkg311.provenance.Provenance;

/** The provenance as one JSON document for gpkg_metadata: entries in their order, duplicates kept. */
final class ProvenanceDocument {

    /** md_standard_uri of the document: this project's own, versioned, provenance format. */
    static final String STANDARD_URI = "https://gpkg311.org/provenance/1";
    static final String MIME_TYPE = "application/json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ProvenanceDocument() {}

    static String of(String generatorName, Provenance provenance) {
        ObjectNode root = JSON.createObjectNode();
        root.put("generator", generatorName);
        ArrayNode entries = root.putArray("provenance");
        for (Provenance.Entry e : provenance.entries()) {
            entries.addObject().put("key", e.key()).put("value", e.value()).put("description", e.description());
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
