package org.gpkg311.functions;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gpkg311.storage.Storage;
import org.gpkg311.storage.Storages;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The fanOut Lambda. Accepts the schedule's event, an SQS batch of S3 "Object Created" events delivered by
 * EventBridge (a burst of uploads = one batch = one run), or a direct request {@code {"asOf", "only", "runId"}}.
 * For SQS it answers with {@code batchItemFailures} (ReportBatchItemFailures): messages that asked for the
 * run fail together when the run fails; ignored messages never fail; unreadable ones always do.
 */
public final class FanOutHandler implements RequestStreamHandler {

    private static final ObjectMapper JSON = new ObjectMapper();

    record Wiring(TriggerParser parser, FanOut fanOut, JsonLog log) {

        /** Configuration from the environment, read once when Lambda constructs the handler (before a SnapStart snapshot). */
        static Wiring fromEnvironment(Map<String, String> env) {
            FunctionSettings s = FunctionSettings.fromEnvironment(env);
            JsonLog log = JsonLog.fromEnvironment(System.out, "fanOut", env);
            Storage storage = Storages.at(s.location());
            Wiring w = wire(s, PipelineSteps.create(storage, s, log), LambdaInvoker.create(s.lambdaEndpoint()), log, Clock.systemUTC());
            PipelineSteps.prime();
            return w;
        }
    }

    private final Wiring wiring;

    /** Lambda's constructor (once per execution environment): configuration from the environment. */
    public FanOutHandler() {
        this(Wiring.fromEnvironment(System.getenv()));
    }

    FanOutHandler(Wiring wiring) {
        this.wiring = wiring;
    }

    static Wiring wire(FunctionSettings s, RunSteps steps, GeneratorInvoker invoker, JsonLog log, Clock clock) {
        TriggerParser parser = new TriggerParser(s.location(), List.of(s.rawPrefix(), s.referencePrefix()));
        return new Wiring(parser, new FanOut(steps, invoker, s.generatorFunctions(), log, clock), log);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        String requestId = context == null ? null : context.getAwsRequestId();
        wiring.log().forInvocation(requestId);
        Trigger trigger = wiring.parser().parse(input);
        Object response = switch (trigger) {
            case Trigger.Direct d -> summary(wiring.fanOut().run(d.asOf(), d.only(), d.runId(), directIdentity(d, requestId)));
            case Trigger.Scheduled s -> summary(wiring.fanOut().run(null, List.of(), null,
                    "schedule:" + (s.eventId() != null ? s.eventId() : s.time())));
            case Trigger.SqsBatch b -> batch(b);
        };
        JSON.writeValue(output, response);
    }

    private ObjectNode batch(Trigger.SqsBatch batch) {
        List<String> failed = new ArrayList<>();
        for (Trigger.Message m : batch.messages()) {
            wiring.log().event(m.kind() == Trigger.Kind.MALFORMED ? "WARN" : "INFO", "message",
                    Map.of("messageId", m.messageId(), "kind", m.kind().name(), "detail", m.detail()));
            if (m.kind() == Trigger.Kind.MALFORMED) failed.add(m.messageId());
        }
        if (batch.wantsRun()) {
            try {
                wiring.fanOut().run(null, List.of(), null, batch.identity());
            } catch (IOException | RuntimeException e) {
                wiring.log().event("ERROR", "failed", Map.of("error", String.valueOf(e)));
                // Every message that asked for the run goes back to the queue (and, after its retries, to the DLQ).
                batch.messages().stream().filter(m -> m.kind().startsRun()).forEach(m -> failed.add(m.messageId()));
            }
        }
        ObjectNode out = JSON.createObjectNode();
        ArrayNode failures = out.putArray("batchItemFailures");
        failed.forEach(id -> failures.addObject().put("itemIdentifier", id));
        return out;
    }

    /**
     * A direct request is named by its event (an Object Created event sent straight to the function) or else by
     * the Lambda request id, which an asynchronous invocation keeps across its retries.
     */
    private static String directIdentity(Trigger.Direct d, String requestId) {
        if (d.eventId() != null) return Trigger.NEW_DATA_IDENTITY;
        return "request:" + (requestId != null ? requestId : java.util.UUID.randomUUID());
    }

    private static ObjectNode summary(FanOut.Result r) {
        ObjectNode out = JSON.createObjectNode();
        out.put("runId", r.runId()).put("snapshotKey", r.snapshotKey()).put("requests", r.requests())
                .put("duplicate", r.duplicate());
        ObjectNode invoked = out.putObject("invoked");
        new LinkedHashMap<>(r.invoked()).forEach(invoked::put);
        return out;
    }
}
