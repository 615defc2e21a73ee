package org.gpkg311.series;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.gpkg311.bench.TimeGeneratorsBenchmark;
import org.gpkg311.generator.RunSettings;
import org.gpkg311.generator.peakhour.PeakHourConsistency;
import org.gpkg311.generator.temporal.TemporalPatterns;
import org.gpkg311.generator.trend.TrendDirection;
import org.gpkg311.generator.volatility.RequestVolatility;
import org.gpkg311.model.ServiceRequest;
import org.gpkg311.snapshot.Snapshot;
import org.gpkg311.table.Table;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Per-request fields agree with their district-level counterparts: the hourOfDay histogram of a
 * district's request points is its hourly shares × requestCount, isPeakHour is hourOfDay = peakHour,
 * the distinct days flagged isSpikeDay are the district's spikeDays, and weekIndex counts are its
 * weekly series. Every request is given coordinates so that every request has a point.
 */
class RequestDistrictConsistencyTest {

    static Stream<Snapshot> snapshots() {
        Snapshot fixture = TimeFixture.snapshot();
        Snapshot synthetic = TimeGeneratorsBenchmark.syntheticSnapshot(3_000, 7L);
        return Stream.of(allLocated(fixture), allLocated(synthetic));
    }

    @ParameterizedTest
    @MethodSource("snapshots")
    void hourOfDayAndPeakHour(Snapshot s) {
        Table districts = new PeakHourConsistency().generate(s, RunSettings.defaults()).layer("peakHourConsistencyDistricts");
        Table requests = new PeakHourConsistency().generate(s, RunSettings.defaults()).layer("peakHourConsistencyRequests");
        Table temporal = new TemporalPatterns().generate(s, RunSettings.defaults()).layer("temporalPatternsRequests");
        int n = districts.rowCount();
        int[][] hist = new int[n][24];
        for (int row = 0; row < requests.rowCount(); row++) {
            int i = s.districtIndex((Integer) requests.get(row, "districtId"));
            int hour = (Integer) requests.get(row, "hourOfDay");
            hist[i][hour]++;
            assertEquals(hour, temporal.get(row, "hourOfDay"));
            assertEquals(hour == (Integer) districts.get(i, "peakHour"), requests.get(row, "isPeakHour"));
            assertEquals(districts.get(i, "peakHour"), requests.get(row, "peakHour"));
        }
        for (int i = 0; i < n; i++) {
            int count = (Integer) districts.get(i, "requestCount");
            for (int h = 0; h < 24; h++) {
                Double share = (Double) districts.get(i, String.format("hour%02dShare", h));
                assertEquals(count == 0 ? 0 : Math.round(share * count), hist[i][h], "district row " + i + " hour " + h);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("snapshots")
    void spikeDays(Snapshot s) {
        var out = new RequestVolatility().generate(s, RunSettings.defaults());
        Table districts = out.layer("requestVolatilityDistricts");
        Table requests = out.layer("requestVolatilityRequests");
        List<Set<java.time.LocalDate>> spikeDates = Stream.generate(() -> (Set<java.time.LocalDate>) new HashSet<java.time.LocalDate>())
                .limit(districts.rowCount()).toList();
        for (int row = 0; row < requests.rowCount(); row++) {
            if (!(Boolean) requests.get(row, "isSpikeDay")) continue;
            int i = s.districtIndex((Integer) requests.get(row, "districtId"));
            spikeDates.get(i).add(s.window().localDate((java.time.Instant) requests.get(row, "openedAt")));
        }
        for (int i = 0; i < districts.rowCount(); i++) {
            assertEquals(districts.get(i, "spikeDays"), spikeDates.get(i).size(), "district row " + i);
        }
    }

    @ParameterizedTest
    @MethodSource("snapshots")
    void weekIndexCountsAreTheWeeklySeries(Snapshot s) {
        var out = new TrendDirection().generate(s, RunSettings.defaults());
        Table requests = out.layer("trendDirectionRequests");
        Table districts = out.layer("trendDirectionDistricts");
        SnapshotSeries series = SnapshotSeries.compute(s);
        int weeks = series.calendar().fullWeekCount();
        int[][] counts = new int[districts.rowCount()][weeks];
        for (int row = 0; row < requests.rowCount(); row++) {
            int i = s.districtIndex((Integer) requests.get(row, "districtId"));
            Integer w = (Integer) requests.get(row, "weekIndex");
            if (w != null) counts[i][w - 1]++;
            assertEquals(districts.get(i, "weeklySlope"), requests.get(row, "weeklySlope"));
        }
        for (int i = 0; i < districts.rowCount(); i++) {
            assertTrue(java.util.Arrays.equals(series.district(i).weekly(), counts[i]), "district row " + i);
            int m = (Integer) districts.get(i, "month1Count") + (Integer) districts.get(i, "month2Count")
                    + (Integer) districts.get(i, "month3Count");
            assertEquals(districts.get(i, "requestCount"), m);
        }
    }

    private static Snapshot allLocated(Snapshot s) {
        List<ServiceRequest> located = s.requests().stream().map(q -> new ServiceRequest(q.requestId(), q.requestType(),
                q.subrequestType(), q.additionalSubrequestType(), q.status(), q.open(), q.openedAt(), q.closedAt(),
                q.origin(), q.address(), q.city(), q.zipCode(), q.latitude(), q.longitude(), q.districtId(), true)).toList();
        return new Snapshot(s.runId(), s.cityName(), s.window(), s.districts(), located, s.quality());
    }
}
