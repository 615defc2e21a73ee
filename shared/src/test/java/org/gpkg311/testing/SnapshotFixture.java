package org.gpkg311.testing;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.gpkg311.model.District;
import org.gpkg311.model.ServiceRequest;
import org.gpkg311.snapshot.QualityReport;
import org.gpkg311.snapshot.Snapshot;
import org.gpkg311.snapshot.Window;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * Builds small hand-made snapshots for generator tests: square districts side by side near Nashville
 * and requests added one by one, so that every expected value can be worked out by hand.
 */
public final class SnapshotFixture {

    public static final ZoneId NASHVILLE = ZoneId.of("America/Chicago");
    private static final GeometryFactory GEOMETRY = new GeometryFactory(new PrecisionModel(), 4326);

    private final Window window;
    private final List<District> districts = new ArrayList<>();
    private final List<ServiceRequest> requests = new ArrayList<>();
    private int nextId = 1;

    public SnapshotFixture(Instant asOf) {
        this.window = Window.endingAt(asOf, NASHVILLE);
    }

    /** A 0.02° square district, the i-th (0-based) to the east of the previous one, with a stated area. */
    public SnapshotFixture district(int id, double areaSqKm) {
        double west = -86.9 + 0.02 * districts.size();
        double south = 36.1;
        District d = new District(id, "Council District " + id, "Member " + id, square(west, south, 0.02),
                areaSqKm, west + 0.01, south + 0.01);
        districts.add(d);
        return this;
    }

    /** A closed request opened at {@code opened}, closed {@code hours} later, located at its district's centre. */
    public SnapshotFixture closed(int districtId, Instant opened, double hours) {
        Instant closedAt = opened.plusMillis(Math.round(hours * 3_600_000));
        return add(districtId, opened, closedAt, false, true, "Trash, Recycling & Litter");
    }

    public SnapshotFixture open(int districtId, Instant opened) {
        return add(districtId, opened, null, true, true, "Trash, Recycling & Litter");
    }

    /** Adds any request; {@code located} false means no point (district statistics only). */
    public SnapshotFixture add(int districtId, Instant opened, Instant closedAt, boolean open, boolean located, String type) {
        District d = districts.stream().filter(x -> x.id() == districtId).findFirst().orElseThrow();
        double lon = located ? d.centroidLon() : Double.NaN;
        double lat = located ? d.centroidLat() : Double.NaN;
        requests.add(new ServiceRequest(String.valueOf(nextId++), type, "Subtype", null, open ? "New" : "Closed",
                open, opened, closedAt, "Phone", "1 Main St", "NASHVILLE", "37201", lat, lon, districtId, located));
        return this;
    }

    public Window window() {
        return window;
    }

    public Snapshot build() {
        QualityReport q = new QualityReport(List.of("fixture"), requests.size(), requests.size(), 0, Map.of(), Map.of());
        return new Snapshot("fixture-run", "Fixture City", window, districts, requests, q);
    }

    public static MultiPolygon square(double west, double south, double side) {
        Polygon p = GEOMETRY.createPolygon(new Coordinate[] {
                new Coordinate(west, south), new Coordinate(west + side, south), new Coordinate(west + side, south + side),
                new Coordinate(west, south + side), new Coordinate(west, south)});
        return GEOMETRY.createMultiPolygon(new Polygon[] {p});
    }
}
