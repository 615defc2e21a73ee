package org.gpkg311.generator.efficiency;

import java.util.ArrayList;
import java.util.List;

import org.gpkg311.generator.RunContext;
import org.gpkg311.generator.common.SharedFacts;
import org.gpkg311.model.ServiceRequest;
import org.gpkg311.snapshot.Snapshot;
import org.gpkg311.stats.Descriptive;
import org.gpkg311.stats.Quantiles;
import org.gpkg311.stats.Ranks;
import org.gpkg311.stats.Values;

/**
 * Response-time and workload metrics per district (docs/methods.md#serviceefficiency). Other generators
 * (optimizationOpportunities, predictiveHotspots) reuse these arrays rather than recompute them.
 * Arrays are indexed like {@code snapshot.districts()}; null = undefined.
 */
public record ServiceEfficiencyMetrics(
        int[] requestCount,
        int[] closedCount,
        int[] openCount,
        Double[] closureRate,
        Double[] medianResponseHours,
        Double[] meanResponseHours,
        Double[] p90ResponseHours,
        Double medianDistrictRequestCount,
        Double[] workloadRatio,
        Double medianOfDistrictMedians,
        Double[] responseTimeRatio,
        Double[] efficiencyScore,
        Double[] efficiencyPercentile,
        Integer[] efficiencyQuartile,
        double[] efficiencyQuartileCuts,
        Integer[] efficiencyRank,
        Double cityMedianResponseHours,
        Double[] requestDensity,
        Double medianRequestsPerSqKm,
        Double[] densityWorkloadRatio,
        String[] workloadResponseQuadrant) {

    /** The efficiency facts of a run, computed once and shared by the generators that ask. */
    public static final RunContext.Fact<ServiceEfficiencyMetrics> FACT = new RunContext.Fact<>("efficiency",
            c -> of(c.snapshot(), c.get(SharedFacts.REQUEST_COUNTS)));

    static ServiceEfficiencyMetrics of(Snapshot snapshot, int[] requestCount) {
        int n = snapshot.districts().size();
        int[] closed = new int[n];
        int[] open = new int[n];
        List<List<Double>> hours = new ArrayList<>();
        for (int i = 0; i < n; i++) hours.add(new ArrayList<>());
        List<Double> allHours = new ArrayList<>();
        int[] districtOf = snapshot.requestDistrictIndexes();
        List<ServiceRequest> requests = snapshot.requests();
        for (int r = 0; r < requests.size(); r++) {
            ServiceRequest q = requests.get(r);
            int d = districtOf[r];
            if (q.open()) open[d]++;
            else closed[d]++;
            Double h = q.responseHours();
            if (h != null) {
                hours.get(d).add(h);
                allHours.add(h);
            }
        }

        Double[] closureRate = new Double[n];
        Double[] median = new Double[n];
        Double[] mean = new Double[n];
        Double[] p90 = new Double[n];
        Double[] density = new Double[n];
        for (int i = 0; i < n; i++) {
            double[] h = hours.get(i).stream().mapToDouble(Double::doubleValue).toArray();
            closureRate[i] = Values.ratio(closed[i], requestCount[i]);
            median[i] = Quantiles.median(h);
            mean[i] = Descriptive.mean(h);
            p90[i] = Quantiles.of(h, 0.9);
            density[i] = requestCount[i] / snapshot.districts().get(i).areaSqKm();
        }

        // workloadRatio divides by the median over ALL districts (0-request ones included);
        // responseTimeRatio by the median over districts that have a median response (spec, "Medians over districts").
        Double medianCount = Quantiles.median(Values.boxed(requestCount));
        Double medianOfMedians = Quantiles.median(median);
        Double medianDensity = Quantiles.median(density);
        Double[] workload = new Double[n];
        Double[] responseRatio = new Double[n];
        Double[] score = new Double[n];
        Double[] densityWorkload = new Double[n];
        String[] quadrant = new String[n];
        for (int i = 0; i < n; i++) {
            workload[i] = medianCount == null ? null : Values.ratio((double) requestCount[i], medianCount);
            responseRatio[i] = Values.ratio(median[i], medianOfMedians);
            score[i] = Values.ratio(workload[i], responseRatio[i]);
            densityWorkload[i] = Values.ratio(density[i], medianDensity);
            quadrant[i] = quadrant(workload[i], responseRatio[i]);
        }
        double[] cityHours = allHours.stream().mapToDouble(Double::doubleValue).toArray();
        return new ServiceEfficiencyMetrics(requestCount, closed, open, closureRate, median, mean, p90,
                medianCount, workload, medianOfMedians, responseRatio, score,
                Ranks.percentile(score), Ranks.quartile(score), Quantiles.quartiles(score), Ranks.descending(score),
                Quantiles.median(cityHours), density, medianDensity, densityWorkload, quadrant);
    }

    /** Split at workloadRatio = 1 and responseTimeRatio = 1 (strictly above = high / slow). */
    static String quadrant(Double workloadRatio, Double responseTimeRatio) {
        if (workloadRatio == null || responseTimeRatio == null) return null;
        return (workloadRatio > 1 ? "High workload" : "Low workload") + ", "
                + (responseTimeRatio > 1 ? "slow response" : "fast response");
    }
}
