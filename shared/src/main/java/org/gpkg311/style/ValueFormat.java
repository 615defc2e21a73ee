package org.gpkg311.style;

import java.util.Locale;

/** How a value reads on a map, in a legend, a tooltip and the index page: the same text everywhere. */
public final class ValueFormat {

    private ValueFormat() {}

    /** At most this many digits more than {@link #of} gives, to tell two bounds of a legend apart. */
    static final int MAX_EXTRA_DIGITS = 6;

    /** Doubles to three significant figures or two decimals; "no value" for null. */
    public static String of(Object v) {
        if (v == null) return "no value";
        if (v instanceof Double d) return of(d, 0);
        return String.valueOf(v);
    }

    /** As {@link #of(Object)} with {@code extra} more digits. */
    static String of(double d, int extra) {
        double a = Math.abs(d);
        if (a != 0 && (a < 0.01 || a >= 1e6)) return String.format(Locale.ROOT, "%." + (3 + extra) + "g", d);
        return String.format(Locale.ROOT, "%." + ((a >= 100 ? 0 : a >= 10 ? 1 : 2) + extra) + "f", d);
    }

    /** "lower – upper" with {@code extra} more digits, one number when lower = upper. */
    static String range(double lower, double upper, int extra) {
        return lower == upper ? of(lower, extra) : of(lower, extra) + " – " + of(upper, extra);
    }

    /**
     * The extra digits of a legend whose classes are listed low to high: the fewest at which no two neighbouring
     * bounds of different value read alike. "0.35 – 0.39", "0.39 – 0.40" would not say where 0.39 belongs, so
     * that legend reads "0.350 – 0.390", "0.391 – 0.396"; the values shown beside its classes take them too.
     */
    static int legendDigits(double[] lower, double[] upper) {
        int extra = 0;
        while (extra < MAX_EXTRA_DIGITS && !distinct(lower, upper, extra)) extra++;
        return extra;
    }

    /** Whether every two neighbours of the sequence lower₀, upper₀, lower₁, upper₁, … that differ read as different numbers. */
    private static boolean distinct(double[] lower, double[] upper, int extra) {
        for (int k = 0; k < lower.length; k++) {
            if (readAlike(lower[k], upper[k], extra)) return false;
            if (k + 1 < lower.length && readAlike(upper[k], lower[k + 1], extra)) return false;
        }
        return true;
    }

    /** Two different values whose texts are the same number ("10.00" and "10.0" too). */
    private static boolean readAlike(double a, double b, int extra) {
        return a != b && Double.parseDouble(of(a, extra)) == Double.parseDouble(of(b, extra));
    }

    /** The unit named in an alias's trailing parentheses ("Area (km²)" → "km²"), else null. */
    public static String unitOf(String alias) {
        int open = alias.lastIndexOf('('), close = alias.lastIndexOf(')');
        return open >= 0 && close == alias.length() - 1 && close > open + 1 ? alias.substring(open + 1, close) : null;
    }
}
