package org.gpkg311.generator;

import java.util.List;
import java.util.NoSuchElementException;

import org.gpkg311.generator.capacity.CapacityPlanning;
import org.gpkg311.generator.efficiency.ServiceEfficiency;
import org.gpkg311.generator.geographic.GeographicPatterns;
import org.gpkg311.generator.optimization.OptimizationOpportunities;
import org.gpkg311.generator.peakhour.PeakHourConsistency;
import org.gpkg311.generator.predictive.PredictiveHotspots;
import org.gpkg311.generator.servicetypes.ServiceTypeInsights;
import org.gpkg311.generator.temporal.TemporalPatterns;
import org.gpkg311.generator.timeclusters.TimeBasedClusters;
import org.gpkg311.generator.trend.TrendDirection;
import org.gpkg311.generator.volatility.RequestVolatility;

/** The registry of the eleven GeoPackages the product publishes, in the order of docs/methods.md#the-eleven-generators. */
public final class Generators {

    private static final List<Generator> ALL = List.of(
            new ServiceEfficiency(),
            new GeographicPatterns(),
            new TemporalPatterns(),
            new PeakHourConsistency(),
            new RequestVolatility(),
            new TimeBasedClusters(),
            new ServiceTypeInsights(),
            new TrendDirection(),
            new PredictiveHotspots(),
            new CapacityPlanning(),
            new OptimizationOpportunities());

    private Generators() {}

    public static List<Generator> all() {
        return ALL;
    }

    public static List<String> names() {
        return ALL.stream().map(Generator::name).toList();
    }

    public static Generator byName(String name) {
        return ALL.stream().filter(g -> g.name().equals(name)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no generator named '" + name + "'; known: " + String.join(", ", names())));
    }
}
