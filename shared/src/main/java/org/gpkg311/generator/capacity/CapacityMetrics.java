package org.gpkg311.generator.capacity;

import org.gpkg311.generator.RunContext;
import org.gpkg311.generator.common.SharedFacts;
import java.util.Arrays;
import java.util.List;

import org.gpkg311.generator.efficiency.ServiceEfficiencyMetrics;
import org.gpkg311.series.DistrictSeries;
import org.gpkg311.series.SnapshotSeries;
import org.gpkg311.snapshot.Snapshot;
import org.gpkg311.stats.Descriptive;
import org.gpkg311.stats.Ols;
import org.gpkg311.stats.Quantiles;
import org.gpkg311.stats.Ranks;
import org.gpkg311.stats.SilhouetteCategories;
import org.gpkg311.stats.Values;
import org.gpkg311.stats.VarianceWeightedComposite;

/**
 * Capacity per district from the zero-filled daily intake and closure series (generators.md section 10
 * and "Exact rules: Volatility and capacity"). Arrays are indexed like {@code snapshot.districts()};
 * null = undefined.
 *
 * @param demonstratedCapacity Tukey upper fence Q3 + 1.5·IQR of daily closures; null when it is 0
 * @param risk                 the variance-weighted composite of [utilization, pressureDays, intakeTrendPerDay]
 */
public record CapacityMetrics(
        Double[] dailyIntakeMedian, Double[] dailyIntakeMAD, Double[] dailyIntakeIQR, Double[] dailyClosuresMedian,
        Double[] demonstratedCapacity, Double[] recentDailyIntake, Double[] utilization, int[] backlog,
        Double[] pressureDays, Double[] intakeTrendPerDay, Double[] daysToCapacity,
        SilhouetteCategories.Categories capacityStatus, VarianceWeightedComposite.Composite risk,
        Integer[] capacityRiskQuartile, Double[] currentMonthIntakePerDay, int recentDays) {

    /** Tukey's fence multiplier (a convention of the spec). */
    public static final double TUKEY_FENCE = 1.5;
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
        int recentDays = 0;
        for (int i = 0; i < n; i++) {
            DistrictSeries s = series.district(i);
            double[] intake = s.dailyIntakeValues();
            double[] closures = s.dailyClosureValues();
            median[i] = Quantiles.median(intake);
            mad[i] = Descriptive.scaledMad(intake);
            iqr[i] = iqr(intake);
            closuresMedian[i] = Quantiles.median(closures);
            Double q3 = Quantiles.of(closures, 0.75);
            Double closuresIqr = iqr(closures);
            if (q3 != null) {
                double fence = q3 + TUKEY_FENCE * closuresIqr;
                capacity[i] = fence == 0 ? null : fence;
            }
            recentDays = Math.min(RECENT_DAYS, intake.length);
            recent[i] = Descriptive.mean(Arrays.copyOfRange(intake, intake.length - recentDays, intake.length));
            utilization[i] = Values.ratio(recent[i], capacity[i]);
            pressure[i] = Values.ratio((double) open[i], closuresMedian[i]);
            double[] day = new double[intake.length];
            for (int d = 0; d < day.length; d++) day[d] = d + 1;
            Ols fit = Ols.fit(day, intake);
            trend[i] = fit == null ? null : fit.slope();
            daysTo[i] = daysToCapacity(capacity[i], recent[i], trend[i]);
            monthRate[i] = s.monthRates()[2];
        }
        Double[][] features = new Double[n][];
        for (int i = 0; i < n; i++) features[i] = new Double[] {utilization[i], pressure[i]};
        SilhouetteCategories.Categories status = SilhouetteCategories.categorize(features, utilization, MAX_K, seed);
        VarianceWeightedComposite.Composite risk = VarianceWeightedComposite.of(RISK_COMPONENTS,
                List.of(utilization, pressure, trend));
        return new CapacityMetrics(median, mad, iqr, closuresMedian, capacity, recent, utilization, open, pressure,
                trend, daysTo, status, risk, Ranks.quartile(risk.score()), monthRate, recentDays);
    }

    /** (capacity − recent) / slope when the slope is positive and intake is still below capacity; else null. */
    static Double daysToCapacity(Double capacity, Double recent, Double slope) {
        if (capacity == null || recent == null || slope == null) return null;
        if (!(slope > 0) || !(recent < capacity)) return null;
        return (capacity - recent) / slope;
    }

    static Double iqr(double[] x) {
        Double q1 = Quantiles.of(x, 0.25), q3 = Quantiles.of(x, 0.75);
        return q1 == null ? null : q3 - q1;
    }
}
