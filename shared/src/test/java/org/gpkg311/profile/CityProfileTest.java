package org.gpkg311.profile;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.gpkg311.clean.ParsedRequest;
import org.gpkg311.clean.RejectionCounter;
import org.gpkg311.clean.RowCleaner;
import org.gpkg311.read.RawRow;
import org.gpkg311.read.RawSource;
import org.gpkg311.read.RequestReader;
import org.junit.jupiter.api.Test;

class CityProfileTest {

    @Test
    void headerVariantsNormaliseToOneName() {
        for (String h : List.of("Date /Time Opened", "Date / Time Opened", "Date_Time_Opened", "date_time_opened",
                " DATE/TIME OPENED ", "\uFEFFDate /Time Opened")) {
            assertEquals("date_time_opened", HeaderNames.normalise(h), h);
        }
        assertEquals("request", HeaderNames.normalise("Request #"));
        assertEquals("request", HeaderNames.normalise("Request__"));
        assertEquals("council_district", HeaderNames.normalise("Council District"));
    }

    @Test
    void nashvilleProfileHoldsTheCitysFacts() {
        CityProfile p = CityProfile.nashville();
        assertEquals("Nashville", p.city());
        assertEquals(ZoneId.of("America/Chicago"), p.zone());
        assertEquals(ZoneId.of("UTC"), p.sourceZone());
        assertTrue(p.districtIds().contains(1));
        assertTrue(p.districtIds().contains(35));
        assertFalse(p.districtIds().contains(0));
        assertFalse(p.districtIds().contains(36));
        assertTrue(p.bbox().contains(-86.7816, 36.1627));   // downtown Nashville
        assertFalse(p.bbox().contains(0, 0));
        assertFalse(p.bbox().contains(-77.4, 37.5));         // Richmond, Virginia
        assertTrue(p.isClosedStatus(" CLOSED "));
        assertFalse(p.isClosedStatus("Assigned"));
        assertEquals("nashville311-gis-analysis-data", p.storage().bucket());
        assertEquals("raw/311/", p.storage().rawPrefix());
        assertEquals("reference/", p.storage().referencePrefix());
        assertEquals("DISTRICT", p.toDistrictFields().idField());
        assertEquals("Representative", p.toDistrictFields().representativeField());
        // aliases are matched after normalisation, first alias wins
        assertEquals(Field.OPENED_AT, p.resolveColumns(Set.of("date_time_opened")).keySet().iterator().next());
    }

    @Test
    void aProfileWithoutAnOpenTimeColumnIsRefused() {
        String json = """
                {"city":"X","timeZone":"UTC","sourceTimeZone":"UTC","columns":{"requestId":["id"]},
                 "districtFields":{"id":"D"},"districtIds":{"min":1,"max":3},
                 "bbox":{"minLon":0,"minLat":0,"maxLon":1,"maxLat":1}}""";
        var e = assertThrows(IllegalArgumentException.class,
                () -> CityProfile.load(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))));
        assertTrue(e.getMessage().contains("openedAt"), e.getMessage());
    }

    @Test
    void aBrokenProfileFileGivesOneLine() {
        String json = "{\"city\": \"X\",\n \"timeZone\": \"UTC\",\n \"columns\": {\"requestId\": [\"id\"],}\n}";
        var e = assertThrows(IllegalArgumentException.class,
                () -> CityProfile.load(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))));
        assertTrue(e.getMessage().startsWith("city profile, line 3: "), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void anUnknownKeyInAProfileIsAnError() {
        String json = """
                {"city":"X","timeZone":"UTC","sourceTimeZone":"UTC","columns":{"requestId":["id"],"openedAt":["o"]},
                 "districtFields":{"id":"D"},"districtIds":{"min":1,"max":3},"timezone":"UTC",
                 "bbox":{"minLon":0,"minLat":0,"maxLon":1,"maxLat":1}}""";
        var e = assertThrows(IllegalArgumentException.class,
                () -> CityProfile.load(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))));
        assertTrue(e.getMessage().contains("timezone"), e.getMessage());
    }

    @Test
    void chicagoIsJustAnotherProfileFile() throws Exception {
        CityProfile chicago = CityProfile.bundled("chicago-example");
        assertEquals("Chicago", chicago.city());
        String csv = """
                SR_NUMBER,SR_TYPE,SR_SHORT_CODE,STATUS,CREATED_DATE,CLOSED_DATE,STREET_ADDRESS,CITY,ZIP_CODE,WARD,LATITUDE,LONGITUDE
                SR24-01234567,Pothole in Street Complaint,PHF,Completed,10/15/2024 02:31:07 PM,10/16/2024 09:00:00 AM,1200 W MADISON ST,Chicago,60607,27,41.8818,-87.6580
                SR24-01234568,Graffiti Removal Request,GRAF,Open,10/16/2024 08:05:00 AM,,50 W WASHINGTON ST,Chicago,60602,42,41.8832,-87.6298
                SR24-01234569,311 INFORMATION ONLY CALL,311IOC,Completed,11/03/2024 01:30:00 AM,11/03/2024 01:30:00 AM,,,,,,
                """;
        List<RawRow> rows = new RequestReader(chicago).readAll(RawSource.of("chicago.csv", csv.getBytes(StandardCharsets.UTF_8)));
        assertEquals(3, rows.size());
        // no ward polygons here: rows are kept by their ward field
        RejectionCounter counter = new RejectionCounter();
        Set<Integer> wards = new java.util.HashSet<>();
        for (int w = 1; w <= 50; w++) wards.add(w);
        RowCleaner cleaner = new RowCleaner(chicago, (lon, lat) -> -1, wards, Instant.parse("2025-01-01T00:00:00Z"), counter);
        List<ParsedRequest> ok = new ArrayList<>();
        for (RawRow r : rows) {
            ParsedRequest p = cleaner.clean(r, 0);
            if (p != null) ok.add(p);
        }
        assertEquals(2, ok.size());
        assertEquals("SR24-01234567", ok.get(0).requestId());
        assertEquals("Pothole in Street Complaint", ok.get(0).requestType());
        // Chicago text is local time: 14:31:07 CDT (UTC-5) = 19:31:07Z
        assertEquals(Instant.parse("2024-10-15T19:31:07Z"), ok.get(0).openedAt());
        assertEquals(27, ok.get(0).districtId());
        assertEquals(42, ok.get(1).districtId());
        assertNull(ok.get(1).closedAt());
        // the information call has neither coordinates nor ward
        assertEquals(1, counter.totalRejected());
    }
}
