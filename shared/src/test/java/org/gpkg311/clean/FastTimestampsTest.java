package org.gpkg311.clean;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The hand-written parsers must accept and reject exactly what java.time's formatter does for the same pattern. */
class FastTimestampsTest {

    private static final List<String> INPUTS = List.of(
            "09/10/2025 11:45:03 AM", "9/1/2025 1:05:09 pm", "12/31/2024 12:00:00 AM", "12/31/2024 12:00:00 PM",
            "02/29/2024 10:00:00 AM", "02/29/2025 10:00:00 AM", "04/31/2025 10:00:00 AM", "13/01/2025 10:00:00 AM",
            "00/01/2025 10:00:00 AM", "01/01/2025 13:00:00 PM", "01/01/2025 0:00:00 AM", "01/01/2025 10:60:00 AM",
            "01/01/2025 10:00:60 AM", "01/01/2025 10:00 AM", "01/01/2025 10:00:00", "01/01/2025 10:00:00 XM",
            "01/01/25 10:00:00 AM", "2025-09-10 11:45:03", "2025-09-10 11:45", "2025-09-10T11:45:03",
            "2025-09-10T11:45:03.5", "2025-09-10T11:45:03.123456789", "2025-09-10T11:45:03Z", "2025-09-10T11:45:03.250Z",
            "2025-09-10T06:45:03-05:00", "2025-09-10T11:45:03+05:30", "2025-09-10 24:00:00", "2025-02-30 10:00:00",
            "2025-9-10 11:45:03", "2025-09-10T11:45:03.", "2025-09-10T11:45:03ZZ", "2025-09-10", "hello", "",
            "2025-09-10T11:45", "2025-09-10T11:45:03+0500", "11/02/2025 01:30:00 AM", "03/09/2025 02:30:00 AM");

    private static void sameAsFormatter(String pattern, ZoneId zone) {
        var fast = FastTimestamps.forPattern(pattern, zone);
        var slow = TimestampParser.compile(pattern);
        for (String s : INPUTS) {
            Instant expected = TimestampParser.parseWith(slow, s, zone);
            assertEquals(expected, fast.parse(s), pattern + " on '" + s + "'");
        }
    }

    @Test
    void usClockMatchesTheFormatter() {
        sameAsFormatter(FastTimestamps.US_CLOCK, ZoneId.of("UTC"));
        sameAsFormatter(FastTimestamps.US_CLOCK, ZoneId.of("America/Chicago"));
    }

    @Test
    void isoMatchesTheFormatter() {
        sameAsFormatter(FastTimestamps.ISO, ZoneId.of("UTC"));
        sameAsFormatter(FastTimestamps.ISO, ZoneId.of("America/Chicago"));
    }

    @Test
    void isoWithSpaceMatchesTheFormatter() {
        sameAsFormatter(FastTimestamps.ISO_SPACE, ZoneId.of("UTC"));
        sameAsFormatter(FastTimestamps.ISO_SPACE, ZoneId.of("America/Chicago"));
    }

    @Test
    void theFastPathsAcceptTheRealShapes() {
        // guards against both sides rejecting everything
        assertEquals(Instant.parse("2025-09-10T11:45:03Z"),
                FastTimestamps.forPattern(FastTimestamps.US_CLOCK, ZoneId.of("UTC")).parse("09/10/2025 11:45:03 AM"));
        assertEquals(Instant.parse("2025-09-10T11:45:03.250Z"),
                FastTimestamps.forPattern(FastTimestamps.ISO, ZoneId.of("UTC")).parse("2025-09-10T11:45:03.25"));
    }
}
