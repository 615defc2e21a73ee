package org.gpkg311.invariants;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.gpkg311.table.Table;

/**
 * A district column derived from one score by an order-keeping rule (a rank, a percentile rank, a quartile or
 * quintile class, quartile labels, score classes), as generators.md states it: compared at 12 significant
 * digits, a higher score never has a lower derived position, and equal scores have equal derived values.
 *
 * @param generator the file
 * @param column    the derived column
 * @param score     the column it is derived from
 * @param sign      +1 when the derived position grows with the score, −1 when it grows with −score
 *                  (volatilityCategory orders 100 − stabilityIndex)
 * @param position  the position of a derived value (a rank 1 = highest becomes −rank); null for a value
 *                  that is not a valid label of the column (a violation in itself)
 */
record Ordered(String generator, String column, String score, int sign, Function<Object, Integer> position) {

    static final MathContext DIGITS_12 = new MathContext(12);
    /** Pairs of scores seen equal at 12 digits although their doubles differ: how often the tie rule was exercised. */
    static final java.util.concurrent.atomic.AtomicInteger NEAR_TIES = new java.util.concurrent.atomic.AtomicInteger();

    /** The comparison key of a score: its value rounded to 12 significant digits (generators.md, "Ties"). */
    static BigDecimal key(double v) {
        return new BigDecimal(v).round(DIGITS_12).stripTrailingZeros();
    }

    static Function<Object, Integer> number() {
        return v -> ((Number) v).intValue();
    }

    static Function<Object, Integer> percentile() {
        // a percentile rank is written rounded to 0.1: compare tenths
        return v -> (int) Math.round(((Number) v).doubleValue() * 10);
    }

    static Function<Object, Integer> rank() {
        return v -> -((Number) v).intValue();
    }

    static Function<Object, Integer> labels(List<String> lowestFirst) {
        return v -> {
            int i = lowestFirst.indexOf((String) v);
            return i < 0 ? null : i;
        };
    }

    /**
     * Violations of the order and tie rules in one districts layer; {@code populated} demands at least 4 districts
     * with both values (the sample and the structureless cities), so that a column left NULL cannot pass.
     */
    List<String> check(String city, Table t, boolean populated) {
        List<String> out = new ArrayList<>();
        if (!t.hasColumn(column) || !t.hasColumn(score)) {
            out.add(city + ": " + t.name() + " lacks " + (t.hasColumn(column) ? score : column));
            return out;
        }
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < t.rowCount(); i++) {
            if (t.get(i, score) == null || t.get(i, column) == null) continue;
            if (position.apply(t.get(i, column)) == null) {
                out.add(city + ": " + column + " = \"" + t.get(i, column) + "\" (row " + i + ") is not a label Revision 3 allows");
                continue;
            }
            rows.add(i);
        }
        if (populated && rows.size() < 4)
            out.add(city + ": only " + rows.size() + " districts have both " + score + " and " + column);
        for (int a : rows) {
            for (int b : rows) {
                BigDecimal ka = key(sign * ((Number) t.get(a, score)).doubleValue());
                BigDecimal kb = key(sign * ((Number) t.get(b, score)).doubleValue());
                int pa = position.apply(t.get(a, column)), pb = position.apply(t.get(b, column));
                int c = ka.compareTo(kb);
                if (c == 0 && a < b && !t.get(a, score).equals(t.get(b, score))) NEAR_TIES.incrementAndGet();
                if (c == 0 && a < b && !t.get(a, column).equals(t.get(b, column))) {
                    out.add(city + ": " + score + " equal at 12 digits (" + t.get(a, score) + ", " + t.get(b, score)
                            + ") but " + column + " " + t.get(a, column) + " vs " + t.get(b, column)
                            + " (districts " + t.get(a, "districtId") + ", " + t.get(b, "districtId") + ")");
                } else if (c > 0 && pa < pb) {
                    out.add(city + ": " + score + " " + t.get(a, score) + " > " + t.get(b, score) + " but " + column + " "
                            + t.get(a, column) + " is below " + t.get(b, column)
                            + " (districts " + t.get(a, "districtId") + ", " + t.get(b, "districtId") + ")");
                }
            }
        }
        return out;
    }
}
