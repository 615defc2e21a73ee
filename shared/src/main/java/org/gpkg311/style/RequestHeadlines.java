package org.gpkg311.style;

import java.util.Map;

/**
 * The request-layer column a map of each generator's points is coloured by: the per-request label that
 * best shows the analysis (a generator without one is drawn in one colour). Kept beside the styles until
 * the generators declare it next to {@code headlineColumn()}.
 */
public final class RequestHeadlines {

    private static final Map<String, String> BY_GENERATOR = Map.ofEntries(
            Map.entry("capacityPlanning", "capacityStatus"),
            Map.entry("geographicPatterns", "spatialPatternCategory"),
            Map.entry("optimizationOpportunities", "priorityLabel"),
            Map.entry("peakHourConsistency", "peakPatternType"),
            Map.entry("predictiveHotspots", "priorityLabel"),
            Map.entry("requestVolatility", "volatilityCategory"),
            Map.entry("serviceEfficiency", "responseVsDistrictLabel"),
            Map.entry("serviceTypeInsights", "mixCategory"),
            Map.entry("temporalPatterns", "temporalCategory"),
            Map.entry("timeBasedClusters", "clusterLabel"),
            Map.entry("trendDirection", "trendDirection"));

    private RequestHeadlines() {}

    /** The TEXT request column of {@code generator}, or null when its points have none. */
    public static String of(String generator) {
        return BY_GENERATOR.get(generator);
    }
}
