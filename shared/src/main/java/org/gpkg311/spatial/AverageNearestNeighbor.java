package org.gpkg311.spatial;

/**
 * Average nearest neighbour as ArcGIS's tool computes it: expected mean distance 0.5·√(A/n) for
 * complete spatial randomness, standard error 0.26136·√A / n (0.26136 = √((4 − π)/π)/2, i.e. Clark
 * and Evans' constant), ratio = observed / expected and z = (observed − expected) / SE. A < 1
 * ratio means clustered, > 1 dispersed.
 */
public record AverageNearestNeighbor(int n, double observedMeanMeters, double expectedMeanMeters,
                                     double standardErrorMeters, double ratio, double z) {

    /** ArcGIS's standard-error constant. */
    public static final double SE_CONSTANT = 0.26136;

    /**
     * @param nearestMeters nearest-neighbour distances of the district's points (metres)
     * @param areaSqKm      the district's geodesic area
     * @return null when fewer than 2 points (no neighbour is defined) or the area is not positive
     */
    public static AverageNearestNeighbor of(double[] nearestMeters, double areaSqKm) {
        int n = nearestMeters.length;
        if (n < 2 || !(areaSqKm > 0)) return null;
        double areaSqM = areaSqKm * 1e6;
        double sum = 0;
        for (double d : nearestMeters) sum += d;
        double observed = sum / n;
        double expected = 0.5 * Math.sqrt(areaSqM / n);
        double se = SE_CONSTANT * Math.sqrt(areaSqM) / n;
        return new AverageNearestNeighbor(n, observed, expected, se, observed / expected, (observed - expected) / se);
    }
}
