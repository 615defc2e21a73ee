package org.gpkg311.style;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.gpkg311.stats.Quantiles;
import org.gpkg311.stats.Ranks;
import org.gpkg311.table.Column;
import org.gpkg311.table.ColumnType;
import org.gpkg311.table.Levels;
import org.gpkg311.table.Table;

/**
 * The classes and colours of one column of a layer, decided once for the SVG preview, the QGIS style and
 * the JSON summary, so that the three never disagree.
 *
 * <ul>
 *   <li>TEXT: one category per distinct value, sorted, in the qualitative palette; an ordinal column (one
 *   with {@link Levels}) in its order instead, on the sequential ramp or, for a diverging one, blue →
 *   neutral → red.</li>
 *   <li>Numbers of one sign: type-7 quintile classes (a value on a cut belongs to the lower class), empty
 *   classes dropped, viridis low → high.</li>
 *   <li>Signed numbers (some below and some above 0): five diverging classes around a neutral band
 *   [−t₁, t₁] that contains 0, t₁ the 20th and t₂ the 60th percentile of |value|.</li>
 * </ul>
 * Every numeric class carries the closed interval [lower, upper]; the intervals do not overlap and hold
 * every member, so a reader that takes the first interval containing a value (QGIS does) agrees with
 * {@link #classOf}.
 *
 * @param column   the classified column
 * @param kind     graduated (numeric intervals) or categorised (values)
 * @param classes  low → high (graduated) or by name (categorised)
 * @param rowClass per row the index into {@code classes}, −1 when the value is undefined
 * @param digits   the extra digits of a graduated legend's labels ({@link ValueFormat#legendDigits}), 0 otherwise
 */
public record Classification(Column column, Kind kind, List<MapClass> classes, int[] rowClass, int digits) {

    public enum Kind { GRADUATED, CATEGORISED }

    /**
     * One class: its legend label and fill; for a graduated class the closed interval, for a categorised one
     * the value (as text).
     */
    public record MapClass(String label, String colour, Double lower, Double upper, String category) {}

    private static final String[] HOT_SPOT_LABELS = {"Cold spot 99%", "Cold spot 95%", "Cold spot 90%", "Not significant",
            "Hot spot 90%", "Hot spot 95%", "Hot spot 99%"};

    public Classification {
        classes = List.copyOf(classes);
    }

    /** Classes of {@code column} in {@code layer} by the rules above. */
    public static Classification of(Table layer, String column) {
        Column c = layer.columns().get(layer.columnIndex(column));
        return switch (c.type()) {
            case TEXT -> categories(layer, c);
            case INTEGER, REAL -> {
                Double[] v = numbers(layer, column);
                double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
                for (Double x : v) if (x != null) { min = Math.min(min, x); max = Math.max(max, x); }
                yield min < 0 && max > 0 ? diverging(c, v) : quintiles(c, v);
            }
            default -> throw new IllegalArgumentException("cannot classify " + c.type() + " column " + column + " of " + layer.name());
        };
    }

    /** Whether a layer holds Gi* hot-spot cells (polygons with a giBin column) rather than districts or points. */
    public static boolean isHotSpotLayer(Table layer) {
        return layer.hasColumn("giBin") && (layer.geometryKind() == org.gpkg311.table.GeometryKind.POLYGON
                || layer.geometryKind() == org.gpkg311.table.GeometryKind.MULTIPOLYGON);
    }

    /** The Gi* bins −3 … +3 of a hot-spot cell layer (column giBin), all seven always shown, in Esri's colours. */
    public static Classification hotSpots(Table cells) {
        Column c = cells.columns().get(cells.columnIndex("giBin"));
        List<MapClass> classes = new ArrayList<>();
        for (int bin = -3; bin <= 3; bin++) {
            classes.add(new MapClass(HOT_SPOT_LABELS[bin + 3], Palette.HOT_COLD[bin + 3], null, null, Integer.toString(bin)));
        }
        int[] rows = new int[cells.rowCount()];
        for (int i = 0; i < rows.length; i++) {
            Object v = cells.get(i, "giBin");
            rows[i] = v == null ? -1 : ((Number) v).intValue() + 3;
        }
        return new Classification(c, Kind.CATEGORISED, classes, rows, 0);
    }

    /** Index of the class of a value, −1 for null or a value outside every class. */
    public int classOf(Object value) {
        if (value == null) return -1;
        for (int k = 0; k < classes.size(); k++) {
            MapClass m = classes.get(k);
            if (kind == Kind.CATEGORISED ? m.category().equals(categoryText(value))
                    : m.lower() <= ((Number) value).doubleValue() && ((Number) value).doubleValue() <= m.upper()) {
                return k;
            }
        }
        return -1;
    }

    public boolean anyUndefined() {
        for (int r : rowClass) if (r < 0) return true;
        return false;
    }

    /** The class label of a row, "No value" when undefined. */
    public String labelOf(int row) {
        return rowClass[row] < 0 ? "No value" : classes.get(rowClass[row]).label();
    }

    /**
     * A value as it reads beside its class: with the legend's digits, so that a value shown next to
     * "0.4556 – 0.7866" reads 0.7866, not 0.79; "no value" for null.
     */
    public String valueText(Object value) {
        return value instanceof Number n && kind == Kind.GRADUATED ? ValueFormat.of(n.doubleValue(), digits) : ValueFormat.of(value);
    }

    public String colourOf(int row) {
        return rowClass[row] < 0 ? Palette.NO_VALUE : classes.get(rowClass[row]).colour();
    }

    /** Competition ranks of a numeric column (1 = highest, ties share), null for undefined; all null for TEXT. */
    public static Integer[] ranks(Table layer, String column) {
        Column c = layer.columns().get(layer.columnIndex(column));
        if (c.type() != ColumnType.INTEGER && c.type() != ColumnType.REAL) return new Integer[layer.rowCount()];
        return Ranks.descending(numbers(layer, column));
    }

    private static Classification categories(Table layer, Column c) {
        int column = layer.columnIndex(c.name());
        java.util.Set<String> distinct = new java.util.HashSet<>();
        for (Object[] row : layer.rows()) if (row[column] != null) distinct.add((String) row[column]);
        Levels levels = c.levels();
        boolean ordinal = levels != null && distinct.stream().allMatch(v -> levels.indexOf(v) >= 0);
        List<String> values = new ArrayList<>(new TreeSet<>(distinct));
        if (ordinal) values.sort(java.util.Comparator.comparingInt(levels::indexOf));
        String[] colours = ordinal ? ordinalColours(levels, values) : null;
        List<MapClass> classes = new ArrayList<>();
        java.util.Map<String, Integer> index = new java.util.HashMap<>();
        for (int k = 0; k < values.size(); k++) {
            String colour = ordinal ? colours[k] : Palette.CATEGORICAL[k % Palette.CATEGORICAL.length];
            classes.add(new MapClass(values.get(k), colour, null, null, values.get(k)));
            index.put(values.get(k), k);
        }
        int[] rows = new int[layer.rowCount()];
        for (int i = 0; i < rows.length; i++) {
            Object v = layer.values(i)[column];
            rows[i] = v == null ? -1 : index.get(v);
        }
        return new Classification(c, Kind.CATEGORISED, classes, rows, 0);
    }

    /**
     * Colours of the ordinal values present, low → high. A one-way scale spreads them over the whole
     * sequential ramp; a diverging one places each by its distance from the neutral middle level, so the
     * middle stays neutral and a low end stays blue whichever values are present.
     */
    private static String[] ordinalColours(Levels levels, List<String> present) {
        if (!levels.diverging()) return Palette.sequential(present.size());
        String[] out = new String[present.size()];
        int middle = levels.lowToHigh().size() / 2;
        for (int k = 0; k < out.length; k++) {
            double t = (levels.indexOf(present.get(k)) - middle) / (double) middle; // −1 … 1
            out[k] = Palette.DIVERGING[(int) Math.round((t + 1) * (Palette.DIVERGING.length - 1) / 2)];
        }
        return out;
    }

    private static Classification quintiles(Column c, Double[] v) {
        Integer[] quintile = Ranks.quintile(v);
        double[] lo = new double[5], hi = new double[5];
        java.util.Arrays.fill(lo, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(hi, Double.NEGATIVE_INFINITY);
        for (int i = 0; i < v.length; i++) {
            if (quintile[i] == null) continue;
            int k = quintile[i] - 1;
            lo[k] = Math.min(lo[k], v[i]);
            hi[k] = Math.max(hi[k], v[i]);
        }
        List<double[]> bounds = new ArrayList<>();
        List<String> colours = new ArrayList<>();
        for (int k = 0; k < 5; k++) {
            if (lo[k] > hi[k]) continue; // an empty quintile (ties on a cut)
            bounds.add(new double[] {lo[k], hi[k]});
            colours.add(Palette.SEQUENTIAL[k]);
        }
        return graduated(c, bounds, colours, v);
    }

    private static Classification diverging(Column c, Double[] v) {
        List<Double> abs = new ArrayList<>();
        for (Double x : v) if (x != null) abs.add(Math.abs(x));
        Double[] a = abs.toArray(Double[]::new);
        double t1 = Quantiles.of(a, 0.2), t2 = Quantiles.of(a, 0.6);
        if (t1 == 0) { // a fifth of the values are exactly 0: the band is half the smallest non-zero size
            double smallest = Double.POSITIVE_INFINITY;
            for (double x : a) if (x > 0) smallest = Math.min(smallest, x);
            t1 = smallest / 2;
        }
        t2 = Math.max(t1, t2);
        // Band of each value: 0 < −t2 ≤ 1 < −t1 ≤ 2 ≤ t1 < 3 ≤ t2 < 4.
        double[] lo = new double[5], hi = new double[5];
        java.util.Arrays.fill(lo, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(hi, Double.NEGATIVE_INFINITY);
        for (Double x : v) {
            if (x == null) continue;
            int k = band(x, t1, t2);
            lo[k] = Math.min(lo[k], x);
            hi[k] = Math.max(hi[k], x);
        }
        List<double[]> bounds = new ArrayList<>();
        List<String> colours = new ArrayList<>();
        for (int k = 0; k < 5; k++) {
            if (k == 2) { // the neutral band is kept even when empty, so the ramp stays centred on 0
                bounds.add(new double[] {-t1, t1});
                colours.add(Palette.DIVERGING[2]);
            } else if (lo[k] <= hi[k]) {
                bounds.add(new double[] {lo[k], hi[k]});
                colours.add(Palette.DIVERGING[k]);
            }
        }
        return graduated(c, bounds, colours, v);
    }

    /**
     * The graduated classes of the closed intervals {@code bounds} (low → high), labelled together so that
     * neighbours read apart, and the class of each value.
     */
    private static Classification graduated(Column c, List<double[]> bounds, List<String> colours, Double[] v) {
        double[] lower = bounds.stream().mapToDouble(b -> b[0]).toArray();
        double[] upper = bounds.stream().mapToDouble(b -> b[1]).toArray();
        int digits = ValueFormat.legendDigits(lower, upper);
        List<MapClass> classes = new ArrayList<>();
        for (int k = 0; k < lower.length; k++) {
            classes.add(new MapClass(ValueFormat.range(lower[k], upper[k], digits), colours.get(k), lower[k], upper[k], null));
        }
        Classification unassigned = new Classification(c, Kind.GRADUATED, classes, new int[0], digits);
        int[] rows = new int[v.length];
        for (int i = 0; i < v.length; i++) rows[i] = unassigned.classOf(v[i]);
        return new Classification(c, Kind.GRADUATED, classes, rows, digits);
    }

    private static int band(double x, double t1, double t2) {
        if (x < -t2) return 0;
        if (x < -t1) return 1;
        if (x <= t1) return 2;
        if (x <= t2) return 3;
        return 4;
    }

    private static String categoryText(Object value) {
        return value instanceof Number n ? Long.toString(n.longValue()) : value.toString();
    }

    private static Double[] numbers(Table layer, String column) {
        Double[] v = new Double[layer.rowCount()];
        for (int i = 0; i < v.length; i++) {
            Object x = layer.get(i, column);
            v[i] = x == null ? null : ((Number) x).doubleValue();
        }
        return v;
    }
}
