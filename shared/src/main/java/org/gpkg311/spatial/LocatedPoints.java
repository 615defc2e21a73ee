package org.gpkg311.spatial;

import java.util.List;

import org.gpkg311.geo.LaeaPlane;
import org.gpkg311.model.ServiceRequest;
import org.gpkg311.snapshot.Snapshot;
import org.locationtech.jts.geom.Coordinate;

/**
 * The requests that enter point statistics (those with a point inside a district), with their
 * coordinates in lon/lat and on the LAEA plane. Rows kept only by their district field are left out,
 * as the spec says.
 *
 * @param requestIndex index of point p in {@code snapshot.requests()}
 * @param district     index of point p's district in {@code snapshot.districts()}
 * @param x            easting on the LAEA plane (metres)
 * @param y            northing on the LAEA plane (metres)
 */
public record LocatedPoints(int[] requestIndex, int[] district, double[] lon, double[] lat, double[] x, double[] y) {

    public static LocatedPoints of(Snapshot snapshot, LaeaPlane plane) {
        List<ServiceRequest> requests = snapshot.requests();
        int[] districtOf = snapshot.requestDistrictIndexes();
        int n = 0;
        for (ServiceRequest r : requests) if (r.located()) n++;
        int[] index = new int[n], district = new int[n];
        double[] lon = new double[n], lat = new double[n], x = new double[n], y = new double[n];
        int p = 0;
        for (int r = 0; r < requests.size(); r++) {
            ServiceRequest q = requests.get(r);
            if (!q.located()) continue;
            Coordinate c = plane.project(q.longitude(), q.latitude());
            index[p] = r;
            district[p] = districtOf[r];
            lon[p] = q.longitude();
            lat[p] = q.latitude();
            x[p] = c.x;
            y[p] = c.y;
            p++;
        }
        return new LocatedPoints(index, district, lon, lat, x, y);
    }

    public int size() {
        return requestIndex.length;
    }

    /** Point index of each snapshot request, or -1 for a request without a located point. */
    public int[] pointOfRequest(int requestCount) {
        int[] out = new int[requestCount];
        java.util.Arrays.fill(out, -1);
        for (int p = 0; p < requestIndex.length; p++) out[requestIndex[p]] = p;
        return out;
    }

    /** The point indexes of each district, in point order. */
    public int[][] byDistrict(int districtCount) {
        return members(district, districtCount);
    }

    /** The indexes p with group[p] = g, for every g in 0..groups−1, in index order (a counting sort). */
    static int[][] members(int[] group, int groups) {
        int[] counts = new int[groups];
        for (int g : group) counts[g]++;
        int[][] out = new int[groups][];
        for (int g = 0; g < groups; g++) out[g] = new int[counts[g]];
        int[] fill = new int[groups];
        for (int p = 0; p < group.length; p++) out[group[p]][fill[group[p]]++] = p;
        return out;
    }
}
