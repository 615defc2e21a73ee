package org.gpkg311.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** What a log line carries: the request id, the cold start of the environment, and only the levels asked for. */
class JsonLogTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    private List<JsonNode> lines() throws Exception {
        List<JsonNode> out = new java.util.ArrayList<>();
        for (String l : bytes.toString(StandardCharsets.UTF_8).split("\n")) if (!l.isBlank()) out.add(JSON.readTree(l));
        return out;
    }

    @Test
    void everyLineCarriesTheRequestIdAndOnlyTheFirstInvocationIsTheColdStart() throws Exception {
        JsonLog log = JsonLog.fromEnvironment(new PrintStream(bytes, true, StandardCharsets.UTF_8), "trendDirection", Map.of());
        log.forInvocation("req-1").forRun("run-a");
        log.event("INFO", "start", Map.of());
        log.stage("trendDirection", "stage", Map.of("bytes", 3), 7);
        log.forInvocation("req-2");
        log.event("INFO", "start", Map.of());

        List<JsonNode> l = lines();
        assertEquals(3, l.size());
        assertEquals("req-1", l.get(0).get("awsRequestId").asText());
        assertTrue(l.get(0).get("coldStart").asBoolean());
        assertEquals("run-a", l.get(1).get("runId").asText());
        assertTrue(l.get(1).get("coldStart").asBoolean(), "the whole first invocation is the cold start");
        assertEquals("req-2", l.get(2).get("awsRequestId").asText());
        assertFalse(l.get(2).get("coldStart").asBoolean(), "a warm invocation");
        assertFalse(l.get(2).has("runId"), "a new invocation starts without the previous run id");
    }

    @Test
    void logLevelFromTheEnvironmentDropsLowerLines() throws Exception {
        JsonLog log = JsonLog.fromEnvironment(new PrintStream(bytes, true, StandardCharsets.UTF_8), "fanOut", Map.of("LOG_LEVEL", "warn"));
        log.event("DEBUG", "a", Map.of());
        log.event("INFO", "b", Map.of());
        log.stage("snapshot", "saved", Map.of(), 1);
        log.event("WARN", "c", Map.of());
        log.event("ERROR", "d", Map.of());
        assertEquals(List.of("c", "d"), lines().stream().map(n -> n.get("stage").asText()).toList());
    }
}
