package org.gpkg311.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.gpkg311.generator.Generators;
import org.gpkg311.generator.RunSettings;
import org.gpkg311.pipeline.GeneratorRun;
import org.gpkg311.pipeline.Inputs;
import org.gpkg311.pipeline.Pipeline;
import org.gpkg311.pipeline.PublicationLayout;
import org.gpkg311.pipeline.RunCommit;
import org.gpkg311.pipeline.RunIds;
import org.gpkg311.pipeline.RunListener;
import org.gpkg311.pipeline.RunPages;
import org.gpkg311.pipeline.RunPlan;
import org.gpkg311.pipeline.WorkFolders;
import org.gpkg311.profile.CityProfile;
import org.gpkg311.sample.SampleCity;
import org.gpkg311.snapshot.Snapshot;
import org.gpkg311.storage.s3.S3Location;
import org.gpkg311.storage.s3.S3Storage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The stage-then-commit protocol on LocalStack's real S3 API (conditional PutObject, CopyObject): an S3 outage
 * in the middle of a commit, two runs committing at once, a late retry of an older run. The pipeline talks to
 * S3 through a loopback relay that the test takes down and brings back; the test checks through its own,
 * direct client. Checksums are computed here from the objects, never taken from the code under test.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PublicationLoopbackTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path OUT = Path.of("target/publication-loopback").toAbsolutePath();
    private static final List<String> GENERATORS = List.of("trendDirection", "serviceTypeInsights");
    private static final PublicationLayout LAYOUT = PublicationLayout.bucket("runs/", "gpkg-public/");

    private static S3Client direct;
    private static TcpProxy proxy;
    private static S3Storage storage;
    private static String bucket;
    private static Snapshot older;
    private static Snapshot newer;
    private static Instant preparedOlder;
    private static Instant preparedNewer;

    @BeforeAll
    static void start() throws Exception {
        Loopback.requireLocalStack();
        direct = Loopback.s3();
        bucket = Loopback.uniqueBucket("publish");
        direct.createBucket(b -> b.bucket(bucket));
        proxy = new TcpProxy(Loopback.endpoint());
        storage = new S3Storage(Loopback.s3(proxy.endpoint()), new S3Location(bucket, ""), proxy.endpoint());

        WorkFolders.delete(OUT);
        Path sample = Files.createDirectories(OUT.resolve("sample"));
        SampleCity.write(sample, SampleCity.DEFAULT_SEED);
        CityProfile city = CityProfile.nashville();
        Inputs inputs = Inputs.resolve(List.of(sample.toString()), null, city);
        preparedOlder = Instant.now();
        older = Pipeline.prepare(inputs, city, Instant.parse("2025-11-10T23:59:59Z"), preparedOlder, null, RunListener.SILENT);
        preparedNewer = Instant.now();
        newer = Pipeline.prepare(inputs, city, null, preparedNewer, null, RunListener.SILENT);
        assertTrue(newer.window().asOf().isAfter(older.window().asOf()));
    }

    @AfterAll
    static void stop() throws IOException {
        if (proxy != null) proxy.close();
    }

    @Test
    @Order(1)
    void anS3OutageMidCommitNeverShowsAMixedSetAndTheRetryCompletesIt() throws Exception {
        RunPlan a = plan(older, preparedOlder);
        // Each generator commits after staging; only the last to stage finds the run complete.
        stage(older, GENERATORS.get(0));
        assertEquals(RunCommit.Outcome.WAITING, commit(older, a, GENERATORS.get(0), RunListener.SILENT).outcome());
        assertTrue(direct.listObjectsV2(b -> b.bucket(bucket).prefix("gpkg-public/")).contents().isEmpty(),
                "nothing public before the run is complete");
        stage(older, GENERATORS.get(1));
        assertEquals(RunCommit.Outcome.COMMITTED, commit(older, a, GENERATORS.get(1), RunListener.SILENT).outcome());
        assertCompleteSet(older.runId());
        byte[] manifestA = object("gpkg-public/manifest.json");

        RunPlan b = plan(newer, preparedNewer);
        stageAll(newer);
        AtomicBoolean cut = new AtomicBoolean();
        RunListener outage = (scope, stage, counts, millis) -> {
            if (stage.equals("copied") && cut.compareAndSet(false, true)) {
                try {
                    proxy.stop();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
        };
        String last = GENERATORS.get(GENERATORS.size() - 1);
        IOException e = assertThrows(IOException.class, () -> commit(newer, b, last, outage));
        assertTrue(e.getMessage().contains("s3://" + bucket + "/"), "the error names the object: " + e.getMessage());
        assertTrue(cut.get());

        // S3 is down; what the manifest shows is the earlier run, complete, in every entry.
        assertEquals(new String(manifestA), new String(object("gpkg-public/manifest.json")), "the manifest is untouched");
        JsonNode m = JSON.readTree(manifestA);
        for (JsonNode f : m.get("files")) assertEquals(older.runId(), f.get("runId").asText());

        proxy.start();
        // The claimant's retry (Lambda retries the failed event) resumes the commit it claimed.
        assertEquals(RunCommit.Outcome.COMMITTED, commit(newer, b, last, RunListener.SILENT).outcome());
        assertCompleteSet(newer.runId());
        // Another generator of the run never commits it a second time.
        assertEquals(RunCommit.Outcome.CLAIMED_BY_OTHER, commit(newer, b, GENERATORS.get(0), RunListener.SILENT).outcome());
    }

    @Test
    @Order(2)
    void aLateRetryOfTheOlderRunPublishesNothing() throws Exception {
        Map<String, String> before = publicEtags();
        RunPlan a = plan(older, preparedOlder);
        // The retried generator finds its staged files (it stages nothing again) and a newer set in public.
        new GeneratorRun(storage, LAYOUT, OUT.resolve("work"), RunListener.SILENT)
                .run(Generators.byName(GENERATORS.get(1)), older, RunSettings.defaults());
        RunCommit.Result r = commit(older, a, GENERATORS.get(1), RunListener.SILENT);
        assertEquals(RunCommit.Outcome.SUPERSEDED, r.outcome(), r.detail());
        assertTrue(r.detail().contains(newer.runId()) && r.detail().contains("published nothing"), r.detail());

        // A late generator of an older run that never staged before: it stages, sees a newer set, publishes nothing.
        Snapshot late = RunIds.withTriggerId(older, "request:late");
        RunPlan l = plan(late, preparedOlder);
        stageAll(late);
        assertEquals(RunCommit.Outcome.SUPERSEDED, commit(late, l, GENERATORS.get(0), RunListener.SILENT).outcome());
        assertEquals(before, publicEtags(), "not one public object changed");
        assertCompleteSet(newer.runId());
    }

    @Test
    @Order(3)
    void twoOverlappingRunsEndWithTheNewerRunsCompleteSet() throws Exception {
        // Same data prepared twice: the later preparation is the newer run. The older committer copies its
        // files AFTER the newer one committed, then loses the manifest race and must restore the newer set.
        Instant t1 = Instant.now();
        Instant t2 = t1.plusSeconds(1);
        Snapshot first = RunIds.withTriggerId(newer, "schedule:one");
        Snapshot second = RunIds.withTriggerId(newer, "schedule:two");
        RunPlan p1 = plan(first, t1);
        RunPlan p2 = plan(second, t2);
        stageAll(first);
        stageAll(second);
        CountDownLatch olderReadManifest = new CountDownLatch(1);
        CountDownLatch newerCommitted = new CountDownLatch(1);
        AtomicBoolean restored = new AtomicBoolean();
        RunListener slowOlder = (scope, stage, counts, millis) -> {
            if (stage.equals("restored")) restored.set(true);
            if (stage.equals("copied") && olderReadManifest.getCount() > 0) {
                olderReadManifest.countDown();
                await(newerCommitted);
            }
        };
        String g = GENERATORS.get(0);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<RunCommit.Result> o = pool.submit(() -> commit(first, p1, g, slowOlder));
            Future<RunCommit.Result> n = pool.submit(() -> {
                await(olderReadManifest);
                try {
                    return commit(second, p2, g, RunListener.SILENT);
                } finally {
                    newerCommitted.countDown();
                }
            });
            assertEquals(RunCommit.Outcome.COMMITTED, n.get(5, TimeUnit.MINUTES).outcome());
            RunCommit.Result r = o.get(5, TimeUnit.MINUTES);
            assertEquals(RunCommit.Outcome.SUPERSEDED, r.outcome(), r.detail());
            assertTrue(restored.get(), "the loser put the winner's files back");
        } finally {
            pool.shutdownNow();
        }
        assertCompleteSet(second.runId());
    }

    @Test
    @Order(4)
    void aConnectionResetWhileReadingNamesTheObject() throws Exception {
        String key = LAYOUT.stagedKey(newer.runId(), GENERATORS.get(0), PublicationLayout.GPKG);
        IOException e;
        try (java.io.InputStream in = storage.open(key)) {
            in.readNBytes(1024);
            proxy.stop(); // the relayed connection is reset mid-body
            e = assertThrows(IOException.class, () -> in.transferTo(java.io.OutputStream.nullOutputStream()));
        } catch (IOException closing) {
            e = closing;
        } finally {
            proxy.start();
        }
        assertTrue(e.getMessage().contains("s3://" + bucket + "/" + key), "names the object: " + e.getMessage());
    }

    @Test
    @Order(5)
    void twoGeneratorsFinishingTogetherCommitTheRunOnce() throws Exception {
        Snapshot run = RunIds.withTriggerId(newer, "schedule:together");
        RunPlan plan = plan(run, Instant.now().plusSeconds(60));
        stageAll(run);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(GENERATORS.size());
        List<Future<RunCommit.Result>> results = new java.util.ArrayList<>();
        try {
            for (String g : GENERATORS) {
                results.add(pool.submit(() -> {
                    await(go);
                    return commit(run, plan, g, RunListener.SILENT);
                }));
            }
            go.countDown();
            List<RunCommit.Outcome> outcomes = new java.util.ArrayList<>();
            for (Future<RunCommit.Result> f : results) outcomes.add(f.get(5, TimeUnit.MINUTES).outcome());
            assertEquals(1, outcomes.stream().filter(o -> o == RunCommit.Outcome.COMMITTED).count(), outcomes.toString());
            assertEquals(GENERATORS.size() - 1, outcomes.stream().filter(o -> o == RunCommit.Outcome.CLAIMED_BY_OTHER).count(),
                    outcomes.toString());
        } finally {
            pool.shutdownNow();
        }
        assertCompleteSet(run.runId());
    }

    // --- helpers

    private static RunPlan plan(Snapshot s, Instant preparedAt) throws IOException {
        RunPlan p = new RunPlan(s.runId(), GENERATORS, s.window().asOf(), preparedAt, RunIds.contentDigest(s));
        return committer(RunListener.SILENT).savePlan(p);
    }

    private static void stageAll(Snapshot s) throws IOException {
        for (String g : GENERATORS) stage(s, g);
    }

    private static void stage(Snapshot s, String generator) throws IOException {
        new GeneratorRun(storage, LAYOUT, OUT.resolve("work"), RunListener.SILENT).run(Generators.byName(generator), s, RunSettings.defaults());
    }

    private static RunCommit.Result commit(Snapshot s, RunPlan plan, String claimant, RunListener listener) throws IOException {
        return committer(listener).commitIfComplete(plan, s, claimant);
    }

    private static RunCommit committer(RunListener listener) {
        return new RunCommit(storage, LAYOUT, listener, RunPages.hook(), Clock.systemUTC());
    }

    /** The manifest names the run; every file it names is there with its size and checksum, and carries the run id. */
    private static void assertCompleteSet(String runId) throws Exception {
        JsonNode m = JSON.readTree(object("gpkg-public/manifest.json"));
        assertEquals(runId, m.get("runId").asText());
        assertEquals(GENERATORS.size(), m.get("files").size());
        for (JsonNode f : m.get("files")) {
            String g = f.get("generator").asText();
            assertEquals(runId, f.get("runId").asText(), g);
            byte[] gpkg = object("gpkg-public/" + f.get("key").asText());
            assertEquals(f.get("bytes").asLong(), gpkg.length, g);
            assertEquals(f.get("sha256").asText(), sha256(gpkg), g + ": the public file is the manifest's");
            assertEquals(runId, direct.headObject(b -> b.bucket(bucket).key("gpkg-public/" + f.get("key").asText()))
                    .metadata().get("run-id"), g + " metadata");
            JsonNode summary = JSON.readTree(object("gpkg-public/" + f.get("summaryKey").asText()));
            assertEquals(runId, summary.get("provenance").get("runId").asText(), g + " summary");
            assertTrue(new String(object("gpkg-public/" + f.get("previewKey").asText())).contains("run " + runId), g + " preview");
        }
    }

    private static Map<String, String> publicEtags() {
        Map<String, String> out = new TreeMap<>();
        for (S3Object o : direct.listObjectsV2Paginator(b -> b.bucket(bucket).prefix("gpkg-public/")).contents()) {
            out.put(o.key(), o.eTag());
        }
        return out;
    }

    private static byte[] object(String key) {
        byte[] b = direct.getObjectAsBytes(r -> r.bucket(bucket).key(key)).asByteArray();
        assertNotNull(b);
        return b;
    }

    private static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    private static void await(CountDownLatch l) {
        try {
            if (!l.await(5, TimeUnit.MINUTES)) throw new IllegalStateException("timed out waiting");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
