package org.gpkg311.functions;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.gpkg311.snapshot.Snapshot;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One run: prepare ONE snapshot, store it and the run's plan under runs/&lt;runId&gt;/, then start every generator
 * function on it, so that all files of a run describe the same data. The run id comes from the trigger and the
 * snapshot's content: a duplicate delivery or a retry finds the stored plan and starts only the generators that
 * have not staged yet, and nothing once the run's commit is claimed. No Lambda types here: the handler adapts events.
 */
public final class FanOut {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a run did; {@code duplicate} when an earlier trigger had started the same run. */
    public record Result(String runId, String snapshotKey, int requests, Map<String, String> invoked, boolean duplicate) {}

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

    /**
     * @param requestedRunId the run id a direct request asked for, or null
     * @param trigger        the trigger's identity (see {@link Trigger.SqsBatch#identity()}), used when no run id is asked for
     */
    public Result run(Instant asOf, List<String> only, String requestedRunId, String trigger) throws IOException {
        List<String> names = select(only);
        log.event("INFO", "start", Map.of("generators", names, "asOf", String.valueOf(asOf), "trigger", trigger));
        long t0 = System.nanoTime();
        Instant preparedAt = clock.instant();
        Snapshot snapshot = steps.prepare(asOf, requestedRunId, trigger);
        String runId = snapshot.runId();
        log.forRun(runId);
        String snapshotKey = steps.save(snapshot);
        RunSteps.Planned planned = steps.plan(snapshot, names, preparedAt);
        log.stage("snapshot", "saved", Map.of("requests", snapshot.requests().size(), "districts", snapshot.districts().size(),
                "snapshotKey", snapshotKey), (System.nanoTime() - t0) / 1_000_000);

        List<String> toInvoke = planned.plan().generators();
        if (planned.duplicate()) {
            if (steps.claimed(runId)) {
                log.event("INFO", "duplicate", Map.of("detail", "run " + runId + " was started before and is committed or committing: nothing to do"));
                return new Result(runId, snapshotKey, snapshot.requests().size(), Map.of(), true);
            }
            Set<String> staged = steps.staged(planned.plan());
            toInvoke = toInvoke.stream().filter(n -> !staged.contains(n)).toList();
            log.event("INFO", "duplicate", Map.of("detail", "run " + runId + " was started before; starting the generators that have not staged",
                    "generators", toInvoke));
        }
        Map<String, String> invoked = new LinkedHashMap<>();
        for (String name : toInvoke) {
            ObjectNode payload = JSON.createObjectNode().put("runId", runId).put("snapshotKey", snapshotKey).put("generator", name);
            long t = System.nanoTime();
            invoker.invokeAsync(function(name), JSON.writeValueAsBytes(payload));
            invoked.put(name, function(name));
            log.stage(name, "invoked", Map.of("function", function(name)), (System.nanoTime() - t) / 1_000_000);
        }
        log.event("INFO", "done", Map.of("invoked", invoked.size(), "millis", (System.nanoTime() - t0) / 1_000_000));
        return new Result(runId, snapshotKey, snapshot.requests().size(), invoked, planned.duplicate());
    }

    private String function(String name) {
        String f = functions.get(name);
        if (f == null) throw new IllegalStateException("the stored plan names " + name + ", which GENERATOR_FUNCTIONS does not map");
        return f;
    }

    private List<String> select(List<String> only) {
        if (only == null || only.isEmpty()) return orderedNames;
        List<String> unknown = new ArrayList<>(only);
        unknown.removeAll(orderedNames);
        if (!unknown.isEmpty()) throw new IllegalArgumentException("unknown generator(s) " + unknown + "; known: " + orderedNames);
        return orderedNames.stream().filter(only::contains).toList();
    }
}
