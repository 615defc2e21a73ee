package org.gpkg311.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.gpkg311.generator.Generators;
import org.gpkg311.ingest.LoopbackFeatureServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The built ingest package under the Runtime Interface Emulator pulls a loopback FeatureServer into LocalStack
 * S3; its write under raw/311/ goes through LocalStack's EventBridge (the template's own rule pattern) into
 * SQS, and the fanOut and generator packages, each under an emulator, turn that pull into eleven GeoPackages.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IngestLoopbackTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path OUT = Path.of("target/loopback-ingest").toAbsolutePath();
    private static final String AS_OF = "2025-11-24T23:59:59Z";
    /** 2025-11-24 − 3 months − 7 days. */
    private static final Instant FROM = Instant.parse("2025-08-17T00:00:00Z");

    private static S3Client s3;
    private static String bucket;
    private static SqsEvents newData;
    private static LoopbackFeatureServer server;
    private static Emulator ingest;
    private static Emulator generator;
    private static Emulator fanOut;
    private static Path ingestWork;
    private static String pulledKey;
    private static long pulledRows;

    @BeforeAll
    static void start() throws Exception {
        Loopback.requireLocalStack();
        s3 = Loopback.s3();
        EventBridgeClient events = Loopback.events();
        bucket = Loopback.uniqueBucket("ingest");
        s3.createBucket(b -> b.bucket(bucket));
        s3.putBucketNotificationConfiguration(b -> b.bucket(bucket).notificationConfiguration(n -> n.eventBridgeConfiguration(e -> {})));
        newData = SqsEvents.create(Loopback.sqs(), bucket + "-new-data");
        String pattern = PipelineLoopbackTest.templateRulePattern(bucket);
        events.putRule(b -> b.name(bucket + "-new-data").eventPattern(pattern));
        events.putTargets(b -> b.rule(bucket + "-new-data").targets(t -> t.id("queue").arn(newData.arn())));

        server = LoopbackFeatureServer.start(72_000, 311, Instant.parse("2025-07-01T00:00:00Z"), Instant.parse("2025-11-25T12:00:00Z"), 2000);

        Map<String, String> common = new LinkedHashMap<>();
        common.put("GPKG311_LOCATION", "s3://" + bucket);
        common.put("GPKG311_S3_ENDPOINT", Loopback.endpoint().toString());
        ingestWork = Files.createDirectories(OUT.resolve("work-ingest"));
        Map<String, String> ingestEnv = new LinkedHashMap<>(common);
        ingestEnv.put("GPKG311_WORK_DIR", ingestWork.toString());
        ingestEnv.put("GPKG311_SERVICE_URL", server.layerUrl());
        ingestEnv.put("GPKG311_INGEST_BACKOFF_MS", "20");
        ingestEnv.put("GPKG311_INGEST_ATTEMPTS", "3");
        ingest = Emulator.start("ingest", Emulator.functionPackage("ingest", "gpkg311-ingest-function"),
                "org.gpkg311.functions.IngestHandler::handleRequest", ingestEnv, OUT);

        Map<String, String> genEnv = new LinkedHashMap<>(common);
        genEnv.put("GPKG311_WORK_DIR", Files.createDirectories(OUT.resolve("work-generator")).toString());
        generator = Emulator.start("generator", Emulator.functionPackage("generator", "gpkg311-generator-function"),
                "org.gpkg311.functions.GeneratorHandler::handleRequest", genEnv, OUT);
        Map<String, String> functions = new LinkedHashMap<>();
        Generators.names().forEach(n -> functions.put(n, "function"));
        Map<String, String> fanEnv = new LinkedHashMap<>(common);
        fanEnv.put("GPKG311_WORK_DIR", Files.createDirectories(OUT.resolve("work-fanout")).toString());
        fanEnv.put("GENERATOR_FUNCTIONS", JSON.writeValueAsString(functions));
        fanEnv.put("GPKG311_LAMBDA_ENDPOINT", generator.endpoint().toString());
        fanOut = Emulator.start("fanOut", Emulator.functionPackage("fan-out", "gpkg311-fan-out"),
                "org.gpkg311.functions.FanOutHandler::handleRequest", fanEnv, OUT);
    }

    @AfterAll
    static void stop() throws IOException {
        for (Emulator e : new Emulator[] {fanOut, generator}) if (e != null) e.close();
        if (ingest != null) {
            StringBuilder b = new StringBuilder("init_ms\tduration_ms (ingest emulator, in invocation order)\n");
            for (double[] r : ingest.reports()) b.append(r[0]).append('\t').append(r[1]).append('\n');
            b.append("runtime JVM peak RSS (VmHWM) kB: ").append(ingest.runtimePeakRssKb()).append('\n');
            Files.writeString(OUT.resolve("ingest-reports.txt"), b.toString());
            ingest.close();
        }
        if (server != null) server.close();
    }

    @Test
    @Order(1)
    void theIngestWritesOnePullUnderRaw311() throws Exception {
        Emulator.Response r = ingest.invoke("{\"asOf\":\"" + AS_OF + "\"}");
        assertEquals(200, r.status(), r.body());
        JsonNode out = JSON.readTree(r.body());
        assertTrue(out.path("written").asBoolean(), r.body() + "\n" + ingest.log());
        pulledKey = out.get("object").asText();
        pulledRows = out.get("rows").asLong();
        assertEquals(server.rowsOpenedSince(FROM), pulledRows);
        assertTrue(pulledKey.matches("raw/311/nashville-2025-08-17_2025-11-24-\\d{8}T\\d{6}Z\\.json\\.gz"), pulledKey);
        String sidecar = "raw/311/.pulls/" + pulledKey.substring("raw/311/".length()).replace(".json.gz", ".meta.json");
        assertEquals(Set.of(pulledKey, sidecar), keys("raw/"));
        JsonNode record = JSON.readTree(s3.getObjectAsBytes(b -> b.bucket(bucket).key(sidecar)).asByteArray());
        assertEquals(pulledRows, record.get("rows").asLong());
        assertEquals(pulledKey, record.get("object").asText());
        assertTrue(ingest.log().contains("\"stage\":\"written\""), "a structured log line");
        assertEquals(List.of(), list(ingestWork), "the ingest's /tmp is left empty");
    }

    @Test
    @Order(2)
    void itsWriteStartsARunThatMakesElevenGeoPackagesFromThatPull() throws Exception {
        List<Message> messages = newData.receive(2);
        Set<String> keys = new TreeSet<>();
        for (Message m : messages) keys.add(JSON.readTree(m.body()).at("/detail/object/key").asText());
        assertTrue(keys.contains(pulledKey), "the pull's Object Created event reaches the fanOut's queue: " + keys);

        Emulator.Response r = fanOut.invoke(newData.event(messages));
        assertEquals(200, r.status(), r.body());
        assertEquals(0, JSON.readTree(r.body()).path("batchItemFailures").size(), r.body() + "\n" + fanOut.log());
        newData.deleteAll(messages);

        Path files = Files.createDirectories(OUT.resolve("gpkg"));
        for (String name : Generators.names()) {
            Path gpkg = files.resolve(name + ".gpkg");
            Files.deleteIfExists(gpkg);
            s3.getObject(b -> b.bucket(bucket).key("gpkg-public/" + name + "/" + name + ".gpkg"), gpkg);
            Map<String, String> runInfo = runInfo(gpkg, name + "RunInfo");
            assertEquals("s3://" + bucket + "/" + pulledKey, runInfo.get("sources"), name);
            assertEquals(Long.toString(pulledRows), runInfo.get("rowsRead"), name);
        }
    }

    @Test
    @Order(3)
    void aRerunOnUnchangedRowsWritesNothing() throws Exception {
        Set<String> before = keys("raw/");
        Emulator.Response r = ingest.invoke("{\"asOf\":\"" + AS_OF + "\"}");
        assertEquals(200, r.status(), r.body());
        JsonNode out = JSON.readTree(r.body());
        assertFalse(out.get("written").asBoolean(), r.body());
        assertEquals(pulledKey, out.get("object").asText());
        assertEquals(before, keys("raw/"));
        assertEquals(List.of(), newData.receive(0), "no new data, no run");
    }

    @Test
    @Order(4)
    void aFailedPullReportsThePageAndWritesNothing() throws Exception {
        Set<String> before = keys("raw/");
        server.truncatePage(3);
        Emulator.Response r = ingest.invoke("{\"asOf\":\"2025-11-25T23:59:59Z\"}");
        JsonNode error = JSON.readTree(r.body());
        assertEquals("org.gpkg311.ingest.PullFailedException", error.path("errorType").asText(), r.body());
        assertTrue(error.get("errorMessage").asText().startsWith("page 3 at offset 4000: malformed JSON"), r.body());
        assertEquals(before, keys("raw/"));
        assertEquals(List.of(), list(ingestWork), "the ingest's /tmp is left empty");
    }

    private static Map<String, String> runInfo(Path gpkg, String table) throws Exception {
        Map<String, String> out = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + gpkg); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT key, value FROM \"" + table + "\"")) {
            while (rs.next()) out.put(rs.getString(1), rs.getString(2));
        }
        return out;
    }

    private static Set<String> keys(String prefix) {
        Set<String> out = new TreeSet<>();
        for (S3Object o : s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents()) out.add(o.key());
        return out;
    }

    private static List<Path> list(Path dir) throws IOException {
        try (var s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).toList();
        }
    }
}
