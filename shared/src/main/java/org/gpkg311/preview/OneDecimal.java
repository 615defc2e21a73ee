package org.gpkg311.preview;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * The text {@code String.format(Locale.ROOT, "%.1f", v)} gives, without a Formatter per call: a map writes
 * tens of thousands of coordinates, and parsing the format string each time showed in profiles. Like the
 * Formatter it rounds the shortest decimal form of the double half up, and keeps the sign of a negative
 * value that rounds to zero.
 */
final class OneDecimal {

    /** Below this, tenths fit a long exactly and adding 0.5 to them is exact. */
    private static final double FAST_LIMIT = 1e15;

    private OneDecimal() {}

    static String of(double v) {
        boolean negative = v < 0 || (v == 0 && 1 / v < 0);
        double tenths = Math.abs(v) * 10;
        if (tenths < FAST_LIMIT) {
            // The shortest decimal form differs from the double by less than half its ulp, and the product adds half
            // an ulp of tenths: both together stay under 2 ulps of tenths. Away from a tie (k + 0.5 tenths) by more
            // than that, the double and its shortest form round to the same tenth.
            double fraction = tenths - Math.floor(tenths);
            if (Math.abs(fraction - 0.5) > 4 * Math.ulp(tenths)) {
                long rounded = (long) Math.floor(tenths + 0.5);
                return (negative ? "-" : "") + rounded / 10 + "." + rounded % 10;
            }
        }
        if (!Double.isFinite(v)) return String.format(Locale.ROOT, "%.1f", v);
        BigDecimal rounded = new BigDecimal(Double.toString(v)).setScale(1, RoundingMode.HALF_UP);
        String text = rounded.toPlainString();
        return negative && rounded.signum() == 0 ? "-" + text : text;
    }
}
