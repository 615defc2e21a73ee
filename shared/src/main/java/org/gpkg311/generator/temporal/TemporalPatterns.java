package org.gpkg311.generator.temporal;

import java.util.ArrayList;
import java.util.List;

import org.gpkg311.generator.GeneratorOutput;
import org.gpkg311.generator.RunSettings;
import org.gpkg311.generator.common.DistrictLayer;
import org.gpkg311.generator.common.GeneratorBase;
import org.gpkg311.generator.common.RequestLayer;
import org.gpkg311.provenance.Provenance;
import org.gpkg311.series.RequestTimes;
import org.gpkg311.series.SeriesProvenance;
import org.gpkg311.series.SilhouetteResult;
import org.gpkg311.series.SnapshotSeries;
import org.gpkg311.series.Weekdays;
import org.gpkg311.snapshot.Snapshot;
import org.gpkg311.stats.Ranks;
import org.gpkg311.table.Column;
import org.gpkg311.table.Table;

/** temporalPatterns: weekday versus weekend demand per district, in local time (spec section 3). */
public final class TemporalPatterns extends GeneratorBase {

    public static final String NAME = "temporalPatterns";
    public static final String VERSION = org.gpkg311.generator.common.GeneratorVersion.CURRENT;
    public static final String SUMMARY = "How each council district's 311 demand splits between weekdays and weekends, in local time.";

    public static final List<Column> DAY_COUNTS = dayColumns("Count", true);
    public static final List<Column> DAY_SHARES = dayColumns("Share", false);
    public static final Column WEEKDAY_COUNT = Column.integer("weekdayCount", "Weekday Requests", "Requests opened Monday to Friday (local time).");
    public static final Column WEEKEND_COUNT = Column.integer("weekendCount", "Weekend Requests", "Requests opened on Saturday or Sunday (local time).");
    public static final Column WEEKDAY_SHARE = Column.real("weekdayShare", "Weekday Share", "Share of the district's requests opened Monday to Friday; empty without requests.");
    public static final Column WEEKEND_SHARE = Column.real("weekendShare", "Weekend Share", "Share of the district's requests opened on a weekend; empty without requests.");
    public static final Column WEEKDAY_DAILY_AVG = Column.real("weekdayDailyAvg", "Weekday Daily Average", "Weekday requests divided by the number of Monday–Friday days in the window.");
    public static final Column WEEKEND_DAILY_AVG = Column.real("weekendDailyAvg", "Weekend Daily Average", "Weekend requests divided by the number of Saturdays and Sundays in the window.");
    public static final Column RATIO = Column.real("weekdayWeekendRatio", "Weekday/Weekend Ratio", "Weekday daily average divided by weekend daily average; empty when the weekend average is 0.");
    public static final Column PEAK_DAY = Column.text("peakDay", "Peak Day", "Day of week with the highest average requests per day (ties: the earlier day from Monday); empty without requests.");
    public static final Column PEAK_DAY_SHARE = Column.real("peakDayShare", "Peak Day Share", "Share of the district's requests opened on its peak day of week.");
    public static final Column DAY_OF_WEEK_CV = Column.real("dayOfWeekCV", "Day-of-Week CV", "Coefficient of variation (sample SD / mean) of the seven per-day averages; empty without requests.");
    public static final Column CONSISTENCY_SCORE = Column.real("consistencyScore", "Weekly Consistency Score", "100 minus the percentile rank of dayOfWeekCV: 100 = the most even spread over the week.");
    public static final Column RATIO_PERCENTILE = Column.real("ratioPercentile", "Weekday/Weekend Ratio Percentile", "Mid-rank percentile (0–100) of the weekday/weekend ratio among districts.");
    public static final Column RATIO_RANK = Column.integer("ratioRank", "Weekday/Weekend Ratio Rank", "Rank of the weekday/weekend ratio among districts (1 = most weekday-heavy; ties share the rank).");
    public static final Column TEMPORAL_CATEGORY = Column.text("temporalCategory", "Weekday/Weekend Category", "Quartile of the weekday/weekend ratio: Weekend-leaning, Balanced-low, Balanced-high or Weekday-dominant.");
    public static final Column CONSISTENCY_QUARTILE = Column.integer("consistencyQuartile", "Consistency Quartile", "Quartile class 1–4 of the consistency score (4 = the most even quarter of districts).");
    public static final Column CONSISTENCY_CATEGORY = Column.text("consistencyCategory", "Day-of-Week Variation Category", "Silhouette-chosen k-means category of dayOfWeekCV, ordered by it (Low = even over the week, High = concentrated on some days).");
    public static final Column CONSISTENCY_CONFIDENCE = Column.real("consistencyConfidence", "Variation Category Confidence", "Silhouette (−1 to 1) of the district in its day-of-week variation category.");

    public static final Column DAY_OF_WEEK = Column.text("dayOfWeek", "Day of Week", "Local day of week the request was opened (Monday .. Sunday).");
    public static final Column IS_WEEKEND = Column.bool("isWeekend", "Opened on Weekend", "True when the request was opened on a Saturday or Sunday, local time.");
    public static final Column HOUR_OF_DAY = Column.integer("hourOfDay", "Hour of Day", "Local hour (0–23) the request was opened.");

    public static final List<Column> DISTRICT_COLUMNS = districtColumns();
    public static final List<Column> REQUEST_COLUMNS = List.of(TEMPORAL_CATEGORY, RATIO, DAY_OF_WEEK, IS_WEEKEND, HOUR_OF_DAY);

    public TemporalPatterns() {
        super(NAME, VERSION, SUMMARY, "weekdayWeekendRatio");
    }

    @Override
    public GeneratorOutput generate(Snapshot snapshot, RunSettings settings) {
        SnapshotSeries series = SnapshotSeries.of(snapshot);
        TemporalMetrics m = TemporalMetrics.compute(series, settings.seed());

        Table districts = DistrictLayer.create(NAME, SUMMARY, snapshot, DISTRICT_COLUMNS);
        for (int i = 0; i < districts.rowCount(); i++) {
            Table.Row row = districts.row(i);
            for (int d = 0; d < 7; d++) {
                row.set(DAY_COUNTS.get(d).name(), m.dayCounts()[i][d]);
                row.set(DAY_SHARES.get(d).name(), m.dayShares()[i][d]);
            }
            row.set(WEEKDAY_COUNT.name(), m.weekdayCount()[i])
                    .set(WEEKEND_COUNT.name(), m.weekendCount()[i])
                    .set(WEEKDAY_SHARE.name(), m.weekdayShare()[i])
                    .set(WEEKEND_SHARE.name(), m.weekendShare()[i])
                    .set(WEEKDAY_DAILY_AVG.name(), m.weekdayDailyAvg()[i])
                    .set(WEEKEND_DAILY_AVG.name(), m.weekendDailyAvg()[i])
                    .set(RATIO.name(), m.weekdayWeekendRatio()[i])
                    .set(PEAK_DAY.name(), m.peakDay()[i])
                    .set(PEAK_DAY_SHARE.name(), m.peakDayShare()[i])
                    .set(DAY_OF_WEEK_CV.name(), m.dayOfWeekCV()[i])
                    .set(CONSISTENCY_SCORE.name(), m.consistencyScore()[i])
                    .set(RATIO_PERCENTILE.name(), Ranks.roundTenth(m.ratioPercentile()[i]))
                    .set(RATIO_RANK.name(), m.ratioRank()[i])
                    .set(TEMPORAL_CATEGORY.name(), m.temporalCategory()[i])
                    .set(CONSISTENCY_QUARTILE.name(), m.consistencyQuartile()[i])
                    .set(CONSISTENCY_CATEGORY.name(), m.consistency().label()[i])
                    .set(CONSISTENCY_CONFIDENCE.name(), m.consistency().silhouette()[i]);
        }

        RequestTimes t = series.times();
        RequestLayer requests = RequestLayer.create(NAME, SUMMARY, snapshot, REQUEST_COLUMNS)
                .districtContext(TEMPORAL_CATEGORY.name(), m.temporalCategory())
                .districtContext(RATIO.name(), m.weekdayWeekendRatio())
                .eachRow((r, row) -> row.set(DAY_OF_WEEK.name(), t.dayName(r))
                        .set(IS_WEEKEND.name(), t.isWeekend(r))
                        .set(HOUR_OF_DAY.name(), t.hourOfDay()[r]));
        return new GeneratorOutput(NAME, VERSION, List.of(districts, requests.table()), provenance(series, m, settings));
    }

    private static Provenance provenance(SnapshotSeries series, TemporalMetrics m, RunSettings settings) {
        Provenance p = new Provenance();
        SeriesProvenance.calendar(p, series.calendar());
        SeriesProvenance.weekdays(p, series.calendar());
        p.add("weekdayDays", series.calendar().weekdayDays(), "Monday–Friday days in the window (denominator of weekdayDailyAvg).");
        p.add("weekendDays", series.calendar().weekendDays(), "Saturdays and Sundays in the window (denominator of weekendDailyAvg).");
        SeriesProvenance.quartileCuts(p, "weekdayWeekendRatioQuartiles", "weekdayWeekendRatio (temporalCategory)", m.ratioQuartileCuts());
        SeriesProvenance.quartileCuts(p, "consistencyScoreQuartiles", "consistencyScore (consistencyQuartile)", m.consistencyQuartileCuts());
        m.consistency().addTo(p, "consistencyCategory", "consistencyCategory", "dayOfWeekCV", "dayOfWeekCV",
                SilhouetteResult.MAX_K, settings.seed());
        return p;
    }

    private static List<Column> dayColumns(String suffix, boolean count) {
        List<Column> out = new ArrayList<>();
        for (int d = 0; d < 7; d++) {
            String day = Weekdays.NAMES[d];
            out.add(count
                    ? Column.integer(Weekdays.KEYS[d] + suffix, day + " Requests", "Requests opened on a " + day + " (local time).")
                    : Column.real(Weekdays.KEYS[d] + suffix, day + " Share", "Share of the district's requests opened on a " + day + "; empty without requests."));
        }
        return List.copyOf(out);
    }

    private static List<Column> districtColumns() {
        List<Column> c = new ArrayList<>(DAY_COUNTS);
        c.addAll(DAY_SHARES);
        c.addAll(List.of(WEEKDAY_COUNT, WEEKEND_COUNT, WEEKDAY_SHARE, WEEKEND_SHARE, WEEKDAY_DAILY_AVG, WEEKEND_DAILY_AVG,
                RATIO, PEAK_DAY, PEAK_DAY_SHARE, DAY_OF_WEEK_CV, CONSISTENCY_SCORE, RATIO_PERCENTILE, RATIO_RANK,
                TEMPORAL_CATEGORY, CONSISTENCY_QUARTILE, CONSISTENCY_CATEGORY, CONSISTENCY_CONFIDENCE));
        return List.copyOf(c);
    }
}
