package org.gpkg311.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Every file under events/ through the handlers, with the event types of aws-lambda-java-events as a check of their shape. */
class EventFilesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BUCKET = "s3://nashville311-gis-analysis-data";

    private final RecordingSteps steps = new RecordingSteps();
    private final ByteArrayOutputStream logs = new ByteArrayOutputStream();
    private final Clock clock = Clock.fixed(Instant.parse("2025-11-25T06:00:03Z"), ZoneOffset.UTC);

    private FunctionSettings settings(String generatorName) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("GPKG311_LOCATION", BUCKET);
        env.put("GENERATOR_FUNCTIONS", "{\"serviceEfficiency\":\"gpkg311-serviceEfficiency\",\"trendDirection\":\"gpkg311-trendDirection\",\"geographicPatterns\":\"gpkg311-geographicPatterns\"}");
        if (generatorName != null) env.put("GENERATOR_NAME", generatorName);
        env.put("GPKG311_WORK_DIR", System.getProperty("java.io.tmpdir"));
        return FunctionSettings.fromEnvironment(env);
    }

    private JsonNode fanOut(String eventFile) throws IOException {
        JsonLog log = new JsonLog(new PrintStream(logs, true, StandardCharsets.UTF_8), "fanOut");
        FanOutHandler h = new FanOutHandler(FanOutHandler.wire(settings(null), steps, steps, log, clock));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = resource(eventFile)) {
            h.handleRequest(in, out, null);
        }
        return JSON.readTree(out.toByteArray());
    }

    private static InputStream resource(String name) {
        InputStream in = EventFilesTest.class.getResourceAsStream("/" + name);
        if (in == null) throw new IllegalStateException("missing test resource " + name);
        return in;
    }

    @ParameterizedTest
    @Event(value = "events/sqs-raw-object-created.json", type = SQSEvent.class)
    void newRawDataIsOneRunOverEveryGenerator(SQSEvent event) throws IOException {
        assertEquals(2, event.getRecords().size());
        assertEquals("aws:sqs", event.getRecords().get(0).getEventSource());

        JsonNode response = fanOut("events/sqs-raw-object-created.json");

        // Two uploads in one batch: one snapshot, one invocation per generator function, nothing to retry.
        assertEquals(0, response.get("batchItemFailures").size());
        assertEquals(2, steps.calls.size(), steps.calls.toString());
        assertTrue(steps.calls.get(0).startsWith("prepare 20251125T060003Z-"), steps.calls.get(0));
        assertTrue(steps.calls.get(0).endsWith(" null"), "no asOf: the latest data");
        String runId = steps.calls.get(1).substring("save ".length());
        assertEquals(List.of(
                "gpkg311-serviceEfficiency {\"runId\":\"" + runId + "\",\"snapshotKey\":\"runs/" + runId + "/snapshot.bin\",\"generator\":\"serviceEfficiency\"}",
                "gpkg311-trendDirection {\"runId\":\"" + runId + "\",\"snapshotKey\":\"runs/" + runId + "/snapshot.bin\",\"generator\":\"trendDirection\"}",
                "gpkg311-geographicPatterns {\"runId\":\"" + runId + "\",\"snapshotKey\":\"runs/" + runId + "/snapshot.bin\",\"generator\":\"geographicPatterns\"}"),
                steps.invocations);
        // Structured log lines carry the run id.
        String firstLine = logs.toString(StandardCharsets.UTF_8).lines().filter(l -> l.contains("\"stage\":\"saved\"")).findFirst().orElseThrow();
        JsonNode line = JSON.readTree(firstLine);
        assertEquals(runId, line.get("runId").asText());
        assertEquals("fanOut", line.get("function").asText());
    }

    @ParameterizedTest
    @Event(value = "events/sqs-gpkg-public-object-created.json", type = SQSEvent.class)
    void ownWritesUnderGpkgPublicAndRunsStartNothing(SQSEvent event) throws IOException {
        assertTrue(event.getRecords().get(0).getBody().contains("gpkg-public/"));
        assertTrue(event.getRecords().get(1).getBody().contains("runs/"));

        JsonNode response = fanOut("events/sqs-gpkg-public-object-created.json");

        assertEquals(0, response.get("batchItemFailures").size(), "ignored messages are consumed, not retried");
        assertEquals(List.of(), steps.calls);
        assertEquals(List.of(), steps.invocations);
    }

    @ParameterizedTest
    @Event(value = "events/scheduled.json", type = ScheduledEvent.class)
    void theScheduleStartsARunOnTheLatestData(ScheduledEvent event) throws IOException {
        assertEquals("Scheduled Event", event.getDetailType());

        JsonNode response = fanOut("events/scheduled.json");

        assertEquals(3, response.get("invoked").size());
        assertEquals(response.get("runId").asText(), steps.calls.get(1).substring("save ".length()));
        assertEquals("runs/" + response.get("runId").asText() + "/snapshot.bin", response.get("snapshotKey").asText());
    }

    @Test
    void theScheduleThroughTheQueueStartsARun() throws IOException {
        SQSEvent event = EventLoader.loadSQSEvent("events/sqs-scheduled.json");
        assertEquals(1, event.getRecords().size());

        JsonNode response = fanOut("events/sqs-scheduled.json");

        assertEquals(0, response.get("batchItemFailures").size());
        assertEquals(3, steps.invocations.size());
    }

    @Test
    void aDirectRequestChoosesAsOfAndGenerators() throws IOException {
        JsonNode response = fanOut("events/fanout-direct.json");

        assertTrue(steps.calls.get(0).endsWith(" 2025-11-24T23:59:59Z"), steps.calls.get(0));
        assertEquals(List.of("serviceEfficiency", "trendDirection"), names(response.get("invoked")));
        assertEquals(2, steps.invocations.size());
    }

    @Test
    void aFailedRunReturnsTheMessagesThatAskedForItAndOnlyThose() throws IOException {
        steps.failPrepare = new IllegalStateException("raw/311 holds no readable object");
        // One message that asks for the run, one of our own writes, one unreadable body.
        String batch = new String(resource("events/sqs-raw-object-created.json").readAllBytes(), StandardCharsets.UTF_8);
        JsonNode root = JSON.readTree(batch);
        JsonNode own = JSON.readTree(resource("events/sqs-gpkg-public-object-created.json")).get("Records").get(0);
        var records = (com.fasterxml.jackson.databind.node.ArrayNode) root.get("Records");
        records.remove(1);
        records.add(own);
        records.addObject().put("messageId", "broken-1").put("eventSource", "aws:sqs").put("body", "{not json");

        JsonLog log = new JsonLog(new PrintStream(logs, true, StandardCharsets.UTF_8), "fanOut");
        FanOutHandler h = new FanOutHandler(FanOutHandler.wire(settings(null), steps, steps, log, clock));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        h.handleRequest(new ByteArrayInputStream(JSON.writeValueAsBytes(root)), out, null);

        JsonNode failures = JSON.readTree(out.toByteArray()).get("batchItemFailures");
        List<String> ids = new java.util.ArrayList<>();
        failures.forEach(f -> ids.add(f.get("itemIdentifier").asText()));
        assertEquals(List.of("broken-1", "3f5d2c1a-8b7e-4f60-9a1d-2e4c6b8a0f11"), ids);
        assertEquals(List.of(), steps.invocations);
    }

    @Test
    void aDirectGeneratorPayloadPreparesItsOwnSnapshot() throws IOException {
        JsonNode payload = JSON.readTree(resource("events/generator-direct.json"));
        GeneratorHandler.Request r = GeneratorHandler.parse(payload, settings("serviceEfficiency"));
        assertEquals(new GeneratorHandler.Request("serviceEfficiency", null, null, Instant.parse("2025-11-24T23:59:59Z")), r);

        JsonNode response = generator("events/generator-direct.json", "serviceEfficiency");
        assertTrue(steps.calls.get(0).startsWith("prepare 20251125T060003Z-") && steps.calls.get(0).endsWith(" 2025-11-24T23:59:59Z"));
        assertEquals("gpkg-public/serviceEfficiency/serviceEfficiency.gpkg", response.get("geoPackageKey").asText());
    }

    @Test
    void theFanOutPayloadReadsTheRunsSnapshot() throws IOException {
        JsonNode response = generator("events/generator-from-fanout.json", "trendDirection");
        assertEquals(List.of("load runs/20251125T060000Z-1a2b3c4d/snapshot.bin", "publish trendDirection 20251125T060000Z-1a2b3c4d"), steps.calls);
        assertEquals("20251125T060000Z-1a2b3c4d", response.get("runId").asText());
    }

    @Test
    void aGeneratorRefusesAnotherGeneratorsEventAndKeysOutsideRuns() {
        FunctionSettings s = settings("trendDirection");
        assertThrows(IllegalArgumentException.class,
                () -> GeneratorHandler.parse(JSON.readTree("{\"generator\":\"serviceEfficiency\"}"), s));
        assertThrows(IllegalArgumentException.class,
                () -> GeneratorHandler.parse(JSON.readTree("{\"snapshotKey\":\"gpkg-public/x/x.gpkg\"}"), s));
        assertThrows(IllegalArgumentException.class,
                () -> GeneratorHandler.parse(JSON.readTree("{\"runId\":\"../../etc\"}"), s));
    }

    private JsonNode generator(String eventFile, String name) throws IOException {
        JsonLog log = new JsonLog(new PrintStream(logs, true, StandardCharsets.UTF_8), name);
        GeneratorHandler h = new GeneratorHandler(new GeneratorHandler.Wiring(settings(name), steps, log, clock));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = resource(eventFile)) {
            h.handleRequest(in, out, null);
        }
        assertTrue(!java.nio.file.Files.exists(Path.of(System.getProperty("java.io.tmpdir"), "gpkg311-" + name)),
                "the work folder is removed");
        return JSON.readTree(out.toByteArray());
    }

    private static List<String> names(JsonNode object) {
        List<String> out = new java.util.ArrayList<>();
        object.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
