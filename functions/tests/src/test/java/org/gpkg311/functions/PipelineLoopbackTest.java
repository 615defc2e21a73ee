package org.gpkg311.functions;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.gpkg311.generator.Generators;
import org.gpkg311.sample.SampleCity;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * End to end on loopback, real APIs only: the sample city's raw CSV is uploaded under raw/ in LocalStack S3,
 * LocalStack's EventBridge routes the Object Created events through the template's own rule pattern into SQS,
 * the received messages become the SQS event Lambda's poller would deliver, and the built fanOut package runs
 * under the Runtime Interface Emulator. Its real Lambda client invokes the generator package, under a second
 * emulator (which answers only to the function name "function", so GENERATOR_FUNCTIONS maps every generator
 * to it and the payload names the generator; the emulator runs each "Event" invocation before it answers).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PipelineLoopbackTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path OUT = Path.of("target/loopback").toAbsolutePath();

    private static S3Client s3;
    private static SqsClient sqs;
    private static EventBridgeClient events;
    private static String bucket;
    private static SqsEvents newData;
    private static SqsEvents allEvents;
    private static Emulator generator;
    private static Emulator fanOut;
    private static Path generatorWork;
    private static Path fanOutWork;

    @BeforeAll
    static void start() throws Exception {
        Loopback.requireLocalStack();
        s3 = Loopback.s3();
        sqs = Loopback.sqs();
        events = Loopback.events();
        bucket = Loopback.uniqueBucket("e2e");
        s3.createBucket(b -> b.bucket(bucket));
        s3.putBucketNotificationConfiguration(b -> b.bucket(bucket).notificationConfiguration(n -> n.eventBridgeConfiguration(e -> {})));

        // The trigger exactly as template.yaml declares it: its rule pattern, with this bucket's name.
        newData = SqsEvents.create(sqs, bucket + "-new-data");
        String pattern = templateRulePattern(bucket);
        events.putRule(b -> b.name(bucket + "-new-data").eventPattern(pattern));
        events.putTargets(b -> b.rule(bucket + "-new-data").targets(t -> t.id("queue").arn(newData.arn())));
        // A second rule that sees every Object Created event of the bucket: the source of real events for our own writes.
        allEvents = SqsEvents.create(sqs, bucket + "-all");
        events.putRule(b -> b.name(bucket + "-all").eventPattern(
                "{\"source\":[\"aws.s3\"],\"detail-type\":[\"Object Created\"],\"detail\":{\"bucket\":{\"name\":[\"" + bucket + "\"]}}}"));
        events.putTargets(b -> b.rule(bucket + "-all").targets(t -> t.id("all").arn(allEvents.arn())));

        Map<String, String> common = new LinkedHashMap<>();
        common.put("GPKG311_LOCATION", "s3://" + bucket);
        common.put("GPKG311_S3_ENDPOINT", Loopback.endpoint().toString());
        generatorWork = Files.createDirectories(OUT.resolve("work-generator"));
        fanOutWork = Files.createDirectories(OUT.resolve("work-fanout"));

        Map<String, String> genEnv = new LinkedHashMap<>(common);
        genEnv.put("GPKG311_WORK_DIR", generatorWork.toString());
        generator = Emulator.start("generator", Emulator.functionPackage("generator", "gpkg311-generator-function"),
                "org.gpkg311.functions.GeneratorHandler::handleRequest", genEnv, OUT);

        Map<String, String> functions = new LinkedHashMap<>();
        Generators.names().forEach(n -> functions.put(n, "function"));
        Map<String, String> fanEnv = new LinkedHashMap<>(common);
        fanEnv.put("GPKG311_WORK_DIR", fanOutWork.toString());
        fanEnv.put("GENERATOR_FUNCTIONS", JSON.writeValueAsString(functions));
        fanEnv.put("GPKG311_LAMBDA_ENDPOINT", generator.endpoint().toString());
        fanOut = Emulator.start("fanOut", Emulator.functionPackage("fan-out", "gpkg311-fan-out"),
                "org.gpkg311.functions.FanOutHandler::handleRequest", fanEnv, OUT);
    }

    @AfterAll
    static void stop() throws IOException {
        if (fanOut != null) fanOut.close();
        if (generator != null) {
            Files.writeString(OUT.resolve("generator-reports.txt"), reportSummary(generator));
            generator.close();
        }
    }

    @Test
    @Order(1)
    void rawUploadRunsEveryGeneratorOnOneSnapshot() throws Exception {
        Path sample = Files.createDirectories(OUT.resolve("sample"));
        SampleCity.write(sample, SampleCity.DEFAULT_SEED);
        List<String> uploaded = new ArrayList<>();
        try (Stream<Path> files = Files.walk(sample)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                String key = sample.relativize(f).toString().replace('\\', '/');
                s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromFile(f));
                uploaded.add(key);
            }
        }
        assertTrue(uploaded.stream().anyMatch(k -> k.startsWith("raw/311/")), "the sample wrote raw/311/: " + uploaded);

        List<Message> messages = newData.receive(uploaded.size());
        assertEquals(uploaded.size(), messages.size(), "one message per upload under raw/ and reference/");
        Emulator.Response r = fanOut.invoke(newData.event(messages));
        assertEquals(200, r.status(), r.body());
        JsonNode response = JSON.readTree(r.body());
        assertEquals(0, response.path("batchItemFailures").size(), r.body() + "\n" + fanOut.log());
        Set<String> published = keys("gpkg-public/");

        // The queue delivers the same messages again (at-least-once): the same run, which is committed: nothing new.
        Emulator.Response again = fanOut.invoke(newData.event(messages));
        assertEquals(200, again.status(), again.body());
        assertEquals(0, JSON.readTree(again.body()).path("batchItemFailures").size(), again.body());
        assertEquals(published, keys("gpkg-public/"), "a duplicate delivery publishes nothing again");
        assertTrue(fanOut.log().contains("\"stage\":\"duplicate\""), "the fan-out says it was a duplicate");
        newData.deleteAll(messages);

        // One run folder, and every generator's files carry that run id.
        Set<String> runs = new TreeSet<>();
        for (S3Object o : list("runs/")) runs.add(o.key().split("/")[1]);
        assertEquals(1, runs.size(), "one run, also after the duplicate delivery: " + runs);
        String runId = runs.iterator().next();
        JsonNode manifest = JSON.readTree(s3.getObjectAsBytes(b -> b.bucket(bucket).key("gpkg-public/manifest.json")).asByteArray());
        assertEquals(runId, manifest.get("runId").asText());
        assertEquals(Generators.names().size(), manifest.get("files").size());
        assertTrue(exists("runs/" + runId + "/snapshot.bin"));
        assertTrue(exists("runs/" + runId + "/quality.json"));
        for (String name : Generators.names()) {
            String base = "gpkg-public/" + name + "/" + name;
            byte[] gpkg = s3.getObjectAsBytes(b -> b.bucket(bucket).key(base + ".gpkg")).asByteArray();
            assertArrayEquals("SQLite format 3\0".getBytes(StandardCharsets.US_ASCII), java.util.Arrays.copyOf(gpkg, 16), name);
            HeadObjectResponse head = s3.headObject(b -> b.bucket(bucket).key(base + ".gpkg"));
            assertEquals("application/geopackage+sqlite3", head.contentType());
            assertEquals(runId, head.metadata().get("run-id"), name + " metadata");
            JsonNode summary = JSON.readTree(s3.getObjectAsBytes(b -> b.bucket(bucket).key(base + ".json")).asByteArray());
            assertEquals(name, summary.get("generator").asText());
            assertEquals(runId, summary.get("provenance").get("runId").asText(), name + " provenance");
        }
        assertEmpty(generatorWork);
    }

    @Test
    @Order(2)
    void ownWritesUnderGpkgPublicAndRunsStartNothing() throws Exception {
        allEvents.deleteAll(allEvents.receive(0)); // the events of the first test's writes
        s3.putObject(b -> b.bucket(bucket).key("gpkg-public/serviceEfficiency/preview.png"), RequestBody.fromString("png"));
        s3.putObject(b -> b.bucket(bucket).key("runs/manual/notes.txt"), RequestBody.fromString("notes"));
        Set<String> runsBefore = keys("runs/");

        // The rule of the template lets neither through ...
        assertEquals(List.of(), newData.receive(0), "the new-data queue stays empty");
        // ... and the fan-out ignores their real events even when they reach it.
        List<Message> own = allEvents.receive(2);
        List<String> keys = new ArrayList<>();
        for (Message m : own) keys.add(JSON.readTree(m.body()).at("/detail/object/key").asText());
        assertTrue(keys.containsAll(List.of("gpkg-public/serviceEfficiency/preview.png", "runs/manual/notes.txt")), keys.toString());
        Emulator.Response r = fanOut.invoke(newData.event(own));
        assertEquals(0, JSON.readTree(r.body()).path("batchItemFailures").size(), r.body());
        assertEquals(runsBefore, keys("runs/"), "no new run");
    }

    @Test
    @Order(3)
    void aCorruptSnapshotPublishesNothingAndLeavesTmpEmpty() throws Exception {
        String name = Generators.names().get(0);
        String gpkgKey = "gpkg-public/" + name + "/" + name + ".gpkg";
        if (!exists(gpkgKey)) s3.putObject(b -> b.bucket(bucket).key(gpkgKey), RequestBody.fromString("previous"));
        String etagBefore = s3.headObject(b -> b.bucket(bucket).key(gpkgKey)).eTag();
        Set<String> publicBefore = keys("gpkg-public/");
        byte[] garbage = "GPK311SN\0\0\0\1 this is not a snapshot".getBytes(StandardCharsets.US_ASCII);
        s3.putObject(b -> b.bucket(bucket).key("runs/corrupt-run/snapshot.bin"), RequestBody.fromBytes(garbage));

        Emulator.Response r = generator.invoke("{\"runId\":\"corrupt-run\",\"snapshotKey\":\"runs/corrupt-run/snapshot.bin\",\"generator\":\"" + name + "\"}");

        // The error object the runtime reports; on AWS, after the retries, the on-failure destination receives it.
        JsonNode error = JSON.readTree(r.body());
        assertTrue(error.has("errorType") && error.has("errorMessage"), r.body());
        assertTrue(error.get("errorMessage").asText().contains("snapshot"), r.body());
        assertEquals(etagBefore, s3.headObject(b -> b.bucket(bucket).key(gpkgKey)).eTag(), "the previous file stays");
        assertEquals(publicBefore, keys("gpkg-public/"), "nothing uploaded");
        assertEmpty(generatorWork);
        assertTrue(generator.log().contains("\"stage\":\"failed\""), "a structured error line");
    }

    @Test
    @Order(4)
    void aGeneratorAloneRerunsFromRawData() throws Exception {
        String name = Generators.names().get(Generators.names().size() - 1);
        String gpkgKey = "gpkg-public/" + name + "/" + name + ".gpkg";
        String etagBefore = exists(gpkgKey) ? s3.headObject(b -> b.bucket(bucket).key(gpkgKey)).eTag() : null;

        Emulator.Response r = generator.invoke("{\"generator\":\"" + name + "\",\"runId\":\"rerun-1\"}");

        JsonNode out = JSON.readTree(r.body());
        assertEquals(200, r.status(), r.body());
        assertEquals("rerun-1", out.get("runId").asText(), r.body());
        assertEquals(Loopback.endpoint() + "/" + bucket + "/" + gpkgKey, out.get("geoPackageUrl").asText());
        assertEquals("rerun-1", s3.headObject(b -> b.bucket(bucket).key(gpkgKey)).metadata().get("run-id"));
        if (etagBefore != null) assertNotEquals(etagBefore, s3.headObject(b -> b.bucket(bucket).key(gpkgKey)).eTag(), "replaced");
        assertEmpty(generatorWork);
    }

    @Test
    @Order(5)
    void theCommandLineReadsAndWritesS3Locations() throws Exception {
        Path jar = TemplateTest.repo().resolve("cli/target/gpkg311.jar");
        assertTrue(Files.isRegularFile(jar), "no " + jar + ": build the cli module (mvn package)");
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(javaBin, "-jar", jar.toString(), "generate", "--input", "s3://" + bucket,
                "--output", "s3://" + bucket + "/cli-out", "--only", "trendDirection")
                .redirectErrorStream(true).redirectOutput(OUT.resolve("cli.log").toFile());
        pb.environment().putAll(Map.of("GPKG311_S3_ENDPOINT", Loopback.endpoint().toString(),
                "AWS_ACCESS_KEY_ID", "test", "AWS_SECRET_ACCESS_KEY", "test", "AWS_REGION", Loopback.REGION));
        Process p = pb.start();
        assertTrue(p.waitFor(5, java.util.concurrent.TimeUnit.MINUTES), "the CLI finishes");
        String log = Files.readString(OUT.resolve("cli.log"));
        assertEquals(0, p.exitValue(), log);
        String url = Loopback.endpoint() + "/" + bucket + "/cli-out/trendDirection/trendDirection.gpkg";
        assertTrue(log.contains(url), "the CLI prints the output's URL: " + log);
        assertTrue(exists("cli-out/trendDirection/trendDirection.gpkg") && exists("cli-out/trendDirection/trendDirection.json"));
    }

    @Test
    @Order(6)
    void aTraversalInThePayloadsGeneratorNameIsRefusedBeforeAnyPathIsTouched() throws Exception {
        // GENERATOR_NAME is unset on this emulator, as in the issue: the payload names the generator.
        Path victim = Files.createDirectories(generatorWork.resolve("../../victim").normalize());
        Path kept = Files.writeString(victim.resolve("keep.txt"), "still here");
        Set<String> before = keys("");

        Emulator.Response r = generator.invoke("{\"generator\":\"x/../../../victim\"}");

        JsonNode error = JSON.readTree(r.body());
        assertTrue(error.path("errorMessage").asText().contains("unknown generator"), r.body());
        assertTrue(Files.isRegularFile(kept), "the folder outside the work root is intact");
        assertEquals(before, keys(""), "nothing written to the bucket");
        assertEmpty(generatorWork);
    }

    // --- helpers

    static String templateRulePattern(String bucketName) throws IOException {
        @SuppressWarnings("unchecked")
        Map<String, Object> rule = (Map<String, Object>) ((Map<String, Object>) CloudFormationYaml
                .load(TemplateTest.repo().resolve("template.yaml")).get("Resources")).get("NewDataRule");
        @SuppressWarnings("unchecked")
        Map<String, Object> props = (Map<String, Object>) rule.get("Properties");
        String json = JSON.writeValueAsString(props.get("EventPattern"));
        String ref = JSON.writeValueAsString(Map.of("Ref", "BucketName"));
        assertTrue(json.contains(ref), "the rule names the bucket parameter: " + json);
        return json.replace(ref, JSON.writeValueAsString(bucketName));
    }

    private static List<S3Object> list(String prefix) {
        return s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents().stream().toList();
    }

    private static Set<String> keys(String prefix) {
        Set<String> out = new TreeSet<>();
        list(prefix).forEach(o -> out.add(o.key() + " " + o.eTag()));
        return out;
    }

    private static boolean exists(String key) {
        return !list(key).isEmpty() && list(key).stream().anyMatch(o -> o.key().equals(key));
    }

    private static void assertEmpty(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> left = s.toList();
            assertFalse(!left.isEmpty(), "the generator's /tmp folder is left empty: " + left);
        }
    }

    private static String reportSummary(Emulator e) throws IOException {
        StringBuilder b = new StringBuilder("init_ms\tduration_ms (generator emulator, in invocation order)\n");
        for (double[] r : e.reports()) b.append(r[0]).append('\t').append(r[1]).append('\n');
        b.append("runtime JVM peak RSS (VmHWM) kB: ").append(e.runtimePeakRssKb()).append('\n');
        return b.toString();
    }
}
