package org.gpkg311.style;

import java.util.Locale;

/** How a value reads on a map, in a legend, a tooltip and the index page: the same text everywhere. */
public final class ValueFormat {

    private ValueFormat() {}

    /** Doubles to three significant figures or two decimals; "no value" for null. */
    public static String of(Object v) {
        if (v == null) return "no value";
        if (v instanceof Double d) {
            double a = Math.abs(d);
            if (a != 0 && (a < 0.01 || a >= 1e6)) return String.format(Locale.ROOT, "%.3g", d);
            return String.format(Locale.ROOT, a >= 100 ? "%.0f" : a >= 10 ? "%.1f" : "%.2f", d);
        }
        return String.valueOf(v);
    }

    /** The unit named in an alias's trailing parentheses ("Area (km²)" → "km²"), else null. */
    public static String unitOf(String alias) {
        int open = alias.lastIndexOf('('), close = alias.lastIndexOf(')');
        return open >= 0 && close == alias.length() - 1 && close > open + 1 ? alias.substring(open + 1, close) : null;
    }
}
