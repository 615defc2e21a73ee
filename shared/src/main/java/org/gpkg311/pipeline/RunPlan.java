package org.gpkg311.pipeline;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What a run set out to publish ({@code runs/<runId>/plan.json}): the generators whose staging completes it,
 * and the facts that order runs for "newest wins": the as-of instant, then, for the same as-of, the time the
 * snapshot was prepared.
 */
public record RunPlan(String runId, List<String> generators, Instant asOf, Instant preparedAt, String snapshotSha256) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public RunPlan {
        generators = List.copyOf(generators);
    }

    /** True when this run describes later data than the one given (a later as-of, or the same as-of prepared later). */
    public boolean isNewerThan(Instant otherAsOf, Instant otherPreparedAt) {
        int c = asOf.compareTo(otherAsOf);
        if (c != 0) return c > 0;
        return otherPreparedAt == null || preparedAt.isAfter(otherPreparedAt);
    }

    public byte[] toJson() {
        ObjectNode n = JSON.createObjectNode().put("runId", runId).put("asOf", asOf.toString())
                .put("preparedAt", preparedAt.toString()).put("snapshotSha256", snapshotSha256);
        generators.forEach(n.putArray("generators")::add);
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(n);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static RunPlan parse(byte[] bytes, String name) throws IOException {
        try {
            JsonNode n = JSON.readTree(bytes);
            List<String> generators = new ArrayList<>();
            n.path("generators").forEach(g -> generators.add(g.asText()));
            return new RunPlan(n.path("runId").asText(), generators, Instant.parse(n.path("asOf").asText()),
                    Instant.parse(n.path("preparedAt").asText()), n.path("snapshotSha256").asText());
        } catch (IOException | RuntimeException e) {
            throw new IOException("unreadable run plan " + name + ": " + e.getMessage(), e);
        }
    }
}
