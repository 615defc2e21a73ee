package org.gpkg311.functions;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gpkg311.pipeline.RunIds;
import org.gpkg311.snapshot.Snapshot;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One run: prepare ONE snapshot, store it under runs/&lt;runId&gt;/, then start every generator function on
 * it, so that all files of a run describe the same data. No Lambda types here: the handler adapts events.
 */
public final class FanOut {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a run did. */
    public record Result(String runId, String snapshotKey, int requests, Map<String, String> invoked) {}

    private final RunSteps steps;
    private final GeneratorInvoker invoker;
    private final Map<String, String> functions;
    /** Generator names in the order of GENERATOR_FUNCTIONS: the order of invocation. */
    private final List<String> orderedNames;
    private final JsonLog log;
    private final Clock clock;

    public FanOut(RunSteps steps, GeneratorInvoker invoker, Map<String, String> functions, JsonLog log, Clock clock) {
        if (functions.isEmpty()) throw new IllegalStateException("GENERATOR_FUNCTIONS names no generator function");
        this.steps = steps;
        this.invoker = invoker;
        this.functions = Map.copyOf(functions);
        this.log = log;
        this.clock = clock;
        this.orderedNames = List.copyOf(functions.keySet());
    }

    public Result run(Instant asOf, List<String> only, String requestedRunId) throws IOException {
        List<String> names = select(only);
        String runId = requestedRunId != null ? requestedRunId : RunIds.newRunId(clock.instant(), new SecureRandom());
        log.forRun(runId).event("INFO", "start", Map.of("generators", names, "asOf", String.valueOf(asOf)));
        long t0 = System.nanoTime();
        Snapshot snapshot = steps.prepare(runId, asOf);
        String snapshotKey = steps.save(snapshot);
        log.stage("snapshot", "saved", Map.of("requests", snapshot.requests().size(), "districts", snapshot.districts().size(),
                "snapshotKey", snapshotKey), (System.nanoTime() - t0) / 1_000_000);

        Map<String, String> invoked = new LinkedHashMap<>();
        for (String name : names) {
            ObjectNode payload = JSON.createObjectNode().put("runId", runId).put("snapshotKey", snapshotKey).put("generator", name);
            long t = System.nanoTime();
            invoker.invokeAsync(functions.get(name), JSON.writeValueAsBytes(payload));
            invoked.put(name, functions.get(name));
            log.stage(name, "invoked", Map.of("function", functions.get(name)), (System.nanoTime() - t) / 1_000_000);
        }
        log.event("INFO", "done", Map.of("invoked", invoked.size(), "millis", (System.nanoTime() - t0) / 1_000_000));
        return new Result(runId, snapshotKey, snapshot.requests().size(), invoked);
    }

    private List<String> select(List<String> only) {
        if (only == null || only.isEmpty()) return orderedNames;
        List<String> unknown = new ArrayList<>(only);
        unknown.removeAll(orderedNames);
        if (!unknown.isEmpty()) throw new IllegalArgumentException("unknown generator(s) " + unknown + "; known: " + orderedNames);
        return orderedNames.stream().filter(only::contains).toList();
    }
}
