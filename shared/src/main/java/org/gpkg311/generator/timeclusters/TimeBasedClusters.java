package org.gpkg311.generator.timeclusters;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.gpkg311.generator.GeneratorOutput;
import org.gpkg311.generator.RunSettings;
import org.gpkg311.generator.common.DistrictLayer;
import org.gpkg311.generator.common.GeneratorBase;
import org.gpkg311.generator.common.RequestLayer;
import org.gpkg311.generator.peakhour.PeakHourConsistency;
import org.gpkg311.generator.temporal.TemporalPatterns;
import org.gpkg311.generator.volatility.RequestVolatility;
import org.gpkg311.provenance.Provenance;
import org.gpkg311.series.Daypart;
import org.gpkg311.series.SeriesProvenance;
import org.gpkg311.series.SnapshotSeries;
import org.gpkg311.snapshot.Snapshot;
import org.gpkg311.table.Column;
import org.gpkg311.table.Table;

/** timeBasedClusters: districts whose requests arrive at similar hours and days (spec section 6). */
public final class TimeBasedClusters extends GeneratorBase {

    public static final String NAME = "timeBasedClusters";
    public static final String VERSION = org.gpkg311.generator.common.GeneratorVersion.CURRENT;
    public static final String SUMMARY = "Groups of council districts whose 311 requests arrive at similar hours of the day and days of the week.";

    public static final Column CLUSTER_ID = Column.integer("clusterId", "Time Cluster", "Number (1..k) of the district's time-profile cluster; clusters are numbered by their mean business-hours share, ascending.");
    public static final Column CLUSTER_SIZE = Column.integer("clusterSize", "Districts in Cluster", "Number of districts in the district's cluster.");
    public static final Column CLUSTER_LABEL = Column.text("clusterLabel", "Time Cluster Label", "Cluster name from its centroid's dominant day type and busiest daypart, e.g. \"Weekday mornings\".");
    public static final Column DOMINANT_HOUR = Column.integer("dominantHour", "Dominant Hour", "The district's own peak local hour (most requests; ties: earliest hour).");
    public static final Column DOMINANT_DAY = Column.text("dominantDay", "Dominant Day", "The district's own peak day of week (highest average requests per day; ties: earlier from Monday).");
    public static final Column DISTANCE = Column.real("distanceToCentroid", "Distance to Cluster Centre", "Euclidean distance from the district's profile to its cluster's centroid in the z-scored feature space.");
    public static final Column CONFIDENCE = Column.real("clusterConfidence", "Cluster Confidence", "Silhouette (−1 to 1) of the district in its cluster.");
    public static final Column SECOND_BEST = Column.integer("secondBestClusterId", "Next-Closest Cluster", "Cluster whose centroid is the nearest after the district's own (z-scored feature space).");
    public static final Column CLUSTER_WEEKEND_SHARE = Column.real("clusterWeekendShare", "Cluster Weekend Share", "Weekend share of the cluster's centroid profile.");
    public static final Column CLUSTER_BUSINESS_SHARE = Column.real("clusterBusinessHoursShare", "Cluster Business-Hours Share", "Mean business-hours share of the cluster's districts.");
    public static final Column CLUSTER_PEAK_HOUR = Column.integer("clusterPeakHour", "Cluster Peak Hour", "Busiest local hour of the cluster's centroid profile (ties: earliest).");
    public static final Column CLUSTER_SPREAD = Column.real("clusterGeographicSpreadKm", "Cluster Spread (km)", "Mean geodesic distance of the cluster's district centroids to their mean centre, in km.");
    public static final Column CLUSTER_PIECES = Column.integer("clusterPieces", "Cluster Pieces", "Number of contiguous groups (queen contiguity, 1 m) that the cluster's districts form.");

    static final List<Column> DISTRICT_COLUMNS = districtColumns();
    static final List<Column> REQUEST_COLUMNS = List.of(CLUSTER_ID, CLUSTER_LABEL);

    public TimeBasedClusters() {
        super(NAME, VERSION, SUMMARY, "clusterLabel");
    }

    @Override
    public GeneratorOutput generate(Snapshot snapshot, RunSettings settings) {
        SnapshotSeries series = SnapshotSeries.of(snapshot);
        TimeClusterMetrics m = TimeClusterMetrics.compute(series, snapshot.districts(), settings.seed());

        Table districts = DistrictLayer.create(NAME, SUMMARY, snapshot, DISTRICT_COLUMNS);
        for (int i = 0; i < districts.rowCount(); i++) {
            Table.Row row = districts.row(i);
            Integer c = m.clustering().cluster()[i];
            Integer peakHour = m.peakHour().peakHour()[i];
            row.set(CLUSTER_ID.name(), m.clusterId()[i])
                    .set(CLUSTER_SIZE.name(), m.clusterSize()[i])
                    .set(CLUSTER_LABEL.name(), m.clusterLabel()[i])
                    .set(DOMINANT_HOUR.name(), peakHour)
                    .set(DOMINANT_DAY.name(), m.temporal().peakDay()[i])
                    .set(DISTANCE.name(), m.distanceToCentroid()[i])
                    .set(CONFIDENCE.name(), m.clustering().silhouette()[i])
                    .set(SECOND_BEST.name(), m.secondBestClusterId()[i]);
            for (int d = 0; d < 7; d++) row.set(TemporalPatterns.DAY_SHARES.get(d).name(), m.temporal().dayShares()[i][d]);
            for (Daypart p : Daypart.values()) {
                row.set(PeakHourConsistency.DAYPART_SHARES.get(p.ordinal()).name(), m.peakHour().daypartShare(i, p));
            }
            row.set(PeakHourConsistency.BUSINESS_SHARE.name(), m.peakHour().businessHoursShare()[i])
                    .set(TemporalPatterns.WEEKEND_SHARE.name(), m.temporal().weekendShare()[i])
                    .set(RequestVolatility.DAILY_CV.name(), m.volatility().dailyCV()[i]);
            if (c == null) continue;
            row.set(CLUSTER_WEEKEND_SHARE.name(), m.clusterWeekendShare()[c])
                    .set(CLUSTER_BUSINESS_SHARE.name(), m.clusterBusinessHoursShare()[c])
                    .set(CLUSTER_PEAK_HOUR.name(), m.clusterPeakHour()[c])
                    .set(CLUSTER_SPREAD.name(), m.clusterSpreadKm()[c])
                    .set(CLUSTER_PIECES.name(), m.clusterPieces()[c]);
        }

        RequestLayer requests = RequestLayer.create(NAME, SUMMARY, snapshot, REQUEST_COLUMNS)
                .districtContext(CLUSTER_ID.name(), m.clusterId())
                .districtContext(CLUSTER_LABEL.name(), m.clusterLabel());
        return new GeneratorOutput(NAME, VERSION, List.of(districts, requests.table()), provenance(series, m, settings));
    }

    private static Provenance provenance(SnapshotSeries series, TimeClusterMetrics m, RunSettings settings) {
        Provenance p = new Provenance();
        SeriesProvenance.calendar(p, series.calendar());
        SeriesProvenance.dayparts(p);
        SeriesProvenance.businessHours(p);
        m.clustering().addTo(p, "timeCluster", "the time clusters",
                "hour00Share .. hour23Share, mondayShare .. sundayShare (31 features)", "businessHoursShare",
                TimeClusterMetrics.MAX_K, settings.seed());
        p.add("clusterLabelRule", "day type: Weekday when the centroid's Monday–Friday share / 5 ≥ its weekend share / 2, else Weekend; "
                        + "period: the centroid's busiest daypart by mean share per hour; repeated labels add (cluster N)",
                "Rule naming the clusters.");
        p.add("distanceSpace", "z-scores with the population SD over the clustered districts (a constant feature gets 0)",
                "Space of distanceToCentroid and secondBestClusterId (the clustering's own space).");
        p.add("queenToleranceMeters", TimeClusterMetrics.QUEEN_TOLERANCE_METERS, "Convention: districts within 1 m of each other are neighbours (clusterPieces).");
        for (int c = 0; c < m.clustering().k(); c++) {
            double[] centroid = m.clustering().centroidsRaw()[c];
            p.add("timeCluster" + (c + 1), m.clusterLabels()[c] + "; " + m.clustering().sizes()[c] + " districts; day shares "
                            + Arrays.toString(Arrays.copyOfRange(centroid, 24, 31)) + "; hourly shares "
                            + Arrays.toString(Arrays.copyOf(centroid, 24)),
                    "Centroid profile (raw shares, Monday first and hour 0 first) of time cluster " + (c + 1) + ".");
        }
        return p;
    }

    private static List<Column> districtColumns() {
        List<Column> c = new ArrayList<>(List.of(CLUSTER_ID, CLUSTER_SIZE, CLUSTER_LABEL, DOMINANT_HOUR, DOMINANT_DAY,
                DISTANCE, CONFIDENCE, SECOND_BEST));
        c.addAll(TemporalPatterns.DAY_SHARES.stream().map(b -> b.column()).toList());
        c.addAll(PeakHourConsistency.DAYPART_SHARES.stream().map(b -> b.column()).toList());
        c.addAll(List.of(PeakHourConsistency.BUSINESS_SHARE.column(), TemporalPatterns.WEEKEND_SHARE.column(), RequestVolatility.DAILY_CV,
                CLUSTER_WEEKEND_SHARE, CLUSTER_BUSINESS_SHARE, CLUSTER_PEAK_HOUR, CLUSTER_SPREAD, CLUSTER_PIECES));
        return List.copyOf(c);
    }
}
