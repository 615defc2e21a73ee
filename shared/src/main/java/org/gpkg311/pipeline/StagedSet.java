package org.gpkg311.pipeline;

import java.io.IOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One generator's staged files, as its marker ({@code staged.json}) records them: the run, the GeoPackage's
 * size and the SHA-256 of each file. The manifest's file entries are made from these.
 */
public record StagedSet(String generator, String runId, long gpkgBytes, String gpkgSha256, String summarySha256,
                        String previewSha256) {

    private static final ObjectMapper JSON = new ObjectMapper();

    byte[] toJson() {
        ObjectNode n = JSON.createObjectNode()
                .put("generator", generator).put("runId", runId).put("gpkgBytes", gpkgBytes)
                .put("gpkgSha256", gpkgSha256).put("summarySha256", summarySha256).put("previewSha256", previewSha256);
        try {
            return JSON.writeValueAsBytes(n);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static StagedSet parse(byte[] bytes, String name) throws IOException {
        JsonNode n;
        try {
            n = JSON.readTree(bytes);
        } catch (IOException e) {
            throw new IOException("unreadable staged marker " + name + ": " + e.getMessage(), e);
        }
        return new StagedSet(n.path("generator").asText(), n.path("runId").asText(), n.path("gpkgBytes").asLong(),
                n.path("gpkgSha256").asText(), n.path("summarySha256").asText(), n.path("previewSha256").asText());
    }
}
