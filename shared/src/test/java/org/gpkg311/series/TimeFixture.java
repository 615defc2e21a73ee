package org.gpkg311.series;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
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
 * The hand-made snapshot of the time tests. Window: asOf 2025-11-24T18:00Z (Monday 12:00 CST), so
 * D_start = Monday 2025-08-25, 92 days, 13 full weeks (week w starts Monday Aug 25 + 7(w − 1); week 13
 * ends Sunday Nov 23; Monday Nov 24 lies in no full week); Mondays 14, every other weekday 13;
 * month1 [Aug 25, Sep 24] 31 days, month2 (Sep 24, Oct 24] 30, month3 (Oct 24, Nov 24] 31.
 * Daylight saving ends Sunday 2025-11-02 02:00 CDT.
 *
 * <p>Five 0.01° squares: D1 [-86.80, -86.79] × [36.10, 36.11], D2 east of D1, D3 east of D2, D4 north
 * of D1 (touching D2 at a corner), D5 alone far east. Queen neighbours: 1–2, 2–3, 1–4, 2–4.
 * <ul>
 *   <li>D1 (index 0), 16 requests: every full week Tuesday 09:15 Pothole (13); Wednesday 10:30 Trash in
 *       weeks 12 and 13 (the week-12 one has no coordinates); Saturday 14:00 Pothole in week 5.
 *       Weekly 1,1,1,1,2,1,1,1,1,1,1,2,2. Week 1's Tuesday is closed Thursday Aug 28 10:00.</li>
 *   <li>D2 (index 1), 12: weeks 1–4 Saturday 20:00 and Sunday 21:00 Noise; week 6 Friday 18:30 Noise;
 *       2025-11-09T01:30Z Noise (Saturday Nov 8 19:30 CST); 2025-11-02T06:30Z and 07:30Z Graffiti
 *       (01:30 CDT and 01:30 CST of Sunday Nov 2). Weekly 2,2,2,2,0,1,0,0,0,2,1,0,0.</li>
 *   <li>D3 (index 2), 3, all on Thursday Oct 16 (week 8, window day 52): 14:05 and 14:40 Streetlight,
 *       16:10 Pothole; the 14:05 one is closed the same day 17:00.</li>
 *   <li>D4 (index 3): no request.</li>
 *   <li>D5 (index 4), 27 Trash: every full week Monday 08:30 and Thursday 13:00, and Monday Nov 24 09:00.
 *       Weekly 2 every week (constant).</li>
 * </ul>
 */
public final class TimeFixture {

    public static final ZoneId ZONE = ZoneId.of("America/Chicago");
    public static final Instant AS_OF = Instant.parse("2025-11-24T18:00:00Z");
    public static final LocalDate FIRST_MONDAY = LocalDate.of(2025, 8, 25);

    private TimeFixture() {}

    public static Snapshot snapshot() {
        return snapshot(Window.endingAt(AS_OF, ZONE), requests());
    }

    public static Snapshot snapshot(Window window, List<ServiceRequest> requests) {
        return snapshot(window, requests, districts());
    }

    public static Snapshot snapshot(Window window, List<ServiceRequest> requests, List<District> districts) {
        return new SnapshotFixture(window).named("test-run", "Nashville")
                .districts(districts).requests(requests).inOpeningOrder().build();
    }

    public static List<District> districts() {
        return List.of(
                district(1, -86.80, 36.10),
                district(2, -86.79, 36.10),
                district(3, -86.78, 36.10),
                district(4, -86.80, 36.11),
                district(5, -86.60, 36.10));
    }

    public static District district(int id, double west, double south) {
        return district(id, west, south, 0.01);
    }

    /** A square district of side {@code size} degrees with its south-west corner at (west, south). */
    public static District district(int id, double west, double south, double size) {
        return Squares.district(id, "District " + id, west, south, size, 1.0);
    }

    /** Local date of weekday {@code day} (0 = Monday) of full week w (1-based). */
    public static LocalDate weekDay(int w, int day) {
        return FIRST_MONDAY.plusDays(7L * (w - 1) + day);
    }

    public static Instant local(LocalDate d, int hour, int minute) {
        return LocalDateTime.of(d, java.time.LocalTime.of(hour, minute)).atZone(ZONE).toInstant();
    }

    public static List<ServiceRequest> requests() {
        List<ServiceRequest> out = new ArrayList<>();
        for (int w = 1; w <= 13; w++) {
            Instant tue = local(weekDay(w, 1), 9, 15);
            Instant closed = w == 1 ? local(LocalDate.of(2025, 8, 28), 10, 0) : null;
            out.add(request("D1-tue-" + w, "Pothole", tue, closed, 1, true));
        }
        out.add(request("D1-wed-12", "Trash", local(weekDay(12, 2), 10, 30), null, 1, false));
        out.add(request("D1-wed-13", "Trash", local(weekDay(13, 2), 10, 30), null, 1, true));
        out.add(request("D1-sat-5", "Pothole", local(weekDay(5, 5), 14, 0), null, 1, true));

        for (int w = 1; w <= 4; w++) {
            out.add(request("D2-sat-" + w, "Noise", local(weekDay(w, 5), 20, 0), null, 2, true));
            out.add(request("D2-sun-" + w, "Noise", local(weekDay(w, 6), 21, 0), null, 2, true));
        }
        out.add(request("D2-fri-6", "Noise", local(weekDay(6, 4), 18, 30), null, 2, true));
        out.add(request("D2-dst-sat", "Noise", Instant.parse("2025-11-09T01:30:00Z"), null, 2, true));
        out.add(request("D2-fallback-cdt", "Graffiti", Instant.parse("2025-11-02T06:30:00Z"), null, 2, true));
        out.add(request("D2-fallback-cst", "Graffiti", Instant.parse("2025-11-02T07:30:00Z"), null, 2, true));

        LocalDate oct16 = LocalDate.of(2025, 10, 16);
        out.add(request("D3-a", "Streetlight", local(oct16, 14, 5), local(oct16, 17, 0), 3, true));
        out.add(request("D3-b", "Streetlight", local(oct16, 14, 40), null, 3, true));
        out.add(request("D3-c", "Pothole", local(oct16, 16, 10), null, 3, true));

        for (int w = 1; w <= 13; w++) {
            out.add(request("D5-mon-" + w, "Trash", local(weekDay(w, 0), 8, 30), null, 5, true));
            out.add(request("D5-thu-" + w, "Trash", local(weekDay(w, 3), 13, 0), null, 5, true));
        }
        out.add(request("D5-mon-end", "Trash", local(LocalDate.of(2025, 11, 24), 9, 0), null, 5, true));
        return out;
    }

    public static ServiceRequest request(String id, String type, Instant opened, Instant closed, int district, boolean located) {
        double lon = -86.805 + 0.01 * district, lat = 36.105;
        if (district == 4) { lon = -86.795; lat = 36.115; }
        if (district == 5) { lon = -86.595; }
        return new ServiceRequest(id, type, null, null, closed == null ? "Open" : "Closed", closed == null, opened, closed,
                "Phone", "1 Main St", "Nashville", "37201", lat, lon, district, located);
    }
}
