package org.gpkg311.functions;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.gpkg311.pipeline.RunIds;
import org.gpkg311.pipeline.WorkFolders;
import org.gpkg311.snapshot.Snapshot;
import org.gpkg311.storage.Storages;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A generator Lambda: the same code for all eleven functions, the generator chosen by {@code GENERATOR_NAME}.
 * Input {@code {"runId", "snapshotKey"}} from the fan-out, or without a snapshot key (a single rerun) it
 * prepares its own snapshot from raw data ({@code {"asOf"}} optional). Works in a folder of its own under
 * /tmp and removes it on every path; on failure it throws, so that Lambda retries the event and then
 * hands it to the on-failure destination, and nothing is published.
 */
public final class GeneratorHandler implements RequestStreamHandler {

    private static final ObjectMapper JSON = new ObjectMapper();

    record Wiring(FunctionSettings settings, RunSteps steps, JsonLog log, Clock clock) {

        /** Configuration from the environment, read once when Lambda constructs the handler (before a SnapStart snapshot). */
        static Wiring fromEnvironment(Map<String, String> env) {
            FunctionSettings s = FunctionSettings.fromEnvironment(env);
            // Fail at init, not at the first event, when the function is configured with an unknown name.
            if (s.generatorName() != null) PipelineSteps.requireGenerator(s.generatorName());
            JsonLog log = JsonLog.fromEnvironment(System.out, s.generatorName() == null ? "generator" : s.generatorName(), env);
            Wiring w = new Wiring(s, PipelineSteps.create(Storages.at(s.location()), s, log), log, Clock.systemUTC());
            PipelineSteps.prime();
            return w;
        }
    }

    private final Wiring wiring;

    /** Lambda's constructor (once per execution environment): configuration from the environment. */
    public GeneratorHandler() {
        this(Wiring.fromEnvironment(System.getenv()));
    }

    GeneratorHandler(Wiring wiring) {
        this.wiring = wiring;
    }

    /** The payload, parsed. */
    record Request(String generator, String runId, String snapshotKey, Instant asOf) {}

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        String requestId = context == null ? null : context.getAwsRequestId();
        JsonLog log = wiring.log().forInvocation(requestId);
        Request request = parse(JSON.readTree(input), wiring.settings());
        if (request.runId() != null) log.forRun(request.runId());
        Path work = wiring.settings().workRoot().resolve("gpkg311-" + request.generator());
        long t0 = System.nanoTime();
        try {
            WorkFolders.delete(work); // a previous, killed invocation of this environment may have left files
            Files.createDirectories(work);
            Snapshot snapshot;
            if (request.snapshotKey() != null) {
                snapshot = wiring.steps().load(request.snapshotKey());
                if (request.runId() != null && !request.runId().equals(snapshot.runId())) {
                    throw new IllegalStateException("snapshot " + request.snapshotKey() + " belongs to run " + snapshot.runId()
                            + ", not to " + request.runId());
                }
            } else {
                // Alone: named by the request id, which an asynchronous invocation keeps across its retries.
                snapshot = wiring.steps().prepare(request.asOf(), request.runId(),
                        "request:" + (requestId != null ? requestId : java.util.UUID.randomUUID()));
                log.forRun(snapshot.runId());
            }
            log.stage(request.generator(), "snapshot", Map.of("requests", snapshot.requests().size(),
                    "source", request.snapshotKey() == null ? "raw" : request.snapshotKey()), millis(t0));
            RunSteps.Published p = wiring.steps().publish(request.generator(), snapshot, work);
            Map<String, Object> done = new LinkedHashMap<>();
            done.put("generator", p.generator());
            done.put("geoPackageUrl", p.geoPackageUrl());
            done.put("summaryUrl", p.summaryUrl());
            done.put("bytes", p.geoPackageBytes());
            done.put("commit", p.commit());
            done.put("commitDetail", p.commitDetail());
            done.put("millis", millis(t0));
            // A late or retried generator of an older run says here that it published nothing.
            log.event("SUPERSEDED".equals(p.commit()) ? "WARN" : "INFO", "staged", done);

            ObjectNode out = JSON.createObjectNode();
            out.put("generator", p.generator()).put("runId", snapshot.runId())
                    .put("geoPackageKey", p.geoPackageKey()).put("geoPackageUrl", p.geoPackageUrl())
                    .put("summaryKey", p.summaryKey()).put("summaryUrl", p.summaryUrl())
                    .put("geoPackageBytes", p.geoPackageBytes()).put("requests", snapshot.requests().size())
                    .put("commit", p.commit()).put("commitDetail", p.commitDetail());
            JSON.writeValue(output, out);
        } catch (IOException | RuntimeException e) {
            log.event("ERROR", "failed", Map.of("generator", request.generator(), "error", String.valueOf(e), "millis", millis(t0)));
            throw e;
        } finally {
            WorkFolders.delete(work);
        }
    }

    static Request parse(JsonNode root, FunctionSettings settings) {
        if (root == null || root.isNull() || root.isMissingNode()) root = JSON.createObjectNode();
        if (!root.isObject()) throw new IllegalArgumentException("a generator expects a JSON object, got " + root.getNodeType());
        for (var it = root.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!java.util.Set.of("generator", "runId", "snapshotKey", "asOf").contains(f)) {
                throw new IllegalArgumentException("unknown field '" + f + "'; expected runId, snapshotKey, asOf, generator");
            }
        }
        String configured = settings.generatorName();
        String asked = text(root, "generator");
        if (configured != null && asked != null && !configured.equals(asked)) {
            throw new IllegalArgumentException("this function runs " + configured + ", the event asks for " + asked);
        }
        String generator = configured != null ? configured : asked;
        if (generator == null) throw new IllegalArgumentException("no generator: set GENERATOR_NAME or pass \"generator\"");
        // Before the name touches any path (it names the work folder): one of the known eleven, nothing else.
        PipelineSteps.requireGenerator(generator);
        String runId = text(root, "runId");
        if (runId != null) RunIds.requireValid(runId);
        String snapshotKey = text(root, "snapshotKey");
        if (snapshotKey != null && (!snapshotKey.startsWith(settings.runsPrefix()) || snapshotKey.contains(".."))) {
            throw new IllegalArgumentException("snapshotKey must lie under " + settings.runsPrefix() + ": " + snapshotKey);
        }
        Instant asOf = null;
        String a = text(root, "asOf");
        if (a != null) {
            try {
                asOf = Instant.parse(a);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("asOf must be an ISO-8601 instant such as 2025-11-24T18:00:00Z, got " + a);
            }
        }
        return new Request(generator, runId, snapshotKey, asOf);
    }

    private static String text(JsonNode root, String field) {
        JsonNode n = root.get(field);
        return n == null || n.isNull() || n.asText().isBlank() ? null : n.asText();
    }

    private static long millis(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }

}
