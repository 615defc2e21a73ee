package org.gpkg311.functions;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.gpkg311.ingest.FeedIngest;
import org.gpkg311.ingest.PullFailedException;
import org.gpkg311.profile.CityProfile;
import org.gpkg311.storage.Storage;
import org.gpkg311.storage.Storages;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The ingest Lambda, invoked by the daily schedule (as-of = its scheduled time) or directly with
 * {@code {"asOf": "2025-11-24T23:59:59Z"}}. Pulls the city's FeatureServer layer into one object under
 * the raw prefix; that write is the new data that starts a run. A failed pull writes nothing and throws,
 * so that Lambda retries it and then hands the event to the dead-letter queue.
 */
public final class IngestHandler implements RequestStreamHandler {

    private static final ObjectMapper JSON = new ObjectMapper();

    record Wiring(FeedIngest ingest, FeedIngest.Settings template, JsonLog log, Clock clock) {}

    private final Wiring wiring;

    /** Lambda's constructor: configuration from the environment, read once at init. */
    public IngestHandler() {
        this(wire(System.getenv(), Clock.systemUTC()));
    }

    IngestHandler(Wiring wiring) {
        this.wiring = wiring;
    }

    static Wiring wire(Map<String, String> env, Clock clock) {
        FunctionSettings s = FunctionSettings.fromEnvironment(env);
        IngestSettings i = IngestSettings.fromEnvironment(env);
        Storage storage = Storages.at(s.location());
        CityProfile profile = PipelineSteps.profile(storage, s.profile());
        String name = s.profile().substring(s.profile().lastIndexOf('/') + 1).replaceFirst("\\.json$", "");
        String service = i.serviceUrl() != null ? i.serviceUrl() : FeedIngest.defaultService(profile);
        var template = new FeedIngest.Settings(name, service, null, i.months(), i.marginDays(), 0, i.retry(),
                s.workRoot().resolve("gpkg311-ingest"));
        return new Wiring(new FeedIngest(storage, profile, clock), template, new JsonLog(System.out, "ingest"), clock);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        Instant asOf = asOf(JSON.readTree(input), wiring.clock());
        FeedIngest.Settings t = wiring.template();
        var settings = new FeedIngest.Settings(t.profileName(), t.service(), asOf, t.months(), t.marginDays(), t.pageSize(), t.retry(), t.workDir());
        JsonLog log = wiring.log();
        log.event("INFO", "start", Map.of("service", t.service(), "asOf", asOf.toString()));
        try {
            FeedIngest.Result r = wiring.ingest().run(settings, new FeedIngest.Progress() {
                @Override
                public void counted(String where, long expected, int pageSize) {
                    log.event("INFO", "count", Map.of("where", where, "rows", expected, "pageSize", pageSize));
                }

                @Override
                public void page(int page, long offset, int rows, long rowsSoFar, long millis) {
                    if (page % 10 == 1) log.event("INFO", "page", Map.of("page", page, "offset", offset, "rows", rows, "total", rowsSoFar));
                }
            });
            Map<String, Object> done = new LinkedHashMap<>();
            done.put("written", r.written());
            done.put("object", r.record().object());
            done.put("rows", r.record().rows());
            done.put("pages", r.record().pages());
            done.put("where", r.record().where());
            done.put("millis", r.millis());
            log.event("INFO", r.written() ? "written" : "unchanged", done);
            JSON.writeValue(output, done);
        } catch (PullFailedException e) {
            log.event("ERROR", "failed", Map.of("error", e.getMessage(), "network", e.network()));
            throw e;
        }
    }

    /**
     * {@code asOf} of a direct invocation; else the schedule's {@code time} (its scheduled time, so that a retry of
     * the same day asks for the same window); else now.
     */
    static Instant asOf(JsonNode event, Clock clock) {
        JsonNode a = event == null ? null : event.get("asOf");
        if (a != null && !a.isNull()) {
            try {
                return Instant.parse(a.asText());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("asOf is not an ISO-8601 instant (e.g. 2025-11-24T23:59:59Z): " + a.asText());
            }
        }
        JsonNode time = event == null ? null : event.get("time");
        if (time != null && time.isTextual()) {
            try {
                return Instant.parse(time.asText());
            } catch (DateTimeParseException notATime) {
                // e.g. the template's unexpanded <aws.scheduler.scheduled-time>: fall back to now
            }
        }
        return clock.instant();
    }
}
