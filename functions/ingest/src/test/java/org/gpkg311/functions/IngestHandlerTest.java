package org.gpkg311.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import org.gpkg311.ingest.LoopbackFeatureServer;
import org.gpkg311.ingest.PullFailedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The handler in-process on a local folder location: configuration from the environment, the answer, a failure that throws. */
class IngestHandlerTest {

    @TempDir
    Path dir;

    private Map<String, String> env(String service) {
        return Map.of("GPKG311_LOCATION", dir.resolve("bucket").toString(), "GPKG311_WORK_DIR", dir.resolve("tmp").toString(),
                "GPKG311_SERVICE_URL", service, "GPKG311_INGEST_BACKOFF_MS", "5", "GPKG311_INGEST_ATTEMPTS", "2");
    }

    private static String invoke(IngestHandler h, String event) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        h.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, null);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aScheduledEventPullsTheWindowBeforeNow() throws Exception {
        try (var server = LoopbackFeatureServer.start(3_000, 5, Instant.parse("2025-09-01T00:00:00Z"), Instant.parse("2025-11-24T00:00:00Z"), 2000)) {
            Clock clock = Clock.fixed(Instant.parse("2025-11-25T11:00:00Z"), ZoneOffset.UTC);
            IngestHandler h = new IngestHandler(IngestHandler.wire(env(server.layerUrl()), clock));
            JsonNode r = new ObjectMapper().readTree(invoke(h,
                    "{\"version\":\"0\",\"detail-type\":\"Scheduled Event\",\"source\":\"aws.scheduler\",\"detail\":{}}"));
            assertTrue(r.get("written").asBoolean());
            // now = 2025-11-25 → from 2025-08-25 − 7 days = 2025-08-18; all 3,000 rows are later
            assertEquals("raw/311/nashville-2025-08-18_2025-11-25-20251125T110000Z.json.gz", r.get("object").asText());
            assertEquals(3_000, r.get("rows").asLong());
            assertEquals(2, r.get("pages").asInt());
            assertTrue(Files.isRegularFile(dir.resolve("bucket").resolve(r.get("object").asText())));

            JsonNode again = new ObjectMapper().readTree(invoke(h, "{\"asOf\":\"2025-11-25T11:00:00Z\"}"));
            assertEquals(false, again.get("written").asBoolean());
        }
    }

    @Test
    void aFailedPullThrowsAndWritesNothing() throws Exception {
        try (var server = LoopbackFeatureServer.start(3_000, 5, Instant.parse("2025-09-01T00:00:00Z"), Instant.parse("2025-11-24T00:00:00Z"), 2000)) {
            server.truncatePage(2);
            IngestHandler h = new IngestHandler(IngestHandler.wire(env(server.layerUrl()), Clock.systemUTC()));
            PullFailedException e = assertThrows(PullFailedException.class, () -> invoke(h, "{\"asOf\":\"2025-11-24T23:59:59Z\"}"));
            assertTrue(e.getMessage().startsWith("page 2 at offset 2000: malformed JSON"), e.getMessage());
            assertTrue(!Files.exists(dir.resolve("bucket/raw")));
        }
    }

    @Test
    void theScheduledTimeIsTheAsOfAndWithoutOneItIsNow() throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2025-11-25T11:00:00Z"), ZoneOffset.UTC);
        var json = new ObjectMapper();
        assertEquals(Instant.parse("2025-11-25T06:00:00Z"),
                IngestHandler.asOf(json.readTree("{\"detail-type\":\"Scheduled Event\",\"time\":\"2025-11-25T06:00:00Z\"}"), clock));
        assertEquals(clock.instant(), IngestHandler.asOf(json.readTree("{\"time\":\"<aws.scheduler.scheduled-time>\"}"), clock));
        assertEquals(clock.instant(), IngestHandler.asOf(json.readTree("{}"), clock));
    }

    @Test
    void aBadAsOfIsRefused() {
        var e = assertThrows(IllegalArgumentException.class, () -> IngestHandler.asOf(new ObjectMapper().readTree("{\"asOf\":\"yesterday\"}"), Clock.systemUTC()));
        assertTrue(e.getMessage().startsWith("asOf is not an ISO-8601 instant"), e.getMessage());
    }
}
