package org.gpkg311.generator.timeclusters;

import java.util.ArrayDeque;
import java.util.List;

import org.gpkg311.geo.Geodesy;
import org.gpkg311.model.District;

/** Where a cluster's districts lie: their geographic spread and the number of contiguous pieces they form. */
final class ClusterGeography {

    private ClusterGeography() {}

    /**
     * Mean geodesic distance (km) of the member districts' centroids to their mean centre (arithmetic
     * mean of lon and lat); null for a cluster without members.
     */
    static Double spreadKm(List<District> districts, Integer[] cluster, int c) {
        double lon = 0, lat = 0;
        int n = 0;
        for (int i = 0; i < districts.size(); i++) {
            if (cluster[i] == null || cluster[i] != c) continue;
            lon += districts.get(i).centroidLon();
            lat += districts.get(i).centroidLat();
            n++;
        }
        if (n == 0) return null;
        lon /= n;
        lat /= n;
        double sum = 0;
        for (int i = 0; i < districts.size(); i++) {
            if (cluster[i] == null || cluster[i] != c) continue;
            sum += Geodesy.distanceMeters(districts.get(i).centroidLon(), districts.get(i).centroidLat(), lon, lat);
        }
        return sum / n / 1000.0;
    }

    /** Number of connected groups the members of cluster c form under the given neighbour lists. */
    static int pieces(int[][] neighbours, Integer[] cluster, int c) {
        boolean[] seen = new boolean[cluster.length];
        int pieces = 0;
        for (int start = 0; start < cluster.length; start++) {
            if (seen[start] || cluster[start] == null || cluster[start] != c) continue;
            pieces++;
            ArrayDeque<Integer> queue = new ArrayDeque<>();
            queue.add(start);
            seen[start] = true;
            while (!queue.isEmpty()) {
                int a = queue.poll();
                for (int b : neighbours[a]) {
                    if (!seen[b] && cluster[b] != null && cluster[b] == c) {
                        seen[b] = true;
                        queue.add(b);
                    }
                }
            }
        }
        return pieces;
    }
}
