package org.gpkg311.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gpkg311.pipeline.Pipeline;
import org.gpkg311.sample.SampleCity;
import org.gpkg311.snapshot.Snapshot;
import org.gpkg311.storage.LocalStorage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Every file under events/ through the real handlers and the real pipeline, on the sample city laid
 * out as the bucket in a local folder (raw/311/, reference/). Only the fan-out's outgoing Lambda
 * invocations are recorded instead of sent; the loopback tests send them to the emulator.
 * The event types of aws-lambda-java-events check each file's shape.
 */
class EventFilesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path bucket;
    @TempDir
    Path work;

    private final RecordingInvoker invoker = new RecordingInvoker();
    private final ByteArrayOutputStream logs = new ByteArrayOutputStream();
    private final Clock clock = Clock.fixed(Instant.parse("2025-11-25T06:00:03Z"), ZoneOffset.UTC);

    @BeforeAll
    static void sampleCityAsTheBucket() throws IOException {
        SampleCity.write(bucket, SampleCity.DEFAULT_SEED);
    }

    private FunctionSettings settings(String generatorName, Path location) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("GPKG311_LOCATION", location.toString());
        env.put("GENERATOR_FUNCTIONS", "{\"serviceEfficiency\":\"gpkg311-serviceEfficiency\",\"trendDirection\":\"gpkg311-trendDirection\",\"geographicPatterns\":\"gpkg311-geographicPatterns\"}");
        if (generatorName != null) env.put("GENERATOR_NAME", generatorName);
        env.put("GPKG311_WORK_DIR", work.toString());
        return FunctionSettings.fromEnvironment(env);
    }

    private JsonNode fanOut(InputStream event, Path location) throws IOException {
        FunctionSettings s = settings(null, location);
        JsonLog log = new JsonLog(new PrintStream(logs, true, StandardCharsets.UTF_8), "fanOut");
        RunSteps steps = PipelineSteps.create(new LocalStorage(location), s, log);
        FanOutHandler h = new FanOutHandler(FanOutHandler.wire(s, steps, invoker, log, clock));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (event) {
            h.handleRequest(event, out, null);
        }
        return JSON.readTree(out.toByteArray());
    }

    private JsonNode fanOut(String eventFile) throws IOException {
        return fanOut(resource(eventFile), bucket);
    }

    private JsonNode generator(String eventFile, String name) throws IOException {
        FunctionSettings s = settings(name, bucket);
        JsonLog log = new JsonLog(new PrintStream(logs, true, StandardCharsets.UTF_8), name);
        RunSteps steps = PipelineSteps.create(new LocalStorage(bucket), s, log);
        GeneratorHandler h = new GeneratorHandler(new GeneratorHandler.Wiring(s, steps, log, clock));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = resource(eventFile)) {
            h.handleRequest(in, out, null);
        }
        assertFalse(Files.exists(work.resolve("gpkg311-" + name)), "the work folder is removed");
        return JSON.readTree(out.toByteArray());
    }

    private static InputStream resource(String name) {
        InputStream in = EventFilesTest.class.getResourceAsStream("/" + name);
        if (in == null) throw new IllegalStateException("missing test resource " + name);
        return in;
    }

    private static String payload(String runId, String generator) {
        return "{\"runId\":\"" + runId + "\",\"snapshotKey\":\"runs/" + runId + "/snapshot.bin\",\"generator\":\"" + generator + "\"}";
    }

    @ParameterizedTest
    @Event(value = "events/sqs-raw-object-created.json", type = SQSEvent.class)
    void newRawDataIsOneRunOverEveryGenerator(SQSEvent event) throws IOException {
        assertEquals(2, event.getRecords().size());
        assertEquals("aws:sqs", event.getRecords().get(0).getEventSource());

        JsonNode response = fanOut("events/sqs-raw-object-created.json");

        // Two uploads in one batch: one snapshot, one invocation per generator function, nothing to retry.
        assertEquals(0, response.get("batchItemFailures").size());
        // Structured log lines carry the run id.
        String savedLine = logs.toString(StandardCharsets.UTF_8).lines().filter(l -> l.contains("\"stage\":\"saved\"")).findFirst().orElseThrow();
        JsonNode line = JSON.readTree(savedLine);
        assertEquals("fanOut", line.get("function").asText());
        String runId = line.get("runId").asText();
        Snapshot saved = Pipeline.loadSnapshot(new LocalStorage(bucket), "runs/" + runId + "/snapshot.bin");
        // Named by the data (its as-of instant and content), not by the clock: a redelivery gets the same id.
        String asOfStamp = java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
                .withZone(java.time.ZoneOffset.UTC).format(saved.window().asOf());
        assertTrue(runId.matches("run-" + asOfStamp + "-[0-9a-f]{12}"), runId);
        assertEquals(runId, saved.runId());
        assertTrue(saved.requests().size() > 40_000, "the sample city's three months hold about 49k requests");
        assertEquals(saved.quality().rowsAccepted(), saved.requests().size());
        Instant latest = saved.requests().stream().map(q -> q.openedAt()).max(Instant::compareTo).orElseThrow();
        assertEquals(latest, saved.window().asOf(), "no asOf in the event: the latest opening time in the data");
        assertTrue(Files.isRegularFile(bucket.resolve("runs/" + runId + "/quality.json")));
        assertEquals(List.of(
                "gpkg311-serviceEfficiency " + payload(runId, "serviceEfficiency"),
                "gpkg311-trendDirection " + payload(runId, "trendDirection"),
                "gpkg311-geographicPatterns " + payload(runId, "geographicPatterns")),
                invoker.invocations);
    }

    @ParameterizedTest
    @Event(value = "events/sqs-gpkg-public-object-created.json", type = SQSEvent.class)
    void ownWritesUnderGpkgPublicAndRunsStartNothing(SQSEvent event) throws IOException {
        assertTrue(event.getRecords().get(0).getBody().contains("gpkg-public/"));
        assertTrue(event.getRecords().get(1).getBody().contains("runs/"));
        List<String> before = listing(bucket);

        JsonNode response = fanOut("events/sqs-gpkg-public-object-created.json");

        assertEquals(0, response.get("batchItemFailures").size(), "ignored messages are consumed, not retried");
        assertEquals(List.of(), invoker.invocations);
        assertEquals(before, listing(bucket), "nothing written");
    }

    @ParameterizedTest
    @Event(value = "events/scheduled.json", type = ScheduledEvent.class)
    void theScheduleStartsARunOnTheLatestData(ScheduledEvent event) throws IOException {
        assertEquals("Scheduled Event", event.getDetailType());

        JsonNode response = fanOut("events/scheduled.json");

        assertEquals(3, response.get("invoked").size());
        String runId = response.get("runId").asText();
        assertEquals("runs/" + runId + "/snapshot.bin", response.get("snapshotKey").asText());
        assertTrue(Files.isRegularFile(bucket.resolve(response.get("snapshotKey").asText())));
    }

    @Test
    void theScheduleThroughTheQueueStartsARun() throws IOException {
        SQSEvent event = EventLoader.loadSQSEvent("events/sqs-scheduled.json");
        assertEquals(1, event.getRecords().size());

        JsonNode response = fanOut("events/sqs-scheduled.json");

        assertEquals(0, response.get("batchItemFailures").size());
        assertEquals(3, invoker.invocations.size());
    }

    @Test
    void theIngestReadsItsAsOfFromTheScheduleOrADirectRequest() throws IOException {
        java.time.Clock never = java.time.Clock.fixed(Instant.parse("2000-01-01T00:00:00Z"), java.time.ZoneOffset.UTC);
        assertEquals(Instant.parse("2025-11-25T06:00:00Z"), IngestHandler.asOf(JSON.readTree(resource("events/scheduled.json")), never));
        assertEquals(Instant.parse("2025-11-24T23:59:59Z"), IngestHandler.asOf(JSON.readTree(resource("events/ingest-direct.json")), never));
    }

    @Test
    void aDirectRequestChoosesAsOfAndGenerators() throws IOException {
        JsonNode response = fanOut("events/fanout-direct.json");

        assertEquals(List.of("serviceEfficiency", "trendDirection"), names(response.get("invoked")));
        assertEquals(2, invoker.invocations.size());
        Snapshot saved = Pipeline.loadSnapshot(new LocalStorage(bucket), response.get("snapshotKey").asText());
        assertEquals(Instant.parse("2025-11-24T23:59:59Z"), saved.window().asOf(), "the payload's asOf");
    }

    @Test
    void aFailedRunReturnsTheMessagesThatAskedForItAndOnlyThose(@TempDir Path emptyBucket) throws IOException {
        // A bucket without any raw object: preparing the run fails for real.
        // One message that asks for the run, one of our own writes, one unreadable body.
        JsonNode root = JSON.readTree(resource("events/sqs-raw-object-created.json"));
        JsonNode own = JSON.readTree(resource("events/sqs-gpkg-public-object-created.json")).get("Records").get(0);
        var records = (com.fasterxml.jackson.databind.node.ArrayNode) root.get("Records");
        records.remove(1);
        records.add(own);
        records.addObject().put("messageId", "broken-1").put("eventSource", "aws:sqs").put("body", "{not json");

        JsonNode response = fanOut(new ByteArrayInputStream(JSON.writeValueAsBytes(root)), emptyBucket);

        List<String> ids = new java.util.ArrayList<>();
        response.get("batchItemFailures").forEach(f -> ids.add(f.get("itemIdentifier").asText()));
        assertEquals(List.of("broken-1", "3f5d2c1a-8b7e-4f60-9a1d-2e4c6b8a0f11"), ids);
        assertEquals(List.of(), invoker.invocations);
        assertEquals(List.of(), listing(emptyBucket), "a failed run writes nothing");
    }

    @Test
    void aDirectGeneratorPayloadPreparesItsOwnSnapshotAndPublishes() throws IOException {
        JsonNode payload = JSON.readTree(resource("events/generator-direct.json"));
        GeneratorHandler.Request r = GeneratorHandler.parse(payload, settings("serviceEfficiency", bucket));
        assertEquals(new GeneratorHandler.Request("serviceEfficiency", null, null, Instant.parse("2025-11-24T23:59:59Z")), r);

        JsonNode response = generator("events/generator-direct.json", "serviceEfficiency");

        assertTrue(response.get("runId").asText().matches("run-20251124T235959Z-[0-9a-f]{12}"), response.toString());
        assertEquals("gpkg-public/serviceEfficiency/serviceEfficiency.gpkg", response.get("geoPackageKey").asText());
        assertTrue(Files.size(bucket.resolve("gpkg-public/serviceEfficiency/serviceEfficiency.gpkg")) > 100_000);
        JsonNode summary = JSON.readTree(bucket.resolve("gpkg-public/serviceEfficiency/serviceEfficiency.json").toFile());
        assertEquals(response.get("runId").asText(), summary.get("provenance").get("runId").asText());
        assertEquals("2025-11-24T23:59:59Z", summary.get("provenance").get("asOf").asText());
    }

    @Test
    void theFanOutPayloadReadsTheRunsSnapshot() throws IOException {
        // The run the event names: its snapshot is stored first, as the fan-out would have.
        String runId = "20251125T060000Z-1a2b3c4d";
        FunctionSettings s = settings("trendDirection", bucket);
        RunSteps steps = PipelineSteps.create(new LocalStorage(bucket), s, new JsonLog(new PrintStream(logs, true, StandardCharsets.UTF_8), "setup"));
        assertEquals("runs/" + runId + "/snapshot.bin", steps.save(steps.prepare(null, runId, null)));

        JsonNode response = generator("events/generator-from-fanout.json", "trendDirection");

        assertEquals(runId, response.get("runId").asText());
        JsonNode summary = JSON.readTree(bucket.resolve("gpkg-public/trendDirection/trendDirection.json").toFile());
        assertEquals(runId, summary.get("provenance").get("runId").asText());
    }

    @Test
    void aPayloadGeneratorNameOutsideTheElevenTouchesNoPath() throws IOException {
        // GENERATOR_NAME unset: the payload names the generator, and the name would become the work folder.
        Path victim = Files.createDirectories(work.getParent().resolve("victim-" + work.getFileName()));
        Files.writeString(victim.resolve("keep.txt"), "still here");
        FunctionSettings s = settings(null, bucket);
        JsonLog log = new JsonLog(new PrintStream(logs, true, StandardCharsets.UTF_8), "generator");
        GeneratorHandler h = new GeneratorHandler(new GeneratorHandler.Wiring(s, PipelineSteps.create(new LocalStorage(bucket), s, log), log, clock));
        String relative = work.relativize(victim).toString();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> h.handleRequest(
                new ByteArrayInputStream(("{\"generator\":\"x/../" + relative + "\"}").getBytes(StandardCharsets.UTF_8)),
                new ByteArrayOutputStream(), null));
        assertTrue(e.getMessage().contains("unknown generator"), e.getMessage());
        assertTrue(Files.isRegularFile(victim.resolve("keep.txt")), "the folder outside the work root is intact");
        org.gpkg311.pipeline.WorkFolders.delete(victim);
    }

    @Test
    void aGeneratorRefusesAnotherGeneratorsEventAndKeysOutsideRuns() {
        FunctionSettings s = settings("trendDirection", bucket);
        assertThrows(IllegalArgumentException.class,
                () -> GeneratorHandler.parse(JSON.readTree("{\"generator\":\"serviceEfficiency\"}"), s));
        assertThrows(IllegalArgumentException.class,
                () -> GeneratorHandler.parse(JSON.readTree("{\"snapshotKey\":\"gpkg-public/x/x.gpkg\"}"), s));
        assertThrows(IllegalArgumentException.class,
                () -> GeneratorHandler.parse(JSON.readTree("{\"runId\":\"../../etc\"}"), s));
    }

    private static List<String> listing(Path root) throws IOException {
        return new LocalStorage(root).list("").stream().map(o -> o.key()).toList();
    }

    private static List<String> names(JsonNode object) {
        List<String> out = new java.util.ArrayList<>();
        object.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
