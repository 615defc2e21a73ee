package org.gpkg311.sample;

/** Sampling from a cumulative distribution (last entry 1.0). */
final class Weighted {

    private Weighted() {}

    static int index(double[] cumulative, double u) {
        int lo = 0, hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] > u) hi = mid;
            else lo = mid + 1;
        }
        return lo;
    }

    static double[] cumulative(double[] weights) {
        double[] c = new double[weights.length];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) c[i] = sum += weights[i];
        for (int i = 0; i < c.length; i++) c[i] /= sum;
        c[c.length - 1] = 1.0;
        return c;
    }

    /** exp(N(mu, sigma)). */
    static double lognormal(java.util.random.RandomGenerator rnd, double mu, double sigma) {
        // StrictMath: the same bytes on every CPU (Math.exp may use a platform intrinsic)
        return StrictMath.exp(mu + sigma * rnd.nextGaussian());
    }
}
