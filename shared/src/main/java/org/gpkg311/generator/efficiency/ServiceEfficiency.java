package org.gpkg311.generator.efficiency;

import java.util.Arrays;
import java.util.List;

import org.gpkg311.generator.RunContext;
import org.gpkg311.generator.common.Binding;
import org.gpkg311.generator.common.BoundGenerator;
import org.gpkg311.generator.common.SharedColumns;
import org.gpkg311.provenance.Provenance;
import org.gpkg311.snapshot.Snapshot;
import org.gpkg311.spatial.CategoryFacts;
import org.gpkg311.stats.Ranks;
import org.gpkg311.table.Levels;

/** serviceEfficiency: who responds fastest relative to workload (docs/methods.md#serviceefficiency). */
public final class ServiceEfficiency extends BoundGenerator<ServiceEfficiency.Facts> {

    public static final String NAME = "serviceEfficiency";

    static final String FASTER = "Faster than the district median", AT_MEDIAN = "At the district median",
            SLOWER = "Slower than the district median";
    static final String[] CATEGORY_LABELS = {"Least efficient", "Below median", "Above median", "Most efficient"};

    /**
     * What the layers read: the efficiency facts, the snapshot (for each request's own response time) and each
     * request's district index (computed once: the snapshot makes a new array on every call).
     */
    record Facts(ServiceEfficiencyMetrics m, Snapshot snapshot, int[] districtOf) {
        String category(int i) {
            return Ranks.label(m.efficiencyQuartile()[i], CATEGORY_LABELS);
        }

        Double ownMedianRatio(int r) {
            Double median = m.medianResponseHours()[districtOf[r]];
            Double hours = snapshot.requests().get(r).responseHours();
            return hours == null || median == null || median == 0 ? null : hours / median;
        }

        String ownMedianLabel(int r) {
            return comparedToMedian(snapshot.requests().get(r).responseHours(), m.medianResponseHours()[districtOf[r]]);
        }
    }

    static final List<Binding<Facts>> DISTRICT_COLUMNS = List.of(
            Binding.integer("closedCount", "Closed Requests", "Requests of the window closed by the as-of instant.", (f, i) -> f.m().closedCount()[i]),
            Binding.integer("openCount", "Open Requests", "Requests of the window still open at the as-of instant.", (f, i) -> f.m().openCount()[i]),
            Binding.real("closureRate", "Closure Rate", "Closed requests divided by all requests of the district (0..1).", (f, i) -> f.m().closureRate()[i]),
            Binding.real("medianResponseHours", "Median Response (hours)", "Median hours from opening to closing over the district's closed requests.", (f, i) -> f.m().medianResponseHours()[i]),
            Binding.real("meanResponseHours", "Mean Response (hours)", "Mean hours from opening to closing over the district's closed requests.", (f, i) -> f.m().meanResponseHours()[i]),
            Binding.real("p90ResponseHours", "90th Percentile Response (hours)", "90th percentile (type 7) of the district's response hours.", (f, i) -> f.m().p90ResponseHours()[i]),
            Binding.real("workloadRatio", "Workload Ratio", "Requests divided by the median district request count (1 = a typical district).", (f, i) -> f.m().workloadRatio()[i]),
            Binding.real("responseTimeRatio", "Response Time Ratio", "Median response divided by the median of the district medians (above 1 = slower than typical).", (f, i) -> f.m().responseTimeRatio()[i]),
            Binding.real("efficiencyScore", "Efficiency Score", "Workload ratio divided by response time ratio: higher means more work handled faster.", (f, i) -> f.m().efficiencyScore()[i]),
            Binding.real("efficiencyPercentile", "Efficiency Percentile", "Mid-rank percentile of the efficiency score among districts (0..100).", (f, i) -> Ranks.roundTenth(f.m().efficiencyPercentile()[i])),
            Binding.integer("efficiencyQuartile", "Efficiency Quartile (4 = most efficient)", "Quartile class of the efficiency score: 4 holds the most efficient quarter of districts.", (Facts f, int i) -> f.m().efficiencyQuartile()[i])
                    .classOf("efficiencyScore", 4),
            Binding.text("efficiencyCategory", "Efficiency Category", "Quartile label of the efficiency score: Least efficient, Below median, Above median or Most efficient.", Facts::category)
                    .labelOf("efficiencyScore", List.of(CATEGORY_LABELS)),
            Binding.integer("efficiencyRank", "Efficiency Rank (1 = most efficient)", "Rank of the efficiency score, 1 = highest; ties share the smallest rank.", (f, i) -> f.m().efficiencyRank()[i]),
            Binding.real("cityMedianResponseHours", "City Median Response (hours)", "Median response hours over all closed requests of the city in the window.", (f, i) -> f.m().cityMedianResponseHours()),
            Binding.of(SharedColumns.REQUEST_DENSITY, (f, i) -> f.m().requestDensity()[i]),
            Binding.real("densityWorkloadRatio", "Density Workload Ratio", "Request density divided by the median district request density.", (f, i) -> f.m().densityWorkloadRatio()[i]),
            Binding.text("workloadResponseQuadrant", "Workload / Response Quadrant", "Whether workload is above 1 and response slower than typical, e.g. \"High workload, fast response\".", (f, i) -> f.m().workloadResponseQuadrant()[i]));

    static final List<Binding<Facts>> REQUEST_COLUMNS = List.of(
            Binding.districtContext(DISTRICT_COLUMNS, "efficiencyScore"),
            Binding.districtContext(DISTRICT_COLUMNS, "efficiencyQuartile"),
            Binding.districtContext(DISTRICT_COLUMNS, "efficiencyCategory"),
            Binding.real("districtMedianResponseHours", "District Median Response (hours)", "Median response hours of the request's district.", (Facts f, int d) -> f.m().medianResponseHours()[d]).ofDistrict(),
            Binding.real("responseVsDistrictMedian", "Response vs District Median", "This request's response hours divided by its district's median.", Facts::ownMedianRatio),
            Binding.text("responseVsDistrictLabel", "Response vs District", "Faster than, At or Slower than the district median response.", Facts::ownMedianLabel)
                    .ordered(Levels.diverging(FASTER, AT_MEDIAN, SLOWER)));

    public ServiceEfficiency() {
        super(NAME, org.gpkg311.generator.common.GeneratorVersion.CURRENT,
                "Which council districts respond fastest relative to their workload.", "efficiencyScore", DISTRICT_COLUMNS, REQUEST_COLUMNS);
    }

    @Override
    protected Facts facts(RunContext context) {
        return new Facts(context.get(ServiceEfficiencyMetrics.FACT), context.snapshot(), context.snapshot().requestDistrictIndexes());
    }

    static String comparedToMedian(Double hours, Double median) {
        if (hours == null || median == null) return null;
        int c = Double.compare(hours, median);
        return c < 0 ? FASTER : c == 0 ? AT_MEDIAN : SLOWER;
    }

    @Override
    protected Provenance provenance(Facts f, RunContext context) {
        ServiceEfficiencyMetrics m = f.m();
        Provenance p = new Provenance();
        CategoryFacts.quantileMethod(p);
        CategoryFacts.percentileRank(p);
        return p.add("medianDistrictRequestCount", m.medianDistrictRequestCount(), "Median request count over all districts: the denominator of workloadRatio.")
                .add("medianOfDistrictMedianResponseHours", m.medianOfDistrictMedians(), "Median of the district median response hours: the denominator of responseTimeRatio.")
                .add("cityMedianResponseHours", m.cityMedianResponseHours(), "Median response hours over all closed requests.")
                .add("medianRequestsPerSqKm", m.medianRequestsPerSqKm(), "Median district request density: the denominator of densityWorkloadRatio.")
                .add("efficiencyQuartileCuts", Arrays.toString(m.efficiencyQuartileCuts()), "Type-7 quartiles Q1, Q2, Q3 of the efficiency score; class 4 = above Q3 = most efficient.")
                .add("quadrantSplit", "workloadRatio > 1, responseTimeRatio > 1", "Conventions that split the workload/response quadrants.");
    }
}
