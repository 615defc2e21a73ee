package org.gpkg311.generator.peakhour;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.gpkg311.generator.GeneratorOutput;
import org.gpkg311.generator.RunSettings;
import org.gpkg311.series.TimeFixture;
import org.gpkg311.generator.common.Binding;
import org.gpkg311.table.Table;
import org.junit.jupiter.api.Test;

/**
 * Expected values by hand from {@link TimeFixture}: local hourly counts D1 {9: 13, 10: 2, 14: 1},
 * D2 {1: 2, 18: 1, 19: 1, 20: 4, 21: 4}, D3 {14: 2, 16: 1}, D5 {8: 13, 9: 1, 13: 13}, D4 none.
 */
class PeakHourConsistencyTest {

    private static final double EPS = 1e-12;
    private final GeneratorOutput out = new PeakHourConsistency().generate(TimeFixture.snapshot(), RunSettings.defaults());
    private final Table d = out.layer("peakHourConsistencyDistricts");

    @Test
    void hourSharesPeakHourAndPeakToMean() {
        assertEquals(13.0 / 16, (Double) d.get(0, "hour09Share"), EPS);
        assertEquals(0.0, (Double) d.get(0, "hour00Share"), EPS);
        assertEquals(9, d.get(0, "peakHour"));
        assertEquals(13.0 / 16, (Double) d.get(0, "peakHourShare"), EPS);
        assertEquals(19.5, (Double) d.get(0, "peakToMeanRatio"), EPS); // 13 / (16/24)
        assertEquals(20, d.get(1, "peakHour"));                          // 20 and 21 tie at 4: earliest
        assertEquals(8.0, (Double) d.get(1, "peakToMeanRatio"), EPS);  // 4 / (12/24)
        assertEquals(8, d.get(4, "peakHour"));                           // 08 and 13 tie at 13: earliest
        assertEquals(13.0 * 24 / 27, (Double) d.get(4, "peakToMeanRatio"), EPS);
    }

    @Test
    void daypartsAndBusinessHours() {
        assertEquals(15.0 / 16, (Double) d.get(0, "morningShare"), EPS);
        assertEquals(1.0 / 16, (Double) d.get(0, "afternoonShare"), EPS);
        assertEquals(2.0 / 12, (Double) d.get(1, "nightShare"), EPS);
        assertEquals(10.0 / 12, (Double) d.get(1, "eveningShare"), EPS);
        assertEquals(0.0, (Double) d.get(1, "lateEveningShare"), EPS);
        assertEquals(15, d.get(0, "businessHoursCount"));
        assertEquals(1, d.get(0, "offHoursCount"));
        assertEquals(15.0 / 16, (Double) d.get(0, "businessHoursShare"), EPS);
        assertEquals(1.0, (Double) d.get(1, "offHoursShare"), EPS);
        assertEquals(27, d.get(4, "businessHoursCount"));
        assertEquals(0.0, (Double) d.get(4, "offHoursShare"), EPS);
    }

    @Test
    void offHoursPercentileAndRank() {
        // off-hours shares D1 1/16, D2 1, D3 0, D5 0: mid-rank percentiles 62.5, 87.5, 25, 25
        assertEquals(62.5, d.get(0, "offHoursPercentile"));
        assertEquals(87.5, d.get(1, "offHoursPercentile"));
        assertEquals(25.0, d.get(2, "offHoursPercentile"));
        assertEquals(25.0, d.get(4, "offHoursPercentile"));
        assertEquals(2, d.get(0, "offHoursRank"));
        assertEquals(1, d.get(1, "offHoursRank"));
        assertEquals(3, d.get(2, "offHoursRank"));
        assertEquals(3, d.get(4, "offHoursRank"));
    }

    @Test
    void coefficientsOfVariation() {
        // D1 business slots: 13 and 2 among 45 -> mean 1/3, var (173 − 5)/44, CV 5.8620505255103685
        assertEquals(5.8620505255103685, (Double) d.get(0, "businessHoursCV"), 1e-12);
        // D1 off-hours: a single 1 among 123 slots -> CV = sqrt(123)
        assertEquals(Math.sqrt(123), (Double) d.get(0, "offHoursCV"), 1e-12);
        assertNull(d.get(1, "businessHoursCV")); // D2 has no business-hours request: mean 0
        assertNull(d.get(4, "offHoursCV"));
        // D2 off-hours slots {4, 4, 1, 1, 2} among 123 -> 5.631712752315244 (plain arithmetic)
        assertEquals(5.631712752315244, (Double) d.get(1, "offHoursCV"), 1e-12);
        // hourly CVs of the 24 counts (plain arithmetic)
        assertEquals(3.9972816850411275, (Double) d.get(0, "hourlyCV"), 1e-12);
        assertEquals(2.359071298478354, (Double) d.get(1, "hourlyCV"), 1e-12);
    }

    @Test
    void peakHourConsistencyOverActiveDays() {
        assertEquals(13.0 / 16, (Double) d.get(0, "peakHourConsistency"), EPS); // 13 Tuesdays busiest at 09 of 16 active days
        assertEquals(4.0 / 11, (Double) d.get(1, "peakHourConsistency"), EPS);  // 4 Saturdays at 20 of 11 active days
        assertEquals(1.0, (Double) d.get(2, "peakHourConsistency"), EPS);       // the single active day
        assertEquals(13.0 / 27, (Double) d.get(4, "peakHourConsistency"), EPS); // Mondays 08:30; not Nov 24 09:00, not Thursdays
    }

    @Test
    void fewerThan120RequestsAreTooFewForAPeakPattern() {
        // Cochran: 5 requests per hourly share = 120; every fixture district has fewer
        assertEquals(120, PeakHourMetrics.MIN_REQUESTS);
        for (int i = 0; i < 5; i++) {
            assertEquals("Too few requests", d.get(i, "peakPatternType"));
            assertNull(d.get(i, "peakPatternConfidence"));
        }
        // the district's own peak daypart is still written: D1 peaks at 09 (morning), D2 at 20 (evening)
        assertEquals("Morning", d.get(0, "peakDaypart"));
        assertEquals("Evening", d.get(1, "peakDaypart"));
        assertNull(d.get(3, "peakDaypart"));
    }

    @Test
    void repeatedNamesGetSharpAndBroad() {
        double[] flatMorning = new double[24], sharpMorning = new double[24], evening = new double[24];
        for (int h = 6; h < 12; h++) flatMorning[h] = 1.0 / 6;  // peak-to-mean 4
        sharpMorning[9] = 1.0;                                   // peak-to-mean 24
        evening[18] = 0.5;
        evening[19] = 0.5;
        // the two morning groups' ratios 4 and 24 have median 14: above it "Sharp", else "Broad"
        assertArrayEquals(new String[] {"Broad morning peak", "Evening peak", "Sharp morning peak"},
                PeakPatternNames.of(new double[][] {flatMorning, evening, sharpMorning}));
        // equal shapes peaking at 07 and 10: both Broad, then the peak hour tells them apart
        double[] at7 = new double[24], at10 = new double[24];
        at7[7] = 1.0;
        at10[10] = 1.0;
        assertArrayEquals(new String[] {"Broad morning peak at 07", "Broad morning peak at 10"},
                PeakPatternNames.of(new double[][] {at7, at10}));
        assertEquals(4.0, PeakPatternNames.peakToMean(flatMorning), 1e-12);
    }

    @Test
    void everyDaypartNameIsSpelledAsTheSpec() {
        // generators.md section 4: "Night peak", "Morning peak", "Afternoon peak", "Evening peak", "Late-evening peak".
        // One centroid per daypart, all its share in one hour of that daypart: 03, 09, 14, 19, 23.
        int[] hours = {3, 9, 14, 19, 23};
        double[][] centroids = new double[hours.length][24];
        for (int c = 0; c < hours.length; c++) centroids[c][hours[c]] = 1.0;
        assertArrayEquals(new String[] {"Night peak", "Morning peak", "Afternoon peak", "Evening peak", "Late-evening peak"},
                PeakPatternNames.of(centroids));
    }

    @Test
    void districtWithoutRequests() {
        assertEquals(0, d.get(3, "businessHoursCount"));
        assertEquals(0, d.get(3, "offHoursCount"));
        for (String c : List.of("hour00Share", "peakHour", "peakHourShare", "peakToMeanRatio", "nightShare",
                "businessHoursShare", "offHoursShare", "offHoursPercentile", "offHoursRank", "businessHoursCV",
                "offHoursCV", "hourlyCV", "peakHourConsistency", "peakDaypart", "peakPatternConfidence")) {
            assertNull(d.get(3, c), c);
        }
        assertEquals("Too few requests", d.get(3, "peakPatternType")); // the spec: no request is too few
    }

    @Test
    void declaredColumnsAreTheSpecsList() {
        // generators.md section 4; offHoursRank is the …Rank companion of offHoursPercentile ("Definitions")
        List<String> spec = new java.util.ArrayList<>();
        for (int h = 0; h < 24; h++) spec.add(String.format("hour%02dShare", h));
        spec.addAll(List.of("peakHour", "peakHourShare", "peakToMeanRatio", "nightShare", "morningShare",
                "afternoonShare", "eveningShare", "lateEveningShare", "businessHoursCount", "businessHoursShare",
                "offHoursCount", "offHoursShare", "offHoursPercentile", "offHoursRank", "businessHoursCV", "offHoursCV",
                "hourlyCV", "peakHourConsistency", "peakDaypart", "peakPatternType", "peakPatternConfidence"));
        assertEquals(spec, PeakHourConsistency.DISTRICT_COLUMNS.stream().map(Binding::name).toList());
        assertEquals(List.of("peakHour", "peakPatternType", "hourOfDay", "isPeakHour"),
                PeakHourConsistency.REQUEST_COLUMNS.stream().map(Binding::name).toList());
    }
}
