package org.gpkg311.generator.temporal;

import java.util.ArrayList;
import java.util.List;

import org.gpkg311.generator.RunContext;
import org.gpkg311.generator.RunSettings;
import org.gpkg311.generator.common.Binding;
import org.gpkg311.generator.common.BoundGenerator;
import org.gpkg311.generator.common.SharedFacts;
import org.gpkg311.provenance.Provenance;
import org.gpkg311.series.RequestTimes;
import org.gpkg311.series.SeriesProvenance;
import org.gpkg311.series.SnapshotSeries;
import org.gpkg311.series.Weekdays;
import org.gpkg311.stats.Ranks;

/** temporalPatterns: weekday versus weekend demand per district, in local time (spec section 3). */
public final class TemporalPatterns extends BoundGenerator<TemporalPatterns.Facts> {

    public static final String NAME = "temporalPatterns";
    public static final String VERSION = org.gpkg311.generator.common.GeneratorVersion.CURRENT;
    public static final String SUMMARY = "How each council district's 311 demand splits between weekdays and weekends, in local time.";

    /** What the layers read: the temporal metrics and each request's local-time facts. */
    public record Facts(TemporalMetrics m, RequestTimes t) {}

    public static final Binding<Facts> RATIO = Binding.real("weekdayWeekendRatio", "Weekday/Weekend Ratio", "Weekday daily average divided by weekend daily average; empty when the weekend average is 0.", (f, i) -> f.m().weekdayWeekendRatio()[i]);
    static final Binding<Facts> TEMPORAL_CATEGORY = Binding.text("temporalCategory", "Weekday/Weekend Category", "Quartile of the weekday/weekend ratio: Weekend-leaning, Balanced-low, Balanced-high or Weekday-dominant.", (Facts f, int i) -> f.m().temporalCategory()[i])
            .labelOf("weekdayWeekendRatio", List.of(TemporalMetrics.TEMPORAL_LABELS));

    public static final List<Binding<Facts>> DAY_SHARES = dayColumns("Share");
    public static final Binding<Facts> WEEKEND_SHARE = Binding.real("weekendShare", "Weekend Share", "Share of the district's requests opened on a weekend; empty without requests.", (f, i) -> f.m().weekendShare()[i]);
    public static final Binding<Facts> HOUR_OF_DAY = Binding.integer("hourOfDay", "Hour of Day", "Local hour (0–23) the request was opened.", (f, i) -> f.t().hourOfDay()[i]);

    static final List<Binding<Facts>> DISTRICT_COLUMNS = Binding.concat(Binding.concat(dayColumns("Count"), DAY_SHARES), List.of(
            Binding.integer("weekdayCount", "Weekday Requests", "Requests opened Monday to Friday (local time).", (f, i) -> f.m().weekdayCount()[i]),
            Binding.integer("weekendCount", "Weekend Requests", "Requests opened on Saturday or Sunday (local time).", (f, i) -> f.m().weekendCount()[i]),
            Binding.real("weekdayShare", "Weekday Share", "Share of the district's requests opened Monday to Friday; empty without requests.", (f, i) -> f.m().weekdayShare()[i]),
            WEEKEND_SHARE,
            Binding.real("weekdayDailyAvg", "Weekday Daily Average", "Weekday requests divided by the number of Monday–Friday days in the window.", (f, i) -> f.m().weekdayDailyAvg()[i]),
            Binding.real("weekendDailyAvg", "Weekend Daily Average", "Weekend requests divided by the number of Saturdays and Sundays in the window.", (f, i) -> f.m().weekendDailyAvg()[i]),
            RATIO,
            Binding.text("peakDay", "Peak Day", "Day of week with the highest average requests per day (ties: the earlier day from Monday); empty without requests.", (f, i) -> f.m().peakDay()[i]),
            Binding.real("peakDayShare", "Peak Day Share", "Share of the district's requests opened on its peak day of week.", (f, i) -> f.m().peakDayShare()[i]),
            Binding.real("dayOfWeekCV", "Day-of-Week CV", "Coefficient of variation (sample SD / mean) of the seven per-day averages; empty without requests.", (f, i) -> f.m().dayOfWeekCV()[i]),
            Binding.real("consistencyScore", "Weekly Consistency Score", "100 minus the percentile rank of dayOfWeekCV: 100 = the most even spread over the week.", (f, i) -> f.m().consistencyScore()[i]),
            Binding.real("ratioPercentile", "Weekday/Weekend Ratio Percentile", "Mid-rank percentile (0–100) of the weekday/weekend ratio among districts.", (f, i) -> Ranks.roundTenth(f.m().ratioPercentile()[i])),
            Binding.integer("ratioRank", "Weekday/Weekend Ratio Rank", "Rank of the weekday/weekend ratio among districts (1 = most weekday-heavy; ties share the rank).", (f, i) -> f.m().ratioRank()[i]),
            TEMPORAL_CATEGORY,
            Binding.integer("consistencyQuartile", "Consistency Quartile", "Quartile class 1–4 of the consistency score (4 = the most even quarter of districts).", (Facts f, int i) -> f.m().consistencyQuartile()[i])
                    .classOf("consistencyScore", 4),
            Binding.text("consistencyCategory", "Day-of-Week Variation Category", "Score class of dayOfWeekCV by exact natural breaks (Low weekday variation = even over the week; a higher CV never has a lower class).", (f, i) -> f.m().consistency().label()[i]),
            Binding.real("consistencyConfidence", "Variation Category Confidence", "1-D silhouette (−1 to 1) of the district in its weekday-variation class.", (f, i) -> f.m().consistency().silhouette()[i])));

    static final List<Binding<Facts>> REQUEST_COLUMNS = List.of(
            TEMPORAL_CATEGORY.ofDistrict(),
            RATIO.ofDistrict(),
            Binding.text("dayOfWeek", "Day of Week", "Local day of week the request was opened (Monday .. Sunday).", (f, i) -> f.t().dayName(i)),
            Binding.bool("isWeekend", "Opened on Weekend", "True when the request was opened on a Saturday or Sunday, local time.", (f, i) -> f.t().isWeekend(i)),
            HOUR_OF_DAY);

    public TemporalPatterns() {
        super(NAME, VERSION, SUMMARY, "weekdayWeekendRatio", DISTRICT_COLUMNS, REQUEST_COLUMNS);
    }

    @Override
    protected Facts facts(RunContext context) {
        SnapshotSeries series = context.get(SharedFacts.SERIES);
        return new Facts(context.get(TemporalMetrics.FACT), series.times());
    }

    @Override
    protected Provenance provenance(Facts f, RunContext context) {
        return provenance(context.get(SharedFacts.SERIES), f.m(), context.settings());
    }

    private static Provenance provenance(SnapshotSeries series, TemporalMetrics m, RunSettings settings) {
        Provenance p = new Provenance();
        SeriesProvenance.calendar(p, series.calendar());
        SeriesProvenance.weekdays(p, series.calendar());
        p.add("weekdayDays", series.calendar().weekdayDays(), "Monday–Friday days in the window (denominator of weekdayDailyAvg).");
        p.add("weekendDays", series.calendar().weekendDays(), "Saturdays and Sundays in the window (denominator of weekendDailyAvg).");
        SeriesProvenance.quartileCuts(p, "weekdayWeekendRatioQuartiles", "weekdayWeekendRatio (temporalCategory)", m.ratioQuartileCuts());
        SeriesProvenance.quartileCuts(p, "consistencyScoreQuartiles", "consistencyScore (consistencyQuartile)", m.consistencyQuartileCuts());
        org.gpkg311.spatial.CategoryFacts.scoreClasses(p, "consistencyCategory", m.consistency(), "dayOfWeekCV",
                TemporalMetrics.CONSISTENCY_NOUN);
        return p;
    }

    /** mondayCount .. sundayCount or mondayShare .. sundayShare. */
    private static List<Binding<Facts>> dayColumns(String suffix) {
        List<Binding<Facts>> out = new ArrayList<>();
        for (int d = 0; d < 7; d++) {
            String day = Weekdays.NAMES[d];
            int k = d;
            out.add(suffix.equals("Count")
                    ? Binding.integer(Weekdays.KEYS[d] + suffix, day + " Requests", "Requests opened on a " + day + " (local time).", (f, i) -> f.m().dayCounts()[i][k])
                    : Binding.real(Weekdays.KEYS[d] + suffix, day + " Share", "Share of the district's requests opened on a " + day + "; empty without requests.", (f, i) -> f.m().dayShares()[i][k]));
        }
        return List.copyOf(out);
    }
}
