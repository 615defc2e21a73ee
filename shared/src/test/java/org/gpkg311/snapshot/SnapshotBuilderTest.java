package org.gpkg311.snapshot;

import static org.gpkg311.testing.Fixtures.HUB_HEADER;
import static org.gpkg311.testing.Fixtures.utf8;
import static org.junit.jupiter.api.Assertions.*;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.gpkg311.model.ServiceRequest;
import org.gpkg311.profile.CityProfile;
import org.gpkg311.read.InputFormatException;
import org.gpkg311.read.RawSource;
import org.gpkg311.testing.Fixtures;
import org.junit.jupiter.api.Test;

class SnapshotBuilderTest {

    private static final Instant CLOCK = Instant.parse("2025-12-01T00:00:00Z");
    private static final Instant AS_OF = Instant.parse("2025-11-24T18:00:00Z");   // 12:00 CST

    /** One Hub CSV row inside district 1 (lon -86.85, lat 36.15, field 1). */
    private static String row(String id, String status, String opened, String closed) {
        return id + "," + status + ",Public Safety,Noise,," + opened + "," + closed
                + ",Phone,100 Broadway,NASHVILLE,1,37203,36.15,-86.85";
    }

    private static RawSource csv(String name, String... rows) {
        return RawSource.of(name, utf8(HUB_HEADER + "\n" + String.join("\n", rows) + "\n"));
    }

    private static Snapshot build(Instant asOf, RawSource... sources) throws Exception {
        return SnapshotBuilder.build(List.of(sources), Fixtures.twoSquares(), CityProfile.nashville(), asOf, CLOCK, "run-1");
    }

    private static ServiceRequest byId(Snapshot s, String id) {
        return s.requests().stream().filter(r -> r.requestId().equals(id)).findFirst().orElse(null);
    }

    @Test
    void windowEdgesFor24November2025InChicago() throws Exception {
        Snapshot s = build(AS_OF, csv("a.csv",
                row("1", "Closed", "2025-08-25T05:00:00Z", "2025-08-25T06:00:00Z"), // D_start 00:00 CDT: in
                row("2", "Closed", "2025-08-25T04:59:59Z", "2025-08-25T06:00:00Z"), // one second before: out
                row("3", "New", "2025-11-24T18:00:00Z", ""),                        // exactly asOf: in
                row("4", "New", "2025-11-24T18:00:01Z", "")));                      // after the explicit asOf: out
        Window w = s.window();
        assertEquals(LocalDate.of(2025, 8, 25), w.startDate());
        assertEquals(LocalDate.of(2025, 11, 24), w.endDate());
        assertEquals(92, w.dayCount());
        assertEquals(Instant.parse("2025-08-25T05:00:00Z"), w.start());
        assertEquals(AS_OF, w.asOf());
        assertEquals(List.of("1", "3"), s.requests().stream().map(ServiceRequest::requestId).toList());
        QualityReport q = s.quality();
        assertEquals(4, q.rowsRead());
        assertEquals(2, q.rowsAccepted());
        assertEquals(2, q.rowsOutsideWindow());
        assertEquals(0, q.rowsRejected());
        assertEquals(List.of("a.csv"), q.sources());
    }

    @Test
    void defaultAsOfIsTheLatestOpenTime() throws Exception {
        Snapshot s = build(null, csv("a.csv",
                row("1", "Closed", "2025-10-01T10:00:00Z", "2025-10-02T10:00:00Z"),
                row("2", "New", "2025-11-20T15:30:00Z", ""),
                row("3", "Closed", "2025-11-02T10:00:00Z", "2025-11-25T10:00:00Z")));
        assertEquals(Instant.parse("2025-11-20T15:30:00Z"), s.window().asOf());
        // closed after asOf → open at asOf, close time dropped, closed status text replaced
        ServiceRequest r3 = byId(s, "3");
        assertTrue(r3.open());
        assertNull(r3.closedAt());
        assertEquals("Open", r3.status());
        assertNull(r3.responseHours());
        ServiceRequest r1 = byId(s, "1");
        assertFalse(r1.open());
        assertEquals(24.0, r1.responseHours());
    }

    @Test
    void statusAtAsOf() throws Exception {
        Snapshot s = build(AS_OF, csv("a.csv",
                row("1", "Closed", "2025-11-01T10:00:00Z", ""),                     // closed text, no time: closed
                row("2", "Assigned", "2025-11-01T10:00:00Z", "2025-11-02T10:00:00Z"), // close time ≤ asOf: closed
                row("3", "In Progress", "2025-11-01T10:00:00Z", ""),                // open
                row("4", "", "2025-11-01T10:00:00Z", "")));                         // no status, no close: open
        assertFalse(byId(s, "1").open());
        assertNull(byId(s, "1").responseHours());
        assertFalse(byId(s, "2").open());
        assertEquals("Assigned", byId(s, "2").status());
        assertTrue(byId(s, "3").open());
        assertEquals("In Progress", byId(s, "3").status());
        assertTrue(byId(s, "4").open());
        assertEquals("Open", byId(s, "4").status());
    }

    @Test
    void aCloseTimeExactlyAtAsOfIsClosedOneSecondLaterIsOpen() throws Exception {
        Snapshot s = build(AS_OF, csv("a.csv",
                row("1", "Closed", "2025-11-24T12:00:00Z", "2025-11-24T18:00:00Z"),   // closedAt = asOf: ≤ asOf
                row("2", "Closed", "2025-11-24T12:00:00Z", "2025-11-24T18:00:01Z"))); // after asOf: open
        assertFalse(byId(s, "1").open());
        assertEquals(Instant.parse("2025-11-24T18:00:00Z"), byId(s, "1").closedAt());
        assertEquals(6.0, byId(s, "1").responseHours());   // 12:00Z → 18:00Z = 6 h
        assertTrue(byId(s, "2").open());
        assertNull(byId(s, "2").closedAt());
        assertNull(byId(s, "2").responseHours());
    }

    @Test
    void duplicateKeepsTheLatestVersion() throws Exception {
        RawSource older = csv("2025-11-01.csv",
                row("7", "New", "2025-10-01T10:00:00Z", ""),
                row("8", "Closed", "2025-10-01T10:00:00Z", "2025-10-03T10:00:00Z"),
                row("9", "New", "2025-10-05T10:00:00Z", ""));
        RawSource newer = csv("2025-11-20.csv",
                row("7", "Closed", "2025-10-01T10:00:00Z", "2025-10-04T10:00:00Z").replace("Noise", "newer"),
                row("8", "Closed", "2025-10-01T10:00:00Z", "2025-10-02T10:00:00Z").replace("Noise", "newer"),
                row("9", "New", "2025-10-05T10:00:00Z", "").replace("Noise", "newer"),
                row("9", "New", "2025-10-05T10:00:00Z", "").replace("Noise", "newest"));
        Snapshot s = build(AS_OF, older, newer);
        assertEquals(3, s.requests().size());
        assertEquals(4, s.quality().rejectedByReason().get("duplicate request id (an older version; the latest is kept)"));
        // 7: the newer file closed it
        assertEquals(Instant.parse("2025-10-04T10:00:00Z"), byId(s, "7").closedAt());
        assertEquals("newer", byId(s, "7").subrequestType());
        // 8: the older file holds the later close time, so its version wins
        assertEquals(Instant.parse("2025-10-03T10:00:00Z"), byId(s, "8").closedAt());
        assertEquals("Noise", byId(s, "8").subrequestType());
        // 9: same version time everywhere: the later source, then the later line wins
        assertEquals("newest", byId(s, "9").subrequestType());
        assertEquals(7, s.quality().rowsRead());
    }

    @Test
    void requestsAreSortedByOpenTimeThenId() throws Exception {
        Snapshot s = build(AS_OF, csv("a.csv",
                row("b", "New", "2025-11-02T10:00:00Z", ""),
                row("c", "New", "2025-11-01T10:00:00Z", ""),
                row("a", "New", "2025-11-02T10:00:00Z", "")));
        assertEquals(List.of("c", "a", "b"), s.requests().stream().map(ServiceRequest::requestId).toList());
    }

    @Test
    void everyRowIsAccountedForAndNotesCountOnlyAcceptedRows() throws Exception {
        String outsideKept = row("1", "New", "2025-11-01T10:00:00Z", "").replace("36.15,-86.85", "36.3,-86.85");
        String outsideKeptButOld = row("2", "New", "2025-01-01T10:00:00Z", "").replace("36.15,-86.85", "36.3,-86.85");
        String noPoint = row("3", "New", "2025-11-01T10:00:00Z", "").replace("36.15,-86.85", ",");
        String disagree = row("4", "New", "2025-11-01T10:00:00Z", "").replace("NASHVILLE,1,", "NASHVILLE,2,");
        String badTime = row("5", "New", "not a date", "");
        String noId = row("", "New", "2025-11-01T10:00:00Z", "");
        Snapshot s = build(AS_OF, csv("a.csv", outsideKept, outsideKeptButOld, noPoint, disagree, badTime, noId));
        QualityReport q = s.quality();
        assertEquals(6, q.rowsRead());
        assertEquals(3, q.rowsAccepted());
        assertEquals(1, q.rowsOutsideWindow());
        assertEquals(2, q.rowsRejected());
        assertEquals(q.rowsRead(), q.rowsAccepted() + q.rowsRejected() + q.rowsOutsideWindow());
        assertEquals(1L, q.notes().get("point outside districts, kept by district field"));
        assertEquals(1L, q.notes().get("point and district field disagree (the point decides)"));
        assertEquals(1L, q.notes().get("no coordinates, kept by district field (district statistics only, not in the point layer)"));
        ServiceRequest kept = byId(s, "1");
        assertFalse(kept.located());
        assertEquals(1, kept.districtId());
        assertFalse(byId(s, "3").located());
        assertTrue(byId(s, "4").located());
        assertEquals(1, byId(s, "4").districtId());
        assertArrayEquals(new int[] {0, 0, 0}, s.requestDistrictIndexes());
    }

    @Test
    void snapshotHoldsDistrictsSortedById() throws Exception {
        var reversed = new java.util.ArrayList<>(Fixtures.twoSquares());
        java.util.Collections.reverse(reversed);
        Snapshot s = SnapshotBuilder.build(List.of(csv("a.csv", row("1", "New", "2025-11-01T10:00:00Z", ""))),
                reversed, CityProfile.nashville(), AS_OF, CLOCK, "r");
        assertEquals(List.of(1, 2), s.districts().stream().map(d -> d.id()).toList());
        assertEquals("Nashville", s.cityName());
        assertEquals("r", s.runId());
        assertEquals(1, s.requests().size());
    }

    @Test
    void aBrokenSourceStopsTheBuildWithOneLine() {
        RawSource good = csv("good.csv", row("1", "New", "2025-11-01T10:00:00Z", ""));
        RawSource bad = RawSource.of("raw/311/broken.json", utf8("{\"features\":[{\"attributes\":{\"Request__\":\"1\","));
        InputFormatException e = assertThrows(InputFormatException.class, () -> build(AS_OF, good, bad));
        assertTrue(e.getMessage().startsWith("raw/311/broken.json: line 1, field "), e.getMessage());
    }
}
