package org.gpkg311.generator.optimization;

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
import org.gpkg311.table.Column;
import org.gpkg311.table.Table;

/** optimizationOpportunities: biggest gains and their impact (generators.md section 11). */
public final class OptimizationOpportunities extends GeneratorBase {

    public static final String NAME = "optimizationOpportunities";

    static final Column RESPONSE_GAP = Column.real("responseGapHours", "Response Gap (hours)", "max(0, median response hours − the 25th percentile of the district medians).");
    static final Column EFFICIENCY_GAP = Column.real("efficiencyGap", "Efficiency Gap", "max(0, 75th percentile of the efficiency score − the district's efficiency score).");
    static final Column WORKLOAD_GAP = Column.real("workloadGap", "Workload Gap", "|workload ratio − 1|: distance from a typical district's workload.");
    static final Column VOLATILITY_IMPACT = Column.real("volatilityImpact", "Volatility Impact", "Daily CV × the district's share of all requests.");
    static final Column WORKLOAD_PRESSURE = Column.real("workloadPressure", "Workload Pressure", "Workload ratio × response time ratio.");
    static final Column GAP_TO_BEST = Column.real("responseGapToBestHours", "Gap to Best (hours)", "Median response hours − the lowest district median.");
    static final Column HOURS_SAVED = Column.real("expectedHoursSaved", "Expected Hours Saved", "Σ over closed requests of max(0, response hours − the 25th percentile target).");
    static final Column SCORE = Column.real("opportunityScore", "Opportunity Score (0–100)", "Variance-weighted composite of the normalised response, efficiency, workload and volatility gaps.");
    static final Column WEIGHT_RESPONSE = Column.real("weightResponse", "Weight: Response Gap", "Variance-based weight of the response gap in the opportunity score (same for every district).");
    static final Column WEIGHT_EFFICIENCY = Column.real("weightEfficiency", "Weight: Efficiency Gap", "Variance-based weight of the efficiency gap in the opportunity score (same for every district).");
    static final Column WEIGHT_WORKLOAD = Column.real("weightWorkload", "Weight: Workload Gap", "Variance-based weight of the workload gap in the opportunity score (same for every district).");
    static final Column WEIGHT_STABILITY = Column.real("weightStability", "Weight: Stability", "Variance-based weight of the volatility impact in the opportunity score (same for every district).");
    static final Column PRIORITY_RANK = Column.integer("priorityRank", "Priority Rank (1 = biggest)", "Rank of the opportunity score, 1 = biggest; ties share the smallest rank.");
    static final Column PRIORITY_LABEL = Column.text("priorityLabel", "Priority", "Quartile of the opportunity score: Low, Moderate, Elevated or High.");
    static final Column IMPACT = Column.real("optimizationImpact", "Optimization Impact (0–100)", "Opportunity score × share of all requests, min–max rescaled to 0..100.");
    static final Column CATEGORY = Column.text("opportunityCategory", "Opportunity Category", "Gap with the largest weighted contribution (Response time, Efficiency, Workload balance, Stability), or Multi-factor when none holds a majority.");

    public static final List<Column> DISTRICT_COLUMNS = List.of(RESPONSE_GAP, EFFICIENCY_GAP, WORKLOAD_GAP, VOLATILITY_IMPACT,
            WORKLOAD_PRESSURE, GAP_TO_BEST, HOURS_SAVED, SCORE, WEIGHT_RESPONSE, WEIGHT_EFFICIENCY, WEIGHT_WORKLOAD,
            WEIGHT_STABILITY, PRIORITY_RANK, PRIORITY_LABEL, IMPACT, CATEGORY);

    static final Column REQ_SCORE = Column.real("opportunityScore", "District Opportunity Score", "Opportunity score (0–100) of the request's district.");
    static final Column REQ_PRIORITY = Column.text("priorityLabel", "District Priority", "Priority label of the request's district.");
    static final Column REQ_SAVED = Column.real("potentialHoursSaved", "Potential Hours Saved", "max(0, response hours − the 25th percentile of district medians) for a closed request; empty otherwise.");

    public static final List<Column> REQUEST_COLUMNS = List.of(REQ_SCORE, REQ_PRIORITY, REQ_SAVED);

    public OptimizationOpportunities() {
        super(NAME, org.gpkg311.generator.common.GeneratorVersion.CURRENT,
                "Where closing the response, efficiency, workload and stability gaps would gain the most.", "opportunityScore");
    }

    @Override
    public GeneratorOutput generate(Snapshot snapshot, RunSettings settings) {
        OptimizationMetrics m = OptimizationMetrics.of(snapshot, settings.seed());
        Table districts = DistrictLayer.create(NAME, summary(), snapshot, DISTRICT_COLUMNS);
        double[] w = m.opportunity().weight();
        String[] priority = new String[districts.rowCount()];
        for (int i = 0; i < districts.rowCount(); i++) {
            priority[i] = QuartileLabels.priority(m.priorityQuartile()[i]);
            districts.row(i)
                    .set(RESPONSE_GAP.name(), m.responseGapHours()[i])
                    .set(EFFICIENCY_GAP.name(), m.efficiencyGap()[i])
                    .set(WORKLOAD_GAP.name(), m.workloadGap()[i])
                    .set(VOLATILITY_IMPACT.name(), m.volatilityImpact()[i])
                    .set(WORKLOAD_PRESSURE.name(), m.workloadPressure()[i])
                    .set(GAP_TO_BEST.name(), m.responseGapToBestHours()[i])
                    .set(HOURS_SAVED.name(), m.expectedHoursSaved()[i])
                    .set(SCORE.name(), m.opportunity().score()[i])
                    .set(WEIGHT_RESPONSE.name(), w[0])
                    .set(WEIGHT_EFFICIENCY.name(), w[1])
                    .set(WEIGHT_WORKLOAD.name(), w[2])
                    .set(WEIGHT_STABILITY.name(), w[3])
                    .set(PRIORITY_RANK.name(), m.priorityRank()[i])
                    .set(PRIORITY_LABEL.name(), priority[i])
                    .set(IMPACT.name(), m.optimizationImpact()[i])
                    .set(CATEGORY.name(), m.opportunityCategory()[i]);
        }
        RequestLayer requests = RequestLayer.create(NAME, summary(), snapshot, REQUEST_COLUMNS)
                .districtContext(REQ_SCORE.name(), m.opportunity().score())
                .districtContext(REQ_PRIORITY.name(), priority)
                .eachRow((r, row) -> row.set(REQ_SAVED.name(), m.potentialHoursSaved()[r]));
        return new GeneratorOutput(NAME, version(), List.of(districts, requests.table()), provenance(m));
    }

    static Provenance provenance(OptimizationMetrics m) {
        Provenance p = CategoryFacts.quantileMethod(new Provenance())
                .add("responseTargetHours", m.responseTarget(), "25th percentile of the district median response hours: the target of responseGapHours, expectedHoursSaved and potentialHoursSaved.")
                .add("bestDistrictMedianHours", m.bestMedian(), "Lowest district median response hours: the reference of responseGapToBestHours.")
                .add("efficiencyTarget", m.efficiencyTarget(), "75th percentile of the efficiency score: the reference of efficiencyGap.");
        CategoryFacts.compositeRule(p)
                .add("majority", OptimizationMetrics.MAJORITY, "A gap names opportunityCategory when its weighted contribution is more than this share of the score; else Multi-factor.")
                .add("reusedMetrics", "medianResponseHours, efficiencyScore, workloadRatio, responseTimeRatio from serviceEfficiency; dailyCV from requestVolatility",
                        "Metrics reused from other generators.");
        CategoryFacts.weights(p, "opportunityScore", OptimizationMetrics.GAPS.toArray(String[]::new), m.opportunity());
        CategoryFacts.cuts(p, "priorityLabel", m.opportunity().score(), 4, "opportunityScore");
        return p;
    }
}
