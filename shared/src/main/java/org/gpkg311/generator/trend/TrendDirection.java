package org.gpkg311.generator.trend;

import java.util.List;

import org.gpkg311.generator.GeneratorOutput;
import org.gpkg311.generator.RunSettings;
import org.gpkg311.generator.common.DistrictLayer;
import org.gpkg311.generator.common.GeneratorBase;
import org.gpkg311.generator.common.RequestLayer;
import org.gpkg311.provenance.Provenance;
import org.gpkg311.series.RequestTimes;
import org.gpkg311.series.SeriesProvenance;
import org.gpkg311.series.SnapshotSeries;
import org.gpkg311.snapshot.Snapshot;
import org.gpkg311.stats.Ranks;
import org.gpkg311.table.Column;
import org.gpkg311.table.Table;

/** trendDirection: whether each district's demand is rising or falling over the window (spec section 8). */
public final class TrendDirection extends GeneratorBase {

    public static final String NAME = "trendDirection";
    public static final String VERSION = org.gpkg311.generator.common.GeneratorVersion.CURRENT;
    public static final String SUMMARY = "Whether each council district's 311 demand is rising, falling or stable, with a projection for the next month.";

    public static final Column MONTH1 = Column.integer("month1Count", "Month 1 Requests", "Requests opened in the window's first month (see RunInfo windowMonths).");
    public static final Column MONTH2 = Column.integer("month2Count", "Month 2 Requests", "Requests opened in the window's second month.");
    public static final Column MONTH3 = Column.integer("month3Count", "Month 3 Requests", "Requests opened in the window's last month, ending at the as-of date.");
    public static final Column WEEKLY_SLOPE = Column.real("weeklySlope", "Weekly Trend (requests/week)", "OLS slope of the full-week request counts on the week number: change in requests per week, per week.");
    public static final Column WEEKLY_R2 = Column.real("weeklyR2", "Weekly Trend R²", "Coefficient of determination of the weekly fit; empty for a constant series.");
    public static final Column WEEKLY_P = Column.real("weeklyPValue", "Weekly Trend p-Value", "Two-sided p-value (Student t) of the weekly slope; empty for a constant series.");
    public static final Column MONTHLY_SLOPE = Column.real("monthlySlope", "Monthly Trend (requests/day per month)", "OLS slope of the three window months' requests per day on the month number 1, 2, 3.");
    public static final Column MONTHLY_R2 = Column.real("monthlyR2", "Monthly Trend R²", "Coefficient of determination of the monthly fit; empty for constant rates.");
    public static final Column MONTHLY_P = Column.real("monthlyPValue", "Monthly Trend p-Value", "Two-sided p-value (Student t, 1 degree of freedom) of the monthly slope; empty for constant rates.");
    public static final Column PERCENT_CHANGE = Column.real("percentChangePerMonth", "Change per Month (%)", "Weekly slope as a percentage of the mean weekly count per month: 100 × slope × 30.44 / 7 / mean weekly count.");
    public static final Column PROJECTED = Column.real("projectedNextMonth", "Projected Next 30 Days", "Requests expected in the 30 days after the as-of date from the weekly fit (never negative).");
    public static final Column PROJECTION_LOW = Column.real("projectionLow", "Projection Low (95%)", "Lower end of the 95% prediction interval of the next 30 days' requests (never negative).");
    public static final Column PROJECTION_HIGH = Column.real("projectionHigh", "Projection High (95%)", "Upper end of the 95% prediction interval of the next 30 days' requests.");
    public static final Column DIRECTION = Column.text("trendDirection", "Trend Direction", "Increasing or Decreasing when the 95% confidence interval of the weekly slope excludes 0, else Stable.");
    public static final Column CATEGORY = Column.text("trendCategory", "Trend Category", "Strongly / Moderately Increasing or Decreasing (Strongly: |change per month| at least the median among significant trends), else Stable.");
    public static final Column CONFIDENCE = Column.real("trendConfidence", "Trend Confidence", "100 × (1 − weekly p-value).");
    public static final Column PERCENTILE = Column.real("trendPercentile", "Trend Percentile", "Mid-rank percentile (0–100) of the change per month among districts.");
    public static final Column QUARTILE = Column.integer("trendQuartile", "Trend Quartile", "Quartile class 1–4 of the change per month (4 = the fastest-rising quarter of districts).");
    public static final Column RANK = Column.integer("trendRank", "Trend Rank", "Rank of the change per month among districts (1 = fastest rising; ties share the rank).");
    public static final Column MEAN_MONTHLY = Column.real("meanMonthlyRate", "Mean Monthly Rate", "Mean of the three window months' requests per day × 30.44.");
    public static final Column MEDIAN_MONTHLY = Column.real("medianMonthlyRate", "Median Monthly Rate", "Median of the three window months' requests per day × 30.44.");
    public static final Column MAGNITUDE = Column.real("trendMagnitude", "Trend Magnitude", "Absolute weekly slope (requests per week, per week).");
    public static final Column RESIDUAL_SD = Column.real("residualStdDev", "Residual Std. Deviation", "Standard deviation of the weekly fit's residuals (n − 2 degrees of freedom).");
    public static final Column CONSISTENCY = Column.real("trendConsistency", "Trend Consistency", "Share of week-to-week changes with the sign of the weekly slope; empty for a zero slope.");

    public static final Column WEEK_INDEX = Column.integer("weekIndex", "Full Week Number", "Number (1, 2, …) of the full Monday–Sunday week of the window the request was opened in; empty outside the full weeks.");

    static final List<Column> DISTRICT_COLUMNS = List.of(MONTH1, MONTH2, MONTH3, WEEKLY_SLOPE, WEEKLY_R2, WEEKLY_P,
            MONTHLY_SLOPE, MONTHLY_R2, MONTHLY_P, PERCENT_CHANGE, PROJECTED, PROJECTION_LOW, PROJECTION_HIGH, DIRECTION,
            CATEGORY, CONFIDENCE, PERCENTILE, QUARTILE, RANK, MEAN_MONTHLY, MEDIAN_MONTHLY, MAGNITUDE, RESIDUAL_SD,
            CONSISTENCY);
    static final List<Column> REQUEST_COLUMNS = List.of(DIRECTION, WEEKLY_SLOPE, WEEK_INDEX);

    public TrendDirection() {
        super(NAME, VERSION, SUMMARY, "percentChangePerMonth");
    }

    @Override
    public GeneratorOutput generate(Snapshot snapshot, RunSettings settings) {
        SnapshotSeries series = SnapshotSeries.of(snapshot);
        TrendMetrics m = TrendMetrics.compute(series);

        Table districts = DistrictLayer.create(NAME, SUMMARY, snapshot, DISTRICT_COLUMNS);
        for (int i = 0; i < districts.rowCount(); i++) {
            districts.row(i)
                    .set(MONTH1.name(), m.monthCounts()[i][0])
                    .set(MONTH2.name(), m.monthCounts()[i][1])
                    .set(MONTH3.name(), m.monthCounts()[i][2])
                    .set(WEEKLY_SLOPE.name(), m.weeklySlope()[i])
                    .set(WEEKLY_R2.name(), m.weeklyR2()[i])
                    .set(WEEKLY_P.name(), m.weeklyPValue()[i])
                    .set(MONTHLY_SLOPE.name(), m.monthlySlope()[i])
                    .set(MONTHLY_R2.name(), m.monthlyR2()[i])
                    .set(MONTHLY_P.name(), m.monthlyPValue()[i])
                    .set(PERCENT_CHANGE.name(), m.percentChangePerMonth()[i])
                    .set(PROJECTED.name(), m.projectedNextMonth()[i])
                    .set(PROJECTION_LOW.name(), m.projectionLow()[i])
                    .set(PROJECTION_HIGH.name(), m.projectionHigh()[i])
                    .set(DIRECTION.name(), m.trendDirection()[i])
                    .set(CATEGORY.name(), m.trendCategory()[i])
                    .set(CONFIDENCE.name(), m.trendConfidence()[i])
                    .set(PERCENTILE.name(), Ranks.roundTenth(m.trendPercentile()[i]))
                    .set(QUARTILE.name(), m.trendQuartile()[i])
                    .set(RANK.name(), m.trendRank()[i])
                    .set(MEAN_MONTHLY.name(), m.meanMonthlyRate()[i])
                    .set(MEDIAN_MONTHLY.name(), m.medianMonthlyRate()[i])
                    .set(MAGNITUDE.name(), m.trendMagnitude()[i])
                    .set(RESIDUAL_SD.name(), m.residualStdDev()[i])
                    .set(CONSISTENCY.name(), m.trendConsistency()[i]);
        }

        RequestTimes t = series.times();
        RequestLayer requests = RequestLayer.create(NAME, SUMMARY, snapshot, REQUEST_COLUMNS)
                .districtContext(DIRECTION.name(), m.trendDirection())
                .districtContext(WEEKLY_SLOPE.name(), m.weeklySlope())
                .eachRow((r, row) -> row.set(WEEK_INDEX.name(), t.weekIndexOrNull(r)));
        return new GeneratorOutput(NAME, VERSION, List.of(districts, requests.table()), provenance(series, m));
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
        p.add("trendConfidenceLevel", 0.95, "Convention: trendDirection is Increasing/Decreasing when the 95% confidence interval (Student t, n − 2 df) of the weekly slope excludes 0.");
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
