package org.gpkg311.snapshot;

import static org.gpkg311.testing.Fixtures.HUB_HEADER;
import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.gpkg311.pipeline.Inputs;
import org.gpkg311.profile.CityProfile;
import org.gpkg311.profile.Field;
import org.gpkg311.read.InputFormatException;
import org.gpkg311.read.RawRow;
import org.gpkg311.read.RawSource;
import org.gpkg311.read.ReadProgress;
import org.gpkg311.read.RequestReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An unterminated quote in the middle of a CSV costs one record, counted as malformed, and no other (issue 9,
 * item 5): a 3,000-record file where record 1,500 opens a quote it never closes, beside legitimate multi-line
 * quoted addresses and quoted addresses with commas (whose quotes a lenient parser would pair with the open one).
 */
class UnterminatedQuoteTest {

    private static final Instant CLOCK = Instant.parse("2025-12-01T00:00:00Z");
    private static final String MALFORMED = "malformed record (a quoted field runs into the next records)";

    @TempDir
    Path dir;

    /** Record k: opened k minutes after 2025-10-01 10:00Z, at 100 Broadway (district 19 of the 2022 plan). */
    private static String record(int k, String address) {
        Instant opened = Instant.parse("2025-10-01T10:00:00Z").plusSeconds(60L * k);
        return k + ",New,Public Safety,Noise,," + opened + ",,Phone," + address + ",NASHVILLE,19,37203,36.1615,-86.7764";
    }

    private Path file(int records, int unterminated) throws Exception {
        StringBuilder csv = new StringBuilder(HUB_HEADER).append("\r\n");
        for (int k = 1; k <= records; k++) {
            String address;
            if (k == unterminated) address = "\"100 Broadway";                     // the quote never closes
            else if (k % 50 == 25) address = "\"100 Broadway\r\nSuite " + k + "\""; // a real line break in a field
            else if (k % 7 == 0) address = "\"100 Broadway, Nashville\"";          // quoted for its comma
            else address = "100 Broadway";
            csv.append(record(k, address)).append("\r\n");
        }
        Path f = dir.resolve("export.csv");
        Files.writeString(f, csv, StandardCharsets.UTF_8);
        return f;
    }

    @Test
    void everyRecordIsAcceptedOrCountedAndTheCountsAddUpTo3000() throws Exception {
        Path f = file(3000, 1500);
        Snapshot s = SnapshotBuilder.build(List.of(RawSource.of(f)), districts(), CityProfile.nashville(), null, CLOCK, "r");
        QualityReport q = s.quality();
        assertEquals(3000, q.rowsRead());
        assertEquals(2999, q.rowsAccepted());
        assertEquals(1, q.rowsRejected());
        assertEquals(1L, q.rejectedByReason().get(MALFORMED));
        assertEquals(0, q.rowsOutsideWindow());
        assertEquals(q.rowsRead(), q.rowsAccepted() + q.rowsRejected() + q.rowsOutsideWindow());
        assertTrue(s.requests().stream().noneMatch(r -> r.requestId().equals("1500")));
        assertTrue(s.requests().stream().anyMatch(r -> r.requestId().equals("1501")));
    }

    private static List<org.gpkg311.model.District> districts() throws Exception {
        try (var in = Inputs.bundledDistricts().open()) {
            return org.gpkg311.geo.DistrictLoader.load(in, "bundled", CityProfile.nashville().toDistrictFields());
        }
    }

    @Test
    void theRecordsAroundTheBrokenOneKeepTheirLinesAndMultiLineFieldsTheirLineBreaks() throws Exception {
        List<RawRow> rows = new RequestReader(CityProfile.nashville(), ReadProgress.SILENT).readAll(RawSource.of(file(3000, 1500)));
        assertEquals(3000, rows.size());
        // header line 1; record k starts at line 1 + k + (multi-line records before it: k = 25, 75, …, 1475 → 30)
        RawRow broken = rows.get(1499);
        assertTrue(broken.malformed());
        assertEquals(1 + 1500 + 30, broken.line());
        RawRow after = rows.get(1500);
        assertFalse(after.malformed());
        assertEquals(1 + 1501 + 30, after.line());
        assertEquals("1501", after.text(Field.REQUEST_ID));
        assertEquals("100 Broadway", after.text(Field.ADDRESS));
        assertEquals("NASHVILLE", after.text(Field.CITY));
        RawRow multiLine = rows.get(1474);
        assertEquals("100 Broadway\r\nSuite 1475", multiLine.text(Field.ADDRESS));
        assertEquals("-86.7764", multiLine.text(Field.LONGITUDE));
        assertEquals("100 Broadway, Nashville", rows.get(1504).text(Field.ADDRESS));    // record 1505 = 7 · 215
        assertEquals(Map.of(), broken.values());
    }

    @Test
    void aQuoteLeftOpenAtTheEndOfTheFileNamesItsLineAndField() throws Exception {
        Path f = file(10, 10);
        InputFormatException e = assertThrows(InputFormatException.class,
                () -> new RequestReader(CityProfile.nashville(), ReadProgress.SILENT).readAll(RawSource.of(f)));
        assertEquals(11, e.line());
        assertEquals("Address", e.field());
        assertEquals(f + ": line 11, field Address: a quoted field opened on this line is still open at the end of"
                + " the file (its closing quote is missing)", e.getMessage());
    }
}
