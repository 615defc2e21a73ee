package org.gpkg311.generator.timeclusters;

import java.util.Arrays;
import java.util.List;

import org.gpkg311.generator.common.SharedFacts;
import org.gpkg311.generator.common.BoundGenerator;
import org.gpkg311.generator.common.Binding;
import org.gpkg311.generator.RunContext;
import org.gpkg311.generator.RunSettings;
import org.gpkg311.generator.peakhour.PeakHourConsistency;
import org.gpkg311.generator.temporal.TemporalPatterns;
import org.gpkg311.generator.volatility.RequestVolatility;
import org.gpkg311.provenance.Provenance;
import org.gpkg311.series.SeriesProvenance;
import org.gpkg311.series.SnapshotSeries;

/** timeBasedClusters: districts whose requests arrive at similar hours and days (spec section 6). */
public final class TimeBasedClusters extends BoundGenerator<TimeBasedClusters.Facts> {

    public static final String NAME = "timeBasedClusters";
    public static final String VERSION = org.gpkg311.generator.common.GeneratorVersion.CURRENT;
    public static final String SUMMARY = "Groups of council districts whose 311 requests arrive at similar hours of the day and days of the week.";

    /** What the layers read: the time clusters and the facts of the three generators whose columns they repeat. */
    public record Facts(TimeClusterMetrics m, TemporalPatterns.Facts temporal, PeakHourConsistency.Facts peak, RequestVolatility.Facts volatility) {
        /** The district's cluster index, or null when it is not clustered. */
        Integer c(int i) {
            Integer g = m.clustering().group()[i];
            return g == null ? null : g - 1;
        }
    }

    public static final Binding<Facts> CLUSTER_ID = Binding.integer("clusterId", "Time Cluster", "Number (1..k) of the district's time-profile group, numbered by the centroid's weekend share, ascending; empty without groups.", (f, i) -> f.m().clusterId()[i]);
    public static final Binding<Facts> CLUSTER_LABEL = Binding.text("clusterLabel", "Time Cluster Label", "What sets the group's centroid apart from the city: Weekday / Weekend-heavy, then the daypart most above the citywide share (e.g. \"Weekday, mornings\"); No distinct groups or Too few requests.", (f, i) -> f.m().clusterLabel()[i]);

    static final List<Binding<Facts>> DISTRICT_COLUMNS = Binding.concat(List.of(
            CLUSTER_ID,
            Binding.integer("clusterSize", "Districts in Cluster", "Number of districts in the district's cluster.", (f, i) -> f.m().clusterSize()[i]),
            CLUSTER_LABEL,
            Binding.integer("dominantHour", "Dominant Hour", "The district's own peak local hour (most requests; ties: earliest hour).", (f, i) -> f.m().peakHour().peakHour()[i]),
            Binding.text("dominantDay", "Dominant Day", "The district's own peak day of week (highest average requests per day; ties: earlier from Monday).", (f, i) -> f.m().temporal().peakDay()[i]),
            Binding.real("distanceToCentroid", "Distance to Cluster Centre", "Euclidean distance from the district's profile to its cluster's centroid in the clustering space (square roots of the shares).", (f, i) -> f.m().distanceToCentroid()[i]),
            Binding.real("clusterConfidence", "Cluster Confidence", "Silhouette (−1 to 1) of the district in its group; empty without groups.", (f, i) -> f.m().clustering().confidence()[i]),
            Binding.integer("secondBestClusterId", "Next-Closest Cluster", "Cluster whose centroid is the nearest after the district's own (same space).", (f, i) -> f.m().secondBestClusterId()[i])), Binding.concat(Binding.concat(Binding.via(TemporalPatterns.DAY_SHARES, Facts::temporal), Binding.via(PeakHourConsistency.DAYPART_SHARES, Facts::peak)), List.of(
            PeakHourConsistency.BUSINESS_SHARE.via(Facts::peak),
            TemporalPatterns.WEEKEND_SHARE.via(Facts::temporal),
            RequestVolatility.DAILY_CV.via(Facts::volatility),
            Binding.real("clusterWeekendShare", "Cluster Weekend Share", "Weekend share of the cluster's centroid profile.", (f, i) -> f.c(i) == null ? null : f.m().clusterWeekendShare()[f.c(i)]),
            Binding.real("clusterBusinessHoursShare", "Cluster Business-Hours Share", "Mean business-hours share of the cluster's districts.", (f, i) -> f.c(i) == null ? null : f.m().clusterBusinessHoursShare()[f.c(i)]),
            Binding.integer("clusterPeakHour", "Cluster Peak Hour", "Busiest local hour of the cluster's centroid profile (ties: earliest).", (f, i) -> f.c(i) == null ? null : f.m().clusterPeakHour()[f.c(i)]),
            Binding.real("clusterGeographicSpreadKm", "Cluster Spread (km)", "Mean geodesic distance of the cluster's district centroids to their mean centre, in km.", (f, i) -> f.c(i) == null ? null : f.m().clusterSpreadKm()[f.c(i)]),
            Binding.integer("clusterPieces", "Cluster Pieces", "Number of contiguous groups (queen contiguity, 1 m) that the cluster's districts form.", (f, i) -> f.c(i) == null ? null : f.m().clusterPieces()[f.c(i)]))));

    static final List<Binding<Facts>> REQUEST_COLUMNS = List.of(
            CLUSTER_ID.ofDistrict(),
            CLUSTER_LABEL.ofDistrict());

    public TimeBasedClusters() {
        super(NAME, VERSION, SUMMARY, "clusterLabel", DISTRICT_COLUMNS, REQUEST_COLUMNS);
    }

    @Override
    protected Facts facts(RunContext context) {
        TimeClusterMetrics m = context.get(TimeClusterMetrics.FACT);
        return new Facts(m, new TemporalPatterns.Facts(m.temporal(), null), new PeakHourConsistency.Facts(m.peakHour(), null, null, null),
                new RequestVolatility.Facts(m.volatility(), null, null));
    }

    @Override
    protected Provenance provenance(Facts f, RunContext context) {
        return provenance(context.get(SharedFacts.SERIES), f.m(), context.settings());
    }

    private static Provenance provenance(SnapshotSeries series, TimeClusterMetrics m, RunSettings settings) {
        Provenance p = new Provenance();
        SeriesProvenance.calendar(p, series.calendar());
        SeriesProvenance.dayparts(p);
        SeriesProvenance.businessHours(p);
        org.gpkg311.spatial.CategoryFacts.profileGroups(p, "clusterLabel", m.clustering(),
                List.of("hour00Share .. hour23Share, mondayShare .. sundayShare (31 features, as sqrt)"), "the centroid's weekend share",
                TimeClusterMetrics.MAX_K);
        p.add("clusterMinRequests", TimeClusterMetrics.MIN_REQUESTS, "Cochran's rule: at least 5 requests per share (31 shares); below it Too few requests.");
        p.add("clusterLabelRule", "Weekday when the centroid's weekend share is below the citywide share, else Weekend-heavy; "
                        + "then the daypart whose centroid share is the largest multiple of the citywide share; colliding names add the next daypart, then (group N)",
                "Rule naming the groups.");
        p.add("distanceSpace", "sqrt of the shares (Hellinger) over the clustered districts",
                "Space of distanceToCentroid and secondBestClusterId (the clustering's own space).");
        p.add("queenToleranceMeters", TimeClusterMetrics.QUEEN_TOLERANCE_METERS, "Convention: districts within 1 m of each other are neighbours (clusterPieces).");
        for (int c = 0; c < m.clustering().k(); c++) {
            double[] centroid = m.clustering().centroidRaw()[c];
            p.add("timeCluster" + (c + 1), m.clusterLabels()[c] + "; " + m.clustering().size()[c] + " districts; day shares "
                            + Arrays.toString(Arrays.copyOfRange(centroid, 24, 31)) + "; hourly shares "
                            + Arrays.toString(Arrays.copyOf(centroid, 24)),
                    "Centroid profile (raw shares, Monday first and hour 0 first) of time cluster " + (c + 1) + ".");
        }
        return p;
    }
}
