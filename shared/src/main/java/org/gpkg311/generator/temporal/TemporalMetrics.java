package org.gpkg311.generator.temporal;

import org.gpkg311.generator.RunContext;
import org.gpkg311.generator.common.SharedFacts;
import org.gpkg311.series.DistrictSeries;
import org.gpkg311.series.SnapshotSeries;
import org.gpkg311.series.Weekdays;
import org.gpkg311.series.WindowCalendar;
import org.gpkg311.stats.Descriptive;
import org.gpkg311.stats.Quantiles;
import org.gpkg311.stats.Ranks;
import org.gpkg311.stats.ScoreClasses;
import org.gpkg311.stats.Values;

/**
 * Weekday versus weekend demand per district (spec section 3). Arrays are indexed like
 * {@code snapshot.districts()}; null = undefined.
 *
 * @param dayCounts          [district][0 = Monday .. 6 = Sunday] request counts
 * @param dayShares          [district][day] count / requestCount
 * @param weekdayDailyAvg    Monday–Friday requests / Monday–Friday days in the window
 * @param weekendDailyAvg    weekend requests / weekend days in the window
 * @param weekdayWeekendRatio weekdayDailyAvg / weekendDailyAvg
 * @param peakDay            day name with the highest per-day average (ties: earlier from Monday)
 * @param peakDayShare       the peak day's requests / requestCount
 * @param dayOfWeekCV        CV of the seven per-day averages
 * @param dayOfWeekCVPercentile unrounded mid-rank percentile of dayOfWeekCV
 * @param consistencyScore   100 × (1 − dayOfWeekCVPercentile / 100)
 * @param ratioPercentile    unrounded mid-rank percentile of weekdayWeekendRatio
 * @param ratioQuartileCuts  Q1..Q3 of weekdayWeekendRatio (null without any)
 * @param consistencyQuartileCuts Q1..Q3 of consistencyScore
 * @param consistency        score classes of dayOfWeekCV (noun "weekday variation")
 */
public record TemporalMetrics(int[][] dayCounts, Double[][] dayShares, int[] weekdayCount, int[] weekendCount,
                              Double[] weekdayShare, Double[] weekendShare, Double[] weekdayDailyAvg,
                              Double[] weekendDailyAvg, Double[] weekdayWeekendRatio, String[] peakDay,
                              Double[] peakDayShare, Double[] dayOfWeekCV, Double[] dayOfWeekCVPercentile,
                              Double[] consistencyScore, Double[] ratioPercentile, Integer[] ratioRank,
                              Integer[] ratioQuartile, String[] temporalCategory, double[] ratioQuartileCuts,
                              Integer[] consistencyQuartile, double[] consistencyQuartileCuts,
                              ScoreClasses consistency) {

    /** The noun of consistencyCategory's labels ("Low weekday variation" is the steadiest week). */
    public static final String CONSISTENCY_NOUN = "weekday variation";


    /** temporalCategory labels for ratio quartiles 1..4. */
    public static final String[] TEMPORAL_LABELS = {"Weekend-leaning", "Balanced-low", "Balanced-high", "Weekday-dominant"};

    /** The weekday/weekend facts of a run (timeBasedClusters reads them too). */
    public static final RunContext.Fact<TemporalMetrics> FACT = new RunContext.Fact<>("temporal",
            c -> compute(c.get(SharedFacts.SERIES), c.settings().seed()));

    public static TemporalMetrics compute(SnapshotSeries series, long seed) {
        WindowCalendar cal = series.calendar();
        int n = series.districts().size();
        int[][] dayCounts = new int[n][];
        Double[][] dayShares = new Double[n][7];
        int[] weekday = new int[n], weekend = new int[n];
        Double[] weekdayShare = new Double[n], weekendShare = new Double[n];
        Double[] weekdayAvg = new Double[n], weekendAvg = new Double[n], ratio = new Double[n];
        String[] peakDay = new String[n];
        Double[] peakDayShare = new Double[n], cv = new Double[n];
        for (int i = 0; i < n; i++) {
            DistrictSeries s = series.district(i);
            int total = s.requestCount();
            dayCounts[i] = s.weekday().clone();
            for (int d = 0; d < 7; d++) dayShares[i][d] = Values.ratio(s.weekday()[d], total);
            weekday[i] = s.weekdayCount();
            weekend[i] = s.weekendCount();
            weekdayShare[i] = Values.ratio(weekday[i], total);
            weekendShare[i] = Values.ratio(weekend[i], total);
            weekdayAvg[i] = Values.ratio(weekday[i], cal.weekdayDays());
            weekendAvg[i] = Values.ratio(weekend[i], cal.weekendDays());
            ratio[i] = Values.ratio(weekdayAvg[i], weekendAvg[i]);
            int peak = s.peakDay();
            if (peak >= 0) {
                peakDay[i] = Weekdays.NAMES[peak];
                peakDayShare[i] = Values.ratio(s.weekday()[peak], total);
            }
            cv[i] = Descriptive.cv(Values.defined(s.weekdayAverages()));
        }
        Double[] cvPercentile = Ranks.percentile(cv);
        Double[] consistencyScore = new Double[n];
        for (int i = 0; i < n; i++) {
            if (cvPercentile[i] != null) consistencyScore[i] = 100.0 * (1.0 - cvPercentile[i] / 100.0);
        }
        Integer[] ratioQuartile = Ranks.quartile(ratio);
        String[] temporalCategory = new String[n];
        for (int i = 0; i < n; i++) temporalCategory[i] = Ranks.label(ratioQuartile[i], TEMPORAL_LABELS);
        ScoreClasses consistency = ScoreClasses.of(cv, CONSISTENCY_NOUN);
        return new TemporalMetrics(dayCounts, dayShares, weekday, weekend, weekdayShare, weekendShare, weekdayAvg,
                weekendAvg, ratio, peakDay, peakDayShare, cv, cvPercentile, consistencyScore, Ranks.percentile(ratio),
                Ranks.descending(ratio), ratioQuartile, temporalCategory, Quantiles.quartiles(ratio),
                Ranks.quartile(consistencyScore), Quantiles.quartiles(consistencyScore), consistency);
    }
}
