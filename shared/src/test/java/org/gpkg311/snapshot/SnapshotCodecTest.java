package org.gpkg311.snapshot;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gpkg311.model.District;
import org.gpkg311.model.ServiceRequest;
import org.gpkg311.testing.Fixtures;
import org.junit.jupiter.api.Test;

public class SnapshotCodecTest {

    private static Snapshot sample() {
        List<District> ds = new ArrayList<>(Fixtures.twoSquares());
        ds.add(new District(3, "Council District 3", null, Fixtures.square(3, -86.7, 36.1, -86.6, 36.2).geometry(),
                12.5, -86.65, 36.15));
        Instant t = Instant.parse("2025-09-01T10:00:00Z");
        List<ServiceRequest> rs = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            Instant opened = t.plusSeconds(i * 3_701L).plusMillis(i % 3 == 0 ? 250 : 0);
            boolean open = i % 7 == 0;
            Instant closed = open ? null : opened.plusSeconds(i * 61L);
            boolean located = i % 11 != 0;
            rs.add(new ServiceRequest(Integer.toString(2_000_000 + i), i % 2 == 0 ? "Public Safety" : "Trash, Recycling & Litter",
                    i % 3 == 0 ? null : "Sub " + (i % 5), null, open ? "New" : "Closed", open, opened, closed,
                    "Phone", i % 4 == 0 ? null : i + " Main St 36°02'30.5\"", "NASHVILLE", "37203",
                    located ? 36.1 + i * 1e-4 : Double.NaN, located ? -86.85 : Double.NaN, 1 + i % 3, located));
        }
        Map<String, Long> rejected = new LinkedHashMap<>();
        rejected.put("missing request id", 3L);
        rejected.put("duplicate request id", 0L);
        Map<String, Long> notes = new LinkedHashMap<>();
        notes.put("point outside districts, kept by district field", 2L);
        QualityReport q = new QualityReport(List.of("raw/311/a.csv", "raw/311/b.csv.gz"), 520, 500, 17, rejected, notes);
        Window w = Window.endingAt(Instant.parse("2025-11-24T18:00:00.123456789Z"), ZoneId.of("America/Chicago"));
        return new Snapshot("2025-11-24T18-00-00Z", "Nashville", w, ds, rs, q);
    }

    @Test
    void roundTripGivesAnEqualSnapshot() throws IOException {
        Snapshot s = sample();
        byte[] bytes = bytesOf(s);
        Snapshot back = SnapshotCodec.read(new ByteArrayInputStream(bytes));
        assertEquals(s.window(), back.window());
        assertEquals(s.quality(), back.quality());
        assertEquals(s.districts(), back.districts());
        assertEquals(4326, back.districts().get(0).geometry().getSRID());
        assertEquals(s.requests(), back.requests());
        assertEquals(s, back);
        // the same snapshot always serialises to the same bytes
        assertArrayEquals(bytes, bytesOf(back));
    }

    @Test
    void emptySnapshotRoundTrips() throws IOException {
        Snapshot s = new Snapshot("r", "X", Window.endingAt(Instant.parse("2025-01-01T00:00:00Z"), ZoneId.of("UTC")),
                List.of(), List.of(), new QualityReport(List.of(), 0, 0, 0, Map.of(), Map.of()));
        assertEquals(s, SnapshotCodec.read(new ByteArrayInputStream(bytesOf(s))));
    }

    @Test
    void anotherFormatVersionIsRefused() {
        byte[] bytes = bytesOf(sample());
        ByteBuffer.wrap(bytes).putInt(8, Snapshot.FORMAT_VERSION + 1);
        var e = assertThrows(SnapshotFormatException.class, () -> SnapshotCodec.read(new ByteArrayInputStream(bytes)));
        assertTrue(e.getMessage().contains("format version " + (Snapshot.FORMAT_VERSION + 1)), e.getMessage());
    }

    @Test
    void aVersionOneSnapshotIsRefusedWithAClearMessage() {
        byte[] bytes = bytesOf(sample());
        ByteBuffer.wrap(bytes).putInt(8, 1);
        var e = assertThrows(SnapshotFormatException.class, () -> SnapshotCodec.read(new ByteArrayInputStream(bytes)));
        assertEquals("snapshot format version 1 cannot be read by this build (it reads version 2); prepare the snapshot"
                + " again with this build", e.getMessage());
    }

    @Test
    void subMillisecondTimesRoundTrip() throws IOException {
        Snapshot s = sample();
        List<ServiceRequest> rs = new ArrayList<>(s.requests());
        ServiceRequest r = rs.get(3);
        rs.set(3, new ServiceRequest(r.requestId(), r.requestType(), r.subrequestType(), r.additionalSubrequestType(),
                r.status(), false, r.openedAt().plusNanos(123_456), r.openedAt().plusSeconds(60).plusNanos(7), r.origin(),
                r.address(), r.city(), r.zipCode(), r.latitude(), r.longitude(), r.districtId(), r.located()));
        Snapshot withNanos = new Snapshot(s.runId(), s.cityName(), s.window(), s.districts(), rs, s.quality());
        Snapshot back = SnapshotCodec.read(new ByteArrayInputStream(bytesOf(withNanos)));
        assertEquals(rs, back.requests());
        assertEquals(r.openedAt().plusNanos(123_456), back.requests().get(3).openedAt());
    }

    @Test
    void wrongMagicIsRefused() {
        byte[] bytes = bytesOf(sample());
        bytes[0] = 'X';
        var e = assertThrows(SnapshotFormatException.class, () -> SnapshotCodec.read(new ByteArrayInputStream(bytes)));
        assertTrue(e.getMessage().contains("not a gpkg311 snapshot"), e.getMessage());
    }

    @Test
    void corruptOrTruncatedStreamsAreRefused() {
        byte[] good = bytesOf(sample());
        byte[] flipped = good.clone();
        for (int k = good.length / 3; k < good.length / 3 + 8; k++) flipped[k] ^= 0x5A;
        assertThrows(SnapshotFormatException.class, () -> SnapshotCodec.read(new ByteArrayInputStream(flipped)));
        byte[] truncated = java.util.Arrays.copyOf(good, good.length - 20);
        var e = assertThrows(SnapshotFormatException.class, () -> SnapshotCodec.read(new ByteArrayInputStream(truncated)));
        assertTrue(e.getMessage().contains("truncated or corrupt"), e.getMessage());
        assertThrows(SnapshotFormatException.class, () -> SnapshotCodec.read(new ByteArrayInputStream(new byte[5])));
    }

    /** The codec's bytes of {@code s} (also used by the ingest benchmark). */
    public static byte[] bytesOf(Snapshot s) {
        var bytes = new java.io.ByteArrayOutputStream();
        try {
            SnapshotCodec.write(s, bytes);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
