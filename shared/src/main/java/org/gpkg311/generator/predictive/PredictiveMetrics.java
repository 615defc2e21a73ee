package org.gpkg311.generator.predictive;

import org.gpkg311.generator.RunContext;
import org.gpkg311.generator.common.SharedFacts;
import org.gpkg311.generator.common.SignificanceLabels;
import java.util.ArrayList;
import java.util.List;

import org.gpkg311.generator.efficiency.ServiceEfficiencyMetrics;
import org.gpkg311.generator.peakhour.PeakHourMetrics;
import org.gpkg311.generator.servicetypes.ServiceTypeMetrics;
import org.gpkg311.generator.trend.TrendMetrics;
import org.gpkg311.generator.volatility.VolatilityMetrics;
import org.gpkg311.geo.Contiguity;
import org.gpkg311.series.SnapshotSeries;
import org.gpkg311.snapshot.Snapshot;
import org.gpkg311.stats.Ols;
import org.gpkg311.stats.Quantiles;
import org.gpkg311.stats.Ranks;
import org.gpkg311.stats.ScoreClasses;
import org.gpkg311.stats.Ties;
import org.gpkg311.stats.Values;
import org.gpkg311.stats.VarianceWeightedComposite;
import org.gpkg311.stats.spatial.GetisOrdGiStar;

/**
 * Risk factors, their variance-weighted riskScore and its spatial clustering (docs/methods.md#predictivehotspots).
 * Every raw factor comes from the generator that defines it (trend, serviceEfficiency, requestVolatility,
 * peakHourConsistency, serviceTypeInsights). Arrays are indexed like {@code snapshot.districts()}.
 *
 * @param rawFactors        per factor (order of {@link #FACTORS}) the raw district values
 * @param risk              the composite: normalised factors, weights, riskScore
 * @param weightedFactors   per factor weight × normalised value (null for a dropped factor)
 * @param hotspotTarget     type-7 75th percentile over districts of the last full week's count
 */
public record PredictiveMetrics(
        List<Double[]> rawFactors, VarianceWeightedComposite.Composite risk, List<Double[]> weightedFactors,
        Double[] riskPercentile, Integer[] riskRank, Integer[] riskQuartile, String[] dominantRiskFactor,
        ScoreClasses riskCategory, Double[] projectedNextMonth, Double hotspotTarget,
        Double[] weeksToHotspot, String[] hotspotOutlook, GetisOrdGiStar.GiStar riskGi, String[] riskHotSpot) {

    /** The noun of riskCategory's labels ("Very high risk"). */
    public static final String RISK_NOUN = "risk";

    /** Factor names as the composite and the provenance call them. */
    public static final List<String> FACTORS = List.of("growth", "density", "backlog", "response", "volatility",
            "recurrence", "offHours", "concentration");
    /** dominantRiskFactor labels, in factor order. */
    public static final List<String> FACTOR_LABELS = List.of("Growth", "Density", "Backlog", "Response time",
            "Volatility", "Recurrence", "Off-hours", "Concentration");
    public static final double HOTSPOT_PERCENTILE = 0.75;
    public static final int MAX_K = 6;
    public static final double QUEEN_TOLERANCE_METERS = 1.0;

    /** The risk facts of a run, from the trend, volatility, peak-hour, efficiency and service-type facts. */
    public static final RunContext.Fact<PredictiveMetrics> FACT = new RunContext.Fact<>("predictive", PredictiveMetrics::of);

    static PredictiveMetrics of(RunContext context) {
        Snapshot snapshot = context.snapshot();
        long seed = context.settings().seed();
        int n = snapshot.districts().size();
        SnapshotSeries series = context.get(SharedFacts.SERIES);
        TrendMetrics trend = context.get(TrendMetrics.FACT);
        VolatilityMetrics volatility = context.get(VolatilityMetrics.FACT);
        PeakHourMetrics peak = context.get(PeakHourMetrics.FACT);
        ServiceEfficiencyMetrics efficiency = context.get(ServiceEfficiencyMetrics.FACT);
        ServiceTypeMetrics types = context.get(ServiceTypeMetrics.FACT);
        int[] requestCount = context.get(SharedFacts.REQUEST_COUNTS);

        Double[] growth = new Double[n], backlog = new Double[n];
        for (int i = 0; i < n; i++) {
            growth[i] = Values.ratio(trend.weeklySlope()[i], trend.meanWeeklyCount()[i]);
            backlog[i] = Values.ratio(efficiency.openCount()[i], requestCount[i]);
        }
        List<Double[]> raw = List.of(growth, efficiency.requestDensity(), backlog, efficiency.responseTimeRatio(),
                volatility.dailyCV(), types.recurringShare(), peak.offHoursShare(), types.herfindahlIndex());
        VarianceWeightedComposite.Composite risk = VarianceWeightedComposite.of(FACTORS, raw);

        List<Double[]> weighted = new ArrayList<>();
        for (int f = 0; f < FACTORS.size(); f++) {
            Double[] w = new Double[n];
            if (!risk.dropped()[f]) {
                for (int i = 0; i < n; i++) {
                    Double v = risk.normalised().get(f)[i];
                    w[i] = v == null ? null : risk.weight()[f] * v;
                }
            }
            weighted.add(w);
        }
        Double[] score = risk.score();
        String[] dominant = new String[n];
        for (int i = 0; i < n; i++) dominant[i] = score[i] == null ? null : dominant(weighted, i);

        // Score classes of the one score: a higher riskScore never carries a lower label.
        ScoreClasses category = ScoreClasses.of(score, RISK_NOUN);

        // weeksToHotspot: weeks until the fitted weekly count reaches the 75th percentile of last full week's counts.
        Double target = null;
        int weeks = series.calendar().fullWeekCount();
        if (weeks > 0) {
            double[] last = new double[n];
            for (int i = 0; i < n; i++) last[i] = series.district(i).weekly()[weeks - 1];
            target = Quantiles.of(last, HOTSPOT_PERCENTILE);
        }
        Double[] weeksTo = new Double[n];
        String[] outlook = new String[n];
        for (int i = 0; i < n; i++) {
            outlook[i] = hotspotOutlook(trend.weeklyFit()[i], weeks, target);
            weeksTo[i] = WITHIN.equals(outlook[i]) ? weeksToHotspot(trend.weeklyFit()[i], weeks, target) : null;
        }

        int[][] queen = Contiguity.queen(snapshot.districts(), QUEEN_TOLERANCE_METERS);
        GetisOrdGiStar.GiStar gi = GetisOrdGiStar.of(score, queen);
        String[] hot = new String[n];
        for (int i = 0; i < n; i++) hot[i] = SignificanceLabels.hotSpot(gi.binFdr()[i]);

        return new PredictiveMetrics(raw, risk, weighted, Ranks.percentile(score), Ranks.descending(score),
                Ranks.quartile(score), dominant, category, trend.projectedNextMonth(), target, weeksTo, outlook, gi, hot);
    }

    /**
     * Label of the factor with the largest weighted contribution; ties go to the earlier factor. Null when no
     * factor contributes anything (riskScore 0: the district is at the minimum of every weighted factor), so that
     * no factor is named dominant by its position alone.
     */
    static String dominant(List<Double[]> weighted, int i) {
        int best = -1;
        double max = 0;
        for (int f = 0; f < weighted.size(); f++) {
            Double v = weighted.get(f)[i];
            if (v != null && Ties.greater(v, max)) {
                max = v;
                best = f;
            }
        }
        return best < 0 ? null : FACTOR_LABELS.get(best);
    }

    /**
     * (target − fitted count of the last full week) / slope, for a rising fit whose fitted value is not yet
     * above the target (exactly at it: 0 weeks); null otherwise (no fit, not rising, already above: spec).
     */
    public static final String ALREADY_ABOVE = "Already above", NOT_RISING = "Not rising",
            WITHIN = "Within the horizon", BEYOND = "Beyond the horizon";

    /**
     * hotspotOutlook, the first that applies: Already above (the fitted count of the last full week is at or above
     * the target), Not rising (slope ≤ 0), Within the horizon (weeks to the target ≤ the window's full weeks,
     * included), Beyond the horizon; null without a fit or a target.
     */
    static String hotspotOutlook(Ols fit, int lastWeek, Double target) {
        if (fit == null || target == null) return null;
        if (Ties.compare(fit.predict(lastWeek), target) >= 0) return ALREADY_ABOVE;
        if (!(fit.slope() > 0)) return NOT_RISING;
        return Ties.compare(weeksToHotspot(fit, lastWeek, target), lastWeek) <= 0 ? WITHIN : BEYOND;
    }

    static Double weeksToHotspot(Ols fit, int lastWeek, Double target) {
        if (fit == null || target == null || !(fit.slope() > 0)) return null;
        double now = fit.predict(lastWeek);
        if (now > target) return null;
        return (target - now) / fit.slope();
    }
}
