package org.gpkg311.spatial;

import org.gpkg311.geo.LaeaPlane;
import org.gpkg311.snapshot.Snapshot;

/**
 * The located requests of a snapshot on its LAEA plane with their within-district nearest-neighbour
 * distances: computed once per snapshot and shared by the generators of a run (geographicPatterns,
 * serviceTypeInsights and, through it, predictiveHotspots), as the time series are.
 *
 * @param nearestMeters per point, the geodesic distance to the nearest other point of its district (NaN when alone)
 */
public record SnapshotPoints(LaeaPlane plane, LocatedPoints points, double[] nearestMeters) {

    private static volatile Cached last;

    private record Cached(Snapshot snapshot, SnapshotPoints points) {}

    /** Memoised for the most recent snapshot instance; the arrays must not be modified. */
    public static SnapshotPoints of(Snapshot snapshot) {
        Cached c = last;
        if (c != null && c.snapshot() == snapshot) return c.points();
        SnapshotPoints p = compute(snapshot);
        last = new Cached(snapshot, p);
        return p;
    }

    public static SnapshotPoints compute(Snapshot snapshot) {
        LaeaPlane plane = LaeaPlane.forDistricts(snapshot.districts());
        LocatedPoints pts = LocatedPoints.of(snapshot, plane);
        double[] nn = NearestNeighbors.geodesicMeters(pts.lon(), pts.lat(), pts.x(), pts.y(), pts.district());
        return new SnapshotPoints(plane, pts, nn);
    }
}
