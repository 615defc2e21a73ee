package org.gpkg311.generator.predictive;

import java.util.ArrayList;
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
import org.gpkg311.stats.Ranks;
import org.gpkg311.table.Column;
import org.gpkg311.table.Table;

/** predictiveHotspots: where risk will concentrate next (generators.md section 9). */
public final class PredictiveHotspots extends GeneratorBase {

    public static final String NAME = "predictiveHotspots";

    static final List<Column> FACTOR_COLUMNS = List.of(
            Column.real("growthFactor", "Growth Factor (0–1)", "Weekly slope / mean weekly count, min–max normalised across districts."),
            Column.real("densityFactor", "Density Factor (0–1)", "Requests per km², min–max normalised across districts."),
            Column.real("backlogFactor", "Backlog Factor (0–1)", "Open requests / requests, min–max normalised across districts."),
            Column.real("responseFactor", "Response Factor (0–1)", "Response time ratio (serviceEfficiency), min–max normalised across districts."),
            Column.real("volatilityFactor", "Volatility Factor (0–1)", "Daily CV (requestVolatility), min–max normalised across districts."),
            Column.real("recurrenceFactor", "Recurrence Factor (0–1)", "Recurring share (serviceTypeInsights), min–max normalised across districts."),
            Column.real("offHoursFactor", "Off-hours Factor (0–1)", "Off-hours share (peakHourConsistency), min–max normalised across districts."),
            Column.real("concentrationFactor", "Concentration Factor (0–1)", "Herfindahl index of the request types, min–max normalised across districts."));
    static final List<Column> WEIGHT_COLUMNS = List.of(
            Column.real("weightGrowth", "Weight: Growth", "Variance-based weight of the growth factor in the risk score (same for every district)."),
            Column.real("weightDensity", "Weight: Density", "Variance-based weight of the density factor in the risk score (same for every district)."),
            Column.real("weightBacklog", "Weight: Backlog", "Variance-based weight of the backlog factor in the risk score (same for every district)."),
            Column.real("weightResponse", "Weight: Response Time", "Variance-based weight of the response factor in the risk score (same for every district)."),
            Column.real("weightVolatility", "Weight: Volatility", "Variance-based weight of the volatility factor in the risk score (same for every district)."),
            Column.real("weightRecurrence", "Weight: Recurrence", "Variance-based weight of the recurrence factor in the risk score (same for every district)."),
            Column.real("weightOffHours", "Weight: Off-hours", "Variance-based weight of the off-hours factor in the risk score (same for every district)."),
            Column.real("weightConcentration", "Weight: Concentration", "Variance-based weight of the concentration factor in the risk score (same for every district)."));
    static final Column RISK_SCORE = Column.real("riskScore", "Risk Score (0–100)", "Variance-weighted composite of the eight normalised risk factors.");
    static final Column RISK_PERCENTILE = Column.real("riskPercentile", "Risk Percentile", "Mid-rank percentile of the risk score among districts (0..100).");
    static final Column DOMINANT = Column.text("dominantRiskFactor", "Dominant Risk Factor", "Factor with the largest weighted contribution to the risk score.");
    static final Column PRIORITY = Column.text("priorityLabel", "Priority", "Quartile of the risk score: Low, Moderate, Elevated or High.");
    static final Column RISK_RANK = Column.integer("riskRank", "Risk Rank (1 = highest)", "Rank of the risk score, 1 = highest; ties share the smallest rank.");
    static final Column RISK_CATEGORY = Column.text("riskCategory", "Risk Category", "Silhouette-selected k-means category on the weighted factors, ordered by risk score.");
    static final Column RISK_CONFIDENCE = Column.real("riskConfidence", "Risk Category Confidence", "Silhouette of the district in its risk category (−1..1).");
    static final Column PROJECTED = Column.real("projectedNextMonth", "Projected Requests Next Month", "Requests expected in the 30 days after the window from the weekly trend (trendDirection), never negative.");
    static final Column WEEKS_TO = Column.real("weeksToHotspot", "Weeks to Hotspot", "Weeks until the fitted weekly count reaches the 75th percentile of the districts' last full-week counts (0 when exactly at it); empty when not rising or already above it.");
    static final Column GI_Z = Column.real("riskGiZ", "Risk Gi* z-Score", "Getis-Ord Gi* z-score of the risk score over queen-contiguous districts (self included).");
    static final Column HOT_SPOT = Column.text("riskHotSpot", "Risk Hot Spot", "Hot spot 99/95/90%, Not significant or Cold spot 90/95/99% of the risk score.");

    public static final List<Column> DISTRICT_COLUMNS;

    static {
        List<Column> c = new ArrayList<>(FACTOR_COLUMNS);
        c.addAll(WEIGHT_COLUMNS);
        c.addAll(List.of(RISK_SCORE, RISK_PERCENTILE, DOMINANT, PRIORITY, RISK_RANK, RISK_CATEGORY, RISK_CONFIDENCE,
                PROJECTED, WEEKS_TO, GI_Z, HOT_SPOT));
        DISTRICT_COLUMNS = List.copyOf(c);
    }

    static final Column REQ_SCORE = Column.real("riskScore", "District Risk Score", "Risk score (0–100) of the request's district.");
    static final Column REQ_PRIORITY = Column.text("priorityLabel", "District Priority", "Priority label of the request's district.");
    static final Column REQ_DOMINANT = Column.text("dominantRiskFactor", "District Dominant Risk Factor", "Dominant risk factor of the request's district.");

    public static final List<Column> REQUEST_COLUMNS = List.of(REQ_SCORE, REQ_PRIORITY, REQ_DOMINANT);

    public PredictiveHotspots() {
        super(NAME, org.gpkg311.generator.common.GeneratorVersion.CURRENT,
                "Where demand risk is likely to concentrate next, from growth, density, backlog, response and volatility.", "riskScore");
    }

    @Override
    public GeneratorOutput generate(Snapshot snapshot, RunSettings settings) {
        PredictiveMetrics m = PredictiveMetrics.of(snapshot, settings.seed());
        Table districts = DistrictLayer.create(NAME, summary(), snapshot, DISTRICT_COLUMNS);
        String[] priority = new String[districts.rowCount()];
        for (int i = 0; i < districts.rowCount(); i++) {
            Table.Row row = districts.row(i);
            for (int f = 0; f < FACTOR_COLUMNS.size(); f++) {
                row.set(FACTOR_COLUMNS.get(f).name(), m.risk().normalised().get(f)[i]);
                row.set(WEIGHT_COLUMNS.get(f).name(), m.risk().weight()[f]);
            }
            priority[i] = QuartileLabels.priority(m.riskQuartile()[i]);
            row.set(RISK_SCORE.name(), m.risk().score()[i])
                    .set(RISK_PERCENTILE.name(), Ranks.roundTenth(m.riskPercentile()[i]))
                    .set(DOMINANT.name(), m.dominantRiskFactor()[i])
                    .set(PRIORITY.name(), priority[i])
                    .set(RISK_RANK.name(), m.riskRank()[i])
                    .set(RISK_CATEGORY.name(), m.riskCategory().label()[i])
                    .set(RISK_CONFIDENCE.name(), m.riskCategory().silhouette()[i])
                    .set(PROJECTED.name(), m.projectedNextMonth()[i])
                    .set(WEEKS_TO.name(), m.weeksToHotspot()[i])
                    .set(GI_Z.name(), m.riskGi().z()[i])
                    .set(HOT_SPOT.name(), m.riskHotSpot()[i]);
        }
        RequestLayer requests = RequestLayer.create(NAME, summary(), snapshot, REQUEST_COLUMNS)
                .districtContext(REQ_SCORE.name(), m.risk().score())
                .districtContext(REQ_PRIORITY.name(), priority)
                .districtContext(REQ_DOMINANT.name(), m.dominantRiskFactor());
        return new GeneratorOutput(NAME, version(), List.of(districts, requests.table()), provenance(m));
    }

    static Provenance provenance(PredictiveMetrics m) {
        Provenance p = CategoryFacts.quantileMethod(new Provenance())
                .add("factorSources", "growth = weeklySlope / mean weekly count (trendDirection); density = requestsPerSqKm (serviceEfficiency); "
                                + "backlog = open / requestCount; response = responseTimeRatio (serviceEfficiency); volatility = dailyCV (requestVolatility); "
                                + "recurrence = recurringShare, concentration = herfindahlIndex (serviceTypeInsights); offHours = offHoursShare (peakHourConsistency)",
                        "Where each raw risk factor comes from; the factor columns hold them min–max normalised to 0..1.")
                .add("compositeRule", "weights ∝ variance of the normalised factors over districts that have all of them; constant factors dropped",
                        "Variance-weighted composite of the spec; riskScore = 100 × Σ weight × factor.")
                .add("hotspotPercentile", PredictiveMetrics.HOTSPOT_PERCENTILE, "weeksToHotspot targets this type-7 quantile over districts of the last full week's count.")
                .add("hotspotTargetWeeklyCount", m.hotspotTarget(), "The weekly count that weeksToHotspot aims at.")
                .add("weeksToHotspotRule", "from the fitted weekly count at the last full week; NULL when the slope is ≤ 0 or the fitted count is already above the target (0 when exactly at it)",
                        "How weeksToHotspot is counted.")
                .add("queenToleranceMeters", PredictiveMetrics.QUEEN_TOLERANCE_METERS, "Queen contiguity of riskScore's Gi*: polygons within this distance are neighbours.")
                .add("giConfidenceBands", "99/95/90% (p ≤ .01/.05/.10)", "Gi* hot/cold spot bands of riskScore.");
        CategoryFacts.weights(p, "riskScore", PredictiveMetrics.FACTORS.toArray(String[]::new), m.risk());
        CategoryFacts.cuts(p, "priorityLabel", m.risk().score(), 4, "riskScore");
        CategoryFacts.silhouette(p, "riskCategory", m.riskCategory(), "weight × normalised factor for every kept factor", "riskScore");
        return p;
    }
}
