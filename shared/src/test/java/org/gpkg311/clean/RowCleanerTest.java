package org.gpkg311.clean;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

import org.gpkg311.profile.CityProfile;
import org.gpkg311.profile.Field;
import org.gpkg311.read.RawRow;
import org.gpkg311.testing.Fixtures;
import org.junit.jupiter.api.Test;

/** Districts: two squares, 1 = lon -86.9..-86.8, 2 = lon -86.8..-86.7, lat 36.1..36.2 (see Fixtures). */
class RowCleanerTest {

    private static final Instant CLOCK = Instant.parse("2025-12-01T00:00:00Z");
    private final RejectionCounter counter = new RejectionCounter();
    private final RowCleaner cleaner = new RowCleaner(CityProfile.nashville(), Fixtures::locateTwoSquares,
            Set.of(1, 2), CLOCK, counter);

    /** A good row (inside district 1, field 1) with the given fields replaced; a null value removes the field. */
    private static RawRow row(Object... fieldValuePairs) {
        Map<Field, Object> v = new EnumMap<>(Field.class);
        v.put(Field.REQUEST_ID, "100");
        v.put(Field.STATUS, "Closed");
        v.put(Field.REQUEST_TYPE, "Public Safety");
        v.put(Field.OPENED_AT, "09/10/2025 11:45:03 AM");
        v.put(Field.CLOSED_AT, "09/10/2025 02:47:33 PM");
        v.put(Field.DISTRICT, "1");
        v.put(Field.LATITUDE, "36.15");
        v.put(Field.LONGITUDE, "-86.85");
        for (int i = 0; i < fieldValuePairs.length; i += 2) {
            if (fieldValuePairs[i + 1] == null) v.remove((Field) fieldValuePairs[i]);
            else v.put((Field) fieldValuePairs[i], fieldValuePairs[i + 1]);
        }
        return new RawRow("test.csv", 2, v);
    }

    private void assertRejected(RejectionReason reason, RawRow r) {
        assertNull(cleaner.clean(r, 0), reason.label());
        assertEquals(1, counter.count(reason), reason.label());
        assertEquals(1, counter.totalRejected());
    }

    @Test
    void goodRowIsParsedInUtcAndLocated() {
        ParsedRequest p = cleaner.clean(row(), 0);
        assertNotNull(p);
        assertEquals("100", p.requestId());
        assertEquals(Instant.parse("2025-09-10T11:45:03Z"), p.openedAt());   // Nashville text exports are UTC
        assertEquals(Instant.parse("2025-09-10T14:47:33Z"), p.closedAt());
        assertEquals(1, p.districtId());
        assertTrue(p.located());
        assertEquals(0, p.notes());
        assertEquals(0, counter.totalRejected());
    }

    @Test
    void missingRequestId() {
        assertRejected(RejectionReason.MISSING_REQUEST_ID, row(Field.REQUEST_ID, "  "));
    }

    @Test
    void missingOpenTime() {
        assertRejected(RejectionReason.MISSING_OPEN_TIME, row(Field.OPENED_AT, null));
    }

    @Test
    void unparseableOpenTime() {
        assertRejected(RejectionReason.UNPARSEABLE_OPEN_TIME, row(Field.OPENED_AT, "yesterday"));
    }

    @Test
    void impossibleDateIsUnparseableNotShifted() {
        assertRejected(RejectionReason.UNPARSEABLE_OPEN_TIME, row(Field.OPENED_AT, "02/30/2025 10:00:00 AM"));
    }

    @Test
    void unparseableCloseTime() {
        assertRejected(RejectionReason.UNPARSEABLE_CLOSE_TIME, row(Field.CLOSED_AT, "13/45/2025 99:00:00 PM"));
    }

    @Test
    void closedBeforeOpened() {
        assertRejected(RejectionReason.CLOSED_BEFORE_OPENED, row(Field.CLOSED_AT, "09/10/2025 11:45:02 AM"));
    }

    @Test
    void closedWhenCreatedIsFine() {
        ParsedRequest p = cleaner.clean(row(Field.CLOSED_AT, "09/10/2025 11:45:03 AM"), 0);
        assertEquals(p.openedAt(), p.closedAt());
    }

    @Test
    void openedInTheFutureOfTheRunClock() {
        assertRejected(RejectionReason.OPENED_IN_FUTURE,
                row(Field.OPENED_AT, "2025-12-01T00:00:01Z", Field.CLOSED_AT, null));
        // exactly at the clock is not in the future
        assertNotNull(cleaner.clean(row(Field.OPENED_AT, "2025-12-01T00:00:00Z", Field.CLOSED_AT, null), 0));
    }

    @Test
    void nonNumericCoordinates() {
        assertRejected(RejectionReason.INVALID_COORDINATES, row(Field.LATITUDE, "36°09'N"));
    }

    @Test
    void onlyOneCoordinate() {
        assertRejected(RejectionReason.INVALID_COORDINATES, row(Field.LONGITUDE, null));
    }

    @Test
    void outOfRangeCoordinates() {
        assertRejected(RejectionReason.INVALID_COORDINATES, row(Field.LATITUDE, "136.15"));
    }

    @Test
    void zeroZeroCoordinates() {
        assertRejected(RejectionReason.INVALID_COORDINATES, row(Field.LATITUDE, "0", Field.LONGITUDE, "0.0"));
    }

    @Test
    void pointFarOutsideTheCityIsKeptByAValidDistrictField() {
        // Richmond, Virginia: a real kind of stray point in the 2020 export. It is a point outside every
        // district, so the spec's join keeps it for district statistics by its field "1", out of the point layer.
        ParsedRequest p = cleaner.clean(row(Field.LATITUDE, "37.54", Field.LONGITUDE, "-77.43"), 0);
        assertNotNull(p);
        assertEquals(1, p.districtId());
        assertFalse(p.located());
        assertTrue(p.hasNote(QualityNote.KEPT_BY_DISTRICT_FIELD));
        assertEquals(0, counter.totalRejected());
    }

    @Test
    void pointFarOutsideTheCityWithoutDistrictFieldIsRejectedAsOutside() {
        assertRejected(RejectionReason.OUTSIDE_DISTRICTS,
                row(Field.LATITUDE, "37.54", Field.LONGITUDE, "-77.43", Field.DISTRICT, null));
    }

    @Test
    void invalidDistrictFieldWithoutPoint() {
        assertRejected(RejectionReason.INVALID_DISTRICT,
                row(Field.LATITUDE, null, Field.LONGITUDE, null, Field.DISTRICT, "36"));
    }

    @Test
    void fractionalDistrictIsInvalid() {
        assertRejected(RejectionReason.INVALID_DISTRICT,
                row(Field.LATITUDE, null, Field.LONGITUDE, null, Field.DISTRICT, "1.5"));
    }

    @Test
    void outsideEveryDistrictWithoutDistrictField() {
        // inside the city box, but in neither square
        assertRejected(RejectionReason.OUTSIDE_DISTRICTS,
                row(Field.LATITUDE, "36.3", Field.LONGITUDE, "-86.85", Field.DISTRICT, null));
    }

    @Test
    void noCoordinatesAndNoDistrict() {
        assertRejected(RejectionReason.NO_LOCATION,
                row(Field.LATITUDE, null, Field.LONGITUDE, null, Field.DISTRICT, null));
    }

    @Test
    void noCoordinatesButValidDistrictCountsForTheDistrictOnly() {
        ParsedRequest p = cleaner.clean(row(Field.LATITUDE, null, Field.LONGITUDE, null, Field.DISTRICT, "2.0"), 0);
        assertNotNull(p);
        assertEquals(2, p.districtId());
        assertFalse(p.located());
        assertTrue(Double.isNaN(p.latitude()));
        assertTrue(p.hasNote(QualityNote.NO_COORDINATES));
    }

    @Test
    void pointOutsideDistrictsIsKeptByDistrictField() {
        ParsedRequest p = cleaner.clean(row(Field.LATITUDE, "36.3", Field.LONGITUDE, "-86.85", Field.DISTRICT, 2.0), 0);
        assertNotNull(p);
        assertEquals(2, p.districtId());
        assertFalse(p.located());
        assertEquals(36.3, p.latitude());
        assertTrue(p.hasNote(QualityNote.KEPT_BY_DISTRICT_FIELD));
        assertEquals("point outside districts, kept by district field", QualityNote.KEPT_BY_DISTRICT_FIELD.label());
    }

    @Test
    void pointDecidesWhenTheFieldDisagrees() {
        ParsedRequest p = cleaner.clean(row(Field.DISTRICT, "19.0"), 0);   // 19 is a Nashville id but not loaded
        assertEquals(1, p.districtId());
        assertTrue(p.hasNote(QualityNote.INVALID_DISTRICT_FIELD_IGNORED));
        ParsedRequest q = cleaner.clean(row(Field.DISTRICT, "2.0"), 0);
        assertEquals(1, q.districtId());
        assertTrue(q.hasNote(QualityNote.POINT_FIELD_DISAGREE));
    }

    @Test
    void pointOnTheSharedEdgeGoesToTheLowerId() {
        ParsedRequest p = cleaner.clean(row(Field.LONGITUDE, "-86.8", Field.DISTRICT, null), 0);
        assertEquals(1, p.districtId());
    }

    @Test
    void districtNumbersWithDecimals() {
        assertEquals(19, new RowCleaner(CityProfile.nashville(), (x, y) -> -1, Set.of(19), CLOCK, counter)
                .districtNumber("19.0"));
        assertEquals(19, new RowCleaner(CityProfile.nashville(), (x, y) -> -1, Set.of(19), CLOCK, counter)
                .districtNumber(19.0));
    }

    @Test
    void epochMillisAsNumberAndText() {
        // 1757504703000 ms = 2025-09-10T11:45:03Z (the real ArcGIS sample row)
        Instant expected = Instant.parse("2025-09-10T11:45:03Z");
        assertEquals(expected, cleaner.clean(row(Field.OPENED_AT, 1757504703000L, Field.CLOSED_AT, null), 0).openedAt());
        assertEquals(expected, cleaner.clean(row(Field.OPENED_AT, "1757504703000", Field.CLOSED_AT, null), 0).openedAt());
        assertEquals(expected, cleaner.clean(row(Field.OPENED_AT, 1.757504703E12, Field.CLOSED_AT, null), 0).openedAt());
    }

    @Test
    void textTimestampVariants() {
        TimestampParser t = new TimestampParser(CityProfile.nashville());
        Instant x = Instant.parse("2020-04-15T11:33:26Z");
        assertEquals(x, t.parse("04/15/2020 11:33:26 AM"));
        assertEquals(x, t.parse("4/15/2020 11:33:26 am"));
        assertEquals(x, t.parse("2020-04-15 11:33:26"));
        assertEquals(x, t.parse("2020-04-15T11:33:26"));
        assertEquals(x, t.parse("2020-04-15T11:33:26.000"));
        assertEquals(x, t.parse("2020-04-15T11:33:26Z"));
        assertEquals(x, t.parse("2020-04-15T06:33:26-05:00"));
        assertEquals(Instant.parse("2020-04-15T11:33:26.250Z"), t.parse("2020-04-15T11:33:26.25Z"));
        assertEquals(Instant.parse("2020-04-15T23:33:26Z"), t.parse("04/15/2020 11:33:26 PM"));
        assertNull(t.parse("04/15/2020 25:33:26"));
    }

    @Test
    void daylightSavingTimeInALocalTimeSourceZone() {
        TimestampParser chicago = new TimestampParser(CityProfile.bundled("chicago-example"));
        // fall back 2025-11-02: 01:30 happens twice; java.time takes the earlier offset (CDT, UTC-5)
        assertEquals(Instant.parse("2025-11-02T06:30:00Z"), chicago.parse("11/02/2025 01:30:00 AM"));
        assertEquals(Instant.parse("2025-11-02T08:30:00Z"), chicago.parse("11/02/2025 02:30:00 AM"));   // CST
        // spring forward 2025-03-09: 02:30 does not exist and moves on by the gap to 03:30 CDT
        assertEquals(Instant.parse("2025-03-09T08:30:00Z"), chicago.parse("03/09/2025 02:30:00 AM"));
    }

    @Test
    void labelsAreHumanReadableAndReportedInStableOrder() {
        cleaner.clean(row(Field.REQUEST_ID, null), 0);
        var labels = counter.rejectedByLabel();
        assertEquals(RejectionReason.values().length, labels.size());
        var order = labels.keySet().iterator();
        assertEquals("malformed record (a quoted field runs into the next records)", order.next());  // checked first
        assertEquals("missing request id", order.next());
        assertEquals(1L, labels.get("missing request id"));
    }

    @Test
    void aMalformedRecordIsCountedUnderItsOwnReason() {
        assertNull(cleaner.clean(org.gpkg311.read.RawRow.malformed("a.csv", 7), 0));
        assertEquals(1L, counter.count(RejectionReason.MALFORMED_RECORD));
        assertEquals(1L, counter.totalRejected());
    }
}
