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

    private OneDecimal() {}

    static String of(double v) {
        if (!Double.isFinite(v)) return String.format(Locale.ROOT, "%.1f", v);
        BigDecimal rounded = new BigDecimal(Double.toString(v)).setScale(1, RoundingMode.HALF_UP);
        String text = rounded.toPlainString();
        boolean negative = v < 0 || (v == 0 && 1 / v < 0);
        return negative && rounded.signum() == 0 ? "-" + text : text;
    }
}
