package org.gpkg311.read;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.gpkg311.profile.CityProfile;
import org.gpkg311.profile.Field;
import org.junit.jupiter.api.Test;

/** The fixtures under src/test/resources/earlier/ and how they were made: see make_fixtures.py beside them. */
class ParquetRequestReaderTest {

    private final RequestReader reader = new RequestReader(CityProfile.nashville());

    static byte[] fixture(String file) throws IOException {
        try (InputStream in = ParquetRequestReaderTest.class.getResourceAsStream("/earlier/" + file)) {
            assertNotNull(in, file);
            return in.readAllBytes();
        }
    }

    private List<RawRow> read(String file) throws IOException {
        return reader.readAll(RawSource.of("processed-data/" + file, fixture(file)));
    }

    @Test
    void earlierPipelineFileFloatDatesWithNanAndFloatDistricts() throws Exception {
        List<RawRow> rows = read("requests.parquet");
        assertEquals(400, rows.size());
        RawRow r = rows.get(0);
        assertEquals(1, r.line());
        // the first record of make_fixtures.py (seed 311), also line 2 of requests.csv
        assertEquals("2000000", r.text(Field.REQUEST_ID));
        assertEquals("New", r.text(Field.STATUS));
        assertEquals("Streets, Roads & Sidewalks", r.text(Field.REQUEST_TYPE));
        assertEquals("Potholes", r.text(Field.SUBREQUEST_TYPE));
        assertEquals("Roadway", r.text(Field.ADDITIONAL_SUBREQUEST_TYPE));
        assertEquals((double) Instant.parse("2025-10-06T01:27:12Z").toEpochMilli(), r.value(Field.OPENED_AT));
        assertNull(r.value(Field.CLOSED_AT), "a NaN date is no date");
        assertEquals(10.0, r.value(Field.DISTRICT));
        assertEquals("10", r.text(Field.DISTRICT));
        assertEquals(36.16862376140535, r.value(Field.LATITUDE));
        assertEquals(-86.61004856673956, r.value(Field.LONGITUDE));
        assertEquals("Mobile App", r.text(Field.ORIGIN));
        assertEquals("37230", r.text(Field.ZIP_CODE));
        assertEquals("7003 Broadway, Nashville, TN", r.text(Field.ADDRESS));
        assertEquals(10, rows.stream().filter(x -> x.value(Field.OPENED_AT) == null).count(),
                "the 10 rows the script gave a NaN open time");
        assertEquals(400, rows.get(399).line());
    }

    @Test
    void int64DatesAndDistrictsAcrossRowGroups() throws Exception {
        List<RawRow> rows = read("int-dates.parquet");
        assertEquals(3, rows.size());
        assertEquals(1757504703000L, rows.get(0).value(Field.OPENED_AT));
        assertEquals(1757515653000L, rows.get(0).value(Field.CLOSED_AT));
        assertEquals(8L, rows.get(0).value(Field.DISTRICT));
        assertEquals(-86.5852091275156, rows.get(0).value(Field.LONGITUDE));
        assertNull(rows.get(1).value(Field.OPENED_AT));
        assertNull(rows.get(1).value(Field.LATITUDE));
        assertEquals(19L, rows.get(1).value(Field.DISTRICT));
        // third row: second row group
        assertEquals(1757504705000L, rows.get(2).value(Field.OPENED_AT));
        assertNull(rows.get(2).value(Field.DISTRICT));
        assertEquals(36.16, rows.get(2).value(Field.LATITUDE));
    }

    @Test
    void textDistricts() throws Exception {
        List<RawRow> rows = read("string-district.parquet");
        assertEquals(List.of("8", "8.0"), rows.subList(0, 2).stream().map(r -> (String) r.value(Field.DISTRICT)).toList());
        assertEquals(1757504704000.0, rows.get(1).value(Field.OPENED_AT));
        assertNull(rows.get(2).value(Field.OPENED_AT));
        assertNull(rows.get(2).value(Field.DISTRICT));
    }

    // ---- bad input: one line naming the file and the problem ----

    private InputFormatException broken(String name, byte[] bytes) {
        InputFormatException e = assertThrows(InputFormatException.class,
                () -> reader.readAll(RawSource.of(name, bytes)));
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertTrue(e.getMessage().startsWith(name + ": line "), e.getMessage());
        return e;
    }

    @Test
    void truncatedFileNamesTheFile() throws Exception {
        byte[] whole = fixture("requests.parquet");
        for (int keep : new int[] {whole.length / 2, whole.length - 1, 4}) {
            InputFormatException e = broken("processed-data/cut.parquet", Arrays.copyOf(whole, keep));
            assertTrue(e.getMessage().contains("not a readable Parquet file"), keep + ": " + e.getMessage());
        }
    }

    @Test
    void fileWithoutOpenTimeColumnNamesTheColumn() throws Exception {
        InputFormatException e = broken("processed-data/no-open.parquet", fixture("no-open-date.parquet"));
        assertEquals("openedAt", e.field());
        assertTrue(e.getMessage().contains("no column for openedAt"), e.getMessage());
        assertTrue(e.getMessage().contains("Request__, Status"), e.getMessage());
    }
}
