package org.gpkg311.snapshot;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.gpkg311.clean.ParsedRequest;
import org.gpkg311.model.ServiceRequest;
import org.junit.jupiter.api.Test;

class RequestColumnsTest {

    private static ServiceRequest request(int i, Instant opened, Instant closed, String type, String address) {
        return new ServiceRequest("id-" + i, type, i % 2 == 0 ? null : "Sub", null, closed == null ? "Open" : "Closed",
                closed == null, opened, closed, "Phone", address, "NASHVILLE", i % 3 == 0 ? null : "3720" + i % 10,
                i % 5 == 0 ? Double.NaN : 36.1 + i * 1e-6, i % 5 == 0 ? Double.NaN : -86.8, 1 + i % 4, i % 5 != 0);
    }

    @Test
    void everyFieldComesBackExactlyIncludingSubMillisecondTimesAndNulls() {
        Instant t = Instant.parse("2025-09-01T10:00:00Z");
        List<ServiceRequest> rows = List.of(
                request(0, t, null, "Trash", "1 Main St"),
                request(1, t.plusNanos(1), t.plusSeconds(3600).plusNanos(999_999), "Trash", null),
                request(2, Instant.parse("1969-12-31T23:59:59.999999999Z"), Instant.parse("1970-01-01T00:00:00.000000001Z"),
                        null, "1 Main St"),
                request(3, t.plusMillis(7), t.plusMillis(7), "Ünïcödé 💡", "2 Elm St"));
        RequestColumns c = RequestColumns.of(rows);
        assertEquals(rows, c.asList());
        assertEquals(rows.get(1), c.get(1));
        assertEquals(Instant.parse("1969-12-31T23:59:59.999999999Z"), c.openedAt(2));
        assertEquals(-1, c.openedAtMillis(2));   // floor, as Instant.toEpochMilli
        assertEquals(RequestColumns.NO_TIME, c.closedAtMillis(0));
        assertNull(c.closedAt(0));
        assertEquals("Ünïcödé 💡", c.requestTypes().get(3));
    }

    @Test
    void dictionariesStayCorrectPastOneAndTwoByteCodes() {
        Instant t = Instant.parse("2025-09-01T10:00:00Z");
        for (int distinct : new int[] {255, 256, 70_000}) {
            List<ServiceRequest> rows = new ArrayList<>();
            for (int i = 0; i < distinct + 10; i++) rows.add(request(i, t, null, "type " + (i % distinct), "addr " + i));
            RequestColumns c = RequestColumns.of(rows);
            assertEquals(distinct + 1, c.requestTypes().codeCount(), "null's code 0 and one code per value");
            for (int i = 0; i < rows.size(); i++) assertEquals("type " + (i % distinct), c.requestTypes().get(i));
            assertEquals(rows, c.asList());
        }
    }

    @Test
    void equalRowsGiveEqualColumnsWhateverTheirHistory() {
        Instant t = Instant.parse("2025-09-01T10:00:00Z");
        ServiceRequest a = request(1, t, null, "A", "x"), b = request(2, t, null, "B", "y");
        RequestColumns.Builder overwritten = new RequestColumns.Builder(2);
        overwritten.add(request(9, t, null, "Z", "z"));
        overwritten.add(b);
        overwritten.set(0, a);
        // The overwritten builder's dictionary still holds "Z": equal rows are equal only after a rebuild in order.
        RequestColumns rebuilt = RequestColumns.of(overwritten.build().asList());
        assertEquals(RequestColumns.of(List.of(a, b)), rebuilt);
        assertNotEquals(RequestColumns.of(List.of(b, a)), rebuilt);
    }

    /** The latest version of each id, against a HashMap of the records and ParsedRequest.isNewerThan. */
    @Test
    void latestVersionsKeepsWhatAMapOfRecordsKeeps() {
        Instant t = Instant.parse("2025-09-01T10:00:00Z");
        java.util.Random random = new java.util.Random(311);
        LatestVersions latest = new LatestVersions();
        Map<String, ParsedRequest> oracle = new HashMap<>();
        List<String> order = new ArrayList<>();
        int duplicates = 0, oracleDuplicates = 0;
        for (int line = 0; line < 30_000; line++) {
            String id = Integer.toString(random.nextInt(12_000));
            Instant opened = t.plusSeconds(random.nextInt(1000));
            Instant closed = random.nextBoolean() ? null : opened.plusMillis(random.nextInt(5000)).plusNanos(random.nextInt(3));
            ParsedRequest p = new ParsedRequest(random.nextInt(3), line, id, "T" + random.nextInt(4), null, null,
                    "S", opened, closed, null, "a" + line, null, null, 36, -86, 1 + random.nextInt(3), true, line % 4);
            if (!latest.offer(p)) duplicates++;
            ParsedRequest previous = oracle.putIfAbsent(id, p);
            if (previous == null) order.add(id);
            else {
                oracleDuplicates++;
                if (p.isNewerThan(previous)) oracle.put(id, p);
            }
        }
        assertEquals(oracleDuplicates, duplicates);
        assertEquals(order.size(), latest.size());
        for (int r = 0; r < latest.size(); r++) {
            ParsedRequest want = oracle.get(order.get(r));
            ServiceRequest got = latest.get(r);
            assertEquals(want.requestId(), got.requestId());
            assertEquals(want.openedAt(), got.openedAt());
            assertEquals(want.closedAt(), got.closedAt());
            assertEquals(want.address(), got.address());
            assertEquals(want.districtId(), got.districtId());
            assertEquals(want.notes(), latest.notes(r));
        }
    }
}
