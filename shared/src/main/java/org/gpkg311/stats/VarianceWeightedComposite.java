package org.gpkg311.stats;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * The spec's variance-weighted composite (stabilityIndex, capacityRisk, riskScore, opportunityScore).
 *
 * <ul>
 *   <li>Each component is min–max normalised to 0..1 over the districts that have it. A component with fewer than
 *       two distinct defined values is constant: it is dropped (weight 0, normalised values all null, and its
 *       missing values do not make a score NULL because it takes no part in the score).</li>
 *   <li>Weights ∝ the variance of the normalised kept components over the districts that have all of them, and sum
 *       to 1 (population or sample variance give the same proportions).</li>
 *   <li>score = 100 × Σ weight × normalised component; NULL for a district missing a kept component.</li>
 *   <li>When no component is kept, or fewer than two districts have them all, or their variances are all 0,
 *       no weight is defined: every weight is 0 and every score NULL.</li>
 * </ul>
 */
public final class VarianceWeightedComposite {

    /**
     * @param score      0..100 per district, null when a kept component is missing or no weight is defined
     * @param weight     per component, 0 for a dropped one; the kept ones sum to 1
     * @param normalised per component, min–max normalised values (0..1), null where missing or when dropped
     * @param dropped    per component, true when it is constant across districts
     */
    public record Composite(Double[] score, double[] weight, List<Double[]> normalised, boolean[] dropped) {}

    private VarianceWeightedComposite() {}

    /** @param names component names (for messages; must be unique), @param components per-district values */
    public static Composite of(List<String> names, List<Double[]> components) {
        if (names.size() != components.size()) throw new IllegalArgumentException("one name per component");
        if (new HashSet<>(names).size() != names.size()) throw new IllegalArgumentException("duplicate names " + names);
        if (components.isEmpty()) throw new IllegalArgumentException("no component");
        int m = components.size();
        int n = components.get(0).length;
        for (int c = 0; c < m; c++) {
            if (components.get(c).length != n) {
                throw new IllegalArgumentException("component " + names.get(c) + " has " + components.get(c).length
                        + " values, expected " + n);
            }
        }
        List<Double[]> normalised = new ArrayList<>(m);
        boolean[] dropped = new boolean[m];
        for (int c = 0; c < m; c++) {
            Double[] norm = minMax(components.get(c));
            dropped[c] = norm == null;
            normalised.add(norm == null ? new Double[n] : norm);
        }
        boolean[] complete = new boolean[n];
        int completeCount = 0;
        for (int i = 0; i < n; i++) {
            complete[i] = true;
            for (int c = 0; c < m; c++) if (!dropped[c] && normalised.get(c)[i] == null) complete[i] = false;
            if (complete[i]) completeCount++;
        }
        double[] weight = new double[m];
        double total = 0;
        boolean anyKept = false;
        for (int c = 0; c < m; c++) {
            if (dropped[c]) continue;
            anyKept = true;
            weight[c] = completeCount < 2 ? 0 : populationVariance(normalised.get(c), complete, completeCount);
            total += weight[c];
        }
        Double[] score = new Double[n];
        if (!anyKept || total == 0) return new Composite(score, new double[m], normalised, dropped);
        for (int c = 0; c < m; c++) weight[c] /= total;
        for (int i = 0; i < n; i++) {
            if (!complete[i]) continue;
            double s = 0;
            for (int c = 0; c < m; c++) if (!dropped[c]) s += weight[c] * normalised.get(c)[i];
            score[i] = 100.0 * s;
        }
        return new Composite(score, weight, normalised, dropped);
    }

    /** (x − min) / (max − min) over the defined values; null when there are fewer than two distinct values. */
    private static Double[] minMax(Double[] x) {
        double[] v = Values.defined(x);
        if (v.length == 0) return null;
        double min = Descriptive.min(v), max = Descriptive.max(v);
        if (max == min) return null;
        Double[] out = new Double[x.length];
        for (int i = 0; i < x.length; i++) if (x[i] != null) out[i] = (x[i] - min) / (max - min);
        return out;
    }

    private static double populationVariance(Double[] x, boolean[] use, int count) {
        double mean = 0;
        for (int i = 0; i < x.length; i++) if (use[i]) mean += x[i];
        mean /= count;
        double ss = 0;
        for (int i = 0; i < x.length; i++) if (use[i]) ss += (x[i] - mean) * (x[i] - mean);
        return ss / count;
    }
}
