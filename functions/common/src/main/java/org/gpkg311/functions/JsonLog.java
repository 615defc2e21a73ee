package org.gpkg311.functions;

import java.io.PrintStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Structured log: one JSON object per line on stdout, which Lambda sends to CloudWatch Logs, where Logs
 * Insights can filter on runId, generator, stage, awsRequestId and coldStart. Lines below the level of
 * {@code LOG_LEVEL} (DEBUG, INFO (default), WARN, ERROR) are not written.
 */
public final class JsonLog {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> LEVELS = List.of("DEBUG", "INFO", "WARN", "ERROR");

    private final PrintStream out;
    private final String function;
    private final int minLevel;
    /** True until the first invocation of this log's execution environment has started. */
    private boolean firstInvocation = true;
    private volatile String runId;
    private volatile String awsRequestId;
    private volatile Boolean coldStart;

    public JsonLog(PrintStream out, String function) {
        this(out, function, "INFO");
    }

    /** @param level the lowest level written, e.g. from {@code LOG_LEVEL}; unknown or null means INFO */
    public JsonLog(PrintStream out, String function, String level) {
        this.out = out;
        this.function = function;
        int i = level == null ? -1 : LEVELS.indexOf(level.strip().toUpperCase(Locale.ROOT));
        this.minLevel = i < 0 ? LEVELS.indexOf("INFO") : i;
    }

    /** The log of a handler, at the level of {@code LOG_LEVEL}. */
    public static JsonLog fromEnvironment(PrintStream out, String function, Map<String, String> env) {
        return new JsonLog(out, function, env.get("LOG_LEVEL"));
    }

    /** An invocation starts: its request id goes on every line; the first one of the environment is the cold start. */
    public synchronized JsonLog forInvocation(String awsRequestId) {
        this.awsRequestId = awsRequestId;
        this.coldStart = firstInvocation;
        this.firstInvocation = false;
        this.runId = null;
        return this;
    }

    public JsonLog forRun(String runId) {
        this.runId = runId;
        return this;
    }

    /** A pipeline stage has finished; the shape of {@code RunListener.stage}. */
    public void stage(String scope, String stage, Map<String, ?> counts, long millis) {
        if (!enabled("INFO")) return;
        Map<String, Object> line = base("INFO");
        line.put("generator", "snapshot".equals(scope) || "commit".equals(scope) ? null : scope);
        line.put("scope", scope);
        line.put("stage", stage);
        line.put("millis", millis);
        line.put("counts", counts);
        write(line);
    }

    public void event(String level, String stage, Map<String, ?> fields) {
        if (!enabled(level)) return;
        Map<String, Object> line = base(level);
        line.put("stage", stage);
        line.putAll(fields);
        write(line);
    }

    boolean enabled(String level) {
        int i = LEVELS.indexOf(level);
        return i < 0 || i >= minLevel;
    }

    private Map<String, Object> base(String level) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("time", Instant.now().toString());
        line.put("level", level);
        line.put("function", function);
        line.put("awsRequestId", awsRequestId);
        line.put("coldStart", coldStart);
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
