package org.gpkg311.generator.optimization;

import java.util.List;

import org.gpkg311.generator.common.BoundGenerator;
import org.gpkg311.generator.common.Binding;
import org.gpkg311.generator.RunContext;
import org.gpkg311.generator.common.QuartileLabels;
import org.gpkg311.provenance.Provenance;
import org.gpkg311.spatial.CategoryFacts;

/** optimizationOpportunities: biggest gains and their impact (docs/methods.md#optimizationopportunities). */
public final class OptimizationOpportunities extends BoundGenerator<OptimizationOpportunities.Facts> {

    public static final String NAME = "optimizationOpportunities";

    /** What the layers read: the gap metrics. */
    record Facts(OptimizationMetrics m) {
        String priority(int i) {
            return QuartileLabels.priority(m.priorityQuartile()[i]);
        }
    }

    static final List<Binding<Facts>> DISTRICT_COLUMNS = List.of(
            Binding.real("responseGapHours", "Response Gap (hours)", "max(0, median response hours − the 25th percentile of the district medians).", (f, i) -> f.m().responseGapHours()[i]),
            Binding.real("efficiencyGap", "Efficiency Gap", "max(0, 75th percentile of the efficiency score − the district's efficiency score).", (f, i) -> f.m().efficiencyGap()[i]),
            Binding.real("workloadGap", "Workload Gap", "|workload ratio − 1|: distance from a typical district's workload.", (f, i) -> f.m().workloadGap()[i]),
            Binding.real("volatilityImpact", "Volatility Impact", "Daily CV × the district's share of all requests.", (f, i) -> f.m().volatilityImpact()[i]),
            Binding.real("workloadPressure", "Workload Pressure", "Workload ratio × response time ratio.", (f, i) -> f.m().workloadPressure()[i]),
            Binding.real("responseGapToBestHours", "Gap to Best (hours)", "Median response hours − the lowest district median.", (f, i) -> f.m().responseGapToBestHours()[i]),
            Binding.real("expectedHoursSaved", "Expected Hours Saved", "Σ over closed requests of max(0, response hours − the 25th percentile target).", (f, i) -> f.m().expectedHoursSaved()[i]),
            Binding.real("opportunityScore", "Opportunity Score (0–100)", "Variance-weighted composite of the normalised response, efficiency, workload and volatility gaps.", (f, i) -> f.m().opportunity().score()[i]),
            Binding.real("weightResponse", "Weight: Response Gap", "Variance-based weight of the response gap in the opportunity score (same for every district).", (f, i) -> f.m().opportunity().weight()[0]),
            Binding.real("weightEfficiency", "Weight: Efficiency Gap", "Variance-based weight of the efficiency gap in the opportunity score (same for every district).", (f, i) -> f.m().opportunity().weight()[1]),
            Binding.real("weightWorkload", "Weight: Workload Gap", "Variance-based weight of the workload gap in the opportunity score (same for every district).", (f, i) -> f.m().opportunity().weight()[2]),
            Binding.real("weightStability", "Weight: Stability", "Variance-based weight of the volatility impact in the opportunity score (same for every district).", (f, i) -> f.m().opportunity().weight()[3]),
            Binding.integer("priorityRank", "Priority Rank (1 = biggest)", "Rank of the opportunity score, 1 = biggest; ties share the smallest rank.", (f, i) -> f.m().priorityRank()[i]),
            Binding.text("priorityLabel", "Priority", "Quartile of the opportunity score: Low, Moderate, Elevated or High.", (Facts f, int i) -> f.priority(i))
                    .labelOf("opportunityScore", QuartileLabels.PRIORITY_LABELS),
            Binding.real("optimizationImpact", "Optimization Impact (0–100)", "Opportunity score × share of all requests, min–max rescaled to 0..100.", (f, i) -> f.m().optimizationImpact()[i]),
            Binding.text("opportunityCategory", "Opportunity Category", "Gap with the largest weighted contribution (Response time, Efficiency, Workload balance, Stability), or Multi-factor when none holds a majority.", (f, i) -> f.m().opportunityCategory()[i]));

    static final List<Binding<Facts>> REQUEST_COLUMNS = List.of(
            Binding.districtContext(DISTRICT_COLUMNS, "opportunityScore"),
            Binding.districtContext(DISTRICT_COLUMNS, "priorityLabel"),
            Binding.real("potentialHoursSaved", "Potential Hours Saved", "max(0, response hours − the 25th percentile of district medians) for a closed request; empty otherwise.", (f, i) -> f.m().potentialHoursSaved()[i]));

    public OptimizationOpportunities() {
        super(NAME, org.gpkg311.generator.common.GeneratorVersion.CURRENT,
                "Where closing the response, efficiency, workload and stability gaps would gain the most.", "opportunityScore", DISTRICT_COLUMNS, REQUEST_COLUMNS);
    }

    @Override
    protected Facts facts(RunContext context) {
        return new Facts(context.get(OptimizationMetrics.FACT));
    }

    @Override
    protected Provenance provenance(Facts f, RunContext context) {
        OptimizationMetrics m = f.m();
        Provenance p = CategoryFacts.quantileMethod(new Provenance())
                .add("responseTargetHours", m.responseTarget(), "25th percentile of the district median response hours: the target of responseGapHours, expectedHoursSaved and potentialHoursSaved.")
                .add("bestDistrictMedianHours", m.bestMedian(), "Lowest district median response hours: the reference of responseGapToBestHours.")
                .add("efficiencyTarget", m.efficiencyTarget(), "75th percentile of the efficiency score: the reference of efficiencyGap.");
        CategoryFacts.compositeRule(p)
                .add("majority", OptimizationMetrics.MAJORITY, "A gap names opportunityCategory when its weighted contribution is more than this share of the score; else Multi-factor.")
                .add("reusedMetrics", "medianResponseHours, efficiencyScore, workloadRatio, responseTimeRatio from serviceEfficiency; dailyCV from requestVolatility",
                        "Metrics reused from other generators.");
        CategoryFacts.weights(p, "opportunityScore", OptimizationMetrics.GAPS.toArray(String[]::new), m.opportunity());
        cuts(p, f, context, "priorityLabel");
        return p;
    }
}
