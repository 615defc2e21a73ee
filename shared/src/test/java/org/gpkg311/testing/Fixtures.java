package org.gpkg311.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.gpkg311.model.District;

/** Small hand-made inputs shared by the ingest tests. */
public final class Fixtures {

    /** The Hub portal CSV header, exactly as the export spells it (note "Date /Time Opened"). */
    public static final String HUB_HEADER = "Request #,Status,Request Type,Subrequest Type,Additional Subrequest Type,"
            + "Date /Time Opened,Date/Time Closed,Request Origin,Address,City,Council District,ZIP,Latitude,Longitude";

    private Fixtures() {}

    /**
     * Two unit-ish squares side by side inside Nashville's box: district 1 = lon -86.9..-86.8, district 2 =
     * lon -86.8..-86.7, both lat 36.1..36.2 (a shared edge at lon -86.8). Areas/centroids are placeholders.
     */
    public static List<District> twoSquares() {
        return List.of(square(1, -86.9, 36.1, -86.8, 36.2), square(2, -86.8, 36.1, -86.7, 36.2));
    }

    public static District square(int id, double minLon, double minLat, double maxLon, double maxLat) {
        return new District(id, "Council District " + id, "Member " + id, Squares.rectangle(minLon, minLat, maxLon, maxLat), 100.0,
                (minLon + maxLon) / 2, (minLat + maxLat) / 2);
    }

    /** A brute-force point-in-square lookup for the two squares (lowest id on the shared edge). */
    public static int locateTwoSquares(double lon, double lat) {
        if (lat < 36.1 || lat > 36.2) return -1;
        if (lon >= -86.9 && lon <= -86.8) return 1;
        if (lon > -86.8 && lon <= -86.7) return 2;
        return -1;
    }

    public static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] gzip(byte[] data) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
                gz.write(data);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
