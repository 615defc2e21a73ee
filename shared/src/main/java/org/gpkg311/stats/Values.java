package org.gpkg311.stats;

import java.util.Arrays;
import java.util.Objects;

/** District-level values are {@code Double[]} with null for "undefined"; these helpers drop the nulls. */
public final class Values {

    private Values() {}

    /** The defined values, in their order. */
    public static double[] defined(Double[] values) {
        return Arrays.stream(values).filter(Objects::nonNull).mapToDouble(Double::doubleValue).toArray();
    }

    public static Double[] boxed(double[] values) {
        Double[] out = new Double[values.length];
        for (int i = 0; i < values.length; i++) out[i] = values[i];
        return out;
    }

    public static Double[] boxed(int[] values) {
        Double[] out = new Double[values.length];
        for (int i = 0; i < values.length; i++) out[i] = (double) values[i];
        return out;
    }

    /** a / b, or null when either is null or b is 0. */
    public static Double ratio(Double a, Double b) {
        if (a == null || b == null || b == 0.0) return null;
        return a / b;
    }

    /** a / b for counts, or null when b is 0. */
    public static Double ratio(long a, long b) {
        return b == 0 ? null : (double) a / b;
    }
}
