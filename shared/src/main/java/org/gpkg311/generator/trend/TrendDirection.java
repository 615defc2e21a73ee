package org.gpkg311.generator.trend;

import java.util.List;

import org.gpkg311.generator.common.SharedFacts;
import org.gpkg311.generator.common.BoundGenerator;
import org.gpkg311.generator.common.Binding;
import org.gpkg311.generator.RunContext;
import org.gpkg311.provenance.Provenance;
import org.gpkg311.series.RequestTimes;
import org.gpkg311.series.SeriesProvenance;
import org.gpkg311.series.SnapshotSeries;
import org.gpkg311.stats.Ranks;
import org.gpkg311.table.Levels;

/** trendDirection: whether each district's demand is rising or falling over the window (spec section 8). */
public final class TrendDirection extends BoundGenerator<TrendDirection.Facts> {

    public static final String NAME = "trendDirection";
    public static final String VERSION = org.gpkg311.generator.common.GeneratorVersion.CURRENT;
    public static final String SUMMARY = "Whether each council district's 311 demand is rising, falling or stable, with a projection for the next month.";

    /** What the layers read: the trend metrics and each request's local-time facts. */
    record Facts(TrendMetrics m, RequestTimes t) {}

    public static final Binding<Facts> DIRECTION = Binding.text("trendDirection", "Trend Direction", "Increasing or Decreasing when the 95% confidence interval of the weekly slope excludes 0, else Stable.", (Facts f, int i) -> f.m().trendDirection()[i])
            .ordered(Levels.diverging(TrendMetrics.DECREASING, TrendMetrics.STABLE, TrendMetrics.INCREASING));
    public static final Binding<Facts> WEEKLY_SLOPE = Binding.real("weeklySlope", "Weekly Trend (requests/week)", "OLS slope of the full-week request counts on the week number: change in requests per week, per week.", (f, i) -> f.m().weeklySlope()[i]);

    static final List<Binding<Facts>> DISTRICT_COLUMNS = List.of(
            Binding.integer("month1Count", "Month 1 Requests", "Requests opened in the window's first month (see RunInfo windowMonths).", (f, i) -> f.m().monthCounts()[i][0]),
            Binding.integer("month2Count", "Month 2 Requests", "Requests opened in the window's second month.", (f, i) -> f.m().monthCounts()[i][1]),
            Binding.integer("month3Count", "Month 3 Requests", "Requests opened in the window's last month, ending at the as-of date.", (f, i) -> f.m().monthCounts()[i][2]),
            WEEKLY_SLOPE,
            Binding.real("weeklyR2", "Weekly Trend R²", "Coefficient of determination of the weekly fit; empty for a constant series.", (f, i) -> f.m().weeklyR2()[i]),
            Binding.real("weeklyPValue", "Weekly Trend p-Value", "Two-sided p-value (Student t) of the weekly slope; empty for a constant series.", (f, i) -> f.m().weeklyPValue()[i]),
            Binding.real("monthlySlope", "Monthly Trend (requests/day per month)", "OLS slope of the three window months' requests per day on the month number 1, 2, 3.", (f, i) -> f.m().monthlySlope()[i]),
            Binding.real("monthlyR2", "Monthly Trend R²", "Coefficient of determination of the monthly fit; empty for constant rates.", (f, i) -> f.m().monthlyR2()[i]),
            Binding.real("monthlyPValue", "Monthly Trend p-Value", "Two-sided p-value (Student t, 1 degree of freedom) of the monthly slope; empty for constant rates.", (f, i) -> f.m().monthlyPValue()[i]),
            Binding.real("percentChangePerMonth", "Change per Month (%)", "Weekly slope as a percentage of the mean weekly count per month: 100 × slope × 30.44 / 7 / mean weekly count.", (f, i) -> f.m().percentChangePerMonth()[i]),
            Binding.of(org.gpkg311.generator.common.SharedColumns.PROJECTED_NEXT_MONTH, (f, i) -> f.m().projectedNextMonth()[i]),
            Binding.real("projectionLow", "Projection Low (95%)", "Lower end of the 95% prediction interval of the next 30 days' requests (never negative).", (f, i) -> f.m().projectionLow()[i]),
            Binding.real("projectionHigh", "Projection High (95%)", "Upper end of the 95% prediction interval of the next 30 days' requests.", (f, i) -> f.m().projectionHigh()[i]),
            DIRECTION,
            Binding.text("trendCategory", "Trend Category", "Strongly / Moderately Increasing or Decreasing (Strongly: |change per month| at least the median among significant trends), else Stable.", (f, i) -> f.m().trendCategory()[i]),
            Binding.text("trendConfidenceLevel", "Trend Confidence Level", "The highest of 99%, 95%, 90% at which the two-sided confidence interval of the weekly slope excludes 0, else Below 90%.", (f, i) -> f.m().trendConfidenceLevel()[i]),
            Binding.real("trendPercentile", "Trend Percentile", "Mid-rank percentile (0–100) of the change per month among districts.", (f, i) -> Ranks.roundTenth(f.m().trendPercentile()[i])),
            Binding.integer("trendQuartile", "Trend Quartile", "Quartile class 1–4 of the change per month (4 = the fastest-rising quarter of districts).", (Facts f, int i) -> f.m().trendQuartile()[i])
                    .classOf("percentChangePerMonth", 4),
            Binding.integer("trendRank", "Trend Rank", "Rank of the change per month among districts (1 = fastest rising; ties share the rank).", (f, i) -> f.m().trendRank()[i]),
            Binding.real("meanMonthlyRate", "Mean Monthly Rate", "Mean of the three window months' requests per day × 30.44.", (f, i) -> f.m().meanMonthlyRate()[i]),
            Binding.real("medianMonthlyRate", "Median Monthly Rate", "Median of the three window months' requests per day × 30.44.", (f, i) -> f.m().medianMonthlyRate()[i]),
            Binding.real("trendMagnitude", "Trend Magnitude", "Absolute weekly slope (requests per week, per week).", (f, i) -> f.m().trendMagnitude()[i]),
            Binding.real("residualStdDev", "Residual Std. Deviation", "Standard deviation of the weekly fit's residuals (n − 2 degrees of freedom).", (f, i) -> f.m().residualStdDev()[i]),
            Binding.real("trendConsistency", "Trend Consistency", "Share of week-to-week changes with the sign of the weekly slope; empty for a zero slope.", (f, i) -> f.m().trendConsistency()[i]));

    static final List<Binding<Facts>> REQUEST_COLUMNS = List.of(
            DIRECTION.ofDistrict(),
            WEEKLY_SLOPE.ofDistrict(),
            Binding.integer("weekIndex", "Full Week Number", "Number (1, 2, …) of the full Monday–Sunday week of the window the request was opened in; empty outside the full weeks.", (f, i) -> f.t().weekIndexOrNull(i)));

    public TrendDirection() {
        super(NAME, VERSION, SUMMARY, "percentChangePerMonth", DISTRICT_COLUMNS, REQUEST_COLUMNS);
    }

    @Override
    protected Facts facts(RunContext context) {
        return new Facts(context.get(TrendMetrics.FACT), context.get(SharedFacts.SERIES).times());
    }

    @Override
    protected Provenance provenance(Facts f, RunContext context) {
        return provenance(context.get(SharedFacts.SERIES), f.m());
    }

    private static Provenance provenance(SnapshotSeries series, TrendMetrics m) {
        Provenance p = new Provenance();
        SeriesProvenance.calendar(p, series.calendar());
        SeriesProvenance.fullWeeks(p, series.calendar());
        SeriesProvenance.months(p, series.calendar());
        p.add("regressionMinimumPoints", TrendMetrics.MIN_REGRESSION_POINTS, "Convention: a regression needs at least 3 points; with a constant series R² and p are empty.");
        p.add("weeklyRegression", m.weeklyRegressionReason() == null
                        ? "OLS of full-week counts on week number 1 .. " + series.calendar().fullWeekCount()
                        : m.weeklyRegressionReason(),
                "The weekly fit behind weeklySlope, percentChangePerMonth, the projection, trendDirection and trendConsistency.");
        p.add("monthlyRegression", "OLS of the three window months' per-day rates on 1, 2, 3", "The monthly fit behind monthlySlope, monthlyR2, monthlyPValue.");
        p.add("trendDirectionConfidence", 0.95, "Convention: trendDirection is Increasing/Decreasing when the 95% confidence interval (Student t, n − 2 df) of the weekly slope excludes 0.");
        p.add("daysPerMonth", TrendMetrics.DAYS_PER_MONTH, "Convention: days per month in percentChangePerMonth, meanMonthlyRate and medianMonthlyRate.");
        p.add("projectionDays", NextMonthProjection.DAYS_AHEAD + " days after " + series.calendar().window().endDate()
                        + "; mean future week position " + Provenance.format(m.meanFuturePosition()),
                "projectedNextMonth = Σ weekly fit at each future day's week position (week w centred on its Thursday) / 7, clamped at 0.");
        p.add("projectionInterval", "95% prediction interval of a sum of k = 30/7 future weeks: ŷ ± t(0.975, n−2)·s·√(k + k²(1/n + (x̄f − x̄)²/Sxx)), clamped at 0",
                "Convention: the projection interval.");
        p.add("strongTrendThreshold", m.strongThreshold(), "Median |percentChangePerMonth| among districts with a significant trend: at or above it the trend is Strongly, below it Moderately.");
        SeriesProvenance.quartileCuts(p, "percentChangePerMonthQuartiles", "percentChangePerMonth (trendQuartile)", m.trendQuartileCuts());
        return p;
    }
}
