package org.gpkg311.generator.optimization;

import org.gpkg311.generator.RunContext;
import org.gpkg311.generator.common.SharedFacts;
import java.util.List;

import org.gpkg311.generator.efficiency.ServiceEfficiencyMetrics;
import org.gpkg311.generator.volatility.VolatilityMetrics;
import org.gpkg311.model.ServiceRequest;
import org.gpkg311.snapshot.Snapshot;
import org.gpkg311.stats.Descriptive;
import org.gpkg311.stats.Quantiles;
import org.gpkg311.stats.Ranks;
import org.gpkg311.stats.Ties;
import org.gpkg311.stats.Values;
import org.gpkg311.stats.VarianceWeightedComposite;

/**
 * Gaps to the better districts and the gains of closing them (docs/methods.md#optimizationopportunities), on the
 * response and workload metrics of serviceEfficiency and the dailyCV of requestVolatility.
 * District arrays are indexed like {@code snapshot.districts()}; request arrays like {@code snapshot.requests()}.
 *
 * @param responseTarget    type-7 25th percentile of the district median response hours
 * @param bestMedian        the lowest district median response hours
 * @param efficiencyTarget  type-7 75th percentile of the efficiency score
 * @param contributionShare per district, the largest gap's share of the score (weighted contribution / Σ)
 */
public record OptimizationMetrics(
        Double[] responseGapHours, Double[] efficiencyGap, Double[] workloadGap, Double[] volatilityImpact,
        Double[] workloadPressure, Double[] responseGapToBestHours, Double[] expectedHoursSaved,
        VarianceWeightedComposite.Composite opportunity, Integer[] priorityRank, Integer[] priorityQuartile,
        Double[] optimizationImpact, String[] opportunityCategory, Double[] contributionShare,
        Double[] potentialHoursSaved, Double responseTarget, Double bestMedian, Double efficiencyTarget) {

    public static final List<String> GAPS = List.of("responseGapHours", "efficiencyGap", "workloadGap", "volatilityImpact");
    /** opportunityCategory labels, in gap order. */
    public static final List<String> GAP_LABELS = List.of("Response time", "Efficiency", "Workload balance", "Stability");
    public static final String MULTI_FACTOR = "Multi-factor";
    /** The spec's "majority". */
    public static final double MAJORITY = 0.5;
    public static final double RESPONSE_TARGET_QUANTILE = 0.25;
    public static final double EFFICIENCY_TARGET_QUANTILE = 0.75;

    /** The gap facts of a run, from the efficiency and volatility facts. */
    public static final RunContext.Fact<OptimizationMetrics> FACT = new RunContext.Fact<>("optimization", OptimizationMetrics::of);

    static OptimizationMetrics of(RunContext context) {
        Snapshot snapshot = context.snapshot();
        ServiceEfficiencyMetrics e = context.get(ServiceEfficiencyMetrics.FACT);
        VolatilityMetrics v = context.get(VolatilityMetrics.FACT);
        int n = snapshot.districts().size();
        int[] requestCount = context.get(SharedFacts.REQUEST_COUNTS);
        int total = java.util.Arrays.stream(requestCount).sum();

        Double target = Quantiles.of(e.medianResponseHours(), RESPONSE_TARGET_QUANTILE);
        Double best = Descriptive.min(Values.defined(e.medianResponseHours()));
        Double effTarget = Quantiles.of(e.efficiencyScore(), EFFICIENCY_TARGET_QUANTILE);
        Double[] responseGap = new Double[n], effGap = new Double[n], workloadGap = new Double[n], volImpact = new Double[n];
        Double[] pressure = new Double[n], toBest = new Double[n], saved = new Double[n];
        Double[] share = new Double[n];
        for (int i = 0; i < n; i++) {
            Double med = e.medianResponseHours()[i];
            share[i] = Values.ratio(requestCount[i], total);
            if (med != null) {
                responseGap[i] = Math.max(0, med - target);
                toBest[i] = med - best;
            }
            if (e.efficiencyScore()[i] != null) effGap[i] = Math.max(0, effTarget - e.efficiencyScore()[i]);
            if (e.workloadRatio()[i] != null) workloadGap[i] = Math.abs(e.workloadRatio()[i] - 1);
            if (v.dailyCV()[i] != null && share[i] != null) volImpact[i] = v.dailyCV()[i] * share[i];
            if (e.workloadRatio()[i] != null && e.responseTimeRatio()[i] != null) {
                pressure[i] = e.workloadRatio()[i] * e.responseTimeRatio()[i];
            }
            if (target != null) saved[i] = 0.0;
        }
        List<ServiceRequest> requests = snapshot.requests();
        int[] districtOf = snapshot.requestDistrictIndexes();
        Double[] potential = new Double[requests.size()];
        if (target != null) {
            for (int r = 0; r < requests.size(); r++) {
                Double h = requests.get(r).responseHours();
                if (h == null) continue;
                potential[r] = Math.max(0, h - target);
                saved[districtOf[r]] += potential[r];
            }
        }

        VarianceWeightedComposite.Composite c = VarianceWeightedComposite.of(GAPS,
                List.of(responseGap, effGap, workloadGap, volImpact));
        Double[] score = c.score();
        Double[] impactRaw = new Double[n];
        for (int i = 0; i < n; i++) if (score[i] != null && share[i] != null) impactRaw[i] = score[i] * share[i];
        Double[] impact = rescale(impactRaw);
        String[] category = new String[n];
        Double[] majority = new Double[n];
        for (int i = 0; i < n; i++) {
            if (score[i] == null) continue;
            Double[] values = new Double[GAPS.size()];
            for (int g = 0; g < GAPS.size(); g++) values[g] = c.normalised().get(g)[i];
            majority[i] = largestShare(c.weight(), values, c.dropped());
            category[i] = category(c.weight(), values, c.dropped());
        }
        return new OptimizationMetrics(responseGap, effGap, workloadGap, volImpact, pressure, toBest, saved, c,
                Ranks.descending(score), Ranks.quartile(score), impact, category, majority, potential, target, best, effTarget);
    }

    /** Share of the score held by the largest weighted contribution; null when the score is 0. */
    static Double largestShare(double[] weight, Double[] normalised, boolean[] dropped) {
        double sum = 0, max = 0;
        for (int g = 0; g < weight.length; g++) {
            if (dropped[g] || normalised[g] == null) continue;
            double contribution = weight[g] * normalised[g];
            sum += contribution;
            max = Math.max(max, contribution);
        }
        return sum > 0 ? max / sum : null;
    }

    /** The gap with the largest weighted contribution (12-digit ties: the first gap) when it holds a majority (> 0.5) of the score, else Multi-factor. */
    static String category(double[] weight, Double[] normalised, boolean[] dropped) {
        Double share = largestShare(weight, normalised, dropped);
        if (share == null || !Ties.greater(share, MAJORITY)) return MULTI_FACTOR;   // 12 digits: 0.5000000000001 is a tie
        int arg = -1;
        double max = -1;
        for (int g = 0; g < weight.length; g++) {
            if (dropped[g] || normalised[g] == null) continue;
            double contribution = weight[g] * normalised[g];
            if (arg < 0 || Ties.greater(contribution, max)) {
                max = contribution;
                arg = g;
            }
        }
        return GAP_LABELS.get(arg);
    }

    /** Min–max rescaling of the defined values to 0..100; null when they do not vary. */
    static Double[] rescale(Double[] x) {
        double[] v = Values.defined(x);
        Double[] out = new Double[x.length];
        if (v.length == 0) return out;
        double min = Descriptive.min(v), max = Descriptive.max(v);
        if (max == min) return out;
        for (int i = 0; i < x.length; i++) if (x[i] != null) out[i] = 100 * (x[i] - min) / (max - min);
        return out;
    }
}
