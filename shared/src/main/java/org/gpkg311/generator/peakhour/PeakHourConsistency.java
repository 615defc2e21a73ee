package org.gpkg311.generator.peakhour;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.gpkg311.generator.RunContext;
import org.gpkg311.generator.RunSettings;
import org.gpkg311.generator.common.Binding;
import org.gpkg311.generator.common.BoundGenerator;
import org.gpkg311.generator.common.SharedFacts;
import org.gpkg311.generator.temporal.TemporalPatterns;
import org.gpkg311.provenance.Provenance;
import org.gpkg311.series.Daypart;
import org.gpkg311.series.RequestTimes;
import org.gpkg311.series.SeriesProvenance;
import org.gpkg311.series.SnapshotSeries;
import org.gpkg311.stats.Ranks;

/** peakHourConsistency: peak versus off-hour demand per district, in local time (spec section 4). */
public final class PeakHourConsistency extends BoundGenerator<PeakHourConsistency.Facts> {

    public static final String NAME = "peakHourConsistency";
    public static final String VERSION = org.gpkg311.generator.common.GeneratorVersion.CURRENT;
    public static final String SUMMARY = "When in the day each council district's 311 requests arrive: peak hour, dayparts and off-hours demand, in local time.";

    /** What the layers read: the peak-hour metrics, the request times (also as temporalPatterns reads them) and each request's district. */
    public record Facts(PeakHourMetrics m, RequestTimes t, TemporalPatterns.Facts temporal, int[] districtOf) {
        Boolean isPeakHour(int r) {
            Integer peak = m.peakHour()[districtOf[r]];
            return peak != null && peak == t.hourOfDay()[r];
        }
    }

    public static final Binding<Facts> PEAK_HOUR = Binding.integer("peakHour", "Peak Hour", "Local hour (0–23) with the most requests (ties: the earliest hour); empty without requests.", (f, i) -> f.m().peakHour()[i]);
    public static final Binding<Facts> PATTERN_TYPE = Binding.text("peakPatternType", "Peak Pattern", "Profile group of the 24 hourly shares (Hellinger), named by the daypart containing its centroid's peak hour (Sharp/Broad and the hour when names repeat); No distinct groups or Too few requests (under 120).", (f, i) -> f.m().peakPatternType()[i]);
    public static final List<Binding<Facts>> DAYPART_SHARES = daypartShares();
    public static final Binding<Facts> BUSINESS_SHARE = Binding.real("businessHoursShare", "Business-Hours Share", "Share of the district's requests opened Monday–Friday 08:00–17:00 local time.", (f, i) -> f.m().businessHoursShare()[i]);

    static final List<Binding<Facts>> DISTRICT_COLUMNS = Binding.concat(Binding.concat(hourShares(), List.of(
            PEAK_HOUR,
            Binding.real("peakHourShare", "Peak Hour Share", "Share of the district's requests opened in its peak hour.", (f, i) -> f.m().peakHourShare()[i]),
            Binding.real("peakToMeanRatio", "Peak-to-Mean Ratio", "Requests in the peak hour divided by the mean requests per hour (1 = flat, 24 = all in one hour).", (f, i) -> f.m().peakToMeanRatio()[i]))), Binding.concat(DAYPART_SHARES, List.of(
            Binding.integer("businessHoursCount", "Business-Hours Requests", "Requests opened Monday–Friday 08:00–17:00 local time.", (f, i) -> f.m().businessHoursCount()[i]),
            BUSINESS_SHARE,
            Binding.integer("offHoursCount", "Off-Hours Requests", "Requests opened outside business hours (evenings, nights and weekends).", (f, i) -> f.m().offHoursCount()[i]),
            Binding.real("offHoursShare", "Off-Hours Share", "Share of the district's requests opened outside business hours.", (f, i) -> f.m().offHoursShare()[i]),
            Binding.real("offHoursPercentile", "Off-Hours Share Percentile", "Mid-rank percentile (0–100) of the off-hours share among districts.", (f, i) -> Ranks.roundTenth(f.m().offHoursPercentile()[i])),
            Binding.integer("offHoursRank", "Off-Hours Share Rank", "Rank of the off-hours share among districts (1 = highest; ties share the rank).", (f, i) -> f.m().offHoursRank()[i]),
            Binding.real("businessHoursCV", "Business-Hours CV", "Coefficient of variation of the request counts in the 45 business hour-of-week slots.", (f, i) -> f.m().businessHoursCV()[i]),
            Binding.real("offHoursCV", "Off-Hours CV", "Coefficient of variation of the request counts in the 123 off-hours hour-of-week slots.", (f, i) -> f.m().offHoursCV()[i]),
            Binding.real("hourlyCV", "Hourly CV", "Coefficient of variation of the 24 hour-of-day request counts.", (f, i) -> f.m().hourlyCV()[i]),
            Binding.real("peakHourConsistency", "Peak Hour Consistency", "Share of the days with requests whose busiest hour is the district's overall peak hour.", (f, i) -> f.m().peakHourConsistency()[i]),
            Binding.text("peakDaypart", "Peak Daypart", "The daypart (Night, Morning, Afternoon, Evening, Late evening) that contains the district's own peak hour.", (f, i) -> f.m().peakDaypart()[i]),
            PATTERN_TYPE,
            Binding.real("peakPatternConfidence", "Peak Pattern Confidence", "Silhouette (−1 to 1) of the district in its peak pattern group; empty without groups.", (f, i) -> f.m().pattern().confidence()[i]))));

    static final List<Binding<Facts>> REQUEST_COLUMNS = List.of(PEAK_HOUR.ofDistrict(), PATTERN_TYPE.ofDistrict(),
            TemporalPatterns.HOUR_OF_DAY.via(Facts::temporal),
            Binding.bool("isPeakHour", "In Peak Hour", "True when the request was opened in its district's peak hour (local time).", Facts::isPeakHour));

    public PeakHourConsistency() {
        super(NAME, VERSION, SUMMARY, "offHoursShare", DISTRICT_COLUMNS, REQUEST_COLUMNS);
    }

    @Override
    protected Facts facts(RunContext context) {
        SnapshotSeries series = context.get(SharedFacts.SERIES);
        return new Facts(context.get(PeakHourMetrics.FACT), series.times(), new TemporalPatterns.Facts(null, series.times()),
                context.snapshot().requestDistrictIndexes());
    }

    @Override
    protected Provenance provenance(Facts f, RunContext context) {
        return provenance(context.get(SharedFacts.SERIES), f.m(), context.settings());
    }

    private static Provenance provenance(SnapshotSeries series, PeakHourMetrics m, RunSettings settings) {
        Provenance p = new Provenance();
        SeriesProvenance.calendar(p, series.calendar());
        SeriesProvenance.dayparts(p);
        SeriesProvenance.businessHours(p);
        p.add("peakHourTies", "earliest hour", "Rule: ties for the peak hour and for a day's busiest hour go to the earliest hour.");
        org.gpkg311.spatial.CategoryFacts.profileGroups(p, "peakPatternType", m.pattern(), List.of("hour00Share .. hour23Share (as sqrt)"),
                "the centroid's peak hour", PeakHourMetrics.MAX_K);
        p.add("peakPatternMinRequests", PeakHourMetrics.MIN_REQUESTS, "Cochran's rule: a district enters the clustering with at least 5 requests per hourly share; below it is Too few requests.");
        p.add("peakPatternNaming", "the daypart containing the centroid's peak hour (Night peak, Morning peak, Afternoon peak, Evening peak, Late-evening peak); repeated names: Sharp when the centroid's peak-to-mean ratio is above the median of the groups sharing the name, else Broad; then the peak hour",
                "Rule naming the peak pattern groups.");
        if (m.pattern().k() > 0) {
            List<String> named = new ArrayList<>();
            for (int c = 0; c < m.clusterNames().length; c++) {
                named.add((c + 1) + ": " + m.clusterNames()[c] + " (peak-to-mean "
                        + Provenance.format(PeakPatternNames.peakToMean(m.pattern().centroidRaw()[c])) + ")");
            }
            p.add("peakPatternClusters", String.join("; ", named), "Peak pattern groups in order of their centroid's peak hour.");
            for (int c = 0; c < m.clusterNames().length; c++) {
                p.add("peakPatternCentroid" + (c + 1), Arrays.toString(m.pattern().centroidRaw()[c]),
                        "Centroid (24 hourly shares, hour 0 first) of peak pattern cluster " + (c + 1) + ", " + m.clusterNames()[c] + ".");
            }
        }
        return p;
    }

    private static List<Binding<Facts>> hourShares() {
        List<Binding<Facts>> out = new ArrayList<>();
        for (int h = 0; h < 24; h++) {
            String hh = String.format("%02d", h);
            int k = h;
            out.add(Binding.real("hour" + hh + "Share", "Hour " + hh + " Share",
                    "Share of the district's requests opened between " + hh + ":00 and " + hh + ":59 local time; empty without requests.",
                    (f, i) -> f.m().hourShares()[i][k]));
        }
        return List.copyOf(out);
    }

    private static List<Binding<Facts>> daypartShares() {
        String[][] text = {
                {"nightShare", "Night Share", "Share of requests opened at night, 00:00–06:00 local time."},
                {"morningShare", "Morning Share", "Share of requests opened in the morning, 06:00–12:00 local time."},
                {"afternoonShare", "Afternoon Share", "Share of requests opened in the afternoon, 12:00–17:00 local time."},
                {"eveningShare", "Evening Share", "Share of requests opened in the evening, 17:00–22:00 local time."},
                {"lateEveningShare", "Late Evening Share", "Share of requests opened in the late evening, 22:00–24:00 local time."}};
        List<Binding<Facts>> out = new ArrayList<>();
        for (Daypart p : Daypart.values()) {
            String[] t = text[p.ordinal()];
            out.add(Binding.real(t[0], t[1], t[2], (f, i) -> f.m().daypartShare(i, p)));
        }
        return List.copyOf(out);
    }
}
