package org.gpkg311.generator.trend;

import org.gpkg311.generator.RunContext;
import org.gpkg311.generator.common.SharedFacts;
import java.util.ArrayList;
import java.util.List;

import org.gpkg311.series.DistrictSeries;
import org.gpkg311.series.SnapshotSeries;
import org.gpkg311.series.WindowCalendar;
import org.gpkg311.stats.Descriptive;
import org.gpkg311.stats.Ols;
import org.gpkg311.stats.Quantiles;
import org.gpkg311.stats.Ranks;

/**
 * Rising or falling demand per district (spec section 8): OLS of the full-week counts on the week
 * index and of the three window months' per-day rates on 1, 2, 3. Arrays are indexed like
 * {@code snapshot.districts()}; null = undefined (every weekly value is null when the window holds
 * fewer than {@link #MIN_REGRESSION_POINTS} full weeks: see {@link #weeklyRegressionReason}).
 *
 * @param monthCounts          [district][0..2] requests opened in window months 1..3
 * @param weeklyFit            per district the weekly OLS, or null
 * @param monthlyFit           per district the monthly OLS
 * @param meanWeeklyCount      mean full-week count
 * @param percentChangePerMonth 100 × weeklySlope × 30.44 / 7 / meanWeeklyCount
 * @param trendDirection       Increasing / Decreasing when the slope's 95% CI excludes 0, else Stable
 * @param strongThreshold      median |percentChangePerMonth| among districts with a significant trend
 * @param trendPercentile      unrounded mid-rank percentile of percentChangePerMonth
 * @param trendConsistency     share of consecutive full-week changes with the slope's sign
 */
public record TrendMetrics(int[][] monthCounts, Ols[] weeklyFit, Ols[] monthlyFit, Double[] weeklySlope,
                           Double[] weeklyR2, Double[] weeklyPValue, Double[] monthlySlope, Double[] monthlyR2,
                           Double[] monthlyPValue, Double[] meanWeeklyCount, Double[] percentChangePerMonth,
                           Double[] projectedNextMonth, Double[] projectionLow, Double[] projectionHigh,
                           Double meanFuturePosition, String[] trendDirection, Double strongThreshold,
                           String[] trendCategory, String[] trendConfidenceLevel, Double[] trendPercentile,
                           Integer[] trendQuartile, double[] trendQuartileCuts, Integer[] trendRank,
                           Double[] meanMonthlyRate, Double[] medianMonthlyRate, Double[] trendMagnitude,
                           Double[] residualStdDev, Double[] trendConsistency, String weeklyRegressionReason) {

    /** Convention: average days per month used to turn per-day and per-week rates into monthly ones. */
    public static final double DAYS_PER_MONTH = 30.44;
    /** A regression needs at least 3 points. */
    public static final int MIN_REGRESSION_POINTS = 3;
    public static final String INCREASING = "Increasing", DECREASING = "Decreasing", STABLE = "Stable";

    /** The trend facts of a run (predictiveHotspots reads them too). */
    public static final RunContext.Fact<TrendMetrics> FACT = new RunContext.Fact<>("trend", c -> compute(c.get(SharedFacts.SERIES)));

    public static TrendMetrics compute(SnapshotSeries series) {
        WindowCalendar cal = series.calendar();
        int n = series.districts().size();
        int weeks = cal.fullWeekCount();
        double[] weekX = new double[weeks];
        for (int w = 0; w < weeks; w++) weekX[w] = w + 1;
        double[] monthX = {1, 2, 3};
        double[] future = NextMonthProjection.futurePositions(cal);
        String reason = weeks < MIN_REGRESSION_POINTS
                ? "not fitted: the window holds " + weeks + " full Monday–Sunday week(s); a regression needs at least " + MIN_REGRESSION_POINTS
                : null;

        int[][] monthCounts = new int[n][];
        Ols[] weeklyFit = new Ols[n], monthlyFit = new Ols[n];
        Double[] wSlope = new Double[n], wR2 = new Double[n], wP = new Double[n];
        Double[] mSlope = new Double[n], mR2 = new Double[n], mP = new Double[n];
        Double[] meanWeekly = new Double[n], pct = new Double[n], projected = new Double[n], low = new Double[n], high = new Double[n];
        String[] direction = new String[n];
        String[] confidence = new String[n];
        Double[] meanRate = new Double[n], medianRate = new Double[n];
        Double[] magnitude = new Double[n], residualSd = new Double[n], consistency = new Double[n];
        Double meanFuture = null;
        for (int i = 0; i < n; i++) {
            DistrictSeries s = series.district(i);
            monthCounts[i] = s.monthly().clone();
            double[] rates = s.monthRates();
            meanRate[i] = Descriptive.mean(rates) * DAYS_PER_MONTH;
            medianRate[i] = Quantiles.median(rates) * DAYS_PER_MONTH;
            monthlyFit[i] = Ols.fit(monthX, rates);
            if (monthlyFit[i] != null) {
                mSlope[i] = monthlyFit[i].slope();
                mR2[i] = monthlyFit[i].r2();
                mP[i] = monthlyFit[i].pValue();
            }
            double[] weekly = s.weeklyValues();
            meanWeekly[i] = Descriptive.mean(weekly);
            weeklyFit[i] = weeks < MIN_REGRESSION_POINTS ? null : Ols.fit(weekX, weekly);
            Ols f = weeklyFit[i];
            if (f == null) continue;
            wSlope[i] = f.slope();
            wR2[i] = f.r2();
            wP[i] = f.pValue();
            if (meanWeekly[i] != 0.0) pct[i] = 100.0 * f.slope() * DAYS_PER_MONTH / 7.0 / meanWeekly[i];
            NextMonthProjection proj = NextMonthProjection.of(f, future);
            projected[i] = proj.projected();
            low[i] = proj.low();
            high[i] = proj.high();
            meanFuture = proj.meanFuturePosition();
            direction[i] = f.slopeCiLow() > 0 ? INCREASING : f.slopeCiHigh() < 0 ? DECREASING : STABLE;
            confidence[i] = confidenceLevel(wP[i]);
            magnitude[i] = Math.abs(f.slope());
            residualSd[i] = f.residualStdDev();
            consistency[i] = consistency(weekly, f.slope());
        }
        Double strong = strongThreshold(direction, pct);
        String[] category = new String[n];
        for (int i = 0; i < n; i++) category[i] = category(direction[i], pct[i], strong);
        return new TrendMetrics(monthCounts, weeklyFit, monthlyFit, wSlope, wR2, wP, mSlope, mR2, mP, meanWeekly, pct,
                projected, low, high, meanFuture, direction, strong, category, confidence, Ranks.percentile(pct),
                Ranks.quartile(pct), Quantiles.quartiles(pct), Ranks.descending(pct), meanRate, medianRate, magnitude,
                residualSd, consistency, reason);
    }

    /** Share of consecutive changes with the slope's sign (a zero change never matches); null for a zero slope. */
    static Double consistency(double[] weekly, double slope) {
        if (slope == 0.0 || weekly.length < 2) return null;
        int matching = 0;
        for (int w = 1; w < weekly.length; w++) {
            double change = weekly[w] - weekly[w - 1];
            if (change != 0.0 && Math.signum(change) == Math.signum(slope)) matching++;
        }
        return (double) matching / (weekly.length - 1);
    }

    /** Median |percentChangePerMonth| among districts whose trend is significant (not Stable); null without any. */
    static Double strongThreshold(String[] direction, Double[] pct) {
        List<Double> significant = new ArrayList<>();
        for (int i = 0; i < direction.length; i++) {
            if (direction[i] != null && !STABLE.equals(direction[i]) && pct[i] != null) significant.add(Math.abs(pct[i]));
        }
        return Quantiles.median(significant.toArray(new Double[0]));
    }

    static String category(String direction, Double pct, Double strong) {
        if (direction == null) return null;
        if (STABLE.equals(direction) || pct == null || strong == null) return STABLE;
        return (Math.abs(pct) >= strong ? "Strongly " : "Moderately ") + direction;
    }

    /** The confidence levels of trendConfidenceLevel, strictest first, with their two-sided α. */
    static final String[] LEVELS = {"99%", "95%", "90%"};
    static final double[] ALPHAS = {0.01, 0.05, 0.10};
    public static final String BELOW = "Below 90%";

    /**
     * The highest of 99/95/90% at which the two-sided confidence interval of the weekly slope excludes 0, i.e. the
     * slope's p-value is below that α (at p = α the interval touches 0); a p-value is not a confidence.
     */
    static String confidenceLevel(Double p) {
        if (p == null) return null;
        for (int l = 0; l < LEVELS.length; l++) if (org.gpkg311.stats.Ties.compare(p, ALPHAS[l]) < 0) return LEVELS[l];
        return BELOW;
    }
}
