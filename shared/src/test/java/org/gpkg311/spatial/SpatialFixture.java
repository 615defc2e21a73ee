package org.gpkg311.spatial;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.gpkg311.model.District;
import org.gpkg311.model.ServiceRequest;
import org.gpkg311.snapshot.Snapshot;
import org.gpkg311.snapshot.Window;
import org.gpkg311.testing.SnapshotFixture;
import org.gpkg311.testing.Squares;

/**
 * The hand-made snapshot of the spatial generators' tests: four 0.02° squares in a row near Nashville
 * (lon −86.80 + 0.02·(i−1) .. +0.02, lat 36.10 .. 36.12), so queen contiguity is the chain 1–2–3–4.
 * Areas are stipulated round numbers (4, 3, 5, 4 km²) so densities are easy to check by hand;
 * centroids are the squares' centres. District 4 has no request.
 *
 * <pre>
 * id  district type         address                  lon       lat     opened (UTC)        response
 * r01 1  Pothole      100 Main St, Nashville   -86.795  36.105  2025-11-03 15:00   10 h
 * r02 1  Pothole      100 MAIN ST.             -86.795  36.105  2025-11-04 15:00   20 h  (duplicate point)
 * r03 1  Pothole      100 Main St              -86.790  36.110  2025-11-05 15:00   30 h
 * r04 1  Trash        200 Oak Ave              -86.785  36.115  2025-11-10 15:00    5 h
 * r05 1  Trash        201 Oak Ave              -86.785  36.105  2025-11-11 15:00    5 h
 * r06 1  Graffiti     300 Elm St               -86.795  36.115  2025-11-12 15:00   open
 * r07 1  Graffiti     301 Elm St               -86.790  36.105  2025-11-17 15:00   40 h
 * r08 1  Noise        400 Pine Rd              -86.790  36.115  2025-11-18 15:00    2 h
 * r09 2  Trash        500 Cedar Ln             -86.775  36.105  2025-11-03 16:00    4 h
 * r10 2  Trash        500 Cedar Ln             -86.775  36.115  2025-11-04 16:00    6 h
 * r11 2  Trash        502 Cedar Ln             -86.770  36.110  2025-11-05 16:00    8 h
 * r12 2  Pothole      (none)                   -86.765  36.105  2025-11-06 16:00   12 h
 * r13 2  Noise        600 Birch St             -86.765  36.115  2025-11-07 16:00   open
 * r14 2  Noise        601 Birch St             -86.770  36.105  2025-11-10 16:00    1 h
 * r15 3  Pothole      700 Maple Dr             -86.755  36.105  2025-11-03 17:00   50 h
 * r16 3  Pothole      701 Maple Dr             -86.745  36.115  2025-11-04 17:00   60 h
 * r17 3  Streetlight  702 Maple Dr             -86.750  36.110  2025-11-05 17:00   open
 * r18 3  Streetlight  703 Maple Dr             -86.745  36.105  2025-11-06 17:00  100 h
 * r19 3  Streetlight  704 Maple Dr             (no coordinates)  2025-11-07 17:00   80 h
 * </pre>
 * asOf = 2025-11-24T18:00Z, window 2025-08-25 .. 2025-11-24 (92 local days, America/Chicago).
 */
public final class SpatialFixture {

    public static final Instant AS_OF = Instant.parse("2025-11-24T18:00:00Z");
    public static final ZoneId ZONE = ZoneId.of("America/Chicago");
    static final double[] AREAS = {4.0, 3.0, 5.0, 4.0};

    private SpatialFixture() {}

    public static List<District> districts() {
        List<District> out = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            double lon0 = -86.80 + 0.02 * (i - 1);
            out.add(square(i, lon0, 36.10, 0.02, AREAS[i - 1]));
        }
        return out;
    }

    public static District square(int id, double lon0, double lat0, double side, double areaSqKm) {
        return Squares.district(id, "Council District " + id, lon0, lat0, side, areaSqKm);
    }

    public static Snapshot snapshot() {
        List<ServiceRequest> r = new ArrayList<>();
        r.add(req("r01", 1, "Pothole", "100 Main St, Nashville", -86.795, 36.105, "2025-11-03T15:00:00Z", 10));
        r.add(req("r02", 1, "Pothole", "100 MAIN ST.", -86.795, 36.105, "2025-11-04T15:00:00Z", 20));
        r.add(req("r03", 1, "Pothole", "100 Main St", -86.790, 36.110, "2025-11-05T15:00:00Z", 30));
        r.add(req("r04", 1, "Trash", "200 Oak Ave", -86.785, 36.115, "2025-11-10T15:00:00Z", 5));
        r.add(req("r05", 1, "Trash", "201 Oak Ave", -86.785, 36.105, "2025-11-11T15:00:00Z", 5));
        r.add(req("r06", 1, "Graffiti", "300 Elm St", -86.795, 36.115, "2025-11-12T15:00:00Z", -1));
        r.add(req("r07", 1, "Graffiti", "301 Elm St", -86.790, 36.105, "2025-11-17T15:00:00Z", 40));
        r.add(req("r08", 1, "Noise", "400 Pine Rd", -86.790, 36.115, "2025-11-18T15:00:00Z", 2));
        r.add(req("r09", 2, "Trash", "500 Cedar Ln", -86.775, 36.105, "2025-11-03T16:00:00Z", 4));
        r.add(req("r10", 2, "Trash", "500 Cedar Ln", -86.775, 36.115, "2025-11-04T16:00:00Z", 6));
        r.add(req("r11", 2, "Trash", "502 Cedar Ln", -86.770, 36.110, "2025-11-05T16:00:00Z", 8));
        r.add(req("r12", 2, "Pothole", null, -86.765, 36.105, "2025-11-06T16:00:00Z", 12));
        r.add(req("r13", 2, "Noise", "600 Birch St", -86.765, 36.115, "2025-11-07T16:00:00Z", -1));
        r.add(req("r14", 2, "Noise", "601 Birch St", -86.770, 36.105, "2025-11-10T16:00:00Z", 1));
        r.add(req("r15", 3, "Pothole", "700 Maple Dr", -86.755, 36.105, "2025-11-03T17:00:00Z", 50));
        r.add(req("r16", 3, "Pothole", "701 Maple Dr", -86.745, 36.115, "2025-11-04T17:00:00Z", 60));
        r.add(req("r17", 3, "Streetlight", "702 Maple Dr", -86.750, 36.110, "2025-11-05T17:00:00Z", -1));
        r.add(req("r18", 3, "Streetlight", "703 Maple Dr", -86.745, 36.105, "2025-11-06T17:00:00Z", 100));
        r.add(req("r19", 3, "Streetlight", "704 Maple Dr", Double.NaN, Double.NaN, "2025-11-07T17:00:00Z", 80));
        return snapshot(districts(), r);
    }

    public static Snapshot snapshot(List<District> districts, List<ServiceRequest> requests) {
        return new SnapshotFixture(Window.endingAt(AS_OF, ZONE)).named("test-run", "Nashville")
                .districts(districts).requests(requests).inOpeningOrder().build();
    }

    /** @param hours response hours, or −1 for a request still open at asOf (a close after asOf also leaves it open) */
    public static ServiceRequest req(String id, int district, String type, String address, double lon, double lat,
                                     String opened, double hours) {
        Instant o = Instant.parse(opened);
        Instant closed = hours < 0 ? null : o.plus(Duration.ofMinutes(Math.round(hours * 60)));
        // As the snapshot does: a close after asOf means open at asOf, without a close time.
        if (closed != null && closed.isAfter(AS_OF)) closed = null;
        boolean open = closed == null;
        boolean located = !Double.isNaN(lon);
        return new ServiceRequest(id, type, null, null, open ? "Open" : "Closed", open, o, closed, "Phone", address,
                "Nashville", "37203", located ? lat : 0.0, located ? lon : 0.0, district, located);
    }

    /** Index of a request id in the snapshot's (sorted) request list. */
    public static int indexOf(Snapshot s, String id) {
        for (int i = 0; i < s.requests().size(); i++) if (s.requests().get(i).requestId().equals(id)) return i;
        throw new IllegalArgumentException(id);
    }
}
