package org.gpkg311.spatial;

import org.gpkg311.geo.LaeaPlane;
import org.gpkg311.snapshot.Snapshot;

/**
 * The located requests of a snapshot on its LAEA plane with their within-district nearest-neighbour
 * distances: computed once per run (the run context's points fact) and shared by geographicPatterns,
 * serviceTypeInsights and, through it, predictiveHotspots.
 *
 * @param nearestMeters per point, the geodesic distance to the nearest other point of its district (NaN when alone)
 */
public record SnapshotPoints(LaeaPlane plane, LocatedPoints points, double[] nearestMeters) {

    public static SnapshotPoints compute(Snapshot snapshot) {
        LaeaPlane plane = LaeaPlane.forDistricts(snapshot.districts());
        LocatedPoints pts = LocatedPoints.of(snapshot, plane);
        double[] nn = NearestNeighbors.geodesicMeters(pts.lon(), pts.lat(), pts.x(), pts.y(), pts.district());
        return new SnapshotPoints(plane, pts, nn);
    }
}
