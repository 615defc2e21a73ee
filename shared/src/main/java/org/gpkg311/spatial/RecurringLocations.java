package org.gpkg311.spatial;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Recurring (location, request type) pairs (spec, "Exact rules: Service types"). A location is the
 * normalised address or, for a request without one, its point snapped to a square cell of side c on
 * the LAEA plane, c = the median of all requests' nearest-neighbour distances. A pair with count c
 * is recurring when c ≥ R, R = max(2, ⌈type-7 95th percentile of the pair counts⌉).
 *
 * @param location     location key of each request (null: no address and no point)
 * @param pairCount    requests in each request's (location, type) pair (0 without a location)
 * @param threshold    R
 * @param percentile95 the type-7 95th percentile of the pair counts (null when there is no pair)
 * @param recurring    whether each request belongs to a recurring pair
 * @param pairs        number of distinct (location, type) pairs
 */
public record RecurringLocations(String[] location, int[] pairCount, int threshold, Double percentile95,
                                 boolean[] recurring, int pairs) {

    /** A recurring location needs at least 2 requests (a convention of the spec). */
    public static final int MIN_REPEATS = 2;
    /** The 95th percentile as a fraction in twentieths: 0.95 = 19/20. */
    static final int PERCENTILE_TWENTIETHS = 19;

    /**
     * @param address  per request (may be null or blank)
     * @param type     per request
     * @param x        per request: LAEA easting, NaN when the request has no point
     * @param cellSide c in metres (the median nearest-neighbour distance); when 0 the exact point is the key
     */
    public static RecurringLocations of(String[] address, String[] type, double[] x, double[] y, double cellSide) {
        int n = address.length;
        String[] location = new String[n];
        for (int r = 0; r < n; r++) location[r] = locationKey(address[r], x[r], y[r], cellSide);
        Map<String, Integer> counts = new HashMap<>();
        String[] pair = new String[n];
        for (int r = 0; r < n; r++) {
            if (location[r] == null) continue;
            pair[r] = location[r] + '\u0000' + type[r];
            counts.merge(pair[r], 1, Integer::sum);
        }
        int[] c = counts.values().stream().mapToInt(Integer::intValue).sorted().toArray();
        long p95Twentieths = c.length == 0 ? 0 : p95Twentieths(c);
        Double p95 = c.length == 0 ? null : p95Twentieths / 20.0;
        int threshold = Math.max(MIN_REPEATS, (int) Math.ceilDiv(p95Twentieths, 20L));
        int[] pairCount = new int[n];
        boolean[] recurring = new boolean[n];
        for (int r = 0; r < n; r++) {
            if (pair[r] == null) continue;
            pairCount[r] = counts.get(pair[r]);
            recurring[r] = pairCount[r] >= threshold;
        }
        return new RecurringLocations(location, pairCount, threshold, p95, recurring, counts.size());
    }

    /**
     * 20 × the type-7 95th percentile of sorted integer counts, computed exactly. Type 7 puts the
     * quantile at h = (n − 1)·19/20 and interpolates x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]), so 20 × it
     * is an integer. In floating point 0.95 is not exact and the interpolation can land a hair above an
     * integer (e.g. 2 + 0.05·20 = 3.0000000000000142), which ⌈⌉ would turn into R one too high.
     */
    static long p95Twentieths(int[] sorted) {
        long h20 = (long) PERCENTILE_TWENTIETHS * (sorted.length - 1);
        int lo = (int) (h20 / 20);
        long frac20 = h20 % 20;
        long v = 20L * sorted[lo];
        if (frac20 > 0) v += frac20 * (sorted[lo + 1] - sorted[lo]);
        return v;
    }

    /** "A:" + normalised address, else "C:" + snapped cell, else null. */
    static String locationKey(String address, double x, double y, double cellSide) {
        String a = normaliseAddress(address);
        if (a != null) return "A:" + a;
        if (Double.isNaN(x)) return null;
        if (cellSide > 0) return "C:" + (long) Math.floor(x / cellSide) + ':' + (long) Math.floor(y / cellSide);
        return "P:" + x + ':' + y;
    }

    /**
     * Upper case, the text before the first comma, every character that is not a letter, digit or
     * space removed, runs of spaces collapsed; null when nothing is left.
     */
    public static String normaliseAddress(String address) {
        if (address == null) return null;
        String s = address.toUpperCase(Locale.ROOT);
        int comma = s.indexOf(',');
        if (comma >= 0) s = s.substring(0, comma);
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetterOrDigit(cp)) b.appendCodePoint(cp);
            else if (cp == ' ' && b.length() > 0 && b.charAt(b.length() - 1) != ' ') b.append(' ');
        }
        String out = b.toString().strip();
        return out.isEmpty() ? null : out;
    }
}
