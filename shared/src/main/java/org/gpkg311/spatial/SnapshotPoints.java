package org.gpkg311.spatial;

import org.gpkg311.geo.LaeaPlane;
import org.gpkg311.snapshot.LastSnapshotMemo;
import org.gpkg311.snapshot.Snapshot;

/**
 * The located requests of a snapshot on its LAEA plane with their within-district nearest-neighbour
 * distances: computed once per snapshot and shared by the generators of a run (geographicPatterns,
 * serviceTypeInsights and, through it, predictiveHotspots), as the time series are.
 *
 * @param nearestMeters per point, the geodesic distance to the nearest other point of its district (NaN when alone)
 */
public record SnapshotPoints(LaeaPlane plane, LocatedPoints points, double[] nearestMeters) {

    private static final LastSnapshotMemo<SnapshotPoints> LAST = new LastSnapshotMemo<>(SnapshotPoints::compute);

    /** Memoised for the most recent snapshot instance; the arrays must not be modified. */
    public static SnapshotPoints of(Snapshot snapshot) {
        return LAST.of(snapshot);
    }

    public static SnapshotPoints compute(Snapshot snapshot) {
        LaeaPlane plane = LaeaPlane.forDistricts(snapshot.districts());
        LocatedPoints pts = LocatedPoints.of(snapshot, plane);
        double[] nn = NearestNeighbors.geodesicMeters(pts.lon(), pts.lat(), pts.x(), pts.y(), pts.district());
        return new SnapshotPoints(plane, pts, nn);
    }
}
