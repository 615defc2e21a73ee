package org.gpkg311.generator.capacity;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.gpkg311.generator.RunContext;
import org.gpkg311.generator.common.SharedFacts;
import org.gpkg311.generator.efficiency.ServiceEfficiencyMetrics;
import org.gpkg311.series.DistrictSeries;
import org.gpkg311.series.SnapshotSeries;
import org.gpkg311.snapshot.Snapshot;
import org.gpkg311.stats.Descriptive;
import org.gpkg311.stats.Ols;
import org.gpkg311.stats.Quantiles;
import org.gpkg311.stats.Ranks;
import org.gpkg311.stats.ScoreClasses;
import org.gpkg311.stats.Ties;
import org.gpkg311.stats.Values;
import org.gpkg311.stats.VarianceWeightedComposite;
import org.gpkg311.table.Levels;

/**
 * Capacity per district from the zero-filled daily intake and closure series (docs/methods.md#capacityplanning
 * and "Exact rules: Volatility and capacity"). Arrays are indexed like {@code snapshot.districts()};
 * null = undefined.
 *
 * @param demonstratedCapacity the best mean of daily closures over 7 consecutive window days; null when it is 0
 * @param capacityClasses      score classes of utilization over the districts below 1
 * @param capacityStatus       "Over capacity" at utilization ≥ 1, else the district's class; null without utilization
 * @param capacityConfidence   the district's 1-D silhouette in its class; null for Over capacity
 * @param capacityOutlook      see {@link #outlook}
 * @param risk                 the variance-weighted composite of [utilization, pressureDays, intakeTrendPerDay]
 */
public record CapacityMetrics(
        Double[] dailyIntakeMedian, Double[] dailyIntakeMAD, Double[] dailyIntakeIQR, Double[] dailyClosuresMedian,
        Double[] demonstratedCapacity, Double[] recentDailyIntake, Double[] utilization, int[] backlog,
        Double[] pressureDays, Double[] intakeTrendPerDay, Double[] daysToCapacity, String[] capacityOutlook,
        ScoreClasses capacityClasses, String[] capacityStatus, Double[] capacityConfidence, VarianceWeightedComposite.Composite risk,
        Integer[] capacityRiskQuartile, Double[] currentMonthIntakePerDay, int recentDays) {

    /** The 7-day week as the pace of closures (a convention of the spec). */
    public static final int PACE_DAYS = 7;
    public static final String OVER_CAPACITY = "Over capacity";
    public static final String UTILIZATION_NOUN = "utilization";
    /** capacityStatus low to high: the score classes of utilization below 1, then "Over capacity". */
    public static final Levels STATUS_LEVELS = Levels.sequential(Stream.concat(ScoreClasses.ladder(UTILIZATION_NOUN).stream(),
            Stream.of(OVER_CAPACITY)).toList());
    /** The spec's "recent" window in days. */
    public static final int RECENT_DAYS = 14;
    public static final int MAX_K = 6;
    public static final List<String> RISK_COMPONENTS = List.of("utilization", "pressureDays", "intakeTrendPerDay");

    /** The capacity facts of a run (the open counts are serviceEfficiency's). */
    public static final RunContext.Fact<CapacityMetrics> FACT = new RunContext.Fact<>("capacity", CapacityMetrics::of);

    static CapacityMetrics of(RunContext context) {
        Snapshot snapshot = context.snapshot();
        long seed = context.settings().seed();
        SnapshotSeries series = context.get(SharedFacts.SERIES);
        int[] open = context.get(ServiceEfficiencyMetrics.FACT).openCount();
        int n = snapshot.districts().size();
        Double[] median = new Double[n], mad = new Double[n], iqr = new Double[n], closuresMedian = new Double[n];
        Double[] capacity = new Double[n], recent = new Double[n], utilization = new Double[n], pressure = new Double[n];
        Double[] trend = new Double[n], daysTo = new Double[n], monthRate = new Double[n];
        String[] outlook = new String[n];
        int recentDays = 0;
        for (int i = 0; i < n; i++) {
            DistrictSeries s = series.district(i);
            double[] intake = s.dailyIntakeValues();
            double[] closures = s.dailyClosureValues();
            median[i] = Quantiles.median(intake);
            mad[i] = Descriptive.scaledMad(intake);
            iqr[i] = iqr(intake);
            closuresMedian[i] = Quantiles.median(closures);
            capacity[i] = bestWeeklyPace(closures);
            recentDays = Math.min(RECENT_DAYS, intake.length);
            recent[i] = Descriptive.mean(Arrays.copyOfRange(intake, intake.length - recentDays, intake.length));
            utilization[i] = Values.ratio(recent[i], capacity[i]);
            pressure[i] = Values.ratio((double) open[i], Descriptive.mean(closures));
            double[] day = new double[intake.length];
            for (int d = 0; d < day.length; d++) day[d] = d + 1;
            Ols fit = Ols.fit(day, intake);
            trend[i] = fit == null ? null : fit.slope();
            daysTo[i] = daysToCapacity(capacity[i], recent[i], trend[i]);
            if (daysTo[i] != null && Ties.greater(daysTo[i], intake.length)) daysTo[i] = null; // past the horizon H
            outlook[i] = outlook(capacity[i], utilization[i], trend[i], daysToCapacity(capacity[i], recent[i], trend[i]), intake.length);
            monthRate[i] = s.monthRates()[2];
        }
        // "Over capacity" at utilization ≥ 1; score classes of utilization over the other districts
        Double[] below = new Double[n];
        for (int i = 0; i < n; i++) if (utilization[i] != null && Ties.compare(utilization[i], 1) < 0) below[i] = utilization[i];
        ScoreClasses classes = ScoreClasses.of(below, UTILIZATION_NOUN);
        String[] status = new String[n];
        for (int i = 0; i < n; i++) status[i] = utilization[i] == null ? null : below[i] == null ? OVER_CAPACITY : classes.label()[i];
        VarianceWeightedComposite.Composite risk = VarianceWeightedComposite.of(RISK_COMPONENTS,
                List.of(utilization, pressure, trend));
        return new CapacityMetrics(median, mad, iqr, closuresMedian, capacity, recent, utilization, open, pressure,
                trend, daysTo, outlook, classes, status, classes.silhouette(), risk, Ranks.quartile(risk.score()), monthRate, recentDays);
    }

    /** (capacity − recent) / slope when the slope is positive and intake is still below capacity; else null. */
    static Double daysToCapacity(Double capacity, Double recent, Double slope) {
        if (capacity == null || recent == null || slope == null) return null;
        if (!(slope > 0) || !(recent < capacity)) return null;
        return (capacity - recent) / slope;
    }

    /** The highest mean of daily closures over 7 consecutive days; null when it is 0 or the window is shorter. */
    static Double bestWeeklyPace(double[] closures) {
        if (closures.length < PACE_DAYS) return null;
        double sum = 0, best = 0;
        for (int d = 0; d < closures.length; d++) {
            sum += closures[d];
            if (d >= PACE_DAYS) sum -= closures[d - PACE_DAYS];
            if (d >= PACE_DAYS - 1) best = Math.max(best, sum);
        }
        return best == 0 ? null : best / PACE_DAYS;
    }

    public static final String NO_CAPACITY = "No capacity shown", NOT_RISING = "Not rising",
            WITHIN = "Reaches capacity within the horizon", BEYOND = "Beyond the horizon";

    /**
     * capacityOutlook, the first that applies: No capacity shown, Over capacity (utilization ≥ 1), Not rising
     * (slope ≤ 0), Reaches capacity within the horizon (days ≤ H, included), Beyond the horizon.
     */
    static String outlook(Double capacity, Double utilization, Double slope, Double days, int horizon) {
        if (capacity == null) return NO_CAPACITY;
        if (utilization != null && Ties.compare(utilization, 1) >= 0) return OVER_CAPACITY;
        if (slope == null || !(slope > 0)) return NOT_RISING;
        return days != null && Ties.compare(days, horizon) <= 0 ? WITHIN : BEYOND;
    }

    static Double iqr(double[] x) {
        Double q1 = Quantiles.of(x, 0.25), q3 = Quantiles.of(x, 0.75);
        return q1 == null ? null : q3 - q1;
    }
}
