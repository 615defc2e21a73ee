package org.gpkg311.generator.temporal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.gpkg311.generator.GeneratorOutput;
import org.gpkg311.generator.RunSettings;
import org.gpkg311.series.TimeFixture;
import org.gpkg311.snapshot.Snapshot;
import org.gpkg311.generator.common.Binding;
import org.gpkg311.table.Table;
import org.junit.jupiter.api.Test;

/**
 * Expected values by hand from {@link TimeFixture}: day-of-week counts D1 [0,13,2,0,0,1,0], D2
 * [0,0,0,0,1,5,6], D3 [0,0,0,3,0,0,0], D4 none, D5 [14,0,0,13,0,0,0]; the window has 14 Mondays and
 * 13 of every other weekday (66 weekdays, 26 weekend days).
 */
class TemporalPatternsTest {

    private static final double EPS = 1e-12;
    private final Snapshot snapshot = TimeFixture.snapshot();
    private final GeneratorOutput out = new TemporalPatterns().generate(snapshot, RunSettings.defaults());
    private final Table d = out.layer("temporalPatternsDistricts");

    @Test
    void dayCountsSharesAndAverages() {
        assertEquals(13, d.get(0, "tuesdayCount"));
        assertEquals(1, d.get(0, "saturdayCount"));
        assertEquals(13.0 / 16, (Double) d.get(0, "tuesdayShare"), EPS);
        assertEquals(15, d.get(0, "weekdayCount"));
        assertEquals(1, d.get(0, "weekendCount"));
        assertEquals(15.0 / 16, (Double) d.get(0, "weekdayShare"), EPS);
        assertEquals(1.0 / 16, (Double) d.get(0, "weekendShare"), EPS);
        assertEquals(15.0 / 66, (Double) d.get(0, "weekdayDailyAvg"), EPS);
        assertEquals(1.0 / 26, (Double) d.get(0, "weekendDailyAvg"), EPS);
        // (15/66) / (1/26) = 390/66
        assertEquals(390.0 / 66, (Double) d.get(0, "weekdayWeekendRatio"), EPS);
        // D2: (1/66) / (11/26) = 26/726
        assertEquals(26.0 / 726, (Double) d.get(1, "weekdayWeekendRatio"), EPS);
        assertEquals(6, d.get(1, "sundayCount"));
        assertEquals(0.5, (Double) d.get(1, "sundayShare"), EPS);
    }

    @Test
    void peakDayUsesPerDayAveragesWithTiesToTheEarlierDay() {
        assertEquals("Tuesday", d.get(0, "peakDay"));
        assertEquals(13.0 / 16, (Double) d.get(0, "peakDayShare"), EPS);
        assertEquals("Sunday", d.get(1, "peakDay")); // 6/13 over Saturday's 5/13
        assertEquals(0.5, (Double) d.get(1, "peakDayShare"), EPS);
        assertEquals("Thursday", d.get(2, "peakDay"));
        assertEquals(1.0, (Double) d.get(2, "peakDayShare"), EPS);
        // D5: Monday 14 requests / 14 Mondays = Thursday 13 / 13: tie, Monday first
        assertEquals("Monday", d.get(4, "peakDay"));
        assertEquals(14.0 / 27, (Double) d.get(4, "peakDayShare"), EPS);
    }

    @Test
    void dayOfWeekCvAndConsistency() {
        // CV (sample SD / mean) of the seven per-day averages, plain arithmetic:
        // D1 [0, 1, 2/13, 0, 0, 1/13, 0] -> 2.0938277348753727; D2 [0,0,0,0,1/13,5/13,6/13] -> 1.5328199623690437;
        // D3 one non-zero of seven -> sqrt(7); D5 [1,0,0,1,0,0,0] -> 1.7078251276599334
        assertEquals(2.0938277348753727, (Double) d.get(0, "dayOfWeekCV"), 1e-12);
        assertEquals(1.5328199623690437, (Double) d.get(1, "dayOfWeekCV"), 1e-12);
        assertEquals(Math.sqrt(7), (Double) d.get(2, "dayOfWeekCV"), 1e-12);
        assertEquals(1.7078251276599334, (Double) d.get(4, "dayOfWeekCV"), 1e-12);
        // CV order D2 < D5 < D1 < D3: mid-rank percentiles 12.5, 37.5, 62.5, 87.5 -> score 100 − percentile
        assertEquals(37.5, (Double) d.get(0, "consistencyScore"), EPS);
        assertEquals(87.5, (Double) d.get(1, "consistencyScore"), EPS);
        assertEquals(12.5, (Double) d.get(2, "consistencyScore"), EPS);
        assertEquals(62.5, (Double) d.get(4, "consistencyScore"), EPS);
        // quartiles of {37.5, 87.5, 12.5, 62.5}: Q1 31.25, Q2 50, Q3 68.75
        assertEquals(2, d.get(0, "consistencyQuartile"));
        assertEquals(4, d.get(1, "consistencyQuartile"));
        assertEquals(1, d.get(2, "consistencyQuartile"));
        assertEquals(3, d.get(4, "consistencyQuartile"));
    }

    @Test
    void consistencyScoreTakesTheUnroundedPercentile() {
        // Only D1, D2, D3 (CVs 2.094, 1.533, 2.646): mid-rank percentiles of dayOfWeekCV D2 100·0.5/3 = 16.666…,
        // D1 100·1.5/3 = 50, D3 100·2.5/3 = 83.333…; the score uses them unrounded: 83.333…, 50, 16.666…
        // (with the rounded 16.7 it would be 83.3).
        var requests = TimeFixture.requests().stream().filter(r -> r.districtId() <= 3).toList();
        Snapshot three = TimeFixture.snapshot(snapshot.window(), requests, TimeFixture.districts().subList(0, 3));
        Table t = new TemporalPatterns().generate(three, RunSettings.defaults()).layer("temporalPatternsDistricts");
        assertEquals(250.0 / 3, (Double) t.get(1, "consistencyScore"), EPS);
        assertEquals(50.0, (Double) t.get(0, "consistencyScore"), EPS);
        assertEquals(50.0 / 3, (Double) t.get(2, "consistencyScore"), EPS);
    }

    @Test
    void ratioPercentileRankAndTemporalCategory() {
        // two defined ratios: D2 (0.036) below D1 (5.9)
        assertEquals(75.0, d.get(0, "ratioPercentile"));
        assertEquals(25.0, d.get(1, "ratioPercentile"));
        assertEquals(1, d.get(0, "ratioRank"));
        assertEquals(2, d.get(1, "ratioRank"));
        assertEquals("Weekday-dominant", d.get(0, "temporalCategory"));
        assertEquals("Weekend-leaning", d.get(1, "temporalCategory"));
        assertNull(d.get(2, "temporalCategory")); // no weekend request: ratio undefined
    }

    @Test
    void consistencyCategoryBySilhouette() {
        // 1-D brute force over contiguous partitions of the CVs {D2 1.533, D5 1.708, D1 2.094, D3 2.646}:
        // k=2 {D2,D5,D1 | D3} mean silhouette 0.37809; k=3 {D2,D5 | D1 | D3} 0.30867 -> k = 2
        // score classes (exact 1-D k-means, the same partition here) with the noun "weekday variation"
        assertEquals("Low weekday variation", d.get(0, "consistencyCategory"));
        assertEquals("Low weekday variation", d.get(1, "consistencyCategory"));
        assertEquals("High weekday variation", d.get(2, "consistencyCategory"));
        assertEquals("Low weekday variation", d.get(4, "consistencyCategory"));
        assertEquals(0.14208196516948413, (Double) d.get(0, "consistencyConfidence"), 1e-9);
        assertEquals(0.6693358765300795, (Double) d.get(1, "consistencyConfidence"), 1e-9);
        assertEquals(0.0, (Double) d.get(2, "consistencyConfidence"), 1e-12);
        assertEquals("2", out.provenance().value("consistencyCategory.k"));
        assertTrue(out.provenance().value("consistencyCategory.classes").startsWith("k = 2 (mean silhouette k=2: 0.3781, k=3: 0.3087)"),
                out.provenance().value("consistencyCategory.classes"));
    }

    @Test
    void districtWithoutRequestsHasCountsAndNulls() {
        assertEquals(0, d.get(3, "requestCount"));
        assertEquals(0, d.get(3, "mondayCount"));
        assertEquals(0, d.get(3, "weekendCount"));
        assertEquals(0.0, d.get(3, "weekdayDailyAvg"));
        for (String c : List.of("mondayShare", "weekdayShare", "weekdayWeekendRatio", "peakDay", "peakDayShare",
                "dayOfWeekCV", "consistencyScore", "ratioPercentile", "ratioRank", "temporalCategory",
                "consistencyQuartile", "consistencyCategory", "consistencyConfidence")) {
            assertNull(d.get(3, c), c);
        }
    }

    @Test
    void requestLayerFields() {
        Table r = out.layer("temporalPatternsRequests");
        assertEquals(snapshot.requests().size() - 1, r.rowCount()); // one request has no coordinates
        for (int row = 0; row < r.rowCount(); row++) {
            if (r.get(row, "requestId").equals("D2-dst-sat")) {
                assertEquals("Saturday", r.get(row, "dayOfWeek"));
                assertEquals(true, r.get(row, "isWeekend"));
                assertEquals(19, r.get(row, "hourOfDay"));
                assertEquals("Weekend-leaning", r.get(row, "temporalCategory"));
                assertEquals(26.0 / 726, (Double) r.get(row, "weekdayWeekendRatio"), EPS);
                return;
            }
        }
        throw new AssertionError("request D2-dst-sat missing");
    }

    @Test
    void declaredColumnsAreTheSpecsList() {
        // generators.md section 3, in order; ratioRank is the …Rank companion of ratioPercentile ("Definitions"),
        // consistencyConfidence the …Confidence of a silhouette category
        List<String> spec = List.of("mondayCount", "tuesdayCount", "wednesdayCount", "thursdayCount", "fridayCount",
                "saturdayCount", "sundayCount", "mondayShare", "tuesdayShare", "wednesdayShare", "thursdayShare",
                "fridayShare", "saturdayShare", "sundayShare", "weekdayCount", "weekendCount", "weekdayShare",
                "weekendShare", "weekdayDailyAvg", "weekendDailyAvg", "weekdayWeekendRatio", "peakDay", "peakDayShare",
                "dayOfWeekCV", "consistencyScore", "ratioPercentile", "ratioRank", "temporalCategory",
                "consistencyQuartile", "consistencyCategory", "consistencyConfidence");
        assertEquals(spec, TemporalPatterns.DISTRICT_COLUMNS.stream().map(Binding::name).toList());
        assertEquals(List.of("temporalCategory", "weekdayWeekendRatio", "dayOfWeek", "isWeekend", "hourOfDay"),
                TemporalPatterns.REQUEST_COLUMNS.stream().map(Binding::name).toList());
        assertEquals("temporalPatterns", new TemporalPatterns().name());
    }
}
