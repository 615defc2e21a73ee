package org.gpkg311.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

class TriggerParserTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static String objectCreated(String bucket, String key) {
        return "{\"detail-type\":\"Object Created\",\"source\":\"aws.s3\",\"detail\":{\"bucket\":{\"name\":\"" + bucket
                + "\"},\"object\":{\"key\":\"" + key + "\"}}}";
    }

    private static String sqs(String... bodies) throws IOException {
        var root = JSON.createObjectNode();
        var records = root.putArray("Records");
        for (int i = 0; i < bodies.length; i++) {
            records.addObject().put("messageId", "m" + i).put("eventSource", "aws:sqs").put("body", bodies[i]);
        }
        return JSON.writeValueAsString(root);
    }

    private static Trigger parse(TriggerParser p, String json) throws IOException {
        return p.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    private final TriggerParser atBucketRoot = new TriggerParser("s3://data", List.of("raw/", "reference/"));

    @Test
    void onlyRawAndReferenceOfOurBucketAskForARun() throws IOException {
        var batch = (Trigger.SqsBatch) parse(atBucketRoot, sqs(
                objectCreated("data", "raw/311/a.csv"),
                objectCreated("data", "reference/council-districts.geojson"),
                objectCreated("data", "runs/r1/snapshot.bin"),
                objectCreated("data", "gpkg-public/a/a.gpkg"),
                objectCreated("other", "raw/311/a.csv"),
                objectCreated("data", "rawish/x.csv")));
        assertEquals(List.of(Trigger.Kind.NEW_DATA, Trigger.Kind.NEW_DATA, Trigger.Kind.IGNORED, Trigger.Kind.IGNORED,
                Trigger.Kind.IGNORED, Trigger.Kind.IGNORED), batch.messages().stream().map(Trigger.Message::kind).toList());
        assertEquals("raw/311/a.csv", batch.messages().get(0).detail());
        assertTrue(batch.wantsRun());
    }

    @Test
    void aLocationPrefixIsPartOfTheFilter() throws IOException {
        TriggerParser p = new TriggerParser("s3://data/nashville", List.of("raw/", "reference/"));
        var batch = (Trigger.SqsBatch) parse(p, sqs(objectCreated("data", "nashville/raw/311/a.csv"),
                objectCreated("data", "raw/311/a.csv"), objectCreated("data", "nashville/gpkg-public/x/x.gpkg")));
        assertEquals(List.of(Trigger.Kind.NEW_DATA, Trigger.Kind.IGNORED, Trigger.Kind.IGNORED),
                batch.messages().stream().map(Trigger.Message::kind).toList());
        assertEquals("raw/311/a.csv", batch.messages().get(0).detail(), "the storage key, relative to the location");
    }

    @Test
    void unreadableMessagesAreMalformedNotIgnored() throws IOException {
        var batch = (Trigger.SqsBatch) parse(atBucketRoot, sqs("{not json", "{\"source\":\"aws.ec2\"}",
                "{\"detail-type\":\"Object Created\",\"source\":\"aws.s3\",\"detail\":{}}", "[1,2]"));
        assertTrue(batch.messages().stream().allMatch(m -> m.kind() == Trigger.Kind.MALFORMED), batch.toString());
        assertTrue(!batch.wantsRun());
    }

    @Test
    void directRequestsAndTheSchedule() throws IOException {
        assertEquals(new Trigger.Direct(null, List.of(), null), parse(atBucketRoot, "{}"));
        assertEquals(new Trigger.Direct(Instant.parse("2025-11-24T23:59:59Z"), List.of("trendDirection"), "manual-1"),
                parse(atBucketRoot, "{\"asOf\":\"2025-11-24T23:59:59Z\",\"only\":[\"trendDirection\"],\"runId\":\"manual-1\"}"));
        assertInstanceOf(Trigger.Scheduled.class, parse(atBucketRoot, "{\"detail-type\":\"Scheduled Event\",\"source\":\"aws.scheduler\"}"));
        // An Object Created event sent straight to the function (a rule targeting it) is filtered the same way.
        assertInstanceOf(Trigger.Direct.class, parse(atBucketRoot, objectCreated("data", "raw/x.csv")));
        var own = (Trigger.SqsBatch) parse(atBucketRoot, objectCreated("data", "gpkg-public/x/x.gpkg"));
        assertEquals(Trigger.Kind.IGNORED, own.messages().get(0).kind());
    }

    @Test
    void badDirectRequestsAreRejectedWithTheReason() {
        assertThrows(IllegalArgumentException.class, () -> parse(atBucketRoot, "{\"asof\":\"2025-11-24\"}"));
        assertThrows(IllegalArgumentException.class, () -> parse(atBucketRoot, "{\"asOf\":\"2025-11-24\"}"));
        assertThrows(IllegalArgumentException.class, () -> parse(atBucketRoot, "{\"only\":\"trendDirection\"}"));
        assertThrows(IllegalArgumentException.class, () -> parse(atBucketRoot, "{\"runId\":\"a/b\"}"));
        assertThrows(IllegalArgumentException.class, () -> parse(atBucketRoot, "[]"));
    }
}
