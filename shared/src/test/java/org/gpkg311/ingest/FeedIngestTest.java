package org.gpkg311.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.gpkg311.profile.CityProfile;
import org.gpkg311.read.RawRow;
import org.gpkg311.read.RawSource;
import org.gpkg311.read.RequestReader;
import org.gpkg311.profile.Field;
import org.gpkg311.storage.LocalStorage;
import org.gpkg311.storage.StoredObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ingest against a real HTTP FeatureServer on loopback: paging, count check, retries, all-or-nothing. */
class FeedIngestTest {

    static final Instant AS_OF = Instant.parse("2025-11-24T23:59:59Z");
    /** 2025-11-24 minus 3 months = 2025-08-24, minus the 7-day margin = 2025-08-17 (UTC). */
    static final Instant FROM = Instant.parse("2025-08-17T00:00:00Z");
    static final RetryPolicy QUICK = new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(40), Duration.ofSeconds(20));
    static final CityProfile NASHVILLE = CityProfile.nashville();

    /** ~72k rows from July to late November: the window's where selects about 50,000. */
    static LoopbackFeatureServer big;

    @TempDir
    Path tmp;

    @BeforeAll
    static void startServer() throws IOException {
        big = LoopbackFeatureServer.start(72_000, 311, Instant.parse("2025-07-01T00:00:00Z"), Instant.parse("2025-11-25T12:00:00Z"), 2000);
    }

    @AfterAll
    static void stopServer() {
        big.close();
    }

    private FeedIngest.Result pull(LoopbackFeatureServer server, Path root, Instant clock) throws IOException {
        var ingest = new FeedIngest(new LocalStorage(root), NASHVILLE, Clock.fixed(clock, ZoneOffset.UTC));
        return ingest.run(new FeedIngest.Settings("nashville", server.layerUrl(), AS_OF, 3, 7, 0, QUICK, tmp.resolve("work")), FeedIngest.Progress.NONE);
    }

    @Test
    void windowOfAJanuaryAsOfReachesIntoTheYearBefore() {
        PullWindow w = PullWindow.before(Instant.parse("2026-01-10T12:00:00Z"), 3, 7);
        assertEquals(LocalDate.of(2025, 10, 3), w.from());
        assertEquals("Date_Time_Opened >= TIMESTAMP '2025-10-03 00:00:00'", w.where("Date_Time_Opened"));
    }

    @Test
    void onePullIsOneObjectWithEveryRowOfTheWhereAndASidecar() throws IOException {
        Path root = tmp.resolve("bucket");
        FeedIngest.Result r = pull(big, root, Instant.parse("2025-11-25T06:15:02Z"));
        long expected = big.rowsOpenedSince(FROM);
        assertTrue(expected > 45_000 && expected < 55_000, "the seeded where selects ~50k: " + expected);

        assertTrue(r.written());
        assertEquals("raw/311/nashville-2025-08-17_2025-11-24-20251125T061502Z.json.gz", r.record().object());
        List<String> keys = keys(root);
        assertEquals(List.of("raw/311/.pulls/nashville-2025-08-17_2025-11-24-20251125T061502Z.meta.json",
                "raw/311/nashville-2025-08-17_2025-11-24-20251125T061502Z.json.gz"), keys);
        assertEquals(expected, r.record().rows());
        assertEquals((expected + 1999) / 2000, r.record().pages());
        assertEquals("Date_Time_Opened >= TIMESTAMP '2025-08-17 00:00:00'", r.record().where());

        // The existing raw reader reads the object: every row of the where, each once.
        List<RawRow> rows = new RequestReader(NASHVILLE).readAll(RawSource.of(root.resolve(r.record().object())));
        assertEquals(expected, rows.size());
        Set<String> ids = new HashSet<>();
        for (RawRow row : rows) ids.add(String.valueOf(row.values().get(Field.REQUEST_ID)));
        assertEquals(big.requestIdsOpenedSince(FROM), ids);

        // generate's input resolution takes the object and skips the sidecar (a dot folder)
        var inputs = org.gpkg311.pipeline.Inputs.resolve(List.of(root.toString()), null, NASHVILLE);
        assertEquals(List.of(root.toAbsolutePath() + "/" + r.record().object()), inputs.raw().stream().map(RawSource::name).toList());

        PullRecord sidecar;
        try (InputStream in = Files.newInputStream(root.resolve(keys.get(0)))) {
            sidecar = PullRecord.read(in);
        }
        assertEquals(r.record(), sidecar);
        assertEquals(big.layerUrl().replace("(", "%28").replace(")", "%29"), sidecar.service());
        assertEquals("2025-08-17", sidecar.from());
        assertEquals("2025-11-24", sidecar.to());
        assertTrue(Instant.parse(sidecar.openedMin()).compareTo(FROM) >= 0);
        assertEquals(64, sidecar.rowsSha256().length());
        assertEmpty(tmp.resolve("work"));
    }

    @Test
    void aRerunOnUnchangedRowsWritesNothing() throws IOException {
        Path root = tmp.resolve("bucket");
        FeedIngest.Result first = pull(big, root, Instant.parse("2025-11-25T06:00:00Z"));
        List<StoredObject> before = new LocalStorage(root).list("");
        FeedIngest.Result second = pull(big, root, Instant.parse("2025-11-25T07:00:00Z"));
        assertFalse(second.written());
        assertEquals(first.record(), second.record());
        assertEquals(before, new LocalStorage(root).list(""));
    }

    @Test
    void a503OnPage7ThatRecoversIsRetried() throws IOException {
        try (var server = LoopbackFeatureServer.start(16_000, 7, Instant.parse("2025-08-20T00:00:00Z"), Instant.parse("2025-11-24T00:00:00Z"), 2000)) {
            server.failPage(7, 503, 2);
            FeedIngest.Result r = pull(server, tmp.resolve("bucket"), Instant.parse("2025-11-25T06:00:00Z"));
            assertTrue(r.written());
            assertEquals(16_000, r.record().rows());
            assertEquals(3, server.requestsOfPage(7));
            assertEquals(1, server.requestsOfPage(6));
        }
    }

    @Test
    void aConnectionCutMidPageAndAnAnswerTooLateAreRetried() throws IOException {
        try (var server = LoopbackFeatureServer.start(16_000, 7, Instant.parse("2025-08-20T00:00:00Z"), Instant.parse("2025-11-24T00:00:00Z"), 2000)) {
            server.resetPage(3, 1);
            server.stallPage(5, 1, 3_000);
            var ingest = new FeedIngest(new LocalStorage(tmp.resolve("bucket")), NASHVILLE, Clock.systemUTC());
            RetryPolicy oneSecond = new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(40), Duration.ofSeconds(1));
            FeedIngest.Result r = ingest.run(new FeedIngest.Settings("nashville", server.layerUrl(), AS_OF, 3, 7, 0, oneSecond,
                    tmp.resolve("work")), FeedIngest.Progress.NONE);
            assertEquals(16_000, r.record().rows());
            assertEquals(2, server.requestsOfPage(3));
            assertEquals(2, server.requestsOfPage(5));
        }
    }

    @Test
    void theProfileNamesTheLayerAndACityWithoutOneIsToldToGiveIt() {
        assertEquals("https://services2.arcgis.com/HdTo6HJqh92wn4D8/arcgis/rest/services/hubNashville_(311)_Service_Requests_1/FeatureServer/0",
                FeedIngest.defaultService(NASHVILLE));
        var e = assertThrows(IllegalArgumentException.class, () -> FeedIngest.defaultService(CityProfile.bundled("chicago-example")));
        assertEquals("the city profile (Chicago) names no featureService: give --service", e.getMessage());
    }

    @Test
    void aPageThatStaysBrokenFailsNamingThePage() throws IOException {
        assertFailsLeavingRawUnchanged(s -> s.failPage(7, 503, Integer.MAX_VALUE), "page 7 at offset 12000: HTTP 503", false);
    }

    @Test
    void aTruncatedPageFails() throws IOException {
        assertFailsLeavingRawUnchanged(s -> s.truncatePage(7), "page 7 at offset 12000: malformed JSON", false);
    }

    @Test
    void anErrorBodyFailsAtOnce() throws IOException {
        assertFailsLeavingRawUnchanged(s -> s.errorBodyOnPage(7),
                "page 7 at offset 12000: the service answered with error 500 Error performing query operation", false);
    }

    @Test
    void aCountMismatchFails() throws IOException {
        // 16,000 rows fill page 8 exactly, so page 9 (empty) is the last one asked for.
        assertFailsLeavingRawUnchanged(s -> s.countOffBy(1),
                "page 9 at offset 16000 (the last): count mismatch: the pages gave 16000 rows but returnCountOnly counts 16001", false);
    }

    @Test
    void aServiceThatIsNotThereIsANetworkFailure() throws IOException {
        var ingest = new FeedIngest(new LocalStorage(tmp.resolve("bucket")), NASHVILLE, Clock.systemUTC());
        PullFailedException e;
        try (RefusingPort nobody = new RefusingPort()) {
            e = assertThrows(PullFailedException.class, () -> ingest.run(new FeedIngest.Settings("nashville",
                    nobody.url(LoopbackFeatureServer.SERVICE_PATH), AS_OF, 3, 7, 0, QUICK, tmp.resolve("work")), FeedIngest.Progress.NONE));
        }
        assertTrue(e.network());
        assertTrue(e.getMessage().startsWith("layer description (?f=json): cannot connect"), e.getMessage());
        assertFalse(Files.exists(tmp.resolve("bucket")));
    }

    interface Breakage {
        void apply(LoopbackFeatureServer s);
    }

    private void assertFailsLeavingRawUnchanged(Breakage breakage, String message, boolean network) throws IOException {
        Path root = tmp.resolve("bucket");
        Files.createDirectories(root.resolve("raw/311"));
        Files.writeString(root.resolve("raw/311/earlier-upload.csv"), "Request #,Date /Time Opened\n1,2025-11-01 10:00:00\n");
        List<StoredObject> before = new LocalStorage(root).list("");
        try (var server = LoopbackFeatureServer.start(16_000, 7, Instant.parse("2025-08-20T00:00:00Z"), Instant.parse("2025-11-24T00:00:00Z"), 2000)) {
            breakage.apply(server);
            PullFailedException e = assertThrows(PullFailedException.class, () -> pull(server, root, Instant.parse("2025-11-25T06:00:00Z")));
            assertTrue(e.getMessage().startsWith(message), e.getMessage());
            assertFalse(e.getMessage().contains("\n"));
            assertEquals(network, e.network());
        }
        assertEquals(before, new LocalStorage(root).list(""));
        assertEmpty(tmp.resolve("work"));
    }

    private static void assertEmpty(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(), s.toList());
        }
    }

    private static List<String> keys(Path root) throws IOException {
        return new LocalStorage(root).list("").stream().map(StoredObject::key).toList();
    }
}
