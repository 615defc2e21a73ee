package org.gpkg311.generator.capacity;

import java.util.List;

import org.gpkg311.generator.common.BoundGenerator;
import org.gpkg311.generator.common.Binding;
import org.gpkg311.generator.RunContext;
import org.gpkg311.generator.common.QuartileLabels;
import org.gpkg311.provenance.Provenance;
import org.gpkg311.spatial.CategoryFacts;
import org.gpkg311.stats.Descriptive;

/** capacityPlanning: who is at or near capacity, and when (docs/methods.md#capacityplanning). */
public final class CapacityPlanning extends BoundGenerator<CapacityPlanning.Facts> {

    public static final String NAME = "capacityPlanning";

    /** What the layers read: the capacity metrics. */
    record Facts(CapacityMetrics m) {}

    static final List<Binding<Facts>> DISTRICT_COLUMNS = List.of(
            Binding.real("dailyIntakeMedian", "Median Daily Intake", "Median of the requests opened per day over every day of the window (days without requests count as 0).", (f, i) -> f.m().dailyIntakeMedian()[i]),
            Binding.real("dailyIntakeMAD", "Daily Intake MAD", "Scaled median absolute deviation (1.4826 × MAD) of the daily intake.", (f, i) -> f.m().dailyIntakeMAD()[i]),
            Binding.real("dailyIntakeIQR", "Daily Intake IQR", "Interquartile range (type-7 Q3 − Q1) of the daily intake.", (f, i) -> f.m().dailyIntakeIQR()[i]),
            Binding.real("demonstratedCapacity", "Demonstrated Capacity (per day)", "The best mean of daily closures over 7 consecutive window days: the weekly pace the district has shown it can clear; empty when 0.", (f, i) -> f.m().demonstratedCapacity()[i]),
            Binding.real("recentDailyIntake", "Recent Daily Intake", "Mean requests opened per day over the window's last 14 days.", (f, i) -> f.m().recentDailyIntake()[i]),
            Binding.real("utilization", "Utilization", "Recent daily intake divided by the demonstrated capacity (above 1 = over capacity).", (f, i) -> f.m().utilization()[i]),
            Binding.integer("backlog", "Backlog", "Requests of the window still open at the as-of instant.", (f, i) -> f.m().backlog()[i]),
            Binding.real("pressureDays", "Backlog Pressure (days)", "Backlog divided by the mean daily closures over the window: days of average clearing to empty it; empty when nothing closed.", (f, i) -> f.m().pressureDays()[i]),
            Binding.real("intakeTrendPerDay", "Intake Trend (per day)", "OLS slope of daily intake on the day number (change in requests per day, per day).", (f, i) -> f.m().intakeTrendPerDay()[i]),
            Binding.real("daysToCapacity", "Days to Capacity", "Days until intake at that trend reaches the demonstrated capacity; empty when not rising, already over, or beyond the horizon (the window's days).", (f, i) -> f.m().daysToCapacity()[i]),
            Binding.text("capacityOutlook", "Capacity Outlook", "No capacity shown, Over capacity, Not rising, Reaches capacity within the horizon, or Beyond the horizon.", (f, i) -> f.m().capacityOutlook()[i]),
            Binding.text("capacityStatus", "Capacity Status", "Over capacity when utilization ≥ 1, else the score class of utilization among the other districts (\"Low utilization\" …).", (Facts f, int i) -> f.m().capacityStatus()[i])
                    .ordered(CapacityMetrics.STATUS_LEVELS),
            Binding.real("capacityConfidence", "Capacity Status Confidence", "1-D silhouette of the district in its utilization class (−1..1); empty for Over capacity.", (f, i) -> f.m().capacityConfidence()[i]),
            Binding.real("capacityRisk", "Capacity Risk (0–100)", "Variance-weighted composite of min–max normalised utilization, pressure days and intake trend.", (f, i) -> f.m().risk().score()[i]),
            Binding.text("capacityRiskCategory", "Capacity Risk Category", "Quartile label of the capacity risk (Lowest quarter … Highest quarter).", (Facts f, int i) -> QuartileLabels.quarter(f.m().capacityRiskQuartile()[i]))
                    .labelOf("capacityRisk", QuartileLabels.QUARTER_LABELS),
            Binding.real("currentMonthIntakePerDay", "Current Month Intake (per day)", "Requests opened in the last window month divided by its days.", (f, i) -> f.m().currentMonthIntakePerDay()[i]),
            Binding.real("weightUtilization", "Weight: Utilization", "Variance-based weight of utilization in the capacity risk (same for every district).", (f, i) -> f.m().risk().weight()[0]),
            Binding.real("weightPressureDays", "Weight: Pressure Days", "Variance-based weight of pressure days in the capacity risk (same for every district).", (f, i) -> f.m().risk().weight()[1]),
            Binding.real("weightIntakeTrend", "Weight: Intake Trend", "Variance-based weight of the intake trend in the capacity risk (same for every district).", (f, i) -> f.m().risk().weight()[2]));

    static final List<Binding<Facts>> REQUEST_COLUMNS = List.of(
            Binding.districtContext(DISTRICT_COLUMNS, "capacityStatus"),
            Binding.districtContext(DISTRICT_COLUMNS, "utilization"),
            Binding.districtContext(DISTRICT_COLUMNS, "capacityRisk"));

    public CapacityPlanning() {
        super(NAME, org.gpkg311.generator.common.GeneratorVersion.CURRENT,
                "Which districts are at or near the capacity they have shown, and when they will reach it.", "capacityRisk", DISTRICT_COLUMNS, REQUEST_COLUMNS);
    }

    @Override
    protected Facts facts(RunContext context) {
        return new Facts(context.get(CapacityMetrics.FACT));
    }

    @Override
    protected Provenance provenance(Facts f, RunContext context) {
        CapacityMetrics m = f.m();
        Provenance p = CategoryFacts.quantileMethod(new Provenance())
                .add("madScale", Descriptive.MAD_SCALE, "Scaled MAD = 1.4826 × median(|x − median(x)|).")
                .add("paceDays", CapacityMetrics.PACE_DAYS, "demonstratedCapacity = the best mean of daily closures over this many consecutive days.")
                .add("capacityHorizonDays", context.get(org.gpkg311.generator.common.SharedFacts.SERIES).calendar().dayCount(), "Horizon H of daysToCapacity: the window's days; no forecast past it.")
                .add("recentDays", m.recentDays(), "recentDailyIntake is the mean of the window's last 14 days.");
        CategoryFacts.compositeRule(p)
                .add("dailySeries", "every local day of the window, days without requests as 0; closures by the local date of closedAt ≤ asOf",
                        "Series behind the daily statistics.");
        CategoryFacts.weights(p, "capacityRisk", CapacityMetrics.RISK_COMPONENTS.toArray(String[]::new), m.risk());
        cuts(p, f, context, "capacityRiskCategory");
        CategoryFacts.scoreClasses(p, "capacityStatus", m.capacityClasses(), "utilization below 1", CapacityMetrics.UTILIZATION_NOUN);
        return p;
    }
}
