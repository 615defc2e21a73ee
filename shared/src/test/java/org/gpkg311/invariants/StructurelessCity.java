package org.gpkg311.invariants;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import org.gpkg311.geo.DistrictIndex;
import org.gpkg311.geo.DistrictLoader;
import org.gpkg311.model.District;
import org.gpkg311.model.ServiceRequest;
import org.gpkg311.pipeline.Inputs;
import org.gpkg311.profile.CityProfile;
import org.gpkg311.snapshot.QualityReport;
import org.gpkg311.snapshot.Snapshot;
import org.gpkg311.snapshot.Window;
import org.locationtech.jts.geom.Envelope;

/**
 * Seeded synthetic cities on the real 2022 Nashville districts in which every district draws from the SAME
 * distribution: points uniform over the city (so a district's count follows its area and its density does not
 * depend on the district), one citywide hourly and weekday profile, one type mix, one response-time law. Any
 * "group", over-represented type or hot spot found in them is noise. Variants: fewer requests (sparse), a single
 * request type, and districts left empty (points falling there are drawn again).
 */
final class StructurelessCity {

    static final ZoneId ZONE = ZoneId.of("America/Chicago");
    /** 17:00 local on 2025-11-24: window 2025-08-25 .. 2025-11-24 (92 days). */
    static final Instant AS_OF = Instant.parse("2025-11-24T23:00:00Z");

    private static final String[] TYPES = {"Trash, Recycling & Litter", "Streets, Roads & Sidewalks", "Property Violations",
            "Public Safety", "Water & Sewer", "Parks", "Transit", "Noise"};
    private static final double[] TYPE_WEIGHTS = {0.30, 0.22, 0.15, 0.10, 0.09, 0.06, 0.05, 0.03};
    private static final double[] TYPE_LOG_MEDIAN_HOURS = {3.0, 4.0, 4.8, 2.5, 3.6, 4.2, 3.3, 2.0};
    /** Citywide relative intensity by local hour (an afternoon-leaning day) and by weekday Monday..Sunday. */
    private static final double[] HOURS = {0.3, 0.2, 0.15, 0.15, 0.2, 0.4, 0.8, 1.3, 1.7, 2.0, 2.1, 2.2,
            2.3, 2.3, 2.2, 2.1, 1.9, 1.6, 1.3, 1.1, 0.9, 0.7, 0.5, 0.4};
    private static final double[] WEEKDAYS = {1.15, 1.1, 1.05, 1.0, 0.95, 0.65, 0.55};

    private static List<District> districts;

    private StructurelessCity() {}

    static synchronized List<District> districts() {
        if (districts == null) {
            try (InputStream in = Inputs.bundledDistricts().open()) {
                districts = DistrictLoader.load(in, "bundled", CityProfile.nashville().toDistrictFields());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return districts;
    }

    /** {@code n} requests; {@code singleType} uses only the first type; points never land in {@code empty}. */
    static Snapshot snapshot(String runId, int n, long seed, boolean singleType, Set<Integer> empty) {
        List<District> ds = districts();
        DistrictIndex index = new DistrictIndex(ds);
        Envelope box = new Envelope();
        for (District d : ds) box.expandToInclude(d.geometry().getEnvelopeInternal());
        Window window = Window.endingAt(AS_OF, ZONE);
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] hourCum = cumulative(HOURS), typeCum = cumulative(TYPE_WEIGHTS);
        double[] dayWeights = new double[window.dayCount()];
        for (int d = 0; d < dayWeights.length; d++) dayWeights[d] = WEEKDAYS[window.day(d).getDayOfWeek().ordinal()];
        double[] dayCum = cumulative(dayWeights);
        List<ServiceRequest> requests = new ArrayList<>(n);
        while (requests.size() < n) {
            double lon = box.getMinX() + rnd.nextDouble() * box.getWidth();
            double lat = box.getMinY() + rnd.nextDouble() * box.getHeight();
            int district = index.locate(lon, lat);
            if (district < 0 || empty.contains(district)) continue;
            LocalDate day = window.day(pick(dayCum, rnd.nextDouble()));
            int hour = pick(hourCum, rnd.nextDouble());
            Instant opened = day.atTime(hour, rnd.nextInt(60), rnd.nextInt(60)).atZone(ZONE).toInstant();
            if (opened.isAfter(AS_OF)) continue;
            int t = singleType ? 0 : pick(typeCum, rnd.nextDouble());
            Instant closed = null;
            boolean open = rnd.nextDouble() < 0.03;
            if (!open) {
                double hours = Math.exp(TYPE_LOG_MEDIAN_HOURS[t] + 1.1 * gaussian(rnd));
                closed = opened.plus(Duration.ofSeconds(Math.round(hours * 3600)));
                if (closed.isAfter(AS_OF)) {
                    closed = null;
                    open = true;
                }
            }
            requests.add(new ServiceRequest(String.format("S%07d", requests.size() + 1), TYPES[t], "Subtype", null,
                    open ? "New" : "Closed", open, opened, closed, "Phone", null, "NASHVILLE", "37201", lat, lon,
                    district, true));
        }
        requests.sort(Comparator.comparing(ServiceRequest::openedAt).thenComparing(ServiceRequest::requestId));
        QualityReport q = new QualityReport(List.of("structureless"), n, n, 0, Map.of(), Map.of());
        return new Snapshot(runId, "Structureless City", window, ds, requests, q);
    }

    private static double gaussian(SplittableRandom rnd) {
        double u = 1 - rnd.nextDouble(), v = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    private static double[] cumulative(double[] w) {
        double[] c = new double[w.length];
        double s = 0;
        for (int i = 0; i < w.length; i++) c[i] = s += w[i];
        for (int i = 0; i < w.length; i++) c[i] /= s;
        return c;
    }

    private static int pick(double[] cum, double u) {
        for (int i = 0; i < cum.length; i++) if (u < cum[i]) return i;
        return cum.length - 1;
    }
}
