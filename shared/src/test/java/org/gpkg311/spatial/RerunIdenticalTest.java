package org.gpkg311.spatial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.gpkg311.generator.Generator;
import org.gpkg311.generator.GeneratorOutput;
import org.gpkg311.generator.RunSettings;
import org.gpkg311.generator.capacity.CapacityPlanning;
import org.gpkg311.generator.geographic.GeographicPatterns;
import org.gpkg311.generator.optimization.OptimizationOpportunities;
import org.gpkg311.generator.predictive.PredictiveHotspots;
import org.gpkg311.generator.servicetypes.ServiceTypeInsights;
import org.gpkg311.table.Table;
import org.junit.jupiter.api.Test;

/** Generators are pure: two runs on equal snapshots (separately built, so no memo is shared) give identical tables and provenance. */
class RerunIdenticalTest {

    @Test
    void everyGeneratorGivesTheSameOutputTwice() {
        for (Generator g : List.of(new GeographicPatterns(), new ServiceTypeInsights(), new PredictiveHotspots(),
                new CapacityPlanning(), new OptimizationOpportunities())) {
            GeneratorOutput a = g.generate(SpatialFixture.snapshot(), RunSettings.defaults());
            GeneratorOutput b = g.generate(SpatialFixture.snapshot(), RunSettings.defaults());
            assertEquals(a.layers().size(), b.layers().size());
            for (int t = 0; t < a.layers().size(); t++) {
                Table x = a.layers().get(t), y = b.layers().get(t);
                assertEquals(x.rowCount(), y.rowCount(), x.name());
                for (int r = 0; r < x.rowCount(); r++) {
                    assertArrayEquals(x.values(r), y.values(r), x.name() + " row " + r);
                    assertEquals(x.geometry(r), y.geometry(r));
                }
            }
            assertEquals(a.provenance().entries(), b.provenance().entries(), g.name());
        }
    }
}
