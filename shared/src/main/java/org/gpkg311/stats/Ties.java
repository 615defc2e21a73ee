package org.gpkg311.stats;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The one tie rule of the statistics: two values are equal when they agree to {@value #DIGITS} significant
 * digits. Every comparison that decides a rank, a percentile rank, a class, a cut, a significance bin, a
 * dominant factor or a "top" item goes through here, so that floating-point noise (1.0000000000000002 against
 * 1) never separates two districts; the written value keeps its full precision.
 */
public final class Ties {

    public static final int DIGITS = 12;
    private static final MathContext CONTEXT = new MathContext(DIGITS, RoundingMode.HALF_EVEN);
    /** Integers below this are exact at 12 digits already (the common case of counts skips BigDecimal). */
    private static final double EXACT_INTEGERS = 1e12;

    private Ties() {}

    /** x rounded to 12 significant digits (the exact decimal value of the double, half-even); −0 becomes 0. */
    public static double key(double x) {
        if (x == 0 || Double.isNaN(x) || Double.isInfinite(x)) return x == 0 ? 0.0 : x;
        if (Math.abs(x) < EXACT_INTEGERS && x == Math.rint(x)) return x;
        return new BigDecimal(x).round(CONTEXT).doubleValue();
    }

    /** The keys of district values; null stays null. */
    public static Double[] keys(Double[] values) {
        Double[] out = new Double[values.length];
        for (int i = 0; i < values.length; i++) out[i] = values[i] == null ? null : key(values[i]);
        return out;
    }

    public static double[] keys(double[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) out[i] = key(values[i]);
        return out;
    }

    /** Compares at 12 significant digits: 0 when the values tie. */
    public static int compare(double a, double b) {
        return Double.compare(key(a), key(b));
    }

    public static boolean equal(double a, double b) {
        return compare(a, b) == 0;
    }

    /** a > b at 12 significant digits. */
    public static boolean greater(double a, double b) {
        return compare(a, b) > 0;
    }

    /** The index of the largest value, the first one on a tie (earliest hour, Monday first, ...); −1 when empty. */
    public static int argMax(double[] values) {
        int best = -1;
        for (int i = 0; i < values.length; i++) if (best < 0 || greater(values[i], values[best])) best = i;
        return best;
    }
}
