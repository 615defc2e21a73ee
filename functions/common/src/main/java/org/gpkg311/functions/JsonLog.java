package org.gpkg311.functions;

import java.io.PrintStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Structured log: one JSON object per line on stdout, which Lambda sends to CloudWatch Logs, where
 * Logs Insights can filter on runId, generator and stage.
 */
public final class JsonLog {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PrintStream out;
    private final String function;
    private volatile String runId;

    public JsonLog(PrintStream out, String function) {
        this.out = out;
        this.function = function;
    }

    public JsonLog forRun(String runId) {
        this.runId = runId;
        return this;
    }

    /** A pipeline stage has finished; the shape of {@code RunListener.stage}. */
    public void stage(String scope, String stage, Map<String, ?> counts, long millis) {
        Map<String, Object> line = base("INFO");
        line.put("generator", "snapshot".equals(scope) ? null : scope);
        line.put("scope", scope);
        line.put("stage", stage);
        line.put("millis", millis);
        line.put("counts", counts);
        write(line);
    }

    public void event(String level, String stage, Map<String, ?> fields) {
        Map<String, Object> line = base(level);
        line.put("stage", stage);
        line.putAll(fields);
        write(line);
    }

    private Map<String, Object> base(String level) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("time", Instant.now().toString());
        line.put("level", level);
        line.put("function", function);
        line.put("runId", runId);
        return line;
    }

    private void write(Map<String, Object> line) {
        line.values().removeIf(java.util.Objects::isNull);
        try {
            out.println(JSON.writeValueAsString(line));
        } catch (JsonProcessingException e) {
            out.println("{\"level\":\"ERROR\",\"stage\":\"log\",\"error\":\"unserialisable log line\"}");
        }
        out.flush();
    }
}
