package org.gpkg311.generator.capacity;

import java.util.List;

import org.gpkg311.generator.GeneratorOutput;
import org.gpkg311.generator.RunSettings;
import org.gpkg311.generator.common.DistrictLayer;
import org.gpkg311.generator.common.GeneratorBase;
import org.gpkg311.generator.common.QuartileLabels;
import org.gpkg311.generator.common.RequestLayer;
import org.gpkg311.provenance.Provenance;
import org.gpkg311.snapshot.Snapshot;
import org.gpkg311.spatial.CategoryFacts;
import org.gpkg311.stats.Descriptive;
import org.gpkg311.table.Column;
import org.gpkg311.table.Table;

/** capacityPlanning: who is at or near capacity, and when (generators.md section 10). */
public final class CapacityPlanning extends GeneratorBase {

    public static final String NAME = "capacityPlanning";

    static final Column INTAKE_MEDIAN = Column.real("dailyIntakeMedian", "Median Daily Intake", "Median of the requests opened per day over every day of the window (days without requests count as 0).");
    static final Column INTAKE_MAD = Column.real("dailyIntakeMAD", "Daily Intake MAD", "Scaled median absolute deviation (1.4826 × MAD) of the daily intake.");
    static final Column INTAKE_IQR = Column.real("dailyIntakeIQR", "Daily Intake IQR", "Interquartile range (type-7 Q3 − Q1) of the daily intake.");
    static final Column CAPACITY = Column.real("demonstratedCapacity", "Demonstrated Capacity (per day)", "Tukey upper fence Q3 + 1.5 × IQR of the daily closures: what the district has shown it can clear; empty when 0.");
    static final Column RECENT = Column.real("recentDailyIntake", "Recent Daily Intake", "Mean requests opened per day over the window's last 14 days.");
    static final Column UTILIZATION = Column.real("utilization", "Utilization", "Recent daily intake divided by the demonstrated capacity (above 1 = over capacity).");
    static final Column BACKLOG = Column.integer("backlog", "Backlog", "Requests of the window still open at the as-of instant.");
    static final Column PRESSURE = Column.real("pressureDays", "Backlog Pressure (days)", "Backlog divided by the median daily closures: days of typical clearing to empty it; empty when that median is 0.");
    static final Column TREND = Column.real("intakeTrendPerDay", "Intake Trend (per day)", "OLS slope of daily intake on the day number (change in requests per day, per day).");
    static final Column DAYS_TO = Column.real("daysToCapacity", "Days to Capacity", "Days until intake at that trend reaches the demonstrated capacity; empty when not rising or already over.");
    static final Column STATUS = Column.text("capacityStatus", "Capacity Status", "Silhouette-selected k-means category on utilization and pressure days, ordered by utilization.");
    static final Column STATUS_CONFIDENCE = Column.real("capacityConfidence", "Capacity Status Confidence", "Silhouette of the district in its capacity status category (−1..1).");
    static final Column RISK = Column.real("capacityRisk", "Capacity Risk (0–100)", "Variance-weighted composite of min–max normalised utilization, pressure days and intake trend.");
    static final Column RISK_CATEGORY = Column.text("capacityRiskCategory", "Capacity Risk Category", "Quartile label of the capacity risk (Lowest quarter … Highest quarter).");
    static final Column MONTH_RATE = Column.real("currentMonthIntakePerDay", "Current Month Intake (per day)", "Requests opened in the last window month divided by its days.");
    static final Column WEIGHT_UTILIZATION = Column.real("weightUtilization", "Weight: Utilization", "Variance-based weight of utilization in the capacity risk (same for every district).");
    static final Column WEIGHT_PRESSURE = Column.real("weightPressureDays", "Weight: Pressure Days", "Variance-based weight of pressure days in the capacity risk (same for every district).");
    static final Column WEIGHT_TREND = Column.real("weightIntakeTrend", "Weight: Intake Trend", "Variance-based weight of the intake trend in the capacity risk (same for every district).");

    public static final List<Column> DISTRICT_COLUMNS = List.of(INTAKE_MEDIAN, INTAKE_MAD, INTAKE_IQR, CAPACITY, RECENT,
            UTILIZATION, BACKLOG, PRESSURE, TREND, DAYS_TO, STATUS, STATUS_CONFIDENCE, RISK, RISK_CATEGORY, MONTH_RATE,
            WEIGHT_UTILIZATION, WEIGHT_PRESSURE, WEIGHT_TREND);

    static final Column REQ_STATUS = Column.text("capacityStatus", "District Capacity Status", "Capacity status of the request's district.");
    static final Column REQ_UTILIZATION = Column.real("utilization", "District Utilization", "Utilization of the request's district.");
    static final Column REQ_RISK = Column.real("capacityRisk", "District Capacity Risk", "Capacity risk (0–100) of the request's district.");

    public static final List<Column> REQUEST_COLUMNS = List.of(REQ_STATUS, REQ_UTILIZATION, REQ_RISK);

    public CapacityPlanning() {
        super(NAME, org.gpkg311.generator.common.GeneratorVersion.CURRENT,
                "Which districts are at or near the capacity they have shown, and when they will reach it.", "capacityRisk");
    }

    @Override
    public GeneratorOutput generate(Snapshot snapshot, RunSettings settings) {
        CapacityMetrics m = CapacityMetrics.of(snapshot, settings.seed());
        Table districts = DistrictLayer.create(NAME, summary(), snapshot, DISTRICT_COLUMNS);
        double[] w = m.risk().weight();
        for (int i = 0; i < districts.rowCount(); i++) {
            districts.row(i)
                    .set(INTAKE_MEDIAN.name(), m.dailyIntakeMedian()[i])
                    .set(INTAKE_MAD.name(), m.dailyIntakeMAD()[i])
                    .set(INTAKE_IQR.name(), m.dailyIntakeIQR()[i])
                    .set(CAPACITY.name(), m.demonstratedCapacity()[i])
                    .set(RECENT.name(), m.recentDailyIntake()[i])
                    .set(UTILIZATION.name(), m.utilization()[i])
                    .set(BACKLOG.name(), m.backlog()[i])
                    .set(PRESSURE.name(), m.pressureDays()[i])
                    .set(TREND.name(), m.intakeTrendPerDay()[i])
                    .set(DAYS_TO.name(), m.daysToCapacity()[i])
                    .set(STATUS.name(), m.capacityStatus().label()[i])
                    .set(STATUS_CONFIDENCE.name(), m.capacityStatus().silhouette()[i])
                    .set(RISK.name(), m.risk().score()[i])
                    .set(RISK_CATEGORY.name(), QuartileLabels.quarter(m.capacityRiskQuartile()[i]))
                    .set(MONTH_RATE.name(), m.currentMonthIntakePerDay()[i])
                    .set(WEIGHT_UTILIZATION.name(), w[0])
                    .set(WEIGHT_PRESSURE.name(), w[1])
                    .set(WEIGHT_TREND.name(), w[2]);
        }
        RequestLayer requests = RequestLayer.create(NAME, summary(), snapshot, REQUEST_COLUMNS)
                .districtContext(REQ_STATUS.name(), m.capacityStatus().label())
                .districtContext(REQ_UTILIZATION.name(), m.utilization())
                .districtContext(REQ_RISK.name(), m.risk().score());
        return new GeneratorOutput(NAME, version(), List.of(districts, requests.table()), provenance(m));
    }

    static Provenance provenance(CapacityMetrics m) {
        Provenance p = CategoryFacts.quantileMethod(new Provenance())
                .add("madScale", Descriptive.MAD_SCALE, "Scaled MAD = 1.4826 × median(|x − median(x)|).")
                .add("tukeyFence", CapacityMetrics.TUKEY_FENCE, "demonstratedCapacity = Q3 + 1.5 × IQR of the daily closures.")
                .add("recentDays", m.recentDays(), "recentDailyIntake is the mean of the window's last 14 days.");
        CategoryFacts.compositeRule(p)
                .add("dailySeries", "every local day of the window, days without requests as 0; closures by the local date of closedAt ≤ asOf",
                        "Series behind the daily statistics.");
        CategoryFacts.weights(p, "capacityRisk", CapacityMetrics.RISK_COMPONENTS.toArray(String[]::new), m.risk());
        CategoryFacts.cuts(p, "capacityRiskCategory", m.risk().score(), 4, "capacityRisk");
        CategoryFacts.silhouette(p, "capacityStatus", m.capacityStatus(), "utilization, pressureDays", "utilization");
        return p;
    }
}
