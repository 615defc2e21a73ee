package org.gpkg311.generator.peakhour;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.gpkg311.generator.GeneratorOutput;
import org.gpkg311.generator.RunSettings;
import org.gpkg311.generator.common.DistrictLayer;
import org.gpkg311.generator.common.GeneratorBase;
import org.gpkg311.generator.common.RequestLayer;
import org.gpkg311.generator.temporal.TemporalPatterns;
import org.gpkg311.provenance.Provenance;
import org.gpkg311.series.Daypart;
import org.gpkg311.series.RequestTimes;
import org.gpkg311.series.SeriesProvenance;
import org.gpkg311.series.SilhouetteResult;
import org.gpkg311.series.SnapshotSeries;
import org.gpkg311.snapshot.Snapshot;
import org.gpkg311.stats.Ranks;
import org.gpkg311.table.Column;
import org.gpkg311.table.Table;

/** peakHourConsistency: peak versus off-hour demand per district, in local time (spec section 4). */
public final class PeakHourConsistency extends GeneratorBase {

    public static final String NAME = "peakHourConsistency";
    public static final String VERSION = org.gpkg311.generator.common.GeneratorVersion.CURRENT;
    public static final String SUMMARY = "When in the day each council district's 311 requests arrive: peak hour, dayparts and off-hours demand, in local time.";

    public static final List<Column> HOUR_SHARES = hourShareColumns();
    public static final Column PEAK_HOUR = Column.integer("peakHour", "Peak Hour", "Local hour (0–23) with the most requests (ties: the earliest hour); empty without requests.");
    public static final Column PEAK_HOUR_SHARE = Column.real("peakHourShare", "Peak Hour Share", "Share of the district's requests opened in its peak hour.");
    public static final Column PEAK_TO_MEAN = Column.real("peakToMeanRatio", "Peak-to-Mean Ratio", "Requests in the peak hour divided by the mean requests per hour (1 = flat, 24 = all in one hour).");
    public static final List<Column> DAYPART_SHARES = List.of(
            Column.real("nightShare", "Night Share", "Share of requests opened at night, 00:00–06:00 local time."),
            Column.real("morningShare", "Morning Share", "Share of requests opened in the morning, 06:00–12:00 local time."),
            Column.real("afternoonShare", "Afternoon Share", "Share of requests opened in the afternoon, 12:00–17:00 local time."),
            Column.real("eveningShare", "Evening Share", "Share of requests opened in the evening, 17:00–22:00 local time."),
            Column.real("lateEveningShare", "Late Evening Share", "Share of requests opened in the late evening, 22:00–24:00 local time."));
    public static final Column BUSINESS_COUNT = Column.integer("businessHoursCount", "Business-Hours Requests", "Requests opened Monday–Friday 08:00–17:00 local time.");
    public static final Column BUSINESS_SHARE = Column.real("businessHoursShare", "Business-Hours Share", "Share of the district's requests opened Monday–Friday 08:00–17:00 local time.");
    public static final Column OFF_COUNT = Column.integer("offHoursCount", "Off-Hours Requests", "Requests opened outside business hours (evenings, nights and weekends).");
    public static final Column OFF_SHARE = Column.real("offHoursShare", "Off-Hours Share", "Share of the district's requests opened outside business hours.");
    public static final Column OFF_PERCENTILE = Column.real("offHoursPercentile", "Off-Hours Share Percentile", "Mid-rank percentile (0–100) of the off-hours share among districts.");
    public static final Column OFF_RANK = Column.integer("offHoursRank", "Off-Hours Share Rank", "Rank of the off-hours share among districts (1 = highest; ties share the rank).");
    public static final Column BUSINESS_CV = Column.real("businessHoursCV", "Business-Hours CV", "Coefficient of variation of the request counts in the 45 business hour-of-week slots.");
    public static final Column OFF_CV = Column.real("offHoursCV", "Off-Hours CV", "Coefficient of variation of the request counts in the 123 off-hours hour-of-week slots.");
    public static final Column HOURLY_CV = Column.real("hourlyCV", "Hourly CV", "Coefficient of variation of the 24 hour-of-day request counts.");
    public static final Column CONSISTENCY = Column.real("peakHourConsistency", "Peak Hour Consistency", "Share of the days with requests whose busiest hour is the district's overall peak hour.");
    public static final Column PATTERN_TYPE = Column.text("peakPatternType", "Peak Pattern", "Silhouette-chosen k-means cluster of the 24 hourly shares, named by its centroid's busiest daypart (sharp/broad by peak-to-mean ratio when names repeat).");
    public static final Column PATTERN_CONFIDENCE = Column.real("peakPatternConfidence", "Peak Pattern Confidence", "Silhouette (−1 to 1) of the district in its peak pattern cluster.");

    public static final Column IS_PEAK_HOUR = Column.bool("isPeakHour", "In Peak Hour", "True when the request was opened in its district's peak hour (local time).");

    static final List<Column> DISTRICT_COLUMNS = districtColumns();
    static final List<Column> REQUEST_COLUMNS = List.of(PEAK_HOUR, PATTERN_TYPE, TemporalPatterns.HOUR_OF_DAY, IS_PEAK_HOUR);

    public PeakHourConsistency() {
        super(NAME, VERSION, SUMMARY, "offHoursShare");
    }

    @Override
    public GeneratorOutput generate(Snapshot snapshot, RunSettings settings) {
        SnapshotSeries series = SnapshotSeries.of(snapshot);
        PeakHourMetrics m = PeakHourMetrics.compute(series, settings.seed());

        Table districts = DistrictLayer.create(NAME, SUMMARY, snapshot, DISTRICT_COLUMNS);
        for (int i = 0; i < districts.rowCount(); i++) {
            Table.Row row = districts.row(i);
            for (int h = 0; h < 24; h++) row.set(HOUR_SHARES.get(h).name(), m.hourShares()[i][h]);
            for (Daypart p : Daypart.values()) row.set(DAYPART_SHARES.get(p.ordinal()).name(), m.daypartShare(i, p));
            row.set(PEAK_HOUR.name(), m.peakHour()[i])
                    .set(PEAK_HOUR_SHARE.name(), m.peakHourShare()[i])
                    .set(PEAK_TO_MEAN.name(), m.peakToMeanRatio()[i])
                    .set(BUSINESS_COUNT.name(), m.businessHoursCount()[i])
                    .set(BUSINESS_SHARE.name(), m.businessHoursShare()[i])
                    .set(OFF_COUNT.name(), m.offHoursCount()[i])
                    .set(OFF_SHARE.name(), m.offHoursShare()[i])
                    .set(OFF_PERCENTILE.name(), Ranks.roundTenth(m.offHoursPercentile()[i]))
                    .set(OFF_RANK.name(), m.offHoursRank()[i])
                    .set(BUSINESS_CV.name(), m.businessHoursCV()[i])
                    .set(OFF_CV.name(), m.offHoursCV()[i])
                    .set(HOURLY_CV.name(), m.hourlyCV()[i])
                    .set(CONSISTENCY.name(), m.peakHourConsistency()[i])
                    .set(PATTERN_TYPE.name(), m.peakPatternType()[i])
                    .set(PATTERN_CONFIDENCE.name(), m.pattern().silhouette()[i]);
        }

        RequestTimes t = series.times();
        RequestLayer requests = RequestLayer.create(NAME, SUMMARY, snapshot, REQUEST_COLUMNS)
                .districtContext(PEAK_HOUR.name(), m.peakHour())
                .districtContext(PATTERN_TYPE.name(), m.peakPatternType());
        requests.eachRow((r, row) -> {
            Integer peak = m.peakHour()[requests.districtOf(r)];
            row.set(TemporalPatterns.HOUR_OF_DAY.name(), t.hourOfDay()[r])
                    .set(IS_PEAK_HOUR.name(), peak != null && peak == t.hourOfDay()[r]);
        });
        return new GeneratorOutput(NAME, VERSION, List.of(districts, requests.table()), provenance(series, m, settings));
    }

    private static Provenance provenance(SnapshotSeries series, PeakHourMetrics m, RunSettings settings) {
        Provenance p = new Provenance();
        SeriesProvenance.calendar(p, series.calendar());
        SeriesProvenance.dayparts(p);
        SeriesProvenance.businessHours(p);
        p.add("peakHourTies", "earliest hour", "Rule: ties for the peak hour and for a day's busiest hour go to the earliest hour.");
        m.pattern().addTo(p, "peakPattern", "peakPatternType", "hour00Share .. hour23Share", "peakToMeanRatio",
                SilhouetteResult.MAX_K, settings.seed());
        p.add("peakPatternNaming", "busiest daypart of the centroid by mean share per hour (Night peak, Morning peak, Afternoon peak, Evening peak, Late-evening peak); repeated names add sharp (highest peak-to-mean ratio) / broad (lowest) / moderate",
                "Rule naming the peak pattern clusters.");
        if (m.pattern().clustered()) {
            List<String> named = new ArrayList<>();
            for (int c = 0; c < m.clusterNames().length; c++) {
                named.add((c + 1) + ": " + m.clusterNames()[c] + " (peak-to-mean "
                        + Provenance.format(PeakPatternNames.peakToMean(m.pattern().centroidsRaw()[c])) + ")");
            }
            p.add("peakPatternClusters", String.join("; ", named), "Peak pattern clusters in order of their centroid's peak-to-mean ratio.");
            for (int c = 0; c < m.clusterNames().length; c++) {
                p.add("peakPatternCentroid" + (c + 1), Arrays.toString(m.pattern().centroidsRaw()[c]),
                        "Centroid (24 hourly shares, hour 0 first) of peak pattern cluster " + (c + 1) + ", " + m.clusterNames()[c] + ".");
            }
        }
        return p;
    }

    private static List<Column> hourShareColumns() {
        List<Column> out = new ArrayList<>();
        for (int h = 0; h < 24; h++) {
            String hh = String.format("%02d", h);
            out.add(Column.real("hour" + hh + "Share", "Hour " + hh + " Share",
                    "Share of the district's requests opened between " + hh + ":00 and " + hh + ":59 local time; empty without requests."));
        }
        return List.copyOf(out);
    }

    private static List<Column> districtColumns() {
        List<Column> c = new ArrayList<>(HOUR_SHARES);
        c.addAll(List.of(PEAK_HOUR, PEAK_HOUR_SHARE, PEAK_TO_MEAN));
        c.addAll(DAYPART_SHARES);
        c.addAll(List.of(BUSINESS_COUNT, BUSINESS_SHARE, OFF_COUNT, OFF_SHARE, OFF_PERCENTILE, OFF_RANK, BUSINESS_CV,
                OFF_CV, HOURLY_CV, CONSISTENCY, PATTERN_TYPE, PATTERN_CONFIDENCE));
        return List.copyOf(c);
    }
}
