package org.gpkg311.testing;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.gpkg311.model.District;
import org.gpkg311.model.ServiceRequest;
import org.gpkg311.snapshot.QualityReport;
import org.gpkg311.snapshot.Snapshot;
import org.gpkg311.snapshot.Window;

/**
 * Builds small hand-made snapshots for generator tests, so that every expected value can be worked out
 * by hand: districts (0.02° squares side by side near Nashville, or ready-made ones) and requests added
 * one by one or as lists. The time and spatial fixtures assemble their data sets with it.
 */
public final class SnapshotFixture {

    public static final ZoneId NASHVILLE = ZoneId.of("America/Chicago");

    private final Window window;
    private final List<District> districts = new ArrayList<>();
    private final List<ServiceRequest> requests = new ArrayList<>();
    private String runId = "fixture-run";
    private String cityName = "Fixture City";
    private boolean inOpeningOrder;
    private int nextId = 1;

    public SnapshotFixture(Instant asOf) {
        this(Window.endingAt(asOf, NASHVILLE));
    }

    public SnapshotFixture(Window window) {
        this.window = window;
    }

    /** Run id and city name of the snapshot (defaults "fixture-run", "Fixture City"). */
    public SnapshotFixture named(String runId, String cityName) {
        this.runId = runId;
        this.cityName = cityName;
        return this;
    }

    /** A 0.02° square district, the i-th (0-based) to the east of the previous one, with a stated area. */
    public SnapshotFixture district(int id, double areaSqKm) {
        return district(Squares.district(id, "Council District " + id, -86.9 + 0.02 * districts.size(), 36.1, 0.02, areaSqKm));
    }

    public SnapshotFixture district(District d) {
        districts.add(d);
        return this;
    }

    public SnapshotFixture districts(List<District> ds) {
        districts.addAll(ds);
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
        return request(new ServiceRequest(String.valueOf(nextId++), type, "Subtype", null, open ? "New" : "Closed",
                open, opened, closedAt, "Phone", "1 Main St", "NASHVILLE", "37201", lat, lon, districtId, located));
    }

    public SnapshotFixture request(ServiceRequest q) {
        requests.add(q);
        return this;
    }

    public SnapshotFixture requests(List<ServiceRequest> qs) {
        requests.addAll(qs);
        return this;
    }

    /** Orders the requests by opening time, then request id, as the snapshot builder does. */
    public SnapshotFixture inOpeningOrder() {
        this.inOpeningOrder = true;
        return this;
    }

    public Window window() {
        return window;
    }

    public Snapshot build() {
        List<ServiceRequest> rs = new ArrayList<>(requests);
        if (inOpeningOrder) rs.sort(Comparator.comparing(ServiceRequest::openedAt).thenComparing(ServiceRequest::requestId));
        QualityReport q = new QualityReport(List.of("fixture"), rs.size(), rs.size(), 0, Map.of(), Map.of());
        return new Snapshot(runId, cityName, window, districts, rs, q);
    }
}
