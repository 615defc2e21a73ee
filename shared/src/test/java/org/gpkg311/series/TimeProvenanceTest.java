package org.gpkg311.series;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gpkg311.generator.RunSettings;
import org.gpkg311.generator.peakhour.PeakHourConsistency;
import org.gpkg311.generator.temporal.TemporalPatterns;
import org.gpkg311.generator.timeclusters.TimeBasedClusters;
import org.gpkg311.generator.trend.TrendDirection;
import org.gpkg311.generator.volatility.RequestVolatility;
import org.gpkg311.provenance.Provenance;
import org.gpkg311.snapshot.Snapshot;
import org.junit.jupiter.api.Test;

/** Every convention and data-driven cut a time generator uses is in its provenance (values from {@link TimeFixture}). */
class TimeProvenanceTest {

    private final Snapshot snapshot = TimeFixture.snapshot();
    private final RunSettings settings = RunSettings.defaults();

    @Test
    void temporalPatterns() {
        Provenance p = new TemporalPatterns().generate(snapshot, settings).provenance();
        assertEquals("America/Chicago", p.value("timeZone"));
        assertEquals("Monday 14, Tuesday 13, Wednesday 13, Thursday 13, Friday 13, Saturday 13, Sunday 13", p.value("weekdaysInWindow"));
        assertEquals("66", p.value("weekdayDays"));
        assertEquals("26", p.value("weekendDays"));
        // ratios 390/66 and 26/726: Q1 = 26/726 + ¼ (390/66 − 26/726) …
        double lo = 26.0 / 726, hi = 390.0 / 66;
        assertArrayEquals(new double[] {lo + 0.25 * (hi - lo), lo + 0.5 * (hi - lo), lo + 0.75 * (hi - lo)},
                numbers(p.value("weekdayWeekendRatioQuartiles")), 1e-12);
        assertEquals("[31.25, 50.0, 68.75]", p.value("consistencyScoreQuartiles"));
        // score classes (Revision 3): exact 1-D k-means, k from 2 to min(6, distinct values − 1)
        assertTrue(p.value("consistencyCategory.method").contains("Wang & Song"), p.value("consistencyCategory.method"));
        assertTrue(p.value("consistencyCategory.method").contains("min(6, distinct values - 1)"));
    }

    @Test
    void peakHourConsistency() {
        Provenance p = new PeakHourConsistency().generate(snapshot, settings).provenance();
        assertEquals("Night [00, 06), Morning [06, 12), Afternoon [12, 17), Evening [17, 22), Late evening [22, 24)", p.value("dayparts"));
        assertEquals(HourOfWeek.BUSINESS_HOURS_RULE, p.value("businessHours"));
        assertEquals("earliest hour", p.value("peakHourTies"));
        // the fixture's districts are below Cochran's 120 requests: no groups, and the provenance says why
        assertEquals("120", p.value("peakPatternMinRequests"));
        assertEquals("NULL", p.value("peakPatternType.k"));
        assertTrue(p.value("peakPatternType.decision").contains("fewer than 4 eligible districts"), p.value("peakPatternType.decision"));
        assertEquals("6", p.value("peakPatternType.maxK"));
    }

    @Test
    void requestVolatility() {
        Provenance p = new RequestVolatility().generate(snapshot, settings).provenance();
        assertEquals("1.4826", p.value("madScale"));
        assertEquals("13", p.value("fullWeeks"));
        assertEquals("month1 [2025-08-25, 2025-09-24] 31 days; month2 (2025-09-24, 2025-10-24] 30 days; month3 (2025-10-24, 2025-11-24] 31 days",
                p.value("windowMonths"));
        // weights ∝ variances of the min–max normalised CVs (plain-Python reference)
        assertTrue(p.value("stabilityIndexWeights").startsWith("dailyCV 0."), p.value("stabilityIndexWeights"));
        assertArrayEquals(new double[] {0.3383017637820735, 0.31920841411299866, 0.3424898221049278},
                numbers(p.value("stabilityIndexWeights")), 1e-9);
    }

    @Test
    void trendDirection() {
        Provenance p = new TrendDirection().generate(snapshot, settings).provenance();
        assertEquals("3", p.value("regressionMinimumPoints"));
        assertEquals("0.95", p.value("trendDirectionConfidence"));
        assertEquals("30.44", p.value("daysPerMonth"));
        assertEquals("OLS of full-week counts on week number 1 .. 13", p.value("weeklyRegression"));
        assertEquals("30 days after 2025-11-24; mean future week position " + Provenance.format(14 - 3.0 / 7 + 15.5 / 7),
                p.value("projectionDays"));
    }

    /** The decimal numbers in a provenance value, in order. */
    private static double[] numbers(String value) {
        return java.util.regex.Pattern.compile("-?\\d+\\.\\d+(E-?\\d+)?").matcher(value).results()
                .mapToDouble(m -> Double.parseDouble(m.group())).toArray();
    }

    @Test
    void timeBasedClusters() {
        Provenance p = new TimeBasedClusters().generate(snapshot, settings).provenance();
        assertEquals("8", p.value("clusterLabel.maxK"));
        assertEquals("1.0", p.value("queenToleranceMeters"));
        assertTrue(p.value("clusterLabel.features").endsWith("numbered by the centroid's weekend share"), p.value("clusterLabel.features"));
    }
}
