package org.gpkg311.generator.peakhour;

import java.util.List;

import org.gpkg311.generator.RunContext;
import org.gpkg311.generator.common.SharedFacts;
import org.gpkg311.series.Daypart;
import org.gpkg311.series.DistrictSeries;
import org.gpkg311.stats.ProfileGroups;
import org.gpkg311.series.SnapshotSeries;
import org.gpkg311.stats.Descriptive;
import org.gpkg311.stats.Ranks;
import org.gpkg311.stats.Values;

/**
 * Peak versus off-hour demand per district in local time (spec section 4). Arrays are indexed like
 * {@code snapshot.districts()}; null = undefined.
 *
 * @param hourShares        [district][hour] requests in that local hour / requestCount
 * @param peakHour          hour with most requests (ties: earliest)
 * @param peakToMeanRatio   peak hour's requests / mean requests per hour
 * @param daypartShares     [district][Daypart ordinal] daypart requests / requestCount
 * @param offHoursPercentile unrounded mid-rank percentile of offHoursShare
 * @param businessHoursCV   CV of the 45 business hour-of-week slot counts
 * @param offHoursCV        CV of the 123 off-hours slot counts
 * @param hourlyCV          CV of the 24 hourly counts
 * @param peakHourConsistency share of active days whose busiest hour (ties: earliest) is peakHour
 * @param pattern           silhouette categories on the 24 hourly shares, ordered by peakToMeanRatio
 * @param clusterNames      name of each pattern cluster (see {@link PeakPatternNames})
 * @param peakPatternType   per district the name of its group, "No distinct groups" or "Too few requests"
 * @param peakDaypart       the daypart containing the district's own peakHour
 */
public record PeakHourMetrics(Double[][] hourShares, Integer[] peakHour, Double[] peakHourShare,
                              Double[] peakToMeanRatio, Double[][] daypartShares, int[] businessHoursCount,
                              Double[] businessHoursShare, int[] offHoursCount, Double[] offHoursShare,
                              Double[] offHoursPercentile, Integer[] offHoursRank, Double[] businessHoursCV,
                              Double[] offHoursCV, Double[] hourlyCV, Double[] peakHourConsistency,
                              ProfileGroups pattern, String[] clusterNames, String[] peakPatternType, String[] peakDaypart) {

    public static final int MAX_K = 6;
    /** Cochran's minimum for 24 hourly shares: 120 requests. */
    public static final int MIN_REQUESTS = ProfileGroups.minimumRequests(24);
    public static final List<String> HOUR_FEATURES = java.util.stream.IntStream.range(0, 24)
            .mapToObj(h -> String.format("hour%02dShare", h)).toList();

    /** Profile groups of the 24 hourly shares (Hellinger), numbered by the centroid's peak hour. */
    static ProfileGroups.Setup setup(long seed) {
        boolean[] share = new boolean[24];
        java.util.Arrays.fill(share, true);
        return new ProfileGroups.Setup(HOUR_FEATURES, share, c -> PeakPatternNames.peakHour(c), MAX_K, PeakPatternNames.INSTANCE, seed);
    }

    /** The peak-hour facts of a run (timeBasedClusters reads them too). */
    public static final RunContext.Fact<PeakHourMetrics> FACT = new RunContext.Fact<>("peakHour",
            c -> compute(c.get(SharedFacts.SERIES), c.settings().seed()));

    public static PeakHourMetrics compute(SnapshotSeries series, long seed) {
        int n = series.districts().size();
        int parts = Daypart.values().length;
        Double[][] hourShares = new Double[n][24];
        Integer[] peakHour = new Integer[n];
        Double[] peakShare = new Double[n], peakToMean = new Double[n];
        Double[][] daypartShares = new Double[n][parts];
        int[] business = new int[n], off = new int[n];
        Double[] businessShare = new Double[n], offShare = new Double[n];
        Double[] businessCV = new Double[n], offCV = new Double[n], hourlyCV = new Double[n], consistency = new Double[n];
        for (int i = 0; i < n; i++) {
            DistrictSeries s = series.district(i);
            int total = s.requestCount();
            for (int h = 0; h < 24; h++) hourShares[i][h] = Values.ratio(s.hourly()[h], total);
            for (Daypart p : Daypart.values()) daypartShares[i][p.ordinal()] = Values.ratio(s.count(p), total);
            business[i] = s.businessHoursCount();
            off[i] = s.offHoursCount();
            businessShare[i] = Values.ratio(business[i], total);
            offShare[i] = Values.ratio(off[i], total);
            businessCV[i] = Descriptive.cv(s.businessSlotCounts());
            offCV[i] = Descriptive.cv(s.offHoursSlotCounts());
            hourlyCV[i] = Descriptive.cv(s.hourlyValues());
            int peak = s.peakHour();
            if (peak < 0) continue;
            peakHour[i] = peak;
            peakShare[i] = Values.ratio(s.hourly()[peak], total);
            peakToMean[i] = s.hourly()[peak] / (total / 24.0);
            consistency[i] = peakHourConsistency(s, peak);
        }
        boolean[] eligible = new boolean[n];
        for (int i = 0; i < n; i++) eligible[i] = series.district(i).requestCount() >= MIN_REQUESTS;
        ProfileGroups pattern = ProfileGroups.of(hourShares, eligible, setup(seed));
        String[] clusterNames = pattern.names();
        String[] type = pattern.label();
        String[] daypart = new String[n];
        for (int i = 0; i < n; i++) if (peakHour[i] != null) daypart[i] = Daypart.of(peakHour[i]).label();
        return new PeakHourMetrics(hourShares, peakHour, peakShare, peakToMean, daypartShares, business, businessShare,
                off, offShare, Ranks.percentile(offShare), Ranks.descending(offShare), businessCV, offCV, hourlyCV,
                consistency, pattern, clusterNames, type, daypart);
    }

    /** Share of the district's active days whose busiest hour is its overall peak hour. */
    static Double peakHourConsistency(DistrictSeries s, int peak) {
        int active = 0, matching = 0;
        for (int day = 0; day < s.dailyIntake().length; day++) {
            int busiest = s.busiestHour(day);
            if (busiest < 0) continue;
            active++;
            if (busiest == peak) matching++;
        }
        return Values.ratio(matching, active);
    }

    public Double daypartShare(int district, Daypart p) {
        return daypartShares[district][p.ordinal()];
    }
}
