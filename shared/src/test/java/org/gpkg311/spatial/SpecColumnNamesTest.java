package org.gpkg311.spatial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.gpkg311.generator.Generator;
import org.gpkg311.generator.GeneratorOutput;
import org.gpkg311.generator.RunSettings;
import org.gpkg311.generator.capacity.CapacityPlanning;
import org.gpkg311.generator.common.DistrictLayer;
import org.gpkg311.generator.common.RequestLayer;
import org.gpkg311.generator.geographic.GeographicPatterns;
import org.gpkg311.generator.optimization.OptimizationOpportunities;
import org.gpkg311.generator.predictive.PredictiveHotspots;
import org.gpkg311.generator.servicetypes.ServiceTypeInsights;
import org.gpkg311.table.Column;
import org.gpkg311.table.Table;
import org.junit.jupiter.api.Test;

/**
 * The layers of the five spatial/composite generators hold exactly the columns that generators.md names
 * (sections 2, 7, 9, 10, 11), in its order, after the base columns of every layer. The lists below are
 * copied from the spec; the few additions are marked with the rule they come from.
 */
class SpecColumnNamesTest {

    static final List<String> GEOGRAPHIC_DISTRICTS = List.of("requestDensity", "densityPercentile", "densityQuintile",
            "meanCenterLon", "meanCenterLat", "centroidOffsetKm", "standardDistanceKm", "nearestNeighborRatio",
            "nearestNeighborZ", "concentrationGini", "cellCountCV", "spatialPatternCategory", "spatialPatternConfidence",
            "densityGiZ", "densityGiP", "densityHotSpot", "densityGiBin", "densityGiBinFdr", "hotCellShare", "coldCellShare", "densityLisaI", "densityLisaP",
            "densityLisaType", "neighborCount", "neighborMeanDensity", "neighborDensityRatio", "adjacentHighDensityCount",
            "adjacentLowDensityCount", "isolationKm", "densityRank", "densityRatioToCity", "meanDistanceToCentroidKm",
            "maxRequestSpreadKm", "geographicPatternType");
    static final List<String> GEOGRAPHIC_REQUESTS = List.of("requestDensity", "spatialPatternCategory", "densityHotSpot",
            "densityLisaType", "nearestNeighborMeters", "distanceToDistrictCentroidKm");
    static final List<String> GEOGRAPHIC_CELLS = List.of("cellId", "districtId", "requestCount", "densityRank",
            "densityPercentile", "giZ", "giP", "giBin", "giBinFdr", "hotSpot");

    static final List<String> SERVICE_TYPES_DISTRICTS = List.of("distinctTypes", "topRequestType", "topTypeShare",
            "secondRequestType", "top3TypeShare", "shannonDiversity", "evenness", "simpsonDiversity", "herfindahlIndex",
            "recurringLocations", "recurringShare", "complexityIndex", "complexServiceShare", "mostOverrepresentedType",
            "overrepresentationQuotient", "overrepresentedTypeCount", "diversityCategory", "recurrenceCategory",
            "complexityCategory", "mixCategory", "mixConfidence");
    static final List<String> SERVICE_TYPES_REQUESTS = List.of("topRequestType", "mixCategory", "isRecurring",
            "typeMedianResponseHours");

    static final List<String> PREDICTIVE_DISTRICTS = List.of("growthFactor", "densityFactor", "backlogFactor",
            "responseFactor", "volatilityFactor", "recurrenceFactor", "offHoursFactor", "concentrationFactor",
            // "weightGrowth, weightDensity, …": one per factor, in factor order
            "weightGrowth", "weightDensity", "weightBacklog", "weightResponse", "weightVolatility", "weightRecurrence",
            "weightOffHours", "weightConcentration",
            "riskScore", "riskPercentile", "dominantRiskFactor", "priorityLabel", "riskRank", "riskCategory",
            // "Each district also gets its own silhouette value (…Confidence)" (Definitions: silhouette categories)
            "riskConfidence",
            "projectedNextMonth", "weeksToHotspot", "hotspotOutlook", "riskGiZ", "riskHotSpot");
    static final List<String> PREDICTIVE_REQUESTS = List.of("riskScore", "priorityLabel", "dominantRiskFactor");

    static final List<String> CAPACITY_DISTRICTS = List.of("dailyIntakeMedian", "dailyIntakeMAD", "dailyIntakeIQR",
            "demonstratedCapacity", "recentDailyIntake", "utilization", "backlog", "pressureDays", "intakeTrendPerDay",
            "daysToCapacity", "capacityOutlook", "capacityStatus", "capacityConfidence", "capacityRisk", "capacityRiskCategory",
            "currentMonthIntakePerDay",
            // the capacityRisk weights as weight… columns, as for riskScore and opportunityScore
            "weightUtilization", "weightPressureDays", "weightIntakeTrend");
    static final List<String> CAPACITY_REQUESTS = List.of("capacityStatus", "utilization", "capacityRisk");

    static final List<String> OPTIMIZATION_DISTRICTS = List.of("responseGapHours", "efficiencyGap", "workloadGap",
            "volatilityImpact", "workloadPressure", "responseGapToBestHours", "expectedHoursSaved", "opportunityScore",
            "weightResponse", "weightEfficiency", "weightWorkload", "weightStability", "priorityRank", "priorityLabel",
            "optimizationImpact", "opportunityCategory");
    static final List<String> OPTIMIZATION_REQUESTS = List.of("opportunityScore", "priorityLabel", "potentialHoursSaved");

    @Test
    void geographicPatterns() {
        GeneratorOutput out = check(new GeographicPatterns(), GEOGRAPHIC_DISTRICTS, GEOGRAPHIC_REQUESTS);
        assertEquals(GEOGRAPHIC_CELLS, names(out.layer("geographicPatternsHotSpotCells").columns()));
        assertEquals(3, out.layers().size());
    }

    @Test
    void serviceTypeInsights() {
        check(new ServiceTypeInsights(), SERVICE_TYPES_DISTRICTS, SERVICE_TYPES_REQUESTS);
    }

    @Test
    void predictiveHotspots() {
        check(new PredictiveHotspots(), PREDICTIVE_DISTRICTS, PREDICTIVE_REQUESTS);
    }

    @Test
    void capacityPlanning() {
        check(new CapacityPlanning(), CAPACITY_DISTRICTS, CAPACITY_REQUESTS);
    }

    @Test
    void optimizationOpportunities() {
        check(new OptimizationOpportunities(), OPTIMIZATION_DISTRICTS, OPTIMIZATION_REQUESTS);
    }

    private static GeneratorOutput check(Generator g, List<String> districtMetrics, List<String> requestFields) {
        GeneratorOutput out = g.generate(SpatialFixture.snapshot(), RunSettings.defaults());
        List<String> districts = new ArrayList<>(names(DistrictLayer.BASE_COLUMNS));
        districts.addAll(districtMetrics);
        List<String> requests = new ArrayList<>(names(RequestLayer.BASE_COLUMNS));
        requests.addAll(requestFields);
        Table d = out.layer(g.name() + "Districts");
        Table r = out.layer(g.name() + "Requests");
        assertEquals(districts, names(d.columns()));
        assertEquals(requests, names(r.columns()));
        assertEquals(4, d.rowCount(), "every district is present, the empty one too");
        for (Table t : out.layers()) {
            for (Column c : t.columns()) {
                assertTrue(Character.isUpperCase(c.alias().charAt(0)), c.name() + " alias " + c.alias());
                assertTrue(c.description().endsWith("."), c.name() + " description is a sentence");
            }
        }
        return out;
    }

    private static List<String> names(List<Column> columns) {
        return columns.stream().map(Column::name).toList();
    }
}
