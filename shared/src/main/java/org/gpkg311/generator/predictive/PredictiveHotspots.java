package org.gpkg311.generator.predictive;

import java.util.List;

import org.gpkg311.generator.common.BoundGenerator;
import org.gpkg311.generator.common.Binding;
import org.gpkg311.generator.RunContext;
import org.gpkg311.generator.common.QuartileLabels;
import org.gpkg311.provenance.Provenance;
import org.gpkg311.spatial.CategoryFacts;
import org.gpkg311.stats.Ranks;

/** predictiveHotspots: where risk will concentrate next (docs/methods.md#predictivehotspots). */
public final class PredictiveHotspots extends BoundGenerator<PredictiveHotspots.Facts> {

    public static final String NAME = "predictiveHotspots";

    /** What the layers read: the risk facts. */
    record Facts(PredictiveMetrics m) {
        String priority(int i) {
            return QuartileLabels.priority(m.riskQuartile()[i]);
        }
    }

    static final List<Binding<Facts>> DISTRICT_COLUMNS = List.of(
            Binding.real("growthFactor", "Growth Factor (0–1)", "Weekly slope / mean weekly count, min–max normalised across districts.", (f, i) -> f.m().risk().normalised().get(0)[i]),
            Binding.real("densityFactor", "Density Factor (0–1)", "Request density (requests per km², serviceEfficiency), min–max normalised across districts.", (f, i) -> f.m().risk().normalised().get(1)[i]),
            Binding.real("backlogFactor", "Backlog Factor (0–1)", "Open requests / requests, min–max normalised across districts.", (f, i) -> f.m().risk().normalised().get(2)[i]),
            Binding.real("responseFactor", "Response Factor (0–1)", "Response time ratio (serviceEfficiency), min–max normalised across districts.", (f, i) -> f.m().risk().normalised().get(3)[i]),
            Binding.real("volatilityFactor", "Volatility Factor (0–1)", "Daily CV (requestVolatility), min–max normalised across districts.", (f, i) -> f.m().risk().normalised().get(4)[i]),
            Binding.real("recurrenceFactor", "Recurrence Factor (0–1)", "Recurring share (serviceTypeInsights), min–max normalised across districts.", (f, i) -> f.m().risk().normalised().get(5)[i]),
            Binding.real("offHoursFactor", "Off-hours Factor (0–1)", "Off-hours share (peakHourConsistency), min–max normalised across districts.", (f, i) -> f.m().risk().normalised().get(6)[i]),
            Binding.real("concentrationFactor", "Concentration Factor (0–1)", "Herfindahl index of the request types, min–max normalised across districts.", (f, i) -> f.m().risk().normalised().get(7)[i]),
            Binding.real("weightGrowth", "Weight: Growth", "Variance-based weight of the growth factor in the risk score (same for every district).", (f, i) -> f.m().risk().weight()[0]),
            Binding.real("weightDensity", "Weight: Density", "Variance-based weight of the density factor in the risk score (same for every district).", (f, i) -> f.m().risk().weight()[1]),
            Binding.real("weightBacklog", "Weight: Backlog", "Variance-based weight of the backlog factor in the risk score (same for every district).", (f, i) -> f.m().risk().weight()[2]),
            Binding.real("weightResponse", "Weight: Response Time", "Variance-based weight of the response factor in the risk score (same for every district).", (f, i) -> f.m().risk().weight()[3]),
            Binding.real("weightVolatility", "Weight: Volatility", "Variance-based weight of the volatility factor in the risk score (same for every district).", (f, i) -> f.m().risk().weight()[4]),
            Binding.real("weightRecurrence", "Weight: Recurrence", "Variance-based weight of the recurrence factor in the risk score (same for every district).", (f, i) -> f.m().risk().weight()[5]),
            Binding.real("weightOffHours", "Weight: Off-hours", "Variance-based weight of the off-hours factor in the risk score (same for every district).", (f, i) -> f.m().risk().weight()[6]),
            Binding.real("weightConcentration", "Weight: Concentration", "Variance-based weight of the concentration factor in the risk score (same for every district).", (f, i) -> f.m().risk().weight()[7]),
            Binding.real("riskScore", "Risk Score (0–100)", "Variance-weighted composite of the eight normalised risk factors.", (f, i) -> f.m().risk().score()[i]),
            Binding.real("riskPercentile", "Risk Percentile", "Mid-rank percentile of the risk score among districts (0..100).", (f, i) -> Ranks.roundTenth(f.m().riskPercentile()[i])),
            Binding.text("dominantRiskFactor", "Dominant Risk Factor", "Factor with the largest weighted contribution to the risk score.", (f, i) -> f.m().dominantRiskFactor()[i]),
            Binding.text("priorityLabel", "Priority", "Quartile of the risk score: Low, Moderate, Elevated or High.", (Facts f, int i) -> f.priority(i))
                    .labelOf("riskScore", QuartileLabels.PRIORITY_LABELS),
            Binding.integer("riskRank", "Risk Rank (1 = highest)", "Rank of the risk score, 1 = highest; ties share the smallest rank.", (f, i) -> f.m().riskRank()[i]),
            Binding.text("riskCategory", "Risk Category", "Score class of riskScore by exact natural breaks (\"Very high risk\" never sits on a lower score than \"High risk\").", (f, i) -> f.m().riskCategory().label()[i]),
            Binding.real("riskConfidence", "Risk Category Confidence", "1-D silhouette of the district in its risk class (−1..1).", (f, i) -> f.m().riskCategory().silhouette()[i]),
            Binding.of(org.gpkg311.generator.common.SharedColumns.PROJECTED_NEXT_MONTH, (f, i) -> f.m().projectedNextMonth()[i]),
            Binding.real("weeksToHotspot", "Weeks to Hotspot", "Weeks until the fitted weekly count reaches the 75th percentile of the districts' last full-week counts; empty when not rising, already at or above it, or beyond the horizon (the window's full weeks).", (f, i) -> f.m().weeksToHotspot()[i]),
            Binding.text("hotspotOutlook", "Hotspot Outlook", "Already above, Not rising, Within the horizon (the window's full weeks) or Beyond the horizon.", (f, i) -> f.m().hotspotOutlook()[i]),
            Binding.real("riskGiZ", "Risk Gi* z-Score", "Getis-Ord Gi* z-score of the risk score over queen-contiguous districts (self included).", (f, i) -> f.m().riskGi().z()[i]),
            Binding.text("riskHotSpot", "Risk Hot Spot", "Hot spot 99/95/90%, Not significant or Cold spot 90/95/99% of the risk score, read from the FDR-corrected Gi bin.", (f, i) -> f.m().riskHotSpot()[i]));

    static final List<Binding<Facts>> REQUEST_COLUMNS = List.of(
            Binding.districtContext(DISTRICT_COLUMNS, "riskScore"),
            Binding.districtContext(DISTRICT_COLUMNS, "priorityLabel"),
            Binding.districtContext(DISTRICT_COLUMNS, "dominantRiskFactor"));

    public PredictiveHotspots() {
        super(NAME, org.gpkg311.generator.common.GeneratorVersion.CURRENT,
                "Where demand risk is likely to concentrate next, from growth, density, backlog, response and volatility.", "riskScore", DISTRICT_COLUMNS, REQUEST_COLUMNS);
    }

    @Override
    protected Facts facts(RunContext context) {
        return new Facts(context.get(PredictiveMetrics.FACT));
    }

    @Override
    protected Provenance provenance(Facts f, RunContext context) {
        PredictiveMetrics m = f.m();
        Provenance p = CategoryFacts.quantileMethod(new Provenance())
                .add("factorSources", "growth = weeklySlope / mean weekly count (trendDirection); density = requestDensity (serviceEfficiency); "
                                + "backlog = open / requestCount; response = responseTimeRatio (serviceEfficiency); volatility = dailyCV (requestVolatility); "
                                + "recurrence = recurringShare, concentration = herfindahlIndex (serviceTypeInsights); offHours = offHoursShare (peakHourConsistency)",
                        "Where each raw risk factor comes from; the factor columns hold them min–max normalised to 0..1.")
                .add("compositeRule", "weights ∝ variance of the normalised factors over districts that have all of them; constant factors dropped",
                        "Variance-weighted composite of the spec; riskScore = 100 × Σ weight × factor.")
                .add("hotspotPercentile", PredictiveMetrics.HOTSPOT_PERCENTILE, "weeksToHotspot targets this type-7 quantile over districts of the last full week's count.")
                .add("hotspotTargetWeeklyCount", m.hotspotTarget(), "The weekly count that weeksToHotspot aims at.")
                .add("weeksToHotspotRule", "from the fitted weekly count at the last full week; NULL when the slope is <= 0, the fitted count is at or above the target, or the result exceeds the horizon",
                        "How weeksToHotspot is counted.")
                .add("hotspotHorizonWeeks", context.get(org.gpkg311.generator.common.SharedFacts.SERIES).calendar().fullWeekCount(),
                        "Horizon of weeksToHotspot: as many weeks as the window has full weeks; no forecast past it.")
                .add("queenToleranceMeters", PredictiveMetrics.QUEEN_TOLERANCE_METERS, "Queen contiguity of riskScore's Gi*: polygons within this distance are neighbours.")
                .add("giConfidenceBands", "99/95/90% (p ≤ .01/.05/.10)", "Gi* hot/cold spot bands of riskScore.");
        CategoryFacts.weights(p, "riskScore", PredictiveMetrics.FACTORS.toArray(String[]::new), m.risk());
        cuts(p, f, context, "priorityLabel");
        CategoryFacts.scoreClasses(p, "riskCategory", m.riskCategory(), "riskScore", PredictiveMetrics.RISK_NOUN);
        return p;
    }
}
