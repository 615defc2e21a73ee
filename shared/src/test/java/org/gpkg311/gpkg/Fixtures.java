package org.gpkg311.gpkg;

import java.time.Instant;
import java.util.List;

import org.gpkg311.provenance.Provenance;
import org.gpkg311.table.Column;
import org.gpkg311.table.GeometryKind;
import org.gpkg311.table.Table;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/**
 * Small hand-made layers. Coordinates are chosen so that the extents are plain literals and do not survive
 * float32 rounding (so an extent read from the R-tree would differ).
 */
final class Fixtures {

    static final String GENERATOR = "fixture";
    static final GeometryFactory GEOMETRY = new GeometryFactory(new PrecisionModel(), 4326);

    static final String DISTRICT_1 = "MULTIPOLYGON (((-86.9123456789 36.1, -86.8 36.1, -86.8 36.2, -86.9123456789 36.2, -86.9123456789 36.1)))";
    /** Two parts, the first with a hole. */
    static final String DISTRICT_2 = "MULTIPOLYGON (((-86.8 36.1, -86.7 36.1, -86.7 36.2500000001, -86.8 36.2500000001, -86.8 36.1),"
            + " (-86.78 36.12, -86.72 36.12, -86.72 36.2, -86.78 36.2, -86.78 36.12)),"
            + " ((-86.65 36.0, -86.6000000003 36.0, -86.6000000003 36.05, -86.65 36.0)))";
    static final String DISTRICT_3 = "MULTIPOLYGON (((-86.75 35.9500000007, -86.7 35.9500000007, -86.72 36.0, -86.75 35.9500000007)))";
    /** Envelope of the three districts, read off the literals above: minX, minY, maxX, maxY. */
    static final double[] DISTRICT_EXTENT = {-86.9123456789, 35.9500000007, -86.6000000003, 36.2500000001};

    static final List<Column> DISTRICT_COLUMNS = List.of(
            Column.integer("districtId", "District", "Council district number."),
            Column.text("districtName", "District Name", "Name of the council district."),
            Column.real("areaSqKm", "Area (km²)", "Geodesic area in square kilometres."),
            Column.integer("requestCount", "Requests", "Requests in the window."),
            Column.bool("hasRequests", "Has Requests", "True when the district has at least one request."),
            Column.dateTime("lastRequestAt", "Last Request (UTC)", "When the latest request was opened."));

    static final List<Column> REQUEST_COLUMNS = List.of(
            Column.text("requestId", "Request Number", "The city's service request number."),
            Column.integer("districtId", "District", "Council district of the point."),
            Column.bigInteger("bigCount", "Big Count", "A value beyond 32 bits."),
            Column.real("responseHours", "Response Time (hours)", "Hours from opening to closing."),
            Column.text("address", "Address", "Address as the city records it."),
            Column.dateTime("openedAt", "Opened (UTC)", "When the request was opened, in UTC."),
            Column.bool("isOpen", "Open at As-Of", "True when the request was still open."));

    /** Points: lon, lat. The extent is read off: minX -86.88, minY 35.98, maxX -86.6123456789, maxY 36.2400000009. */
    static final double[][] POINTS = {
            {-86.85, 36.15}, {-86.75, 36.2400000009}, {-86.6123456789, 36.02}, {-86.88, 35.98}, {-86.71, 36.11}};
    static final double[] POINT_EXTENT = {-86.88, 35.98, -86.6123456789, 36.2400000009};

    private Fixtures() {}

    static Geometry wkt(String text) {
        try {
            return new WKTReader(GEOMETRY).read(text);
        } catch (ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static Table districts() {
        Table t = new Table(GENERATOR + "Districts", GeometryKind.MULTIPOLYGON, "Fixture districts. One row per council district.", DISTRICT_COLUMNS);
        t.addRow(wkt(DISTRICT_1)).set("districtId", 1).set("districtName", "Downtown").set("areaSqKm", 12.345678901234567)
                .set("requestCount", 3).set("hasRequests", true).set("lastRequestAt", Instant.parse("2025-11-24T13:05:00Z"));
        t.addRow(wkt(DISTRICT_2)).set("districtId", 2).set("districtName", "Ünïcödé – Straße ✓ 東京").set("areaSqKm", 0.1)
                .set("requestCount", 2).set("hasRequests", true).set("lastRequestAt", Instant.parse("2025-11-20T00:00:00.123Z"));
        // district without any request: counts 0, undefined values NULL
        t.addRow(wkt(DISTRICT_3)).set("districtId", 3).set("districtName", "Quiet").set("requestCount", 0).set("hasRequests", false);
        return t;
    }

    static Table requests() {
        Table t = new Table(GENERATOR + "Requests", GeometryKind.POINT, "Fixture requests. One point per service request with coordinates.", REQUEST_COLUMNS);
        t.addRow(point(0)).set("requestId", "REQ-1").set("districtId", 1).set("bigCount", 5_000_000_000L).set("responseHours", 1.5)
                .set("address", "1 Broadway").set("openedAt", Instant.parse("2025-11-01T08:30:00Z")).set("isOpen", false);
        t.addRow(point(1)).set("requestId", "REQ-2").set("districtId", 2).set("bigCount", -1L).set("responseHours", 0.1 + 0.2)
                .set("address", "Café “Zoë”, 12 Ünter den Linden, 東京").set("openedAt", Instant.parse("2025-11-02T23:59:59.999Z")).set("isOpen", true);
        t.addRow(point(2)).set("requestId", "REQ-3").set("districtId", 2).set("bigCount", 0).set("responseHours", 1e-300)
                .set("address", "it's \"quoted\"").set("openedAt", Instant.parse("1999-12-31T23:59:59Z")).set("isOpen", true);
        t.addRow(point(3)).set("requestId", "REQ-4").set("districtId", 1);
        // every attribute NULL
        t.addRow(point(4));
        return t;
    }

    /** An attribute-only layer besides the RunInfo table. */
    static Table lookup() {
        Table t = new Table(GENERATOR + "Lookup", GeometryKind.NONE, "Fixture lookup table.", List.of(
                Column.text("code", "Code", "A short code."), Column.real("weight", "Weight", "A weight.")));
        t.addRow(null).set("code", "A").set("weight", 0.25);
        t.addRow(null).set("code", "B");
        return t;
    }

    static Geometry point(int i) {
        return GEOMETRY.createPoint(new org.locationtech.jts.geom.Coordinate(POINTS[i][0], POINTS[i][1]));
    }

    static List<Table> layers() {
        return List.of(districts(), requests(), lookup());
    }

    static Provenance provenance() {
        return new Provenance()
                .add("generator", GENERATOR, "Generator that made this file.")
                .add("generatorVersion", "1.0.0", "Version of the generator.")
                .add("asOf", Instant.parse("2025-11-24T13:05:00Z"), "Instant the window ends at.")
                .add("rowsRead", 12, "Rows read from the sources.")
                .add("quartileCut1", 0.1 + 0.2, "First quartile cut of the request counts (type 7).")
                .add("note", "Ünïcödé ✓", "A unicode value.");
    }
}
