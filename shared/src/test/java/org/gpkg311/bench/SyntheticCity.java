package org.gpkg311.bench;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;

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
 * Seeded synthetic snapshots on the real 2022 Nashville districts for benchmarks: clustered points
 * (Gaussian hot spots plus a uniform background), a skewed type mix, repeated addresses, open and
 * closed requests with skewed response times, over three months.
 */
final class SyntheticCity {

    static final ZoneId ZONE = ZoneId.of("America/Chicago");
    static final Instant AS_OF = Instant.parse("2025-11-24T23:00:00Z");

    private SyntheticCity() {}

    static List<District> districts() throws IOException {
        try (InputStream in = Inputs.bundledDistricts().open()) {
            return DistrictLoader.load(in, "bundled", CityProfile.nashville().toDistrictFields());
        }
    }

    /** n located points inside the districts: lon, lat, district id. */
    static double[][] points(List<District> districts, int n, long seed) {
        DistrictIndex index = new DistrictIndex(districts);
        Envelope box = new Envelope();
        for (District d : districts) box.expandToInclude(d.geometry().getEnvelopeInternal());
        Random random = new Random(seed);
        int centres = 60;
        double[][] hot = new double[centres][3];
        for (double[] h : hot) {
            h[0] = box.getMinX() + random.nextDouble() * box.getWidth();
            h[1] = box.getMinY() + random.nextDouble() * box.getHeight();
            h[2] = 0.002 + 0.02 * random.nextDouble();
        }
        double[] lon = new double[n], lat = new double[n], id = new double[n];
        int k = 0;
        while (k < n) {
            double x, y;
            if (random.nextDouble() < 0.3) {
                x = box.getMinX() + random.nextDouble() * box.getWidth();
                y = box.getMinY() + random.nextDouble() * box.getHeight();
            } else {
                double[] h = hot[random.nextInt(centres)];
                x = h[0] + h[2] * random.nextGaussian();
                y = h[1] + h[2] * random.nextGaussian();
            }
            int d = index.locate(x, y);
            if (d < 0) continue;
            lon[k] = x;
            lat[k] = y;
            id[k] = d;
            k++;
        }
        return new double[][] {lon, lat, id};
    }

    static Snapshot snapshot(List<District> districts, int n, long seed) {
        double[][] p = points(districts, n, seed);
        Random random = new Random(seed + 1);
        Window window = Window.endingAt(AS_OF, ZONE);
        long start = window.start().toEpochMilli(), span = AS_OF.toEpochMilli() - start;
        String[] types = {"Pothole", "Trash Collection", "Streetlight", "Graffiti", "Noise", "Sidewalk", "Water", "Codes", "Parking", "Tree"};
        List<ServiceRequest> requests = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int t = Math.min(types.length - 1, (int) Math.floor(-Math.log(1 - random.nextDouble()) * 2.5));
            Instant opened = Instant.ofEpochMilli(start + (long) (random.nextDouble() * span));
            boolean open = random.nextDouble() < 0.05;
            Instant closed = null;
            if (!open) {
                double hours = Math.exp(1.5 + t * 0.3 + random.nextGaussian());
                closed = opened.plus(Duration.ofMinutes((long) (hours * 60)));
                if (closed.isAfter(AS_OF)) {
                    closed = null;
                    open = true;
                }
            }
            String address = random.nextDouble() < 0.1 ? null : (random.nextInt(400) + 1) + " " + "Street " + random.nextInt(300);
            requests.add(new ServiceRequest(String.format("R%08d", i), types[t], null, null, open ? "Open" : "Closed", open,
                    opened, closed, "Phone", address, "Nashville", "372" + random.nextInt(10), p[1][i], p[0][i], (int) p[2][i], true));
        }
        requests.sort(Comparator.comparing(ServiceRequest::openedAt).thenComparing(ServiceRequest::requestId));
        QualityReport q = new QualityReport(List.of("synthetic"), n, n, 0, Map.of(), Map.of());
        return new Snapshot("bench", "Nashville", window, districts, requests, q);
    }
}
