package org.gpkg311.generator.efficiency;

import java.util.Arrays;
import java.util.List;

import org.gpkg311.generator.GeneratorOutput;
import org.gpkg311.generator.RunSettings;
import org.gpkg311.generator.common.DistrictLayer;
import org.gpkg311.generator.common.GeneratorBase;
import org.gpkg311.generator.common.RequestLayer;
import org.gpkg311.provenance.Provenance;
import org.gpkg311.snapshot.Snapshot;
import org.gpkg311.spatial.CategoryFacts;
import org.gpkg311.stats.Ranks;
import org.gpkg311.table.Column;
import org.gpkg311.table.Table;

/** serviceEfficiency: who responds fastest relative to workload (generators.md section 1). */
public final class ServiceEfficiency extends GeneratorBase {

    public static final String NAME = "serviceEfficiency";

    static final String[] CATEGORY_LABELS = {"Least efficient", "Below median", "Above median", "Most efficient"};

    public static final List<Column> DISTRICT_COLUMNS = List.of(
            Column.integer("closedCount", "Closed Requests", "Requests of the window closed by the as-of instant."),
            Column.integer("openCount", "Open Requests", "Requests of the window still open at the as-of instant."),
            Column.real("closureRate", "Closure Rate", "Closed requests divided by all requests of the district (0..1)."),
            Column.real("medianResponseHours", "Median Response (hours)", "Median hours from opening to closing over the district's closed requests."),
            Column.real("meanResponseHours", "Mean Response (hours)", "Mean hours from opening to closing over the district's closed requests."),
            Column.real("p90ResponseHours", "90th Percentile Response (hours)", "90th percentile (type 7) of the district's response hours."),
            Column.real("workloadRatio", "Workload Ratio", "Requests divided by the median district request count (1 = a typical district)."),
            Column.real("responseTimeRatio", "Response Time Ratio", "Median response divided by the median of the district medians (above 1 = slower than typical)."),
            Column.real("efficiencyScore", "Efficiency Score", "Workload ratio divided by response time ratio: higher means more work handled faster."),
            Column.real("efficiencyPercentile", "Efficiency Percentile", "Mid-rank percentile of the efficiency score among districts (0..100)."),
            Column.integer("efficiencyQuartile", "Efficiency Quartile (4 = most efficient)", "Quartile class of the efficiency score: 4 holds the most efficient quarter of districts."),
            Column.text("efficiencyCategory", "Efficiency Category", "Quartile label of the efficiency score: Least efficient, Below median, Above median or Most efficient."),
            Column.integer("efficiencyRank", "Efficiency Rank (1 = most efficient)", "Rank of the efficiency score, 1 = highest; ties share the smallest rank."),
            Column.real("cityMedianResponseHours", "City Median Response (hours)", "Median response hours over all closed requests of the city in the window."),
            Column.real("requestsPerSqKm", "Requests per km²", "Requests divided by the district's geodesic area in square kilometres."),
            Column.real("densityWorkloadRatio", "Density Workload Ratio", "Requests per km² divided by the median district value."),
            Column.text("workloadResponseQuadrant", "Workload / Response Quadrant", "Whether workload is above 1 and response slower than typical, e.g. \"High workload, fast response\"."));

    public static final List<Column> REQUEST_COLUMNS = List.of(
            Column.real("efficiencyScore", "District Efficiency Score", "Efficiency score of the request's district."),
            Column.integer("efficiencyQuartile", "District Efficiency Quartile", "Efficiency quartile of the request's district (4 = most efficient)."),
            Column.text("efficiencyCategory", "District Efficiency Category", "Efficiency category of the request's district."),
            Column.real("districtMedianResponseHours", "District Median Response (hours)", "Median response hours of the request's district."),
            Column.real("responseVsDistrictMedian", "Response vs District Median", "This request's response hours divided by its district's median."),
            Column.text("responseVsDistrictLabel", "Response vs District", "Faster than, At or Slower than the district median response."));

    public ServiceEfficiency() {
        super(NAME, "1.0.0",
                "Which council districts respond fastest relative to their workload.", "efficiencyScore");
    }

    @Override
    public GeneratorOutput generate(Snapshot snapshot, RunSettings settings) {
        ServiceEfficiencyMetrics m = ServiceEfficiencyMetrics.of(snapshot);
        Table districts = DistrictLayer.create(NAME, summary(), snapshot, DISTRICT_COLUMNS);
        String[] category = new String[m.efficiencyQuartile().length];
        for (int i = 0; i < districts.rowCount(); i++) {
            category[i] = Ranks.label(m.efficiencyQuartile()[i], CATEGORY_LABELS);
            districts.row(i)
                    .set("closedCount", m.closedCount()[i])
                    .set("openCount", m.openCount()[i])
                    .set("closureRate", m.closureRate()[i])
                    .set("medianResponseHours", m.medianResponseHours()[i])
                    .set("meanResponseHours", m.meanResponseHours()[i])
                    .set("p90ResponseHours", m.p90ResponseHours()[i])
                    .set("workloadRatio", m.workloadRatio()[i])
                    .set("responseTimeRatio", m.responseTimeRatio()[i])
                    .set("efficiencyScore", m.efficiencyScore()[i])
                    .set("efficiencyPercentile", Ranks.roundTenth(m.efficiencyPercentile()[i]))
                    .set("efficiencyQuartile", m.efficiencyQuartile()[i])
                    .set("efficiencyCategory", category[i])
                    .set("efficiencyRank", m.efficiencyRank()[i])
                    .set("cityMedianResponseHours", m.cityMedianResponseHours())
                    .set("requestsPerSqKm", m.requestsPerSqKm()[i])
                    .set("densityWorkloadRatio", m.densityWorkloadRatio()[i])
                    .set("workloadResponseQuadrant", m.workloadResponseQuadrant()[i]);
        }

        RequestLayer requests = RequestLayer.create(NAME, summary(), snapshot, REQUEST_COLUMNS)
                .districtContext("efficiencyScore", m.efficiencyScore())
                .districtContext("efficiencyQuartile", m.efficiencyQuartile())
                .districtContext("efficiencyCategory", category)
                .districtContext("districtMedianResponseHours", m.medianResponseHours());
        requests.eachRow((r, row) -> {
            Double median = m.medianResponseHours()[requests.districtOf(r)];
            Double hours = snapshot.requests().get(r).responseHours();
            row.set("responseVsDistrictMedian", hours == null || median == null || median == 0 ? null : hours / median)
                    .set("responseVsDistrictLabel", comparedToMedian(hours, median));
        });
        return new GeneratorOutput(NAME, version(), List.of(districts, requests.table()), provenance(m));
    }

    static String comparedToMedian(Double hours, Double median) {
        if (hours == null || median == null) return null;
        int c = Double.compare(hours, median);
        return c < 0 ? "Faster than the district median" : c == 0 ? "At the district median" : "Slower than the district median";
    }

    private static Provenance provenance(ServiceEfficiencyMetrics m) {
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
