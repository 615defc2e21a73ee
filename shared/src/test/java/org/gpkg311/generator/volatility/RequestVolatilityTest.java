package org.gpkg311.generator.volatility;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.gpkg311.generator.GeneratorOutput;
import org.gpkg311.generator.RunSettings;
import org.gpkg311.model.ServiceRequest;
import org.gpkg311.series.SnapshotSeries;
import org.gpkg311.series.TimeFixture;
import org.gpkg311.snapshot.Snapshot;
import org.gpkg311.snapshot.Window;
import org.gpkg311.generator.common.Binding;
import org.gpkg311.table.Table;
import org.junit.jupiter.api.Test;

/**
 * Expected values from {@link TimeFixture}'s hand-written daily series (92 days): D1 sixteen days of 1;
 * D2 nine days of 1 and Sunday Nov 2 (day 69) with 2; D3 day 52 with 3; D5 twenty-seven days of 1; D4 none.
 * Weekly: D1 1,1,1,1,2,1,1,1,1,1,1,2,2; D2 2,2,2,2,0,1,0,0,0,2,1,0,0; D3 3 in week 8; D5 2 every week.
 * Monthly rates: D1 5/31, 5/30, 6/31; D2 8/31, 1/30, 3/31; D3 0, 3/30, 0; D5 9/31, 9/30, 9/31.
 * Decimal literals are these formulas evaluated with plain arithmetic (sample SD, n − 1).
 */
class RequestVolatilityTest {

    private static final double EPS = 1e-12;
    private final GeneratorOutput out = new RequestVolatility().generate(TimeFixture.snapshot(), RunSettings.defaults());
    private final Table d = out.layer("requestVolatilityDistricts");

    @Test
    void dailyStatistics() {
        assertEquals(16.0 / 92, (Double) d.get(0, "dailyMean"), EPS);
        // D1: sqrt((16 − 16²/92) / 91)
        assertEquals(Math.sqrt((16 - 256.0 / 92) / 91), (Double) d.get(0, "dailyStdDev"), EPS);
        assertEquals(2.19139175005242, (Double) d.get(0, "dailyCV"), 1e-12);
        assertEquals(2.834033526926955, (Double) d.get(1, "dailyCV"), 1e-12);
        assertEquals(9.591663046625452, (Double) d.get(2, "dailyCV"), 1e-12);
        assertEquals(1.560084111149919, (Double) d.get(4, "dailyCV"), 1e-12);
        assertEquals(0.0, d.get(0, "dailyMedian"));
        assertEquals(0, d.get(0, "minDailyCount"));
        assertEquals(1, d.get(0, "maxDailyCount"));
        assertEquals(2, d.get(1, "maxDailyCount"));
        assertNull(d.get(0, "peakToTroughRatio")); // min 0
    }

    @Test
    void weeklyAndMonthlyCv() {
        assertEquals(0.3563048203434806, (Double) d.get(0, "weeklyCV"), 1e-12);
        assertEquals(0.0, (Double) d.get(4, "weeklyCV"), EPS); // D5: 2 every week, zero variance
        assertEquals(Math.sqrt(13), (Double) d.get(2, "weeklyCV"), 1e-12); // one non-zero of 13 -> sqrt(13)
        assertEquals(0.09941908001023665, (Double) d.get(0, "monthlyCV"), 1e-12);
        assertEquals(Math.sqrt(3), (Double) d.get(2, "monthlyCV"), 1e-12); // one non-zero of 3 -> sqrt(3)
        assertEquals(0.019033525357899688, (Double) d.get(4, "monthlyCV"), 1e-12);
    }

    @Test
    void typeMix() {
        assertEquals(200.0 / 256, (Double) d.get(0, "typeMixHerfindahl"), EPS); // 14 Pothole, 2 Trash
        assertEquals(104.0 / 144, (Double) d.get(1, "typeMixHerfindahl"), EPS); // 10 Noise, 2 Graffiti
        assertEquals(5.0 / 9, (Double) d.get(2, "typeMixHerfindahl"), EPS);
        assertEquals(1.0, (Double) d.get(4, "typeMixHerfindahl"), EPS);
        // D1: only weeks 11 -> 12 differ ({P} vs {P ½, T ½}: TV ½) over 12 pairs
        assertEquals(0.5 / 12, (Double) d.get(0, "typeMixVolatility"), EPS);
        // D2: pairs with both weeks non-empty: 1-2, 2-3, 3-4 (TV 0) and 10-11 ({G} vs {N}: TV 1)
        assertEquals(0.25, (Double) d.get(1, "typeMixVolatility"), EPS);
        assertNull(d.get(2, "typeMixVolatility")); // a single non-empty week: no pair
        assertEquals(0.0, (Double) d.get(4, "typeMixVolatility"), EPS);
    }

    @Test
    void spikeThresholdFallsBackToSdWhenMadIsZero() {
        // every fixture district has median 0 and MAD 0: threshold = 0 + 3 × sample SD
        assertEquals(1.1433348261143061, (Double) d.get(0, "spikeThreshold"), 1e-12);
        assertEquals(1.1089696409714171, (Double) d.get(1, "spikeThreshold"), 1e-12);
        assertEquals(0, d.get(0, "spikeDays"));
        assertEquals(1, d.get(1, "spikeDays")); // Nov 2 with 2 requests
        assertEquals(1, d.get(2, "spikeDays")); // the single day with 3
        assertEquals(0.0, (Double) d.get(3, "spikeThreshold"), EPS); // D4: all zeros, SD 0
        assertEquals(0, d.get(3, "spikeDays"));
        assertEquals("1, 2, 3, 4, 5", out.provenance().value("spikeThresholdSdDistricts"));
    }

    @Test
    void everyDistrictsSpikeThresholdIsInTheProvenance() {
        // "1: t1; 2: t2; …" by district id. By hand: D1 16 days with 1 of 92: var = (16 − 16²/92)/91 = 304/2093,
        // threshold 3·√(304/2093) = 1.14333…; D3 one day with 3: var = (9 − 9/92)/91 = 9/92, threshold 9/√92 =
        // 0.93831…; D4 no request: 0.
        String[] parts = out.provenance().value("spikeThresholds").split("; ");
        assertEquals(5, parts.length);
        assertTrue(parts[0].startsWith("1: "), parts[0]);
        assertEquals(1.1433348261143061, Double.parseDouble(parts[0].substring(3)), 1e-12);
        assertEquals(0.9383148632568366, Double.parseDouble(parts[2].substring(3)), 1e-12);
        assertEquals("4: 0.0", parts[3]);
    }

    @Test
    void spikeThresholdWithNonZeroMad() {
        // One district: days 0..45 one request, days 46..90 two, day 91 ten. Sorted: 46 ones, 45 twos, one 10:
        // median 1.5; |x − 1.5| = 91 × 0.5 and 8.5 -> MAD 0.5, scaled 0.7413; threshold 1.5 + 3 × 0.7413 = 3.7239.
        Window w = Window.endingAt(TimeFixture.AS_OF, TimeFixture.ZONE);
        List<ServiceRequest> rs = new ArrayList<>();
        for (int day = 0; day < 92; day++) {
            int n = day <= 45 ? 1 : day <= 90 ? 2 : 10;
            for (int k = 0; k < n; k++) {
                rs.add(TimeFixture.request("r" + day + "-" + k, "Noise",
                        TimeFixture.local(w.day(day), 10, k), null, 1, true));
            }
        }
        Snapshot s = TimeFixture.snapshot(w, rs, List.of(TimeFixture.district(1, -86.80, 36.10)));
        VolatilityMetrics m = VolatilityMetrics.compute(SnapshotSeries.compute(s), 1L);
        assertEquals(1.5 + 3 * 1.4826 * 0.5, m.spikeThreshold()[0], 1e-12);
        assertFalse(m.spikeThresholdUsesSd()[0]);
        assertEquals(1, m.spikeDays()[0]);
        assertTrue(m.spikeDay()[0][91]);
        assertEquals(1.5, m.dailyMedian()[0], EPS);
        assertEquals(1, m.minDailyCount()[0]);
        assertEquals(10.0, m.peakToTroughRatio()[0], EPS);
    }

    @Test
    void percentileQuartileRank() {
        // dailyCV order D5 < D1 < D2 < D3
        assertEquals(37.5, d.get(0, "volatilityPercentile"));
        assertEquals(12.5, d.get(4, "volatilityPercentile"));
        assertEquals(3, d.get(0, "volatilityRank"));
        assertEquals(1, d.get(2, "volatilityRank"));
        // type-7 quartiles 2.0336, 2.5127, 4.5234
        assertEquals(2, d.get(0, "volatilityQuartile"));
        assertEquals(3, d.get(1, "volatilityQuartile"));
        assertEquals(4, d.get(2, "volatilityQuartile"));
        assertEquals(1, d.get(4, "volatilityQuartile"));
    }

    @Test
    void stabilityIndexIsOneHundredMinusTheVarianceWeightedComposite() {
        // min–max of each CV over D1, D2, D3, D5; weights ∝ variances (0.33830, 0.31921, 0.34249)
        assertEquals(92.57920761686583, (Double) d.get(0, "stabilityIndex"), 1e-9);
        assertEquals(67.96109010692052, (Double) d.get(1, "stabilityIndex"), 1e-9);
        assertEquals(0.0, (Double) d.get(2, "stabilityIndex"), 1e-9);   // D3 is the maximum of all three
        assertEquals(100.0, (Double) d.get(4, "stabilityIndex"), 1e-9); // D5 the minimum of all three
        assertNull(d.get(3, "stabilityIndex"));
    }

    @Test
    void volatilityCategoryAsScoreClassesOfOneHundredMinusStability() {
        // score = 100 − stabilityIndex: D5 0, D1 7.42079, D2 32.03891, D3 100. Exact 1-D k-means:
        // k=2 {D5, D1, D2 | D3} (SSE 562 < 2337 for {D5, D1 | D2, D3}); k=3 {D5, D1 | D2 | D3}.
        // 1-D silhouettes, k=2: D5 1 − (7.42079 + 32.03891)/2/100, D1 1 − (7.42079 + 24.61812)/2/92.57921,
        // D2 1 − (32.03891 + 24.61812)/2/67.96109, D3 alone 0 → mean 0.5532; k=3: D5 1 − 7.42079/32.03891,
        // D1 1 − 7.42079/24.61812, singletons 0 → mean 0.3667 → k = 2.
        double d1 = 100 - 92.57920761686583, d2 = 100 - 67.96109010692052;
        assertEquals("Low volatility", d.get(0, "volatilityCategory"));
        assertEquals("Low volatility", d.get(1, "volatilityCategory"));
        assertEquals("High volatility", d.get(2, "volatilityCategory"));
        assertEquals("Low volatility", d.get(4, "volatilityCategory"));
        assertEquals(1 - (d1 + (d2 - d1)) / 2 / (100 - d1), (Double) d.get(0, "volatilityConfidence"), 1e-9);
        assertEquals(1 - (d1 + d2) / 2 / 100, (Double) d.get(4, "volatilityConfidence"), 1e-9);
        assertEquals(0.0, (Double) d.get(2, "volatilityConfidence"), 1e-12);
        assertNull(d.get(3, "volatilityCategory"));
        assertEquals("2", out.provenance().value("volatilityCategory.k"));
    }

    @Test
    void requestsOnSpikeDays() {
        Table r = out.layer("requestVolatilityRequests");
        int spikes = 0;
        for (int row = 0; row < r.rowCount(); row++) {
            String id = (String) r.get(row, "requestId");
            boolean expected = id.startsWith("D2-fallback") || id.startsWith("D3-");
            assertEquals(expected, r.get(row, "isSpikeDay"), id);
            if (expected) spikes++;
            if (id.startsWith("D3-")) assertEquals("High volatility", r.get(row, "volatilityCategory"));
        }
        assertEquals(5, spikes);
    }

    @Test
    void districtWithoutRequests() {
        assertEquals(0.0, d.get(3, "dailyMean"));
        assertEquals(0.0, d.get(3, "dailyStdDev"));
        for (String c : List.of("dailyCV", "weeklyCV", "monthlyCV", "peakToTroughRatio", "typeMixHerfindahl",
                "typeMixVolatility", "volatilityPercentile", "volatilityRank", "volatilityQuartile",
                "stabilityIndex", "volatilityCategory", "volatilityConfidence")) {
            assertNull(d.get(3, c), c);
        }
    }

    @Test
    void declaredColumnsAreTheSpecsList() {
        // generators.md section 5; volatilityRank is the …Rank companion of volatilityPercentile ("Definitions")
        assertEquals(List.of("dailyMean", "dailyStdDev", "dailyCV", "weeklyCV", "monthlyCV", "dailyMedian",
                        "minDailyCount", "maxDailyCount", "peakToTroughRatio", "typeMixHerfindahl", "typeMixVolatility",
                        "volatilityPercentile", "volatilityRank", "volatilityQuartile", "spikeThreshold", "spikeDays",
                        "stabilityIndex", "volatilityCategory", "volatilityConfidence"),
                RequestVolatility.DISTRICT_COLUMNS.stream().map(Binding::name).toList());
        assertEquals(List.of("volatilityCategory", "stabilityIndex", "isSpikeDay"),
                RequestVolatility.REQUEST_COLUMNS.stream().map(Binding::name).toList());
    }
}
